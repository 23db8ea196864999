import Foundation
import Testing

@testable import Journal

/// The words shared by every surface, each worked out by hand.
@Suite struct WordingTests {
    @Test func aCountTakesTheSingularForOneOnly() {
        #expect(Wording.count(0, "entry", "entries") == "0 entries")
        #expect(Wording.count(1, "entry", "entries") == "1 entry")
        #expect(Wording.count(2, "entry", "entries") == "2 entries")
        #expect(Wording.count(-1, "day", "days") == "-1 days")
        #expect(Wording.count(Int64(1), "minute", "minutes") == "1 minute")
        #expect(Wording.count(21, "change was", "changes were") == "21 changes were")
        #expect(Wording.noun(1, "a day", "per 1 days") == "a day")
        #expect(Wording.noun(3, "a day", "per 3 days") == "per 3 days")
        #expect(Wording.pronoun(1) == "it")
        #expect(Wording.pronoun(2) == "them")
    }

    @Test func aDoseNamesRepsHoldsAndTheSide() {
        #expect(Wording.dose(sets: 3, reps: 10, holdSeconds: nil, side: nil) == "3 × 10 reps")
        #expect(Wording.dose(sets: 3, reps: 10, holdSeconds: 5, side: nil) == "3 × 10 reps, 5 s hold")
        #expect(Wording.dose(sets: 2, reps: nil, holdSeconds: 30, side: .left) == "2 × 30 s hold, left side")
        #expect(Wording.dose(sets: 1, reps: nil, holdSeconds: nil, side: nil) == "1 set")
        #expect(Wording.dose(sets: 4, reps: nil, holdSeconds: nil, side: .both) == "4 sets, both sides")
    }

    @Test func anEntryAndAPlanItemReadTheirOwnDose() throws {
        let pain = try #require(PainLevel(3))
        let entry = try Entry(
            exerciseID: "side-plank", performedAt: 0, utcOffset: 0, sets: 1, reps: 8, holdSeconds: 5, side: .right,
            painBefore: pain, painAfter: pain, createdAt: 0)
        #expect(Wording.dose(entry) == "1 × 8 reps, 5 s hold, right side")
        let item = try PlanItem(exerciseID: "plank", sets: 2, holdSeconds: 30, perWeek: 5)
        #expect(Wording.dose(item) == "2 × 30 s hold")
        let sets = try Entry(
            exerciseID: "walk", performedAt: 0, utcOffset: 0, sets: 3, painBefore: pain, painAfter: pain, createdAt: 0)
        #expect(Wording.dose(sets) == "3 sets")
    }

    @Test func aTimeCarriesItsOffsetFromUTC() {
        #expect(Wording.offset(0) == "(UTC+00:00)")
        #expect(Wording.offset(3600) == "(UTC+01:00)")
        #expect(Wording.offset(-18_000) == "(UTC-05:00)")
        #expect(Wording.offset(-2670) == "(UTC-00:44:30)")
        // 2026-11-20T06:30:00Z is 07:30 at UTC+01:00.
        let local = LocalDateTime(unixSeconds: 1_795_156_200, utcOffset: 3600)
        #expect(Wording.time(local) == "2026-11-20 07:30 (UTC+01:00)")
    }

    @Test func howLongAgoCountsWholeSecondsMinutesHoursAndDays() throws {
        // 2026-11-25T10:00:00Z; five seconds after it is later than now, named by its time.
        let now: Int64 = 1_795_600_800
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(Wording.ago(now + 5, now: now, timeZone: utc) == "at 2026-11-25 10:00 (UTC+00:00)")
        #expect(Wording.ago(now, now: now, timeZone: utc) == "just now")
        #expect(Wording.ago(now - 59, now: now, timeZone: utc) == "just now")
        #expect(Wording.ago(now - 60, now: now, timeZone: utc) == "1 minute ago")
        #expect(Wording.ago(now - 119, now: now, timeZone: utc) == "1 minute ago")
        #expect(Wording.ago(now - 120, now: now, timeZone: utc) == "2 minutes ago")
        #expect(Wording.ago(now - 3_599, now: now, timeZone: utc) == "59 minutes ago")
        #expect(Wording.ago(now - 3_600, now: now, timeZone: utc) == "1 hour ago")
        #expect(Wording.ago(now - 7_199, now: now, timeZone: utc) == "1 hour ago")
        #expect(Wording.ago(now - 7_200, now: now, timeZone: utc) == "2 hours ago")
        #expect(Wording.ago(now - 86_399, now: now, timeZone: utc) == "23 hours ago")
        #expect(Wording.ago(now - 86_400, now: now, timeZone: utc) == "1 day ago")
        #expect(Wording.ago(now - 172_799, now: now, timeZone: utc) == "1 day ago")
        #expect(Wording.ago(now - 172_800, now: now, timeZone: utc) == "2 days ago")
        #expect(Wording.ago(now - 400 * 86_400, now: now, timeZone: utc) == "400 days ago")
    }

    @Test func sharedSentencesReadAsWritten() {
        #expect(
            Wording.noPlanYet()
                == "No plan yet. Set one with: journal plan set glute-bridge --sets 3 --reps 10 --per-week 5")
        #expect(
            Wording.noPlanYet(held: ["glute-bridge"])
                == "No plan yet. Set one with: journal plan set \(Catalog.builtIn.exercises.first { $0.id != "glute-bridge" }!.id) --sets 3 --reps 10 --per-week 5"
        )
        #expect(
            Wording.noPlanYet(held: Set(Catalog.builtIn.exercises.map(\.id)))
                == "No plan yet. Set one with: journal plan set EXERCISE --sets 3 --reps 10 --per-week 5")
        #expect(Wording.noSession() == "No session while this stands.")
        #expect(Wording.undoBringsBack(1) == "`journal undo` brings it back.")
        #expect(Wording.undoBringsBack(2) == "`journal undo` brings them back.")
        #expect(Wording.nothingDeleted == "Nothing was deleted.")
        #expect(
            Wording.seePhysiotherapistThenResume("glute-bridge")
                == "see a physiotherapist, then `journal resume glute-bridge`")
        #expect(Wording.undoRemovesSlip == "if that is a slip, `journal undo` removes it.")
    }
}
