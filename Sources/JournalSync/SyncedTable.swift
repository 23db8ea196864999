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

    /// Checks every table a changeset names against `synced` and this journal's own shape; throws
    /// ``ChangesetError/Kind/tableNotSynced(_:)`` or ``ChangesetError/Kind/tableMismatch(_:)``.
    static func check(_ shapes: [String: Changeset.TableShape], synced tables: [String], in db: Database) throws {
        let synced = Set(tables.map { $0.lowercased() })
        for (table, shape) in shapes.sorted(by: { $0.key < $1.key }) {
            guard synced.contains(table.lowercased()) else {
                throw ChangesetError(
                    .tableNotSynced(table),
                    "The changeset changes the table \(table), which is not synced, so none of it was applied.")
            }
            guard try SyncedTable.shape(of: table, in: db) == shape else {
                throw ChangesetError(
                    .tableMismatch(table),
                    "The changeset's table \(table) has other columns than this journal's, so none of it was applied.")
            }
        }
    }
}
