import GRDB
import Testing

@testable import Journal
@testable import JournalSync

/// The merger's tables have two makers, which must make the same shape.
///
/// schema.sql's `v27-sync` (a journal's own schema objects) and `SyncMetadata.schema` (JournalSync
/// makes them where a database has none, as its own tests do): else the merger would write one
/// shape into the other.
@Suite struct SyncSchemaTests {
    /// Each column of `table` in `db`: its name, type, NOT NULL, and place in the primary key.
    func shape(of table: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?)", arguments: [table])
            .map { "\($0["name"] as String)|\($0["type"] as String)|\($0["notnull"] as Int)|\($0["pk"] as Int)" }
    }

    @Test func theMergersTablesInSchemaSQLAreTheMergersOwn() throws {
        let journal = try DatabaseQueue()
        try Migrations.migrator.migrate(journal)
        let own = try DatabaseQueue()
        try own.write { try SyncMetadata.create(in: $0) }
        for table in ["sync_row_clocks", "sync_field_clocks", "sync_tombstones", "sync_early_fields"] {
            let inJournal = try journal.read { try shape(of: table, $0) }
            let inMerger = try own.read { try shape(of: table, $0) }
            #expect(!inJournal.isEmpty, "\(table)")
            #expect(inJournal == inMerger, "\(table)")
            let withoutRowID = "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_schema WHERE name = ?"
            #expect(
                try journal.read { try Bool.fetchOne($0, sql: withoutRowID, arguments: [table]) }
                    == (try own.read { try Bool.fetchOne($0, sql: withoutRowID, arguments: [table]) }), "\(table)")
        }
    }
}
