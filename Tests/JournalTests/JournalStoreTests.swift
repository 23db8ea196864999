import Foundation
import GRDB
import Testing

@testable import Journal

@Suite struct JournalStoreTests {
    let directory = TemporaryDirectory()

    func entry(_ exercise: String = "glute-bridge", at time: Int64 = 1_795_600_800, note: String? = nil) throws -> Entry
    {
        try Entry(
            exerciseID: exercise, performedAt: time, utcOffset: 3600, sets: 3, reps: 10,
            painBefore: #require(PainLevel(4)), painAfter: #require(PainLevel(3)), note: note,
            createdAt: time + 5)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aNewJournalIsPrivateToItsOwner() throws {
        let path = directory.file("deep/er/journal.sqlite3")
        let store = try JournalStore(path: path)
        _ = try store.add(try entry())
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory.file("deep/er")) == 0o700)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            #expect(try mode(path + "-wal") == 0o600)
        }
    }

    @Test func aNewJournalIsMarkedInWALModeAndHoldsTheCatalogue() throws {
        let path = directory.file("j.sqlite3")
        _ = try JournalStore(path: path)
        let db = try DatabaseQueue(path: path)
        let (applicationID, journalMode, exercises, migrations) = try db.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT id FROM exercises ORDER BY rowid"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(applicationID == 0x4A52_4E4C)
        #expect(journalMode == "wal")
        #expect(exercises == Catalog.builtIn.exercises.map(\.id))
        #expect(
            migrations == [
                "v1-schema", "v1-catalogue", "v2-checkins", "v3-edit-undo-plan", "v4-plan-dose", "v5-red-flag-tiers",
            ])
    }

    @Test func anEntryComesBackExactly() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let note = "said \"ouch\", then: fine,\r\nnext line\n🙂 = +1 'quoted' \u{1B}[31m"
        let saved = try store.add(try entry(note: note))
        #expect(saved.id == 1)
        var expected = try entry(note: note)
        expected.id = 1
        #expect(try store.entry(id: 1) == expected)
        #expect(try store.entries() == [expected])
    }

    @Test func entriesAreNewestFirstAndFilterable() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        _ = try store.add(try entry("glute-bridge", at: 1000))
        _ = try store.add(try entry("bird-dog", at: 3000))
        _ = try store.add(try entry("glute-bridge", at: 2000))
        #expect(try store.entries().map(\.performedAt) == [3000, 2000, 1000])
        #expect(try store.entries(limit: 2).map(\.performedAt) == [3000, 2000])
        #expect(try store.entries(exerciseID: "glute-bridge").map(\.performedAt) == [2000, 1000])
        #expect(try store.entryCount() == 3)
    }

    /// The rules see the period and, before it, the last 3 sessions of each exercise (ties on
    /// time broken by id), oldest first; nothing older and nothing after the period.
    @Test func theRulesSeeThePeriodAndTheLastThreeSessionsOfEachExerciseBeforeIt() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        for time: Int64 in [100, 200, 300, 400, 400] { _ = try store.add(try entry("glute-bridge", at: time)) }
        for time: Int64 in [150, 250] { _ = try store.add(try entry("bird-dog", at: time)) }
        for time: Int64 in [1000, 1500, 2000] { _ = try store.add(try entry("side-plank", at: time)) }
        _ = try store.add(try entry("bird-dog", at: 1200))

        let all = try store.entriesForRules(performedIn: 1000..<2000)
        // glute-bridge: 300 (id 3), 400 (id 4), 400 (id 5); bird-dog: 150, 250; then the period.
        #expect(all.map(\.performedAt) == [150, 250, 300, 400, 400, 1000, 1200, 1500])
        #expect(all.compactMap(\.id) == [6, 7, 3, 4, 5, 8, 11, 9])

        let one = try store.entriesForRules(performedIn: 1000..<2000, exerciseID: "bird-dog")
        #expect(one.map(\.performedAt) == [150, 250, 1200])
        #expect(try store.entriesForRules(performedIn: 0..<100).isEmpty)
    }

    @Test func theDatabaseRefusesWhatTheLibraryRefuses() throws {
        let path = directory.file("j.sqlite3")
        _ = try JournalStore(path: path)
        let db = try DatabaseQueue(path: path)
        let insert = """
            INSERT INTO entries (exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, created_at)
            VALUES (?, 0, 0, 1, ?, 3, 0)
            """
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: insert, arguments: ["glute-bridge", 11]) }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: insert, arguments: ["no-such-exercise", 3]) }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: insert, arguments: ["glute-bridge", "four"]) }
        }
    }

    @Test func aFileOfRandomBytesIsRefusedAndLeftUnchanged() throws {
        let path = directory.file("random.sqlite3")
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: JournalError.notAJournal(path: path)) { try JournalStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["random.sqlite3"])
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws {
        let path = directory.file("other.db")
        let other = try DatabaseQueue(path: path)
        try other.write {
            try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana')")
        }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: JournalError.notAJournal(path: path)) { try JournalStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func anEmptyFileBecomesAJournal() throws {
        let path = directory.file("empty.sqlite3")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try JournalStore(path: path)
        _ = try store.add(try entry())
        #expect(try store.entryCount() == 1)
    }

    @Test func readingAMissingJournalCreatesNothing() throws {
        let path = directory.file("none/j.sqlite3")
        #expect(try JournalStore.existing(at: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: directory.file("none")))
    }

    @Test func aJournalFromANewerVersionIsReadButNotWritten() throws {
        let path = directory.file("j.sqlite3")
        _ = try JournalStore(path: path).add(try entry())
        let db = try DatabaseQueue(path: path)
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try db.close()
        let store = try JournalStore(path: path)
        #expect(try store.entryCount() == 1)
        #expect(throws: JournalError.newerDatabase(path: path)) { try store.add(try entry()) }
        #expect(try store.entryCount() == 1)
    }

    @Test func everySchemaSectionIsAMigrationStepInFileOrder() throws {
        let sections = Schema.sections.map(\.name)
        let schemaSteps = Migrations.steps.compactMap { step -> String? in
            if case .schema(let name) = step { return name }
            return nil
        }
        #expect(sections == schemaSteps)
        #expect(Schema.sections.allSatisfy { $0.sql.contains("CREATE TABLE") })
    }

    @Test func aVersionOneJournalIsUpgradedWithItsEntriesKept() throws {
        let path = directory.file("v1.sqlite3")
        let store = try JournalStore(path: path)
        _ = try store.add(try entry(note: "kept"))
        try VersionOneJournal.downgrade(path)
        let upgraded = try JournalStore(path: path)
        #expect(try upgraded.entries().map(\.note) == ["kept"])
        let checkIn = try CheckIn(
            performedAt: 1_795_600_800, utcOffset: 0, pain: #require(PainLevel(2)), redFlags: [.fever], createdAt: 0)
        #expect(try upgraded.add(checkIn).id == 1)
        #expect(try upgraded.checkIns(performedIn: 0..<2_000_000_000).map(\.redFlags) == [[.fever]])
    }

    @Test func aLegWeaknessRowOfAnOlderJournalBecomesBothLegs() throws {
        let path = directory.file("v4.sqlite3")
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v4-plan-dose")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES (1, 1795600800, 0, 3, 0);
                    INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES (2, 1795604400, 0, 4, 0);
                    INSERT INTO checkin_red_flags (checkin_id, red_flag)
                        VALUES (1, 'leg-weakness'), (1, 'fever'), (2, 'saddle-numbness');
                    """)
        }
        try old.close()

        let upgraded = try JournalStore(path: path)
        #expect(upgraded.backupsMade.count == 1)
        #expect(
            try upgraded.checkIns(performedIn: 0..<2_000_000_000).map(\.redFlags) == [
                [.bothLegs, .fever], [.saddleNumbness],
            ])
        let db = try DatabaseQueue(path: path)
        defer { try? db.close() }
        let rows = try db.read { db in
            try String.fetchAll(
                db, sql: "SELECT checkin_id || ' ' || red_flag FROM checkin_red_flags ORDER BY checkin_id, red_flag")
        }
        #expect(rows == ["1 both-legs", "1 fever", "2 saddle-numbness"])
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO checkin_red_flags VALUES (2, 'leg-weakness')") }
        }
        // GRDB enforces foreign keys by default: deleting a check-in deletes its flags.
        try db.write { db in
            try db.execute(sql: "INSERT INTO checkin_red_flags VALUES (2, 'night-pain'), (2, 'chest-pain')")
            try db.execute(sql: "DELETE FROM checkins WHERE id = 1")
        }
        let left = try db.read { db in
            try String.fetchAll(db, sql: "SELECT red_flag FROM checkin_red_flags ORDER BY red_flag")
        }
        #expect(left == ["chest-pain", "night-pain", "saddle-numbness"])
    }

    @Test func theEmbeddedSchemaIsSchemaSQL() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("schema.sql"), encoding: .utf8)
        #expect(Schema.sql == file)
    }
}

@Suite struct DatabaseLocationTests {
    @Test func theFlagWinsThenTheEnvironmentThenXDGThenHome() throws {
        let all = ["JOURNAL_DB": "/env/j.db", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ana"]
        #expect(try DatabaseLocation.resolve(explicit: "/flag.db", environment: all) == "/flag.db")
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: all) == "/env/j.db")
        #expect(
            try DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg/", "HOME": "/h"])
                == "/xdg/journal/journal.sqlite3")
        #expect(
            try DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/ana"])
                == "/home/ana/.local/share/journal/journal.sqlite3")
    }

    @Test(arguments: ["", "relative/dir"])
    func anEmptyOrRelativeXDGDataHomeMeansTheDefault(value: String) throws {
        #expect(
            try DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": value, "HOME": "/h"])
                == "/h/.local/share/journal/journal.sqlite3")
    }

    @Test func noHomeAndNoPathIsAConfigurationError() throws {
        #expect(throws: JournalError.noDatabaseLocation) {
            try DatabaseLocation.resolve(explicit: nil, environment: [:])
        }
    }
}
