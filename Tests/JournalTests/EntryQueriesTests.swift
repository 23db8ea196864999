import Foundation
import TestSupport
import Testing

@testable import Journal

/// The entry queries (``EntryQueries``), on a real journal.
@Suite struct EntryQueriesTests {
    let directory = TemporaryDirectory()

    @Test func entriesByIdByPeriodAndNewestFirst() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        let later = try store.add(Fixture.entry(0, day: 1, before: 2, after: 2))
        let earlier = try store.add(Fixture.entry(0, "bird-dog", day: 0, before: 2, after: 3))
        let laterID = try #require(later.id)
        let earlierID = try #require(earlier.id)
        try store.reading { db in
            #expect(try EntryQueries.entry(id: laterID, db) == later)
            #expect(try EntryQueries.entries(ids: [earlierID, laterID, earlierID], db) == [later, earlier])
            #expect(throws: JournalError.entryNotFound(98)) {
                try EntryQueries.entries(ids: [laterID, 99, 98], db)
            }
            #expect(try EntryQueries.latest(db, exerciseID: nil, limit: 1) == [later])
            #expect(try EntryQueries.latest(db, exerciseID: "bird-dog", limit: nil) == [earlier])
            let dayZero = Fixture.time(day: 0, hour: 0)..<Fixture.time(day: 1, hour: 0)
            #expect(try EntryQueries.entries(db, performedIn: dayZero, exerciseID: nil) == [earlier])
            var seen: [Entry] = []
            try EntryQueries.forEach(db, performedIn: nil, exerciseID: nil) { seen.append($0) }
            #expect(seen == [earlier, later])
        }
    }
}
