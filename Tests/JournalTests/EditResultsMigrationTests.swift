import GRDB
import TestSupport
import Testing

@testable import Journal

/// schema.sql's v25-edit-results: an edit keeps what it left beside what it replaced, and an
/// older journal's edits get what they left from the change after them or the journal.
@Suite struct EditResultsMigrationTests {
    let directory = TemporaryDirectory()
    /// 2026-11-21 08:00 UTC, when the records were made; the changes follow a minute apart.
    let madeAt: Int64 = 1_795_766_400

    /// What each change kept on its `restore` row, id and `edited_*` columns: `change id pain_after
    /// edited_pain_after edited_note` for entries, `change id pain edited_pain edited_red_flags` for check-ins.
    func kept(_ store: JournalStore) throws -> [String] {
        try store.queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT 'entry ' || change_id || ' #' || id || ' ' || pain_after || ' -> '
                           || quote(edited_pain_after) || ' ' || quote(edited_note) || ' ' || quote(edited_created_at)
                    FROM change_entries ORDER BY change_id
                    """)
                + String.fetchAll(
                    db,
                    sql: """
                        SELECT 'check-in ' || change_id || ' #' || id || ' ' || pain || ' -> ' || quote(edited_pain)
                               || ' ' || quote(edited_red_flags) || ' ' || quote(edited_created_at)
                        FROM change_checkins ORDER BY change_id
                        """)
        }
    }

    /// A journal at v24-record-views with edits as journal kept them then (the record before the
    /// edit alone), opened by this version: each edit's `edited_*` columns hold what it left, from
    /// the change after it that kept the record or from the journal; undo refuses a record changed
    /// from outside after the upgrade, and undoes the others as before.
    @Test func editsKeptBeforeTheSectionGetWhatTheyLeft() throws {
        let path = directory.file("v24.sqlite3")
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v24-record-views")
        let at = madeAt
        try old.write { db in
            // #1 edited (3 → 3 to 3 → 2), then deleted; #2, recorded in the same second, edited
            // (pain after 6 to 2); check-in #1 edited (pain 3 to 5, a red flag added); an edit undone.
            try db.execute(
                sql: """
                    INSERT INTO entries (id, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after,
                                         created_at)
                    VALUES (2, 'glute-bridge', \(at), 0, 1, 2, 2, \(at));
                    INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES (1, \(at), 0, 5, \(at));
                    INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (1, 'fever');
                    INSERT INTO changes (id, kind, made_at, undone) VALUES
                        (1, 'edit', \(at) + 60, 0), (2, 'checkin-edit', \(at) + 120, 0), (3, 'edit', \(at) + 180, 0),
                        (4, 'delete', \(at) + 240, 0), (5, 'edit', \(at) + 300, 1);
                    INSERT INTO change_entries (change_id, action, id, exercise_id, performed_at, utc_offset, sets,
                                                pain_before, pain_after, created_at) VALUES
                        (1, 'restore', 1, 'bird-dog', \(at), 0, 1, 3, 3, \(at)),
                        (3, 'restore', 2, 'glute-bridge', \(at), 0, 1, 2, 6, \(at)),
                        (4, 'restore', 1, 'bird-dog', \(at), 0, 1, 3, 2, \(at)),
                        (5, 'restore', 2, 'glute-bridge', \(at), 0, 1, 2, 9, \(at));
                    INSERT INTO change_checkins (change_id, action, id, performed_at, utc_offset, pain, created_at)
                        VALUES (2, 'restore', 1, \(at), 0, 3, \(at));
                    """)
        }
        try old.close()

        let store = try JournalStore(path: path)
        #expect(
            try kept(store) == [
                "entry 1 #1 3 -> 2 NULL \(madeAt)", "entry 3 #2 6 -> 2 NULL \(madeAt)",
                "entry 4 #1 2 -> NULL NULL NULL", "entry 5 #2 9 -> NULL NULL NULL",
                "check-in 2 #1 3 -> 5 'fever' \(madeAt)",
            ])

        // Change 5 was undone, so undo starts at the delete: #1 put back as it was.
        #expect(try store.undo()?.restored == 1)
        // #2 changed from outside after the upgrade: refused, nothing changed; put back, undone.
        try store.queue.write {
            try $0.execute(
                sql: "UPDATE entries SET pain_before = 4 WHERE uid = \(OutsideRecord.uid(of: 2, in: "entry_ids"))")
        }
        #expect(throws: JournalError.editedRecordChanged(.edit, id: 2)) { try store.undo() }
        try store.queue.write {
            try $0.execute(
                sql: "UPDATE entries SET pain_before = 2 WHERE uid = \(OutsideRecord.uid(of: 2, in: "entry_ids"))")
        }
        #expect(try store.undo()?.putBackEntries.map(\.painAfter.value) == [6])
        #expect(try store.undo()?.putBackCheckIns.map(\.pain.value) == [3])
        #expect(try store.undo()?.putBackEntries.map(\.painAfter.value) == [3])
        #expect(try store.undo() == nil)
    }

    /// A new edit keeps the record as it left it, and a check-in's red flags, on its `restore` row.
    @Test func anEditKeepsWhatItLeft() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let entry = try store.add(
            Entry(
                exerciseID: "bird-dog", performedAt: madeAt - 3600, utcOffset: 0, sets: 1,
                painBefore: #require(PainLevel(3)), painAfter: #require(PainLevel(3)), createdAt: madeAt))
        var draft = EntryDraft(exercise: "bird-dog")
        draft.note = "felt a twinge"
        _ = try store.edit(id: try #require(entry.id), with: draft, now: madeAt + 60, timeZone: .gmt)
        let checkIn = try store.add(
            CheckIn(performedAt: madeAt - 3600, utcOffset: 0, pain: #require(PainLevel(3)), createdAt: madeAt))
        _ = try store.editCheckIn(
            id: try #require(checkIn.id), pain: PainLevel(5), note: nil, time: nil, redFlags: [.nightPain, .fever],
            now: madeAt + 120, timeZone: .gmt)
        #expect(
            try kept(store) == [
                "entry 1 #1 3 -> 3 'felt a twinge' \(madeAt)", "check-in 2 #1 3 -> 5 'fever,night-pain' \(madeAt)",
            ])
    }
}
