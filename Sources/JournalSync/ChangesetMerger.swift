import Foundation
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
/// - foreign keys between synced tables (``ForeignKeys``): a delete first removes and tombstones
///   the rows that refer to the row through `ON DELETE CASCADE` (as the delete's own changeset
///   does on the replica that made it); a new row whose parent was deleted is dropped and
///   tombstoned; a new row whose parent has not arrived refuses the changeset
///   (``ChangesetError/Kind/missingParent(_:)``), which merges once the parent's has;
/// - a change that breaks a constraint or another foreign key refuses the whole changeset.
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
            /// An incoming insert or update of a row deleted on some replica, or of a row whose
            /// parent was (a red flag of a deleted check-in): ignored.
            case ignoredAfterDelete
            /// An incoming delete removed a row that was edited without knowing of the delete, or a
            /// child of it the deleting replica did not have.
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
    /// table that does not match, breaks a constraint or a foreign key, or adds a row whose parent
    /// is not here yet (`missingParent`: merge it again once the parent's changeset is merged).
    public func merge(
        _ changeset: Changeset, at reading: HybridTimestamp, into writer: some DatabaseWriter
    ) throws -> Report {
        let (changes, shapes) = try changeset.tables()
        return try writer.writeWithoutTransaction { db in
            var settlements: [Settlement] = []
            // A first sync writes more pages than SQLite's page cache holds (2 MiB): spilled to the
            // WAL, they were read back and written again, which took most of the merge's time. The
            // merge's pages stay in memory until it commits instead.
            try db.execute(sql: "PRAGMA cache_spill = OFF")
            defer { try? db.execute(sql: "PRAGMA cache_spill = ON") }
            do {
                try db.inTransaction(.immediate) {
                    try SyncedTable.check(shapes, synced: tables, in: db)
                    settlements = try Self.merge(
                        changeset, at: reading.text, setBased: setBased, tables: tables, in: db)
                    return .commit
                }
            } catch {
                // The rollback took the sync tables away if this merge made them; GRDB's schema
                // cache may still list them.
                db.clearSchemaCache()
                guard let error = error as? DatabaseError, error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
                else { throw error }
                throw ChangesetError(
                    .foreignKey,
                    "The changes would leave rows that refer to rows this journal does not have, "
                        + "so none of them was applied.")
            }
            return Report(changeCount: changes.count, settlements: settlements)
        }
    }

    /// Merges `changeset`, which its replica recorded at `reading`, inside the caller's write
    /// transaction on `db`.
    ///
    /// The caller's own bookkeeping (the clock, what was read) commits with it or not at all. Throws as ``merge(_:at:into:)``, except that a foreign key is checked
    /// when the caller commits (a violation then fails the commit with SQLite's foreign key error).
    public func merge(_ changeset: Changeset, at reading: HybridTimestamp, inTransactionOf db: Database) throws
        -> Report
    {
        let (changes, shapes) = try changeset.tables()
        try SyncedTable.check(shapes, synced: tables, in: db)
        let settlements = try Self.merge(changeset, at: reading.text, setBased: setBased, tables: tables, in: db)
        return Report(changeCount: changes.count, settlements: settlements)
    }

    /// Merges every change, in the changeset's order, inside the caller's transaction: new rows
    /// straight from the changeset (``BulkInsert``) unless `setBased` is false, every other change
    /// read into a ``RowChange`` and merged field by field.
    ///
    /// Foreign keys are checked once, when it commits, as SQLite's own `sqlite3changeset_apply`
    /// does: a violation rolls all of it back.
    private static func merge(
        _ changeset: Changeset, at reading: String, setBased: Bool, tables: [String], in db: Database
    ) throws -> [Settlement] {
        try SyncMetadata.create(in: db)
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var settlements: [Settlement] = []
        var pass = try Pass(changeset, at: reading, tables: tables, in: db)
        var bulk = setBased ? try BulkInsert(at: reading, in: db) : nil
        try changeset.walk { header, iterator in
            do {
                if try bulk?.insert(header, iterator, pass: &pass, in: db) == true { return true }
                settlements += try pass.merge(RowChange(header, iterator), in: db)
                // That change may have deleted a key.
                bulk?.probeTombstones = true
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw ChangesetError(
                    .constraint(header.table),
                    "A change to \(header.table) breaks one of its constraints (NOT NULL, CHECK or UNIQUE), "
                        + "so none of the changes was applied.")
            }
            return true
        }
        return settlements
    }

    /// One changeset's field-by-field merge: its reading, and what it learns as it goes.
    struct Pass {
        /// The reading the changeset was recorded at (its text form).
        let reading: String
        /// Whether any update waits for its row; becomes true when one does.
        var early: Bool
        var parents: ParentCheck
        private let changeset: Changeset
        /// The changeset's deletes of rows of child tables, per table (in lower case) and key, read
        /// the first time a delete meets children here: a parent's delete merges its children's
        /// first, so a child edited here is reported as such.
        private var deletes: [String: [Data: RowChange]]?
        private var names: [String: [String]] = [:]

        init(_ changeset: Changeset, at reading: String, tables: [String], in db: Database) throws {
            self.reading = reading
            self.changeset = changeset
            early = try SyncMetadata.hasEarlyFields(in: db)
            parents = try ParentCheck(changeset, tables: tables, in: db)
        }

        /// The changeset's delete of the row `key` of the child table `table`, if it has one.
        private mutating func delete(of table: String, key: [DatabaseValue]) throws -> RowChange? {
            if deletes == nil {
                let children = Set(parents.foreignKeys.children.values.joined().map { $0.child.lowercased() })
                var read: [String: [Data: RowChange]] = [:]
                try changeset.walk { header, iterator in
                    let table = header.table.lowercased()
                    if header.operation == .delete, children.contains(table) {
                        let row = RowChange(header, iterator)
                        read[table, default: [:]][SyncMetadata.encode(key: row.key)] = row
                    }
                    return true
                }
                deletes = read
            }
            return deletes?[table.lowercased()]?[SyncMetadata.encode(key: key)]
        }

        /// The table's column names, in order.
        mutating func columns(of table: String, in db: Database) throws -> [String] {
            if let known = names[table] { return known }
            let read = try db.columns(in: table).map(\.name)
            names[table] = read
            return read
        }

        /// Merges one change; returns what it settled.
        mutating func merge(_ change: RowChange, in db: Database) throws -> [Settlement] {
            let table = change.table
            let key = change.key
            let columns = try columns(of: table, in: db)
            let keyColumns = zip(columns, change.primaryKey).filter(\.1).map(\.0)
            let here = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM \(quoted(table)) WHERE \(condition(keyColumns))"),
                arguments: StatementArguments(key)
            )
            let local = here.map { Array($0.databaseValues) }
            // A row that is here was never deleted: only a missing one can be tombstoned.
            if local == nil, try SyncMetadata.tombstone(of: table, key: key, in: db) != nil {
                try SyncMetadata.bury(table, key: key, at: reading, in: db)
                return change.operation == .delete ? [] : [Settlement(.ignoredAfterDelete, table: table, key: key)]
            }
            if local == nil, change.operation != .delete {
                switch try parents.state(of: change, in: db) {
                case .here, .inserted: break
                case .deleted:
                    // A child written without knowing its parent was deleted: dropped with the
                    // children it may already have in this changeset.
                    let settlements = try removeChildren(of: table, key: key, in: db)
                    try SyncMetadata.bury(table, key: key, at: reading, in: db)
                    return [Settlement(.ignoredAfterDelete, table: table, key: key)] + settlements
                case .missing(let parent) where change.operation == .insert:
                    throw ChangesetError(
                        .missingParent(table),
                        "A change to \(table) refers to a row of \(parent) that this journal does not have yet, "
                            + "so none of the changes was applied; they wait for it.")
                case .missing: break
                }
            }
            switch change.operation {
            case .delete:
                var settlements: [Settlement] = []
                if let local {
                    let edited = zip(local, change.old).contains { value, old in old.map { $0 != value } ?? false }
                    if edited { settlements.append(Settlement(.deletedEditedRow, table: table, key: key)) }
                    settlements += try removeChildren(of: table, key: key, in: db)
                    try db.cachedStatement(
                        sql: "DELETE FROM \(quoted(table)) WHERE \(condition(keyColumns))"
                    ).execute(arguments: StatementArguments(key))
                    parents.forget(table)
                }
                try SyncMetadata.bury(table, key: key, at: reading, in: db)
                return settlements
            case .insert where local == nil:
                let kept = early ? try SyncMetadata.earlyFields(of: table, key: key, in: db) : [:]
                var values: [DatabaseValue] = []
                var clocks: [(column: String, reading: String)] = []
                for (index, name) in columns.enumerated() {
                    var value = change.new[index] ?? .null
                    if !change.primaryKey[index], let field = kept[name], field.reading > reading {
                        value = field.value
                        clocks.append((name, field.reading))
                    }
                    values.append(value)
                }
                try SyncMetadata.setRowClock(of: table, key: key, reading, in: db)
                try SyncMetadata.setClocks(of: table, key: key, clocks, in: db)
                try db.cachedStatement(
                    sql: "INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) VALUES "
                        + "(\(columns.map { _ in "?" }.joined(separator: ", ")))"
                ).execute(arguments: StatementArguments(values))
                if !kept.isEmpty { try SyncMetadata.forgetEarlyFields(of: table, key: key, in: db) }
                return []
            case .insert, .update:
                return try update(change, local: local, columns: columns, keyColumns: keyColumns, in: db)
            }
        }

        /// Merges an update, or an insert of a row that is here, field by field.
        private mutating func update(
            _ change: RowChange, local: [DatabaseValue]?, columns: [String], keyColumns: [String], in db: Database
        ) throws -> [Settlement] {
            let table = change.table
            let key = change.key
            var settlements: [Settlement] = []
            var assignments: [String] = []
            var values: [DatabaseValue] = []
            var clocks: [(column: String, reading: String)] = []
            let stamped = local == nil ? SyncMetadata.Clocks() : try SyncMetadata.clocks(of: table, key: key, in: db)
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

        /// Deletes and tombstones the rows that refer to the row `key` of `table` through an
        /// `ON DELETE CASCADE` foreign key, and theirs, before the row itself goes.
        ///
        /// A child this changeset deletes too is merged as that delete (the origin knew of it). Any
        /// other was written without knowing of the delete: it is reported as a deleted edited row
        /// and tombstoned at the latest reading of its own writes, as a replica that merged the
        /// delete first will tombstone it when the child arrives.
        private mutating func removeChildren(of table: String, key: [DatabaseValue], in db: Database) throws
            -> [Settlement]
        {
            guard let references = parents.foreignKeys.children[table.lowercased()] else { return [] }
            var settlements: [Settlement] = []
            for reference in references {
                let childColumns = try columns(of: reference.child, in: db)
                let childKey = try db.primaryKey(reference.child).columns.sorted {
                    (childColumns.firstIndex(of: $0) ?? 0) < (childColumns.firstIndex(of: $1) ?? 0)
                }
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT \(childKey.map(quoted).joined(separator: ", ")) FROM \(quoted(reference.child)) "
                            + "WHERE \(condition(reference.names))"),
                    arguments: StatementArguments(key))
                for row in rows {
                    let child = Array(row.databaseValues)
                    if let delete = try delete(of: reference.child, key: child) {
                        settlements += try merge(delete, in: db)
                        continue
                    }
                    settlements.append(Settlement(.deletedEditedRow, table: reference.child, key: child))
                    settlements += try removeChildren(of: reference.child, key: child, in: db)
                    try db.cachedStatement(
                        sql: "DELETE FROM \(quoted(reference.child)) WHERE \(condition(childKey))"
                    ).execute(arguments: StatementArguments(child))
                    parents.forget(reference.child)
                    try SyncMetadata.bury(reference.child, key: child, at: nil, in: db)
                }
            }
            return settlements
        }
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func condition(_ keyColumns: [String]) -> String {
        keyColumns.map { "\(quoted($0)) = ?" }.joined(separator: " AND ")
    }
}
