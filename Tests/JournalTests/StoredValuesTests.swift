import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The searches for values journal never writes (``StoredValues``) read only such rows: SQLite
/// answers each from schema.sql's index partial on its condition, never by reading the table.
@Suite struct StoredValuesTests {
    let directory = TemporaryDirectory()

    @Test func eachSearchOfALargeTableIsAnsweredFromItsPartialIndex() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        try store.reading { db in
            for search in StoredValues.indexedSearches {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + search.sql, arguments: [20]).map {
                    $0["detail"] as String? ?? ""
                }
                #expect(details.count == 1 && details[0].hasSuffix(" INDEX \(search.index)"), "\(details)")
            }
        }
    }
}
