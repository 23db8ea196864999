import Foundation
import TestSupport
import Testing

@testable import Journal

/// The standing (``Standing``): one picture of what stands, red flags until a doctor has seen them.
@Suite struct StandingTests {
    let directory = TemporaryDirectory()
    /// Day 0 is 2026-11-20.
    let now = Fixture.time(day: 30, hour: 12)
    let today = Fixture.date("2026-12-20")

    func store() throws -> JournalStore { try JournalStore(path: directory.file("journal.sqlite3")) }

    func checkIn(day: Int, pain: Int = 3, flags: [RedFlag] = [], recordedDay: Int? = nil) -> CheckIn {
        Fixture.valid {
            try CheckIn(
                performedAt: Fixture.time(day: day, hour: 8), utcOffset: 0, pain: Fixture.pain(pain), redFlags: flags,
                createdAt: Fixture.time(day: recordedDay ?? day, hour: 8))
        }
    }

    @Test func aRedFlagStandsHoweverOldUntilADoctorHasSeenIt() throws {
        let journal = try store()
        _ = try journal.add(checkIn(day: 6, flags: [.nightPain]))
        // 24 days ago: outside the 7-day window, still standing.
        let standing = try journal.standing(today: today)
        #expect(standing.redFlags.map(\.severity) == [.seeDoctor])
        #expect(standing.exitStatus == 3)

        let seen = try #require(
            try journal.resumeRedFlags(note: "GP: no concerns", time: nil, now: now, timeZone: .gmt))
        #expect(seen.covered.map(\.severity) == [.seeDoctor])
        #expect(seen.stillStanding.isEmpty)
        let after = try journal.standing(today: today)
        #expect(after.redFlags.isEmpty)
        #expect(after.exitStatus == 0)
        #expect(after.redFlagReview?.note == "GP: no concerns")
        // Nothing else stands: a second one records nothing.
        #expect(try journal.resumeRedFlags(note: nil, time: nil, now: now, timeZone: .gmt) == nil)

