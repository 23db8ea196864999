import Foundation
import GRDB

extension ChangesetMerger {
    /// The set-based path of a merge, for the common case of a first sync: new rows inserted and
    /// stamped in bulk, with the result the field-by-field path gives them.
    ///
    /// An insert is new when its key is the changeset's only change of that key in that table, the
    /// key was never deleted (`sync_tombstones`), no update of it is kept aside (`sync_early_fields`)
    /// and its row is not here. Such a row takes every field at the changeset's reading, whatever
    /// the order, so:
    /// - the keys of all the changeset's inserts are checked against the tombstones and the early
    ///   fields in one query, through a temporary table of the keys (`temp.sync_merge_new`);
    /// - each new row is written, in the changeset's order (so UNIQUE and CHECK constraints meet the
    ///   rows as on the field-by-field path), by one prepared statement per table reused for every
    ///   row, `INSERT … ON CONFLICT (key) DO NOTHING`, which also tells whether the row was here;
    /// - when every change is merged, one `INSERT … SELECT` gives every new row its row clock
    ///   (`sync_row_clocks`: all its fields at the reading), from the temporary table.
    ///
    /// A row that turns out to be here (a replay), or whose insert breaks a constraint, goes the
    /// field-by-field way, which settles it or refuses the changeset as before.
    ///
    /// ```swift
    /// var bulk = try BulkInsert(rows, early: false, in: db)
    /// try bulk.insert(0, rows[0], columns: ["id", "title"], parents: &parents, in: db)  // true: written, stamped later
    /// try bulk.stamp(at: reading, in: db)
    /// ```
    struct BulkInsert {
        /// The indices of the changes whose rows may be new: inserts of keys never deleted and with
        /// no early fields, each the only change of its key.
        private var candidates: Set<Int> = []
        /// Per table, the insert reused for every new row.
        private var inserts: [String: Statement] = [:]
        /// The candidates that went the field-by-field way after all: their table and encoded key.
        private var fellBack: [(table: String, pk: Data)] = []

        /// Reads the keys of the changeset's inserts once and keeps the candidates.
        init(_ rows: [RowChange], early: Bool, in db: Database) throws {
            var changes: [String: [Data: Int]] = [:]
            var inserts: [(index: Int, table: String, pk: Data)] = []
            for (index, row) in rows.enumerated() {
                let pk = SyncMetadata.encode(key: row.key)
                changes[row.table, default: [:]][pk, default: 0] += 1
                if row.operation == .insert { inserts.append((index, row.table, pk)) }
            }
            inserts.removeAll { changes[$0.table]?[$0.pk] != 1 }
            guard !inserts.isEmpty else { return }
            try db.execute(
                sql: """
                    CREATE TEMP TABLE IF NOT EXISTS sync_merge_new (
                        tbl TEXT NOT NULL,
                        pk BLOB NOT NULL,
                        n INTEGER NOT NULL,
                        PRIMARY KEY (tbl, pk)
                    ) WITHOUT ROWID;
                    DELETE FROM temp.sync_merge_new;
                    """)
            let keep = try db.makeStatement(sql: "INSERT INTO temp.sync_merge_new (tbl, pk, n) VALUES (?, ?, ?)")
            for insert in inserts { try keep.execute(arguments: [insert.table, insert.pk, insert.index]) }
            let known = """
                (tbl, pk) IN (SELECT tbl, pk FROM sync_tombstones)
                """ + (early ? " OR (tbl, pk) IN (SELECT tbl, pk FROM sync_early_fields)" : "")
            let excluded = try Set(Int.fetchAll(db, sql: "SELECT n FROM temp.sync_merge_new WHERE \(known)"))
            if !excluded.isEmpty { try db.execute(sql: "DELETE FROM temp.sync_merge_new WHERE \(known)") }
            candidates = Set(inserts.map(\.index)).subtracting(excluded)
        }

        /// Inserts the change at `index` when its row is new; returns false, having written nothing,
        /// when the change is to be merged field by field.
        ///
        /// A row of a child table goes in only when its parents are here, or are new rows of this
        /// changeset with no parents of their own; otherwise the field-by-field path decides
        /// (``ParentCheck``).
        mutating func insert(
            _ index: Int, _ change: RowChange, columns: [String], parents: inout ParentCheck, in db: Database
        ) throws -> Bool {
            guard candidates.contains(index) else { return false }
            let table = change.table
            switch try parents.state(of: change, in: db) {
            case .here: break
            case .inserted:
                let references = parents.foreignKeys.parents[table.lowercased(), default: []]
                guard references.allSatisfy({ parents.foreignKeys.parents[$0.parent.lowercased()] == nil }) else {
                    fellBack.append((table, SyncMetadata.encode(key: change.key)))
                    return false
                }
            default:
                fellBack.append((table, SyncMetadata.encode(key: change.key)))
                return false
            }
            let insert =
                try inserts[table] ?? Self.prepare(table, columns: columns, primaryKey: change.primaryKey, in: db)
            inserts[table] = insert
            do {
                try insert.execute(arguments: StatementArguments(change.new.map { $0 ?? .null }))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // SQLite undid the statement; the field-by-field path meets the same constraint.
                fellBack.append((table, SyncMetadata.encode(key: change.key)))
                return false
            }
            guard db.changesCount == 1 else {
                fellBack.append((table, SyncMetadata.encode(key: change.key)))
                return false
            }
            return true
        }

        /// Stamps every new row with `reading`, one row clock each in one statement, and empties the
        /// temporary table.
        func stamp(at reading: String, in db: Database) throws {
            guard !candidates.isEmpty else { return }
            let forget = try db.makeStatement(sql: "DELETE FROM temp.sync_merge_new WHERE tbl = ? AND pk = ?")
            for row in fellBack { try forget.execute(arguments: [row.table, row.pk]) }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sync_row_clocks (tbl, pk, hlc)
                    SELECT tbl, pk, ? FROM temp.sync_merge_new ORDER BY tbl, pk
                    """,
                arguments: [reading])
            try db.execute(sql: "DELETE FROM temp.sync_merge_new")
        }

        /// The insert of a new row of `table`, which does nothing when the row is here.
        private static func prepare(
            _ table: String, columns: [String], primaryKey: [Bool], in db: Database
        ) throws -> Statement {
            let key = zip(columns, primaryKey).filter(\.1).map { ChangesetMerger.quoted($0.0) }
            return try db.makeStatement(
                sql:
                    "INSERT INTO \(ChangesetMerger.quoted(table)) (\(columns.map(ChangesetMerger.quoted).joined(separator: ", "))) "
                    + "VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) "
                    + "ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING")
        }
    }
}
