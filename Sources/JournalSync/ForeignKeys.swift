import Foundation
import GRDB

/// The foreign keys between synced tables, as the merger follows them.
///
/// A reference counts when its child and its parent are both synced and it names the parent's
/// primary key (journal's all do: `checkin_red_flags.checkin_uid` → `checkins.uid`,
/// `psfs_ratings.activity_uid` → `psfs_activities.uid`, `entries.exercise_id` → `exercises.id`).
/// Any other is left to SQLite, which checks it when the merge commits.
///
/// ```swift
/// let keys = try ForeignKeys(tables: ["checkins", "checkin_red_flags"], in: db)
/// keys.children["checkins"]  // [Reference(child: "checkin_red_flags", parent: "checkins", columns: [0], …)]
/// ```
struct ForeignKeys {
    /// A child table's reference to its parent.
    struct Reference {
        let child: String
        let parent: String
        /// The child's columns that hold the parent's key, by index, in the order of the parent's
        /// primary-key columns in its table (the order ``SyncMetadata/encode(key:)`` takes).
        let columns: [Int]
        /// The same columns by name.
        let names: [String]
        /// The parent's primary-key columns, in its table's order.
        let parentKey: [String]
        /// Whether deleting the parent deletes the child (`ON DELETE CASCADE`).
        let cascades: Bool

        /// The parent's key a change of the child points at, or nil when a column of it is not in
        /// the change or is NULL (no parent).
        func parentKey(of change: RowChange) -> [DatabaseValue]? {
            let values = columns.map { change.new[$0] ?? change.old[$0] }
            guard values.allSatisfy({ $0 != nil && $0 != .null }) else { return nil }
            return values.compactMap { $0 }
        }
    }

    /// By child table (its name in lower case), its references to synced parents.
    let parents: [String: [Reference]]
    /// By parent table (its name in lower case), the references to it that cascade on delete.
    let children: [String: [Reference]]

    init(tables: [String], in db: Database) throws {
        var byName: [String: String] = [:]
        for table in tables { byName[table.lowercased()] = table }
        var parents: [String: [Reference]] = [:]
        var children: [String: [Reference]] = [:]
        for child in tables {
            let childColumns = try db.columns(in: child).map(\.name)
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(ChangesetMerger.quoted(child)))")
            for (_, group) in Dictionary(grouping: rows, by: { $0["id"] as Int }).sorted(by: { $0.key < $1.key }) {
                let links = group.sorted { ($0["seq"] as Int) < ($1["seq"] as Int) }
                guard let parent = byName[(links[0]["table"] as String).lowercased()] else { continue }
                let key = try db.columns(in: parent).filter { $0.primaryKeyIndex > 0 }.map(\.name)
                var from: [String: String] = [:]
                for (position, link) in links.enumerated() {
                    // No `to`: the reference names the parent's primary key, in its declared order.
                    let declared = try db.primaryKey(parent).columns
                    let to = (link["to"] as String?) ?? (position < declared.count ? declared[position] : "")
                    from[to.lowercased()] = link["from"]
                }
                let names = key.compactMap { from[$0.lowercased()] }
                guard names.count == key.count, from.count == key.count else { continue }
                let columns = names.compactMap { name in
                    childColumns.firstIndex { $0.lowercased() == name.lowercased() }
                }
                guard columns.count == names.count else { continue }
                let reference = Reference(
                    child: child, parent: parent, columns: columns, names: names, parentKey: key,
                    cascades: (links[0]["on_delete"] as String).uppercased() == "CASCADE")
                parents[child.lowercased(), default: []].append(reference)
                if reference.cascades { children[parent.lowercased(), default: []].append(reference) }
            }
        }
        self.parents = parents
        self.children = children
    }
}

/// Where the parents a change of a child points at are, during one merge.
///
/// A parent is here; or deleted (its key tombstoned), and the child is dropped; or inserted by the
/// same changeset (a changeset lists its tables in the order the session attached them, so a child
/// may come before its parent); or none of these, and the changeset waits for it
/// (``ChangesetError/Kind/missingParent(_:)``).
struct ParentCheck {
    enum State: Equatable {
        /// Every parent is here (or the change names none).
        case here
        /// A parent is not here yet, but the changeset inserts it.
        case inserted
        /// A parent's key was deleted.
        case deleted
        /// A parent is neither here, nor deleted, nor in the changeset.
        case missing(parent: String)
    }

    let foreignKeys: ForeignKeys
    private let changeset: Changeset
    /// Per parent table (in lower case), the keys the changeset inserts, read the first time a
    /// parent is neither here nor deleted.
    private var inserted: [String: Set<Data>]?
    /// Per table, parents found here during this merge (forgotten when a row of the table is deleted).
    private var found: [String: Set<Data>] = [:]

    init(_ changeset: Changeset, tables: [String], in db: Database) throws {
        foreignKeys = try ForeignKeys(tables: tables, in: db)
        self.changeset = changeset
    }

    /// Where the parents of `change`'s row are: the first deleted or missing one decides.
    mutating func state(of change: RowChange, in db: Database) throws -> State {
        try state(of: change.table, in: db) { $0.parentKey(of: change) }
    }

    /// Where the parents of a row of `table` are, `parentKey` giving the parent's key a reference
    /// names (nil when the row names none).
    mutating func state(
        of table: String, in db: Database, parentKey: (ForeignKeys.Reference) -> [DatabaseValue]?
    ) throws -> State {
        guard let references = foreignKeys.parents[table.lowercased()] else { return .here }
        var state = State.here
        for reference in references {
            guard let key = parentKey(reference) else { continue }
            let pk = SyncMetadata.encode(key: key)
            if found[reference.parent.lowercased()]?.contains(pk) == true { continue }
            let here = try Bool.fetchOne(
                db.cachedStatement(
                    sql: "SELECT EXISTS (SELECT 1 FROM \(ChangesetMerger.quoted(reference.parent)) WHERE "
                        + reference.parentKey.map { "\(ChangesetMerger.quoted($0)) = ?" }.joined(separator: " AND ")
                        + ")"),
                arguments: StatementArguments(key))
            if here == true {
                found[reference.parent.lowercased(), default: []].insert(pk)
            } else if try SyncMetadata.tombstone(of: reference.parent, key: key, in: db) != nil {
                return .deleted
            } else if try inserts(reference.parent, pk) {
                if state == .here { state = .inserted }
            } else if state == .here || state == .inserted {
                state = .missing(parent: reference.parent)
            }
        }
        return state
    }

    /// Whether the changeset inserts the row `pk` of the parent table `parent`.
    private mutating func inserts(_ parent: String, _ pk: Data) throws -> Bool {
        if inserted == nil {
            let parents = Set(foreignKeys.parents.values.joined().map { $0.parent.lowercased() })
            var read: [String: Set<Data>] = [:]
            try changeset.walk { header, iterator in
                let table = header.table.lowercased()
                if header.operation == .insert, parents.contains(table) {
                    read[table, default: []].insert(SyncMetadata.encode(key: RowChange(header, iterator).key))
                }
                return true
            }
            inserted = read
        }
        return inserted?[parent.lowercased()]?.contains(pk) == true
    }

    /// Forgets the parents found in `table`, one of whose rows is being deleted.
    mutating func forget(_ table: String) {
        found[table.lowercased()] = nil
    }
}
