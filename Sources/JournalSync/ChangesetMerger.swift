import GRDB

/// Merges a ``Changeset`` from another replica into the synced tables field by field, by the
/// hybrid-logical-clock reading the recording replica took for its transaction, all of it or none.
///
/// Every field keeps the reading of the write that set it (``SyncMetadata``). The changeset is
/// read change by change (after ``ChangesetStructure`` and the tables' shapes are checked, as
/// ``ChangesetApplier`` does), and written one field at a time:
/// - an update's field takes the incoming value only when the incoming reading is later than the
///   field's (readings compare by wall, counter, replica id), so the same writes give the same
///   row in any order, on every replica; fields the update did not change are not touched;
/// - an insert writes every field at its reading (over a row already here, field by field as an
///   update); an update that arrived before its row's insert is kept aside, and the insert takes
///   it when it is later;
/// - a delete wins over any edit made without knowing of it: it removes the row and leaves a
///   tombstone, and any insert or update of a tombstoned key is ignored;
/// - a change that breaks a constraint or a foreign key refuses the whole changeset.
///
/// Inserts of rows that are new here (a first sync) take a set-based path with the same result,
/// inserted by one reused statement and stamped in bulk (``BulkInsert``).
///
/// Each settlement is reported (``Settlement``). The caller then moves its clock past the reading
/// (``HybridLogicalClock/receive(_:now:)``), so its own next changes come after it.
///
/// ```swift
/// let report = try ChangesetMerger(tables: ["entries"]).merge(changeset, at: reading, into: queue)
/// report.settlements  // [Settlement(kind: .incomingLost, table: "entries", column: "pain", …)]
/// ```
public struct ChangesetMerger: Sendable {
    /// The tables a changeset may change; a changeset naming any other is refused.
    public let tables: [String]
    /// Whether new rows are inserted and stamped in bulk (``merge(_:at:into:)``); false writes every
    /// change field by field, as the tests compare.
    let setBased: Bool

    public init(tables: [String]) {
        self.init(tables: tables, setBased: true)
    }

    init(tables: [String], setBased: Bool) {
        self.tables = tables
        self.setBased = setBased
    }

    /// What merging a changeset did.
    public struct Report: Equatable, Sendable {
        /// How many changes the changeset held.
        public let changeCount: Int
        /// Each field, row or change where the incoming changeset met something different here.
        public let settlements: [Settlement]
    }