        // Undo takes it back: the flag stands again.
        #expect(try journal.undo()?.kind == .resume)
        #expect(try journal.standing(today: today).redFlags.count == 1)
    }

    @Test func theRecordCoversOnlyTheRedFlagsRecordedBeforeIt() throws {
        let journal = try store()
        _ = try journal.add(checkIn(day: 20, flags: [.chestPain]))
        _ = try journal.resumeRedFlags(note: nil, time: nil, now: Fixture.time(day: 25, hour: 12), timeZone: .gmt)
        // Recorded after the doctor's visit though dated before it (`--at`): not seen.
        _ = try journal.add(checkIn(day: 22, flags: [.fever], recordedDay: 26))
        let standing = try journal.standing(today: today)
        #expect(standing.redFlags.map(\.severity) == [.seeDoctor])
        #expect(standing.redFlag(.urgent) == nil)
    }

    @Test func aRecordDatedBeforeTheFlagsIsRefusedAndNothingSaved() throws {
        let journal = try store()
        _ = try journal.add(checkIn(day: 20, flags: [.fever]))
        #expect(throws: JournalError.self) {
            try journal.resumeRedFlags(note: nil, time: "2026-12-01 08:00", now: now, timeZone: .gmt)
        }
        #expect(try journal.standing(today: today).redFlags.count == 1)
    }

    @Test func exitStatusFollowsTheWorstTier() throws {
        func status(_ severities: [Finding.Severity], holds: Int = 0) -> Int32 {
            let findings = severities.map {
                Finding(
                    rule: "x", severity: $0, exerciseID: nil, performedAt: 0, utcOffset: 0, message: "",
                    note: "")
            }
            let hold = Hold(
                since: Finding(
                    rule: "more-pain", severity: .stop, exerciseID: "bird-dog", performedAt: 0, utcOffset: 0,
                    message: "",
                    note: ""), reasons: [], session: Fixture.entry(1, "bird-dog", before: 2, after: 4))
            return Standing(date: today, findings: findings, holds: Array(repeating: hold, count: holds)).exitStatus
        }
        #expect(status([]) == 0)
        #expect(status([.caution]) == 1)
        #expect(status([.seeGP]) == 1)
        #expect(status([.caution, .seeGP]) == 1)
        #expect(status([], holds: 1) == 2)
        #expect(status([.stop, .seeGP]) == 2)
        #expect(status([.seeDoctor]) == 3)
        #expect(status([.urgent, .caution]) == 3)
    }

    @Test func aVerySeverePainAtRestIsSeeGP() throws {
        #expect(SeverePainRule.finding(for: Fixture.checkIn(1, day: 0, hour: 8, pain: 7)) == nil)
        let finding = try #require(SeverePainRule.finding(for: Fixture.checkIn(1, day: 0, hour: 8, pain: 8)))
        #expect(finding.severity == .seeGP)
        #expect(
            finding.recommendation(Fixture.uk)
                == "Book a GP appointment. This is not an emergency, but a doctor should see it, not only a "
                + "physiotherapist.")
        #expect(Rules.evaluate(Fixture.checkIn(1, day: 0, hour: 8, pain: 9)).map(\.rule) == ["severe-pain"])
    }

    @Test func theWorseningTrendKeepsThePhysiotherapistAdviceAndAddsTheGPLine() throws {
        // Six days at 1, then six at 3 (+2 points).
        let entries =
            (0..<6).map { Fixture.entry(Int64($0 + 1), day: $0 + 1, before: 1, after: 1) }
            + (0..<6).map { Fixture.entry(Int64($0 + 7), day: $0 + 8, before: 3, after: 3) }
        let finding = try #require(WorseningRule.finding(in: entries, today: Fixture.date("2026-12-03")))
        #expect(finding.severity == .seeGP)
        #expect(
            finding.recommendation(Fixture.uk)
                == "Contact a physiotherapist about the rise in your pain. Book a GP appointment. This is not an "
                + "emergency, but a doctor should see it, not only a physiotherapist."
        )
    }

    @Test func aCheckInNoLongerJudgesTheDayBeforesSessionsAgain() throws {
        let journal = try store()
        var draft = EntryDraft(exercise: "glute-bridge")
        draft.painBefore = PainLevel(2)
        draft.painAfter = PainLevel(4)
        draft.time = .typed("2026-12-19 18:00")
        _ = try journal.log(draft, now: now, timeZone: .gmt)
        let logged = try journal.checkIn(checkIn(day: 30, pain: 9))
        // Its own findings only: the morning after, compared with the day before; not that day's rise again.
        #expect(logged.findings.map(\.rule) == ["severe-pain", "next-morning"])
        #expect(logged.findings.allSatisfy { $0.checkInID == logged.checkIn.id })
    }

    @Test func anEditAfterAReviewThatTurnsACoveredSessionIntoARisePutsTheExerciseOnHoldAgain() throws {
        let journal = try store()
        func draft(_ before: Int, _ after: Int, at time: String) -> EntryDraft {
            var draft = EntryDraft(exercise: "bird-dog")
            draft.painBefore = PainLevel(before)
            draft.painAfter = PainLevel(after)
            draft.time = .typed(time)
            return draft
        }
        _ = try journal.log(draft(2, 4, at: "2026-12-10 09:00"), now: Fixture.time(day: 20, hour: 10), timeZone: .gmt)
        let calm = try journal.log(
            draft(3, 3, at: "2026-12-11 09:00"), now: Fixture.time(day: 21, hour: 10), timeZone: .gmt)
        _ = try journal.resume(
            "bird-dog", note: nil, time: "2026-12-12 09:00", now: Fixture.time(day: 22, hour: 10), timeZone: .gmt)
        #expect(try journal.holds().isEmpty)

        var edit = EntryDraft(exercise: "bird-dog")
        edit.painAfter = PainLevel(5)
        let edited = try journal.edit(
            id: try #require(calm.entry.id), with: edit, now: Fixture.time(day: 23, hour: 10), timeZone: .gmt)
        #expect(edited.after.hold?.since.entryID == calm.entry.id)
        #expect(try journal.holds().map(\.exerciseID) == ["bird-dog"])
        #expect(try journal.standing(today: today).exitStatus == 2)
    }

    @Test func anEditThatChangesNothingReviewedLeavesTheReviewStanding() throws {
        let journal = try store()
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(2)
        draft.painAfter = PainLevel(4)
        draft.time = .typed("2026-12-10 09:00")
        let rise = try journal.log(draft, now: Fixture.time(day: 20, hour: 10), timeZone: .gmt)
        _ = try journal.resume(
            "bird-dog", note: nil, time: "2026-12-12 09:00", now: Fixture.time(day: 22, hour: 10), timeZone: .gmt)
        var edit = EntryDraft(exercise: "bird-dog")
        edit.note = "felt it in the hip"
        _ = try journal.edit(
            id: try #require(rise.entry.id), with: edit, now: Fixture.time(day: 23, hour: 10), timeZone: .gmt)
        #expect(try journal.holds().isEmpty)
    }

    @Test func theStandingHoldsEqualTheHoldsQueryExerciseByExercise() throws {
        let journal = try store()
        let exercises = ["bird-dog", "glute-bridge", "side-plank", "pelvic-tilt"]
        var generator = SplitMix(seed: 23)
        for index in 0..<80 {
            var draft = EntryDraft(exercise: exercises[Int(generator.next() % 4)])
            draft.painBefore = PainLevel(Int(generator.next() % 5))
            draft.painAfter = PainLevel(Int(generator.next() % 7))
            if draft.exercise == "side-plank" { draft.holdSeconds = 20 }
            draft.time = .typed("2026-11-\(10 + index % 20) 0\(index % 9):00")
            _ = try journal.log(draft, now: Fixture.time(day: 20, hour: 10), timeZone: .gmt)
            if index == 40 {
                _ = try journal.resume(
                    "bird-dog", note: nil, time: "2026-11-25 10:00", now: Fixture.time(day: 20, hour: 11),
                    timeZone: .gmt)
            }
        }
        // The one query over every exercise finds what a query per exercise finds.
        let each = try journal.reading { db in
            let reviews = try HoldQueries.latestReviews(db)
            return try exercises.sorted().compactMap { try HoldQueries.hold(exerciseID: $0, review: reviews[$0], db) }
        }
        #expect(!each.isEmpty)
        #expect(try journal.holds() == each)
    }
}
