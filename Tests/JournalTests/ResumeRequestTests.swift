import Foundation
import TestSupport
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
        guard case .nothingRecorded = try store.resume(request(.exercise("bird-dog")), now: now) else {
            Issue.record("bird-dog was not on hold")
            return
        }
        #expect(try store.reviews(performedIn: 0..<Int64.max).isEmpty)
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(2)
        draft.painAfter = PainLevel(5)
        draft.time = .typed("2026-11-25 08:00")
        _ = try store.log(draft, now: now, timeZone: .gmt)
        guard case .resumed(let resumed) = try store.resume(request(.exercise("bird dog")), now: now)
        else {
            Issue.record("bird-dog was on hold after pain rose 2 → 5")
            return
        }
        #expect(resumed.review.exerciseID == "bird-dog")
        #expect(resumed.hold.exerciseID == "bird-dog")
        #expect(try store.holds().isEmpty)
        guard case .nothingRecorded = try store.resume(request(.redFlags), now: now) else {
            Issue.record("no red flag stood")
            return
        }
    }
}

extension ResumeRequestTests {
    /// The store records the time the request read, and never reads `time` again: a request made
    /// on 2026-11-25 for "yesterday 15:00" is the 24th, even when recorded a day later (read again
    /// then, it would be the 25th).
    @Test func theStoreRecordsTheTimeTheRequestReadNeverReadingItAgain() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(2)
        draft.painAfter = PainLevel(5)
        draft.time = .typed("2026-11-24 08:00")
        _ = try store.log(draft, now: now, timeZone: .gmt)
        _ = try store.checkIn(
            CheckIn(
                performedAt: now - 86_400, utcOffset: 0, pain: #require(PainLevel(4)), note: nil,
                redFlags: [.fever], createdAt: now))
        let later = now + 86_400
        guard
            case .resumed(let resumed) = try store.resume(
                request(.exercise("bird-dog"), time: "yesterday 15:00"), now: later)
        else {
            Issue.record("bird-dog was on hold after pain rose 2 → 5")
            return
        }
        // 2026-11-24T15:00:00Z, recorded at 2026-11-26T10:00:00Z.
        #expect(resumed.review.reviewedAt == 1_795_532_400)
        #expect(resumed.review.createdAt == later)
        guard case .redFlagsSeen(let seen) = try store.resume(request(.redFlags, time: "yesterday 15:00"), now: later)
        else {
            Issue.record("a fever was recorded on 2026-11-24 at 10:00")
            return
        }
        #expect(seen.review.reviewedAt == 1_795_532_400)
        #expect(seen.covered.count == 1)
    }
}

extension JournalStore {
    /// `journal resume EXERCISE`, through its one path (``ResumeRequest``), for tests that lift a hold.
    func resume(_ exercise: String, note: String?, time: String?, now: Int64, timeZone: TimeZone) throws -> Resumed? {
        let request = try ResumeRequest(
            subject: .exercise(exercise), note: note, time: time, catalog: { try catalog(includingArchived: true) },
            now: now, timeZone: timeZone)
        guard case .resumed(let resumed) = try resume(request, now: now) else { return nil }
        return resumed
    }

    /// `journal resume --red-flags`, through its one path (``ResumeRequest``).
    func resumeRedFlags(note: String?, time: String?, now: Int64, timeZone: TimeZone) throws -> RedFlagsSeen? {
        let request = try ResumeRequest(
            subject: .redFlags, note: note, time: time, catalog: { Catalog.builtIn }, now: now, timeZone: timeZone)
        guard case .redFlagsSeen(let seen) = try resume(request, now: now) else { return nil }
        return seen
    }
}
