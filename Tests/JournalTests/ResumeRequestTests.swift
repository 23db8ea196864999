import Foundation
import Testing

@testable import Journal

/// `journal resume`'s one library operation: the request is checked and resolved once, then recorded.
@Suite struct ResumeRequestTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func request(_ subject: ResumeRequest.Subject, time: String? = nil) throws -> ResumeRequest {
        try ResumeRequest(
            subject: subject, note: nil, time: time, catalog: { Catalog.builtIn }, now: now, timeZone: .gmt)
    }

    @Test func anExerciseIsResolvedToItsIdAndTheTimeRead() throws {
        let request = try request(.exercise("Glute Bridge"), time: "2026-11-25 09:30")
        #expect(request.subject == .exercise("glute-bridge"))
        // 2026-11-25T09:30:00Z.
        #expect(request.at == ResolvedTime(unixSeconds: 1_795_599_000, utcOffset: 0))
        #expect(request.nothingRecorded == "glute-bridge is not on hold; nothing was recorded.")
        #expect(try self.request(.redFlags).at == ResolvedTime(unixSeconds: now, utcOffset: 0))
        #expect(try self.request(.redFlags).nothingRecorded == "No red flag stands; nothing was recorded.")
    }

    @Test func anUnknownExerciseOrABadTimeIsRefusedBeforeAnyJournal() throws {
        #expect {
            try request(.exercise("glute-brige"))
        } throws: { error in
            guard case JournalError.unknownExercise("glute-brige", let suggestions) = error else { return false }
            return suggestions.contains("glute-bridge")
        }
        #expect {
            try request(.redFlags, time: "tomorrow at noon-ish")
        } throws: { error in
            if case JournalError.invalidDate = error { return true }
            return false
        }
        #expect(throws: JournalError.self) { try request(.exercise("bird-dog"), time: "2026-11-26 09:00") }
    }

    @Test func theRedFlagsNeverReadTheCatalogue() throws {
        var read = false
        _ = try ResumeRequest(
            subject: .redFlags, note: nil, time: nil,
            catalog: {
                read = true
                return Catalog.builtIn
            }, now: now,
            timeZone: .gmt)
        #expect(!read)
    }

    @Test func nothingOnHoldRecordsNothingAndAHoldIsLifted() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        #expect(try store.resume(request(.exercise("bird-dog")), now: now, timeZone: .gmt) == nil)
        #expect(try store.reviews(performedIn: 0..<Int64.max).isEmpty)
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(2)
        draft.painAfter = PainLevel(5)
        draft.time = .typed("2026-11-25 08:00")
        _ = try store.log(draft, now: now, timeZone: .gmt)
        guard case .resumed(let resumed)? = try store.resume(request(.exercise("bird dog")), now: now, timeZone: .gmt)
        else {
            Issue.record("bird-dog was on hold after pain rose 2 → 5")
            return
        }
        #expect(resumed.review.exerciseID == "bird-dog")
        #expect(resumed.hold.exerciseID == "bird-dog")
        #expect(try store.holds().isEmpty)
        #expect(try store.resume(request(.redFlags), now: now, timeZone: .gmt) == nil)
    }
}
