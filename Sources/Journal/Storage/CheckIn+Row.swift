import Foundation
import GRDB

/// How a ``CheckIn`` maps to the `checkins` and `checkin_red_flags` tables (schema.sql).
extension CheckIn {
    /// Inserts the check-in and its red flags under a new uid from `stamp`, recorded at its reading
    /// (``insert(_:uid:recorded:)``): what a write that records it now calls.
    mutating func insert(_ db: Database, stamp: inout WriteStamp) throws {
        try insert(db, uid: stamp.uid(), recorded: stamp.recorded)
    }

    /// Inserts the check-in and its red flags under `uid` (schema.sql v26-record-ids), recorded by
    /// the reading `recorded`; sets ``id`` to its alias, the number people type, and ``recorded``.
    ///
    /// Call inside a write transaction. With an ``id`` that no live check-in holds, that number
    /// names it (an alias of a deleted check-in is pointed at it); otherwise the trigger gives it
    /// the next, which only a counter journal kept gives (``StoredValues/refuseChangedIDCounter(_:_:)``).
    mutating func insert(_ db: Database, uid: String, recorded: String) throws {
        if let id {
            try db.execute(
                sql: """
                    INSERT INTO checkin_ids (id, uid) VALUES (?1, ?2)
                    ON CONFLICT (id) DO UPDATE SET uid = excluded.uid
                    WHERE NOT EXISTS (SELECT 1 FROM checkins WHERE checkins.uid = checkin_ids.uid)
                    """,
                arguments: [id, uid])
        }
        if try !Self.aliasExists(uid, db) { try StoredValues.refuseChangedIDCounter("checkins", db) }
        try db.execute(
            sql: """
                INSERT INTO checkins (uid, performed_at, utc_offset, pain, note, created_at, recorded)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [uid, performedAt, utcOffset, pain.value, note, createdAt, recorded])
        try Self.writeRedFlags(redFlags, uid: uid, db)
        id = try Int64.fetchOne(db, sql: "SELECT id FROM checkin_ids WHERE uid = ?", arguments: [uid])
        self.recorded = recorded
    }

    /// Writes the check-in `id` (its alias) as this value holds it, red flags and `recorded` too;
    /// `keepingNote`: the note as the file holds it, every byte (a NUL written from outside too).
    ///
    /// Call inside a write transaction. Its red-flag rows are never deleted (a deleted key could
    /// never be written again, docs/sync-ids.md): one taken off is set `present = 0`, one given
    /// (again) upserted with `present = 1`.
    func update(_ db: Database, id: Int64, keepingNote: Bool) throws {
        guard let uid = try String.fetchOne(db, sql: "SELECT uid FROM checkin_ids WHERE id = ?", arguments: [id])
        else { throw JournalError.checkInNotFound(id) }
        try db.execute(
            sql: """
                UPDATE checkins SET performed_at = ?, utc_offset = ?, pain = ?, note = CASE WHEN ? THEN note ELSE ? END,
                       created_at = ?, recorded = coalesce(?, recorded)
                WHERE uid = ?
                """,
            arguments: [performedAt, utcOffset, pain.value, keepingNote, note, createdAt, recorded, uid])
        try db.execute(
            sql: """
                UPDATE checkin_red_flags SET present = 0
                WHERE checkin_uid = ? AND present = 1 AND red_flag NOT IN (SELECT value FROM json_each(?))
                """,
            arguments: [uid, "[" + redFlags.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"])
        try Self.writeRedFlags(redFlags, uid: uid, db)
    }

    /// Deletes the check-in `id` (its alias), its red flags with it; the alias stays.
    static func delete(_ db: Database, id: Int64) throws {
        try db.execute(
            sql: "DELETE FROM checkins WHERE uid = (SELECT uid FROM checkin_ids WHERE id = ?)", arguments: [id])
    }

    /// The SQL for the red flags present on the check-in whose uid is `uid` (an SQL expression).
    ///
    /// Their ids joined by `separator` (an SQL expression) in the order of their table's key;
    /// `NULL` for none. The one reading of `checkin_red_flags` by a check-in (`present = 1`).
    static func redFlagsSQL(ofUID uid: String, separator: String = "','") -> String {
        "(SELECT group_concat(red_flag, \(separator)) FROM checkin_red_flags WHERE checkin_uid = \(uid) AND present = 1)"
    }

    private static func writeRedFlags(_ flags: [RedFlag], uid: String, _ db: Database) throws {
        for flag in flags {
            try db.execute(
                sql: """
                    INSERT INTO checkin_red_flags (checkin_uid, red_flag, present) VALUES (?, ?, 1)
                    ON CONFLICT (checkin_uid, red_flag) DO UPDATE SET present = 1
                    """,
                arguments: [uid, flag.rawValue])
        }
    }

    private static func aliasExists(_ uid: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM checkin_ids WHERE uid = ?)", arguments: [uid]) ?? false
    }

    /// Check-ins performed within `range`, oldest first, with their red flags.
    static func fetchAll(_ db: Database, performedIn range: Range<Int64>) throws -> [CheckIn] {
        try fetchAll(
            db, where: "performed_at >= ? AND performed_at < ?", arguments: [range.lowerBound, range.upperBound])
    }

    /// The check-ins that `condition` selects, oldest first (or newest), with their red flags.
    ///
    /// Read through `checkins_with_ids` (schema.sql v26-record-ids: `id` the alias, ties by it: this journal's order), with
    /// `recorded` from the table by uid, the red flags present by uid (``redFlagsSQL(ofUID:separator:)``).
    /// `condition` may name the view's columns and `recorded`.
    static func fetchAll(
        _ db: Database, where condition: String, arguments: StatementArguments, newestFirst: Bool = false,
        limit: Int? = nil
    ) throws -> [CheckIn] {
        let order = newestFirst ? "DESC" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, performed_at, utc_offset, pain, \(StoredText.select("note")), created_at, recorded,
                       CAST(\(redFlagsSQL(ofUID: "uid", separator: "char(31)")) AS BLOB) AS red_flags
                FROM (SELECT v.*, c.recorded AS recorded FROM checkins_with_ids AS v JOIN checkins AS c ON c.uid = v.uid)
                WHERE \(condition)
                ORDER BY performed_at \(order), id \(order) LIMIT \(limit ?? -1)
                """,
            arguments: arguments)
        var result: [CheckIn] = []
        while let row = try rows.next() {
            // A pain journal never writes is read within 0–10 (an offset within ±18 hours), and a red flag it does not know is kept
            // apart by its id, given no advice: ``StoredValues`` names both, so a screen says so rather
            // than refusing.
            let pain = PainLevel(clamping: try row.decode(forColumn: "pain"))
            // Read as bytes: GRDB would cut a text at a NUL, and 'fever', NUL, 'x' would read as fever.
            let flags = String(decoding: (row["red_flags"] as Data?) ?? Data(), as: UTF8.self)
                .split(separator: "\u{1F}").map(String.init)
            var checkIn = try CheckIn(
                id: row.decode(forColumn: "id"),
                performedAt: row.decode(forColumn: "performed_at"),
                utcOffset: StoredValues.clamped(row.decode(forColumn: "utc_offset"), to: LocalDateTime.utcOffsets),
                pain: pain,
                redFlags: flags.compactMap(RedFlag.init(rawValue:)), createdAt: row.decode(forColumn: "created_at"))
            checkIn.unknownRedFlags = flags.filter { RedFlag(rawValue: $0) == nil }
            checkIn.recorded = row["recorded"]
            // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
            checkIn.note = StoredText.text(row, "note")
            result.append(checkIn)
        }
        return result
    }
}
