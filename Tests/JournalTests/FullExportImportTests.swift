import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The full export (`journal export --all`) and its restore: nothing lost, nothing false.
@Suite struct FullExportImportTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func store(_ name: String) throws -> JournalStore { try JournalStore(path: directory.file(name)) }

    func draft(
        _ exercise: String, at time: String, before: Int = 3, after: Int = 3, reps: Int? = nil, note: String? = nil
    ) -> EntryDraft {
        var draft = EntryDraft(exercise: exercise)
        draft.painBefore = PainLevel(before)
        draft.painAfter = PainLevel(after)
        draft.reps = reps
        draft.note = note
        draft.time = .typed(time)
        return draft
    }

    /// A journal with a bit of everything: own exercises (one archived, with entries), sessions
    /// done alike at the same minute, an offset to the second, awkward notes, check-ins with red
    /// flags, a plan and a review.
    func fullJournal(_ name: String = "source.sqlite3") throws -> JournalStore {
        let journal = try store(name)
        let monrovia = try #require(TimeZone(identifier: "Africa/Monrovia"))
        try journal.addExercise(
            Exercise.custom(id: "wall-squat", name: "Wall squat", category: .stability, perSide: false, measure: .reps))
        try journal.addExercise(
            Exercise.custom(id: "cat-cow", name: "Cat-cow stretch", category: .stretch, perSide: true, measure: .hold))
        for _ in 0..<2 {
            _ = try journal.log(draft("wall-squat", at: "1970-06-01 10:00", reps: 10), now: now, timeZone: monrovia)
        }
        _ = try journal.log(draft("cat-cow", at: "2026-11-01 09:00"), now: now, timeZone: .gmt)
        _ = try journal.removeExercise(id: "cat-cow", force: true)
        for note in [
            " =HYPERLINK(\"x\")", "line one\nline two", "🙂 e\u{301}", "'quoted", String(repeating: "é", count: 4000),
        ] {
            _ = try journal.log(
                draft("glute-bridge", at: "2026-11-10 08:00", reps: 10, note: note), now: now, timeZone: .gmt)
        }
        _ = try journal.log(draft("bird-dog", at: "2026-11-19 10:00", before: 2, after: 5), now: now, timeZone: .gmt)
        _ = try journal.resume(
            "bird-dog", note: "lighter, stop at mild discomfort", time: "2026-11-21 15:00", now: now, timeZone: .gmt)
        _ = try journal.checkIn(
            CheckIn(
                performedAt: now - 86_400, utcOffset: 3600, pain: #require(PainLevel(4)), note: "stiff",
                redFlags: [.fever, .bothLegs], createdAt: now))
        _ = try journal.checkIn(
            CheckIn(performedAt: 13_092_270, utcOffset: -2670, pain: #require(PainLevel(1)), createdAt: now))
        try journal.setPlan(PlanItem(exerciseID: "wall-squat", sets: 2, reps: 8, perWeek: 3))
        // A dose changed on 20 November: the plan keeps the one before it.
        try journal.setPlan(
            PlanItem(
                exerciseID: "side-plank", sets: 2, holdSeconds: 10, perWeek: 5, since: LocalDate(iso8601: "2026-11-10"))
        )
        try journal.setPlan(
            PlanItem(
                exerciseID: "side-plank", sets: 3, reps: 5, holdSeconds: 10, perWeek: 7,
                since: LocalDate(iso8601: "2026-11-20")))
        return journal
    }

    func exportAll(_ journal: JournalStore) throws -> [UInt8] {
        try written { try journal.exportAll(to: $0) }
    }

    func written(_ body: (OutputSink) throws -> Void) throws -> [UInt8] {
        let path = directory.file("export-\(UUID().uuidString)")
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        let sink = OutputSink(descriptor: descriptor, name: path)
        try body(sink)
        try sink.flush()
        close(descriptor)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func restore(_ bytes: [UInt8], into journal: JournalStore) throws -> ImportResult {
        try journal.restore(from: { ByteSource(bytes: bytes) }, now: now)
    }

    func restore(_ text: String, into journal: JournalStore) throws -> ImportResult {
        try restore(Array(text.utf8), into: journal)
    }

    @Test func aFullExportRestoresByteForByte() throws {
        let source = try fullJournal()
        let bytes = try exportAll(source)
        #expect(try exportAll(source) == bytes, "the same journal gives the same bytes")
        let target = try store("target.sqlite3")
        let result = try restore(bytes, into: target)
        #expect(result.added == 9 && result.checkIns == 2 && result.reviews == 1)
        #expect(result.exercises == 2 && result.planItems == 2)
        #expect(try exportAll(target) == bytes)
        let csv = try written { try source.export(.csv, selection: ExportSelection(), to: $0) }
        #expect(try written { try target.export(.csv, selection: ExportSelection(), to: $0) } == csv)
        #expect(try target.holds() == source.holds())
        #expect(try target.catalog().exercises.map(\.id) == source.catalog().exercises.map(\.id))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\"format\":\"journal-export\",\"version\":1,\n\"entries\":[\n{"))
        #expect(
            text.contains(
                #"{"archived":true,"category":"stretch","how_to":null,"id":"cat-cow","measure":"hold","name":"Cat-cow stretch","per_side":true}"#
            ))
        #expect(
            text.contains(
                #"{"id":2,"note":null,"pain":1,"performed_at":"1970-06-01T12:00:00-00:44:30","recorded_at":"2026-11-25T10:00:00+00:00","red_flags":[]}"#
            ))
        // The journal has no PSFS activities: the last members are empty.
        #expect(
            text.hasSuffix(
                "\n],\n\"psfs_activities\":[],\n\"psfs_ratings\":[],\n\"red_flag_reviews\":[],\n\"settings\":[]\n}\n"))
    }

    @Test func anEmptyJournalAndNoJournalExportTheSame() throws {
        let empty = try exportAll(try store("empty.sqlite3"))
        #expect(try written { try ExportWriter.exportAllOfNothing(to: $0) } == empty)
        #expect(
            String(decoding: empty, as: UTF8.self)
                == "{\"format\":\"journal-export\",\"version\":1,\n\"entries\":[],\n\"exercises\":[],\n\"checkins\":[],\n"
                + "\"plan\":[],\n\"reviews\":[],\n\"psfs_activities\":[],\n\"psfs_ratings\":[],\n"
                + "\"red_flag_reviews\":[],\n\"settings\":[]\n}\n")
        #expect(try restore(empty, into: try store("target.sqlite3")) == ImportResult())
    }

    @Test func aJournalWithHistoryIsNotOverwritten() throws {
        let bytes = try exportAll(try fullJournal())
        let target = try store("target.sqlite3")
        _ = try target.checkIn(CheckIn(performedAt: now, utcOffset: 0, pain: PainLevel(2)!, createdAt: now))
        #expect(
            throws: JournalError.invalidImport(
                line: 1,
                problem: "a full export restores a whole journal into an empty one, and this journal already holds "
                    + "1 check-in. Restore into a new journal (--db NEW-PATH, or JOURNAL_DB), or import the entries "
                    + "alone from a CSV (`journal export --format csv`).")
        ) { try restore(bytes, into: target) }
        #expect(try target.entryCount() == 0)
        #expect(try target.catalog().exercise(id: "wall-squat") == nil)
    }

    @Test func undoRemovesTheHistoryAndARestoreAgainGivesTheSameJournal() throws {
        let bytes = try exportAll(try fullJournal())
        let target = try store("target.sqlite3")
        let first = try restore(bytes, into: target)
        let undone = try #require(try target.undo())
        #expect(
            undone.kind == .import && undone.removed == 9 && undone.checkInsRemoved == 2 && undone.reviewsRemoved == 1)
        #expect(try target.entryCount() == 0)
        #expect(try target.checkIns(limit: nil).isEmpty)
        #expect(try target.plan().isEmpty, "the plan and exercises the import added go too")
        #expect(try restore(bytes, into: target) == first)
        #expect(try exportAll(target) == bytes)
    }

    // MARK: Undoing a full import

    /// ``fullJournal(_:)`` with what it lacks of a full export: PSFS activities and ratings, a
    /// record that a doctor has seen the red flags, and a region.
    func journalOfEveryKind() throws -> JournalStore {
        let journal = try fullJournal()
        let activity = try journal.addActivity(
            PSFSActivity(activity: "Putting on socks", at: "2026-11-20 08:00", now: now, timeZone: .gmt), now: now)
        _ = try journal.rate(
            PSFSRating(
                activityID: #require(activity.id), score: #require(PainLevel(4)), at: "2026-11-21 08:00", now: now,
                timeZone: .gmt),
            now: now)
        _ = try #require(try journal.resumeRedFlags(note: "GP: no concerns", time: nil, now: now, timeZone: .gmt))
        try journal.setRegion(.ireland, now: now)
        return journal
    }

    /// Every row of every table, as SQLite holds it, with its rowid where the table has one; but the
    /// undo history (`changes` and `change_*`), which records the import and its undo, the ids
    /// (`sqlite_sequence` and the alias tables `<record>_ids`): an id is never given twice, so undo
    /// leaves each counter, and each alias the import gave, where the import took it, as undoing a
    /// log does; and the clock (`replica_clocks`), which every write moves on.
    ///
    /// A row keyed by what people type that undo took away stays, flagged (docs/sync-ids.md, "Deletes and foreign
    /// keys"): a plan item or earlier dose `removed`, a setting's value NULL, an exercise archived
    /// that no entry names; those are left out.
    func everyRow(_ journal: JournalStore) throws -> [String: [Row]] {
        let live = [
            "plan": "removed = 0", "plan_history": "removed = 0", "settings": "value IS NOT NULL",
            "exercises": "NOT (archived = 1 AND id NOT IN (SELECT exercise_id FROM entries))",
        ]
        return try journal.queue.read { db in
            let tables = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'change%' AND name <> 'sqlite_sequence'
                        AND name NOT GLOB '*_ids' AND name <> 'replica_clocks'
                    """)
            var rows: [String: [Row]] = [:]
            for table in tables {
                let name: String = table["name"]
                let sql: String = table["sql"]
                rows[name] = try Row.fetchAll(
                    db,
                    sql: sql.contains("WITHOUT ROWID")
                        ? "SELECT * FROM \(name) WHERE \(live[name] ?? "1") ORDER BY 1, 2"
                        : "SELECT rowid AS row_id, * FROM \(name) WHERE \(live[name] ?? "1") ORDER BY rowid")
            }
            return rows
        }
    }

    @Test func undoingAFullImportIntoAnEmptyJournalLeavesEveryRowAsItWas() throws {
        let bytes = try exportAll(try journalOfEveryKind())
        let target = try store("target.sqlite3")
        let before = try everyRow(target)
        #expect(
            before.keys.sorted() == [
                "checkin_red_flags", "checkins", "entries", "exercises", "grdb_migrations", "plan", "plan_history",
                "psfs_activities", "psfs_ratings", "red_flag_reviews", "reviews", "settings", "sync_early_fields",
                "sync_field_clocks", "sync_files", "sync_folder", "sync_outbox", "sync_row_clocks", "sync_tombstones",
            ])
        let result = try restore(bytes, into: target)
        #expect(result.added == 9 && result.checkIns == 2 && result.reviews == 1 && result.exercises == 2)
        #expect(result.planItems == 2 && result.activities == 1 && result.ratings == 1 && result.redFlagReviews == 1)
        #expect(try target.storedRegion() == "IE")
        let undone = try #require(try target.undo())
        #expect(undone.kind == .import && undone.removed == 9 && undone.checkInsRemoved == 2)
        #expect(undone.reviewsRemoved == 2 && undone.redFlagReviewsRemoved == 1 && undone.psfsChanged == 2)
        #expect(undone.exercisesRemoved == 2 && undone.planItemsRemoved == 2 && undone.settingsRemoved == 1)
        #expect(try everyRow(target) == before)
        #expect(try restore(bytes, into: target) == result)
        #expect(try exportAll(target) == bytes)
    }

    /// Undo of a full import into a journal that had some of it already leaves every row as it was.
    ///
    /// The journal has its own exercise, a plan and a region that the file has too (kept as they
    /// are), a plan item the file lacks, and a record that a doctor saw red flags through check-in
    /// 3, whose check-ins were deleted since: the import adds exercises and plan items beside them
    /// and reads the file's check-ins 1 and 2, leaving the record's reach alone.
    @Test func undoingAFullImportPutsBackWhatTheJournalHadAlready() throws {
        let source = try fullJournal()
        try source.setRegion(.ireland, now: now)
        let bytes = try exportAll(source)
        let target = try store("target.sqlite3")
        try target.addExercise(
            Exercise.custom(id: "wall-squat", name: "Wall squat", category: .stability, perSide: false, measure: .reps),
            now: now)
        try target.setPlan(PlanItem(exerciseID: "bird-dog", sets: 1, reps: 5, perWeek: 2), now: now)
        try target.setPlan(PlanItem(exerciseID: "wall-squat", sets: 2, reps: 8, perWeek: 3), now: now)
        try target.setRegion(.ireland, now: now)
        for _ in 0..<3 {
            _ = try target.checkIn(
                CheckIn(
                    performedAt: now - 600, utcOffset: 0, pain: #require(PainLevel(5)), redFlags: [.fever],
                    createdAt: now - 600))
        }
        _ = try #require(try target.resumeRedFlags(note: nil, time: nil, now: now, timeZone: .gmt))
        _ = try target.deleteCheckIns(ids: [1, 2, 3], now: now)
        let before = try everyRow(target)
        let seen =
            "SELECT seen FROM red_flag_reviews WHERE uid = \(OutsideRecord.uid(of: 1, in: "red_flag_review_ids"))"
        let reach = try target.queue.read { try String.fetchOne($0, sql: seen) }
        let result = try restore(bytes, into: target)
        #expect(result.exercises == 1 && result.planItems == 1 && result.checkIns == 2)
        #expect(try target.plan().map(\.exerciseID) == ["bird-dog", "wall-squat", "side-plank"])
        #expect(
            try target.queue.read { try String.fetchOne($0, sql: seen) } == reach && reach != nil,
            "the import reads only its own red-flag reviews' reach")
        let covered = try target.queue.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM checkins AS c, red_flag_reviews AS r
                    WHERE r.uid = \(OutsideRecord.uid(of: 1, in: "red_flag_review_ids"))
                        AND \(WriteStamp.hasSeen(recorded: "c.recorded", seen: "r.seen"))
                    """)
        }
        #expect(covered == 0, "the journal's record saw none of the check-ins the import added")
        let undone = try #require(try target.undo())
        #expect(undone.exercisesRemoved == 1 && undone.planItemsRemoved == 1 && undone.settingsRemoved == 0)
        #expect(try everyRow(target) == before)
        #expect(try target.storedRegion() == "IE" && target.plan().map(\.exerciseID) == ["bird-dog", "wall-squat"])
    }

    /// An import that brings only a region is a change too: undo unsets it rather than reaching
    /// past it to the change before.
    @Test func undoingAnImportOfOnlyARegionUnsetsIt() throws {
        let source = try store("source.sqlite3")
        try source.setRegion(.canada, now: now)
        let target = try store("target.sqlite3")
        try target.setPlan(PlanItem(exerciseID: "bird-dog", sets: 1, reps: 5, perWeek: 2), now: now)
        let before = try everyRow(target)
        var expected = ImportResult()
        expected.region = RegionChange(replaced: nil, stored: "CA")
        #expect(try restore(try exportAll(source), into: target) == expected)
        let undone = try #require(try target.undo())
        #expect(undone.kind == .import && undone.settingsRemoved == 1 && undone.removed == 0)
        #expect(try everyRow(target) == before)
        #expect(try target.undo()?.kind == .plan, "the plan set before is undone next")
    }

    /// An import recorded before the journal kept what a full import replaces (schema.sql, v16) is
    /// undone as it was then: the entries, check-ins and reviews it added go, and the exercises,
    /// plan items and settings stay.
    @Test func undoingAnImportThatKeptNothingRemovesOnlyTheRowsItNoted() throws {
        let source = try fullJournal()
        try source.setRegion(.ireland, now: now)
        let target = try store("target.sqlite3")
        _ = try restore(try exportAll(source), into: target)
        try target.queue.write { db in
            try db.execute(sql: "UPDATE changes SET subject = NULL")
            try db.execute(sql: "DELETE FROM change_plan")
            try db.execute(sql: "DELETE FROM change_exercises")
            try db.execute(sql: "DELETE FROM change_settings")
        }
        let undone = try #require(try target.undo())
        #expect(undone.kind == .import && undone.removed == 9 && undone.exercisesRemoved == 0)
        #expect(try target.entryCount() == 0 && target.plan().count == 2 && target.storedRegion() == "IE")
        #expect(try target.catalog().exercise(id: "wall-squat") != nil)
    }

    @Test func membersMayComeInAnyOrder() throws {
        let text = """
            {"reviews":[],"plan":[{"exercise":"wall-squat","sets":1,"per_week":2}],
            "entries":[{"id":5,"exercise":"wall-squat","performed_at":"2026-11-20T07:30:00Z","pain_before":2,"pain_after":1}],
            "checkins":[{"id":3,"performed_at":"2026-11-20T07:00:00+01:00","pain":2}],
            "exercises":[{"id":"wall-squat","name":"Wall squat","category":"stability","per_side":false,"measure":"reps","archived":false}],
            "version":1,"format":"journal-export"}
            """
        let target = try store("target.sqlite3")
        #expect(try restore(text, into: target).added == 1)
        #expect(try target.entry(id: 5)?.exerciseID == "wall-squat")
        #expect(try target.checkIns(ids: [3]).first?.utcOffset == 3600)
    }

    static let entry =
        #"{"id":1,"exercise":"bird-dog","performed_at":"2026-11-20T07:30:00Z","pain_before":2,"pain_after":1}"#

    static func document(entries: [String] = [entry], exercises: [String] = [], extra: String = "") -> String {
        "{\"format\":\"journal-export\",\"version\":1,\(extra)\n\"entries\":[\n" + entries.joined(separator: ",\n")
            + "\n],\n\"exercises\":[" + exercises.joined(separator: ",") + "]}"
    }

    @Test(arguments: [
        (
            "[\n" + entry + "\n]", 1,
            "expected an object ({); journal imports a CSV, or the one object of `journal export --all --format json` "
                + "(not the array of `journal export --format json`)."
        ),
        (
            #"{"format":"other","version":1}"#, 1,
            "format must be \"journal-export\": this is not a full export of journal."
        ),
        (
            #"{"format":"journal-export","version":2}"#, 1,
            "this is version 2 of the full export, written by a newer journal; this one reads version 1. "
                + "Update journal to import it."
        ),
        (
            #"{"entries":[]}"#, 1,
            "the object has no \"format\"; a full export starts {\"format\":\"journal-export\",\"version\":1, …"
        ),
        (
            document(extra: "\"notes\":[],"), 1,
            "\"notes\" is not a member of a full export; its members are format, version, entries, exercises, "
                + "checkins, plan, reviews, psfs_activities, psfs_ratings, red_flag_reviews, settings."
        ),
        (
            document(entries: [entry, entry]), 4, "a second entry with id 1; an id names one entry."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: #""id":1,"#, with: "")]), 3, "the entry has no \"id\"."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: #""id":1"#, with: #""id":9223372036854775807"#)]), 3,
            "id must be a whole number from 1 to 9007199254740991; got \"9223372036854775807\"."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: "}", with: #","mood":"good"}"#)]), 3,
            "the entry has a member journal does not know, \"mood\"; its members are exercise, flagged, hold_seconds, "
                + "id, note, pain_after, pain_before, pain_change, performed_at, recorded_at, reps, sets, side."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: "}", with: #","note":"a\u0000b"}"#)]), 3,
            "the note cannot be saved: it holds a NUL character (U+0000), which a note cannot keep."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: "bird-dog", with: "wall-squat")]), 3,
            "unknown exercise \"wall-squat\"; `journal exercises` lists the ones you can log, and "
                + "`journal exercises add wall-squat --name … --category CATEGORY --how-to …` adds one of your own (CATEGORY stability, stretch or self-treatment; add --hold for one held rather than repeated, --sides for one done a side at a time)."
        ),
        (
            document(entries: [entry.replacingOccurrences(of: #""pain_before":2"#, with: #""pain_before":"2""#)]), 3,
            "\"pain_before\" of the entry must be a number; got a string."
        ),
        (
            document(exercises: [
                #"{"id":"bird-dog","name":"Mine","category":"stability","per_side":true,"measure":"reps","archived":false}"#
            ]), 5, "bird-dog is a built-in exercise; a full export lists only your own exercises."
        ),
    ])
    func aBadDocumentNamesItsLineAndRestoresNothing(text: String, line: Int, problem: String) throws {
        let target = try store("target.sqlite3")
        #expect(throws: JournalError.invalidImport(line: line, problem: problem)) { try restore(text, into: target) }
        #expect(try target.entryCount() == 0)
    }

    @Test func anExerciseThatDiffersFromTheJournalsIsRefused() throws {
        let target = try store("target.sqlite3")
        try target.addExercise(
            Exercise.custom(id: "wall-squat", name: "Wall squat", category: .stretch, perSide: false, measure: .reps))
        let exercise =
            #"{"id":"wall-squat","name":"Wall squat","category":"stability","per_side":false,"measure":"reps","archived":false}"#
        #expect(
            throws: JournalError.invalidImport(
                line: 5,
                problem: "this journal already has an exercise wall-squat that differs from the export's "
                    + "(name, category, sides, measure or archived); restore into a new journal.")
        ) { try restore(Self.document(exercises: [exercise]), into: target) }
    }
}
