import GRDB

/// A table whose changes travel: it must exist and declare a primary key, since SQLite's session
/// extension silently ignores a table without one, and applies a change to the row its key names.
enum SyncedTable {
    /// The shape of `table` in `db`, as a changeset records it; throws
    /// ``ChangesetError/Kind/tableMismatch(_:)`` for a missing table or one without a primary key.
    static func shape(of table: String, in db: Database) throws -> Changeset.TableShape {
        guard try db.tableExists(table) else {
            throw ChangesetError(.tableMismatch(table), "The table \(table) does not exist in this journal.")
        }
        let primaryKey = try db.columns(in: table).map { $0.primaryKeyIndex > 0 }
        guard primaryKey.contains(true) else {
            throw ChangesetError(
                .tableMismatch(table),
                "The table \(table) has no declared primary key, so SQLite cannot record its changes.")
        }
        return Changeset.TableShape(columnCount: primaryKey.count, primaryKey: primaryKey)
    }
}
