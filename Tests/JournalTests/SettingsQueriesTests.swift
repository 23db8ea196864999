import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The settings queries (``SettingsQueries``): a setting's row read and written by name, in the
/// caller's transaction, and the region as stored, whitespace and case as they are.
@Suite struct SettingsQueriesTests {
    let directory = TemporaryDirectory()

    @Test func aSettingIsReadAsStoredAndNoneIsNil() throws {
        // Given a new journal
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        #expect(try store.reading { db in try SettingsQueries.region(db) } == nil)

        // When its region is set, then changed from outside, as sqlite3 may, with stray whitespace
        try store.queue.write { db in try SettingsQueries.set("region", to: "GB", db) }
        #expect(try store.reading { db in try SettingsQueries.region(db) } == "GB")
        try store.queue.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    PRAGMA ignore_check_constraints = 1;
                    UPDATE settings SET value = ' gb\n';
                    PRAGMA ignore_check_constraints = 0
                    """)
        }

        // Then the query reads it as stored; reading it as a region is RegionSetting's job
        #expect(try store.reading { db in try SettingsQueries.region(db) } == " gb\n")
        #expect(try store.storedRegion() == " gb\n")
        #expect(try store.reading { db in try SettingsQueries.value(named: "colour", db) } == nil)
    }

    @Test func settingAgainReplacesAndRemovingUnsetsIt() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        try store.queue.write { db in
            try SettingsQueries.set("region", to: "GB", db)
            try SettingsQueries.set("region", to: "CA", db)
        }
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM settings") } == 1)
        #expect(try store.reading { db in try SettingsQueries.region(db) } == "CA")

        try store.queue.write { db in try SettingsQueries.remove("region", db) }
        #expect(try store.reading { db in try SettingsQueries.region(db) } == nil)
        // Removing what is not set changes nothing.
        try store.queue.write { db in try SettingsQueries.remove("region", db) }
        // Its row stays, value NULL: a deleted key could never be written again once the journal syncs.
        #expect(
            try store.queue.read { try String.fetchAll($0, sql: "SELECT name || '=' || quote(value) FROM settings") }
                == ["region=NULL"])
        try store.queue.write { db in try SettingsQueries.set("region", to: "IE", db) }
        #expect(try store.reading { db in try SettingsQueries.region(db) } == "IE")
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM settings") } == 1)
    }

    @Test func theStoresRegionWritesGoThroughTheQueries() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        #expect(try store.setRegion(.canada, now: 1_795_000_000))
        #expect(try store.setRegion(.canada, now: 1_795_000_001) == false)
        #expect(try store.reading { db in try SettingsQueries.region(db) } == "CA")
        #expect(try store.unsetRegion(now: 1_795_000_002) == "CA")
        #expect(try store.unsetRegion(now: 1_795_000_003) == nil)
        #expect(try store.reading { db in try SettingsQueries.region(db) } == nil)
    }
}
