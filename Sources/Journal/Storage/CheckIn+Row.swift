import Foundation
import GRDB

/// How a ``CheckIn`` maps to the `checkins` and `checkin_red_flags` tables (schema.sql).
extension CheckIn {
    /// Inserts the check-in (under its id when it has one) and its red flags.
    ///
    /// Call inside a write transaction. A new id is given only by a counter journal kept
    /// (``StoredValues/refuseChangedIDCounter(_:_:)``).
    mutating func insert(_ db: Database) throws {
        if id == nil { try StoredValues.refuseChangedIDCounter("checkins", db) }
        try db.execute(
            sql: """
                INSERT INTO checkins (id, performed_at, utc_offset, pain, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, performedAt, utcOffset, pain.value, note, createdAt])
        let newID = db.lastInsertedRowID
        // Red-flag rows already naming this id belong to no check-in (put in from outside with
        // foreign keys off): removed, never given to this one, which holds only what was typed.
        try db.execute(sql: "DELETE FROM checkin_red_flags WHERE checkin_id = ?", arguments: [newID])
        for flag in redFlags {
            try db.execute(
                sql: "INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (?, ?)",
                arguments: [newID, flag.rawValue])
        }
        id = newID
    }

    /// Check-ins performed within `range`, oldest first, with their red flags.
    static func fetchAll(_ db: Database, performedIn range: Range<Int64>) throws -> [CheckIn] {
        try fetchAll(
            db, where: "performed_at >= ? AND performed_at < ?", arguments: [range.lowerBound, range.upperBound])
    }

    /// The check-ins that `condition` selects, oldest first (or newest), with their red flags: read
    /// through `checkins_with_ids` (schema.sql v24-record-views, the columns kept when sync keys
    /// check-ins by a UUIDv7; ties by its `uid`), the flags from their table until then.
    static func fetchAll(
        _ db: Database, where condition: String, arguments: StatementArguments, newestFirst: Bool = false,
        limit: Int? = nil
    ) throws -> [CheckIn] {
        let order = newestFirst ? "DESC" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, performed_at, utc_offset, pain, \(StoredText.select("note")), created_at,
                       CAST((SELECT group_concat(red_flag, char(31)) FROM checkin_red_flags
                             WHERE checkin_id = checkins_with_ids.id) AS BLOB) AS red_flags
                FROM checkins_with_ids
                WHERE \(condition)
                ORDER BY performed_at \(order), uid \(order) LIMIT \(limit ?? -1)
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
            // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
            checkIn.note = StoredText.text(row, "note")
            result.append(checkIn)
        }
        return result
    }
}
