import Foundation
import TestSupport
import Testing

@testable import Journal

/// Every `--json` shape a command prints, written by the library: each test checks its exact keys.
@Suite struct CommandJSONTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800
    let words = RegionalAdvice(region: nil)

    /// The keys of the JSON object `value` encodes to, and the object.
    func object(_ value: some Encodable) throws -> [String: Any] {
        let text = try JSONText.pretty(value)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func keys(_ value: some Encodable) throws -> [String] { try object(value).keys.sorted() }

    /// A journal with glute-bridge on hold (pain 3 → 6 yesterday), bird-dog due and a red flag from this morning.
    func journal() throws -> (JournalStore, LoggedEntry, LoggedCheckIn) {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        var draft = EntryDraft(exercise: "glute-bridge")
        draft.painBefore = PainLevel(3)
        draft.painAfter = PainLevel(6)
        draft.time = .typed("2026-11-24 18:00")
        let logged = try store.log(draft, now: now, timeZone: .gmt)
        try store.setPlan(PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5), now: now)
        try store.setPlan(PlanItem(exerciseID: "bird-dog", sets: 2, holdSeconds: 10, perWeek: 7), now: now)
        let checkIn = try store.checkIn(
            CheckIn(
                pain: try #require(PainLevel(4)), redFlags: [.bothLegs], at: "2026-11-25 08:00", now: now,
                timeZone: .gmt))
        return (store, logged, checkIn)
    }

    @Test func textIsPrettyWithSortedKeysAndSlashesKept() throws {
        var result = ImportResult(added: 2, skipped: 1)
        result.checkIns = 0
        #expect(try JSONText.pretty(CSVImportJSON(result)) == "{\n  \"added\" : 2,\n  \"skipped\" : 1\n}")
        #expect(try JSONText.pretty(["a/b": 1]) == "{\n  \"a/b\" : 1\n}")
        #expect(try JSONText.pretty(AddedJSON(id: 7)) == "{\n  \"id\" : 7\n}")
    }

    @Test func aFullImportNamesEveryKind() throws {
        var result = ImportResult(added: 1, skipped: 0)
        (result.checkIns, result.reviews, result.exercises, result.planItems) = (2, 3, 4, 5)
        (result.activities, result.ratings, result.redFlagReviews) = (6, 7, 8)
        let json = try object(FullImportJSON(result))
        #expect(
            json.keys.sorted() == [
                "added", "checkins", "exercises", "plan", "psfs_activities", "psfs_ratings", "red_flag_reviews",
                "region", "reviews",
            ])
        #expect(json["plan"] as? Int == 5)
        #expect(json["red_flag_reviews"] as? Int == 8)
    }

    @Test func logEditAndCheckInKeys() throws {
        let (_, logged, checkIn) = try journal()
        #expect(
            try keys(LoggedJSON(logged, advice: words)) == [
                "entry", "findings", "hold", "hold_moved_earlier", "paused", "region",
            ])
        let edit = EditJSON(
            before: EntryJSON(logged.entry), after: EntryJSON(logged.entry), findings: [], hold: nil, paused: nil)
        #expect(
            try keys(edit) == ["after", "before", "changed", "findings", "hold", "hold_begun", "hold_lifted", "paused"])
        // The generic words have no region: the key is still there, null, as log --json writes it.
        #expect(try keys(CheckedInJSON(checkIn, advice: words)) == ["checkin", "findings", "region"])
        #expect(try object(CheckedInJSON(checkIn, advice: Fixture.uk))["region"] as? String == "GB")
        let checkInEdit = CheckInEditJSON(
            before: CheckInJSON(checkIn.checkIn), after: CheckInJSON(checkIn.checkIn), findings: [])
        #expect(
            try keys(checkInEdit) == ["after", "before", "changed", "findings", "red_flags_begun", "red_flags_lifted"])
    }

    @Test func standingCheckAndTodayKeys() throws {
        let (store, _, _) = try journal()
        let today = try #require(LocalDate(iso8601: "2026-11-25"))
        let standing = try store.standing(today: today)
        let standingKeys = ["findings", "holds", "red_flags_seen", "region", "reminders"]
        #expect(try keys(StandingJSON(standing, advice: words)) == standingKeys)
        let check = try object(CheckJSON(standing: standing, advice: words))
        #expect(check.keys.sorted() == (standingKeys + ["exit_status"]).sorted())
        #expect(check["exit_status"] as? Int32 == standing.exitStatus)
        // The journal's red flag stops every session, so nothing is due under it; the keys of a due
        // exercise are read under a standing without it.
        let stopped = try object(TodayJSON(try store.routine(today: today), standing: standing, advice: words))
        #expect(standing.stoppingSessions != nil)
        #expect((stopped["due"] as? [Any])?.isEmpty == true)
        let todayJSON = try object(
            TodayJSON(
                try store.routine(today: today), standing: Standing(date: today, holds: standing.holds), advice: words))
        #expect(todayJSON.keys.sorted() == ["date", "done_today", "due", "held", "not_due", "standing", "upcoming"])
        let held = try #require((todayJSON["held"] as? [[String: Any]])?.first)
        #expect(held.keys.sorted() == ["exercise", "since"])
        let due = try #require((todayJSON["due"] as? [[String: Any]])?.first)
        #expect(
            due.keys.sorted() == [
                "done_this_week", "exercise", "hold_seconds", "measure_note", "planned_this_week", "reps",
                "sessions_today", "sets",
            ])
    }

    @Test func resumeKeys() throws {
        let (store, _, _) = try journal()
        let resumed = try #require(
            try store.resume("glute-bridge", note: "ok", time: nil, now: now, timeZone: .gmt))
        #expect(
            try keys(ResumeJSON(resumed: resumed, advice: words)) == [
                "exercise", "id", "lifted", "note", "reviewed_at", "standing", "still_held",
            ])
        let seen = try #require(try store.resumeRedFlags(note: nil, time: nil, now: now, timeZone: .gmt))
        #expect(
            try keys(RedFlagsSeenJSON(seen: seen, advice: words)) == [
                "covered", "id", "note", "reviewed_at", "standing", "still_standing",
            ])
    }

    /// Every key is there whether or not anything was undone.
    @Test func undoKeys() throws {
        let all = [
            "checkin_ids", "checkins", "detail", "entries", "entry_ids", "exercise", "exercise_ids", "exercises",
            "holds", "holds_lifted", "kind", "made_at", "message", "plan_exercise_ids", "plan_items",
            "psfs_activities", "psfs_activity_ids", "psfs_rating_ids", "psfs_ratings", "red_flag_review_ids",
            "red_flags_begun", "red_flags_lifted", "region",
            "removed_checkin", "removed_entry", "replaced_checkins", "replaced_entries", "replaced_exercises",
            "replaced_region", "review_ids", "reviewed_exercises", "setting", "setting_names", "standing", "stopped",
            "undone",
        ]
        #expect(
            try keys(
                UndoJSON(
                    result: nil, message: "Nothing to undo.", timeZone: .gmt,
                    today: try #require(LocalDate(year: 2026, month: 11, day: 25)))) == all)
        let (store, _, _) = try journal()
        let undone = try #require(try store.undo())
        #expect(
            try keys(
                UndoJSON(
                    result: undone, message: "Removed", timeZone: .gmt,
                    today: try #require(LocalDate(year: 2026, month: 11, day: 25)))) == all)
    }

    @Test func exerciseRegionSafetyAndDoctorKeys() throws {
        let exercise = try #require(Catalog.builtIn.exercise(id: "glute-bridge"))
        #expect(
            try keys(ExerciseJSON(exercise)) == [
                "archived", "category", "custom", "how_to", "how_to_source", "id", "measure", "name", "per_side",
            ])
        let none = RegionSetting(region: nil, source: .none(locale: nil), stored: nil)
        // Every key of the region, null or not.
        #expect(try keys(RegionJSON(none)) == ["explanation", "locale", "name", "region", "source", "stored"])
        #expect(
            try keys(SafetyJSON(redFlagsOnly: false, setting: none)) == [
                "advice", "disclaimer", "red_flag_tiers", "red_flags", "region", "rules", "sources",
            ])
        #expect(
            try keys(SafetyJSON(redFlagsOnly: true, setting: none)) == [
                "advice", "red_flag_tiers", "red_flags", "region",
            ])
        let (store, _, _) = try journal()
        let doctor = try object(
            DoctorJSON(store.diagnose(full: false), [PermissionChange(path: "/j", from: 0o644, to: 0o600)]))
        #expect(
            doctor.keys.sorted() == [
                "access", "checkins", "entries", "file_bytes", "healthy", "integrity", "integrity_check",
                "newer_version", "path", "permissions_tightened", "schema", "up_to_date", "wal_bytes",
            ])
        let change = try #require((doctor["permissions_tightened"] as? [[String: Any]])?.first)
        #expect(change["from"] as? String == "644")
        #expect(change["to"] as? String == "600")
    }
}