    /// Something the merge settled between an incoming change and what was here.
    public struct Settlement: Equatable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// The incoming value replaced a different value here: its reading is later.
            case incomingWon
            /// The incoming value was dropped for a different value here, written at a later reading.
            case incomingLost
            /// An incoming insert or update of a row deleted on some replica: ignored.
            case ignoredAfterDelete
            /// An incoming delete removed a row that was edited without knowing of the delete.
            case deletedEditedRow
        }

        public let kind: Kind
        public let table: String
        /// The row's primary key values.
        public let key: [DatabaseValue]
        /// The field, for ``Kind/incomingWon`` and ``Kind/incomingLost``.
        public let column: String?
        /// The value here before the merge (for a field), if any.
        public let local: DatabaseValue?
        /// The incoming value (for a field), if any.
        public let incoming: DatabaseValue?

        public init(
            _ kind: Kind, table: String, key: [DatabaseValue], column: String? = nil, local: DatabaseValue? = nil,
            incoming: DatabaseValue? = nil
        ) {
            self.kind = kind
            self.table = table
            self.key = key
            self.column = column
            self.local = local
            self.incoming = incoming
        }
    }

    /// Merges `changeset`, which its replica recorded at `reading`, into `writer` in one
    /// transaction; throws ``ChangesetError`` and changes nothing when it is damaged, names a
    /// table that does not match, or breaks a constraint or a foreign key.
    public func merge(
        _ changeset: Changeset, at reading: HybridTimestamp, into writer: some DatabaseWriter
    ) throws -> Report {
        let (_, shapes) = try changeset.tables()
        let rows = try changeset.rowChanges()
        return try writer.writeWithoutTransaction { db in
            var settlements: [Settlement] = []
            do {
                try db.inTransaction(.immediate) {
                    try SyncedTable.check(shapes, synced: tables, in: db)
                    settlements = try Self.merge(rows, at: reading.text, setBased: setBased, in: db)
                    return .commit
                }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw ChangesetError(
                    .foreignKey,
                    "The changes would leave rows that refer to rows this journal does not have, "
                        + "so none of them was applied.")
            }
            return Report(changeCount: rows.count, settlements: settlements)
        }
    }

    /// Merges every change, inside the caller's transaction.
    ///
    /// Foreign keys are checked once, when it commits, as SQLite's own `sqlite3changeset_apply`
    /// does: a violation rolls all of it back.
    private static func merge(
        _ rows: [RowChange], at reading: String, setBased: Bool, in db: Database
    ) throws -> [Settlement] {
        try SyncMetadata.create(in: db)
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var settlements: [Settlement] = []
        var columns: [String: [String]] = [:]
        var early = try SyncMetadata.hasEarlyFields(in: db)
        var bulk = setBased ? try BulkInsert(rows, early: early, in: db) : nil
        for (index, row) in rows.enumerated() {
            let names = try columns[row.table] ?? db.columns(in: row.table).map(\.name)
            columns[row.table] = names
            do {
                if try bulk?.insert(index, row, columns: names, in: db) == true { continue }
                settlements += try merge(row, columns: names, at: reading, early: &early, in: db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw ChangesetError(
                    .constraint(row.table),
                    "A change to \(row.table) breaks one of its constraints (NOT NULL, CHECK or UNIQUE), "
                        + "so none of the changes was applied.")
            }
        }
        try bulk?.stamp(at: reading, in: db)
        return settlements
    }

    /// Merges one change written at `reading` (its text form); returns what it settled.
    ///
    /// `early` tells whether any update waits for its row, and becomes true when this one does.
    private static func merge(
        _ change: RowChange, columns: [String], at reading: String, early: inout Bool, in db: Database
    ) throws -> [Settlement] {
        let table = change.table
        let key = change.key
        let keyColumns = zip(columns, change.primaryKey).filter(\.1).map(\.0)
        let here = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM \(quoted(table)) WHERE \(condition(keyColumns))"),
            arguments: StatementArguments(key)
        )
        let local = here.map { Array($0.databaseValues) }
        // A row that is here was never deleted: only a missing one can be tombstoned.
        if local == nil, try SyncMetadata.tombstone(of: table, key: key, in: db) != nil {
            if change.operation == .delete {
                try SyncMetadata.bury(table, key: key, at: reading, in: db)
                return []
            }
            return [Settlement(.ignoredAfterDelete, table: table, key: key)]
        }
        switch change.operation {
        case .delete:
            var settlements: [Settlement] = []
            if let local {
                let edited = zip(local, change.old).contains { value, old in old.map { $0 != value } ?? false }
                if edited { settlements.append(Settlement(.deletedEditedRow, table: table, key: key)) }
                try db.cachedStatement(
                    sql: "DELETE FROM \(quoted(table)) WHERE \(condition(keyColumns))"
                ).execute(arguments: StatementArguments(key))
            }
            try SyncMetadata.bury(table, key: key, at: reading, in: db)
            return settlements
        case .insert where local == nil:
            let kept = early ? try SyncMetadata.earlyFields(of: table, key: key, in: db) : [:]
            var values: [DatabaseValue] = []
            var clocks: [(column: String, reading: String)] = []
            for (index, name) in columns.enumerated() {
                var value = change.new[index] ?? .null
                var clock = reading
                if !change.primaryKey[index], let field = kept[name], field.reading > reading {
                    (value, clock) = (field.value, field.reading)
                }
                values.append(value)
                if !change.primaryKey[index] { clocks.append((name, clock)) }
            }
            try SyncMetadata.setClocks(of: table, key: key, clocks, in: db)
            try db.cachedStatement(
                sql: "INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) VALUES "
                    + "(\(columns.map { _ in "?" }.joined(separator: ", ")))"
            ).execute(arguments: StatementArguments(values))
            if !kept.isEmpty { try SyncMetadata.forgetEarlyFields(of: table, key: key, in: db) }
            return []
        case .insert, .update:
            var settlements: [Settlement] = []
            var assignments: [String] = []
            var values: [DatabaseValue] = []
            var clocks: [(column: String, reading: String)] = []
            let stamped = local == nil ? [:] : try SyncMetadata.clocks(of: table, key: key, in: db)
            for (index, name) in columns.enumerated() where !change.primaryKey[index] {
                guard let incoming = change.new[index] else { continue }
                guard let local else {
                    try SyncMetadata.keepEarlyField(
                        of: table, key: key, column: name, reading: reading, value: incoming, in: db)
                    early = true
                    continue
                }
                let stored = stamped[name]
                let value = local[index]
                if let stored, stored >= reading {
                    if value != incoming {
                        settlements.append(
                            Settlement(
                                .incomingLost, table: table, key: key, column: name, local: value, incoming: incoming))
                    }
                    continue
                }
                if value != incoming, change.old[index].map({ $0 != value }) ?? true {
                    settlements.append(
                        Settlement(.incomingWon, table: table, key: key, column: name, local: value, incoming: incoming)
                    )
                }
                clocks.append((name, reading))
                assignments.append("\(quoted(name)) = ?")
                values.append(incoming)
            }
            if !assignments.isEmpty {
                try SyncMetadata.setClocks(of: table, key: key, clocks, in: db)
                try db.cachedStatement(
                    sql: "UPDATE \(quoted(table)) SET \(assignments.joined(separator: ", ")) "
                        + "WHERE \(condition(keyColumns))"
                ).execute(arguments: StatementArguments(values + key))
            }
            return settlements
        }
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func condition(_ keyColumns: [String]) -> String {
        keyColumns.map { "\(quoted($0)) = ?" }.joined(separator: " AND ")
    }
}
