import Foundation
import GRDB
import TestSupport
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
        // A reader holding the file open keeps the write-ahead log from being folded back on close.
        let reader = try DatabaseQueue(path: path)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entries") } == 0)
        _ = try store.add(try entry())
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory.file("deep/er")) == 0o700)
        // In WAL mode the write went to the -wal file (with its -shm index): both hold the journal's data.
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(path + "-shm") == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0 > 0)
        try reader.close()
    }

    @Test func aNewJournalIsMarkedInWALModeAndHoldsTheCatalogue() throws {
        let path = directory.file("j.sqlite3")
        _ = try JournalStore(path: path)
        let db = try DatabaseQueue(path: path)
        let (applicationID, journalMode, exercises, migrations) = try db.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT id FROM exercises ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(applicationID == 0x4A52_4E4C)
        #expect(journalMode == "wal")
        // The file format itself: header bytes 18 and 19, the read and write versions, are 2 in WAL mode
        // (1 for a rollback journal).
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 20)
        #expect(Array(header.prefix(16)) == Array("SQLite format 3\u{0}".utf8))
        #expect(Array(header.suffix(2)) == [2, 2])
        #expect(exercises == Catalog.builtIn.exercises.map(\.id).sorted())
        #expect(
            migrations == [
                "v1-schema", "v1-catalogue", "v2-checkins", "v3-edit-undo-plan", "v4-plan-dose", "v5-red-flag-tiers",
                "v6-reviews-checkin-undo", "v7-plan-since", "v8-psfs", "v9-red-flag-standing", "v10-plan-order",
                "v11-undo-log-checkin", "v12-exercise-how-to", "v13-settings", "v14-undo-restore",
                "v15-undo-every-kind", "v16-undo-import-all", "v17-stops-by-recording",
                "v18-stops-by-id", "v19-outside-values", "v20-outside-kinds", "v21-outside-times",
                "v22-plan-history", "v23-outside-ids", "v24-record-views", "v25-edit-results", "v26-record-ids",
                "v27-sync",
            ])
    }

    @Test func anEntryComesBackExactly() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let note = "said \"ouch\", then: fine,\r\nnext line\n🙂 = +1 'quoted' \u{1B}[31m"
        let saved = try store.add(try entry(note: note))
        #expect(saved.id == 1)
        var expected = try entry(note: note)
        expected.id = 1
        // Its uid and reading, as saving it gave them.
        expected.uid = try #require(saved.uid)
        expected.recorded = try #require(saved.recorded)
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
        var inserted = 0
        /// Inserts an entry: a valid row, under a new uid, with `changes` in place of its values.
        func insert(_ changes: [String: (any DatabaseValueConvertible)?]) throws {
            inserted += 1
            var row: [String: (any DatabaseValueConvertible)?] = [
                "uid": OutsideRecord.uid(inserted), "exercise_id": "glute-bridge", "performed_at": 0, "utc_offset": 0,
                "sets": 1, "reps": nil, "hold_seconds": nil, "side": nil, "pain_before": 4, "pain_after": 3,
                "note": nil, "created_at": 0, "recorded": OutsideRecord.reading(unixSeconds: 0, counter: inserted),
            ]
            row.merge(changes) { $1 }
            let columns = row.keys.sorted()
            let sql = """
                INSERT INTO entries (\(columns.joined(separator: ", ")))
                VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                """
            try db.write { try $0.execute(sql: sql, arguments: StatementArguments(columns.map { row[$0] ?? nil })) }
        }
        // The controls: the valid row, and one at every upper bound the library allows.
        try insert([:])
        try insert([
            "utc_offset": 64800, "sets": 50, "reps": 500, "hold_seconds": 3600, "side": "both", "pain_before": 10,
            "pain_after": 0, "note": String(repeating: "é", count: 4000),
        ])
        let refusals: [([String: (any DatabaseValueConvertible)?], String)] = [
            (["pain_before": 11], "CHECK constraint failed: pain_before BETWEEN 0 AND 10"),
            (["pain_after": -1], "CHECK constraint failed: pain_after BETWEEN 0 AND 10"),
            (["sets": 0], "CHECK constraint failed: sets BETWEEN 1 AND 50"),
            (["sets": 51], "CHECK constraint failed: sets BETWEEN 1 AND 50"),
            (["reps": 501], "CHECK constraint failed: reps BETWEEN 1 AND 500"),
            (["hold_seconds": 0], "CHECK constraint failed: hold_seconds BETWEEN 1 AND 3600"),
            (["side": "up"], "CHECK constraint failed: side IN ('left', 'right', 'both')"),
            (["note": ""], "CHECK constraint failed: length(note) BETWEEN 1 AND 4000"),
            (["note": String(repeating: "é", count: 4001)], "CHECK constraint failed: length(note) BETWEEN 1 AND 4000"),
            (["utc_offset": -64801], "CHECK constraint failed: utc_offset BETWEEN -64800 AND 64800"),
            (["exercise_id": "no-such-exercise"], "FOREIGN KEY constraint failed"),
            (["pain_before": "four"], "cannot store TEXT value in INTEGER column entries.pain_before"),
        ]
        for (changes, message) in refusals {
            do {
                try insert(changes)
                Issue.record("the database took \(changes)")
            } catch let error as DatabaseError {
                #expect(error.message == message, "for \(changes)")
            }
        }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entries") } == 2)
    }

    @Test func aFileOfRandomBytesIsRefusedAndLeftUnchanged() throws {
        let path = directory.file("random.sqlite3")
        var generator = SplitMix(seed: 8192)
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

    /// The SHA-256 of each shipped section of schema.sql, in file order.
    ///
    /// A section gets its pin once a release has shipped it; its text then never changes.
    static let shippedSections: [(name: String, sha256: String)] = [
        ("v1-schema", "edf64c7bd5d3f3ff25bf916637dab719d5f9b81b70d8d9163c34d794115a1487"),
        ("v1-catalogue", "d7f4c649697e9f656e831d3e394ae9a31181c3b5a9137da5d168ce388aecc8be"),
        ("v2-checkins", "70da1c94c45caf5c8354e2f169156078d1a4d27b3d5820f7430e0bb4a6c91cea"),
        ("v3-edit-undo-plan", "1c93a6cce5f1a598cbad9f4a9434b7de52efbae9935f9fd0847365f851d206e5"),
        ("v4-plan-dose", "8f6a94b84ee54b6c3a1c3969c32ac09987d7593f6076ec1f8211138acc482a55"),
        ("v5-red-flag-tiers", "cee64817944150ad1bdd2f65f9e76006949448de04bb987c9759533b86e2780e"),
        ("v6-reviews-checkin-undo", "24ff0782240b37a2d2157e92d5076100121fae31fd0db70d109751998f49bd31"),
        ("v7-plan-since", "0997c5e694cb31547a961dc2c902b4498854f69ab3a808274bb424169d30c9d7"),
        ("v8-psfs", "ad6b9de0a2ad1cdde4e709c4bfaef74773c494fd7bf0acba560c4dcd578b7056"),
        ("v9-red-flag-standing", "86647cb7dc2436089602e3c8c2f6252ed83f5f457e0fe0ae159f80e256f7dd68"),
        ("v10-plan-order", "f6388520c588ba063983ea59167537c4f7d27ca043fbedb81d4b422911887292"),
        ("v11-undo-log-checkin", "fea1e33461249f2909d49c9f2fd521df3b477558586438782a50b8ba6c135ea6"),
        ("v12-exercise-how-to", "d1aff460233a5f83d0185cc21c9131eedd63177f74ab08f45e91d58b2b80f17a"),
        ("v13-settings", "40930f5e19fc410b705df64f8fc184c57a2ee9abeac8063f30a0e88cb119c2c4"),
        ("v14-undo-restore", "1f4830f40a42edbab19e8f62991984d6cb1a2e70adc1757061826ce0c4f03c7d"),
        ("v15-undo-every-kind", "160c7679859fc845270e4c7a6e8a1f939b8b6a379d660058c7c653375c81e758"),
        ("v16-undo-import-all", "1f7134441738fcfb2768dd29da55fdeb975eb0ae7900d195be243cf36ec0b793"),
        ("v17-stops-by-recording", "30dfee16991d1ce9abd9a550a8b36d2cb680f1a7be17415d38f9ff94e3d77258"),
        ("v18-stops-by-id", "2b289d52ceadbf7864df2507adfc4bc75973e93f6d86cd7c2266b4fded26befe"),
        ("v19-outside-values", "c12f5412860cac43c8559c40be275a62accb2bacc4daa4dc67261720cee74520"),
        ("v20-outside-kinds", "5787f3249eb67ec33ba32d00773288bb619cb697aa5e565954967f5b10148de1"),
        ("v21-outside-times", "c3bc2afa53721edfe16baf07d5b2d01e0adabe524ef9cc892a01f2c940c3693f"),
        ("v22-plan-history", "3ed41b4b9da8fd8c292f01f78ecf77c77223f3efc3eb7b03d26a894a1d9bc8a1"),
        ("v23-outside-ids", "60f643b24aae3222fe5b7cdf0614a168d60d56b34c7fbff8c9fb8cd4a6c93570"),
        ("v24-record-views", "cad579656e416fae9c358a956ba421faf96638cc03ca4f379f85286c7e8f170d"),
        ("v25-edit-results", "0973af743628d2453856ecfd999556b427fc239693b94d9bba048465564e8ca1"),
        ("v26-record-ids", "5f485e57205d724c8532c17eb695c95a9fa5c3d42bc73733b503e08e96adb52e"),
        ("v27-sync", "9050a224d9a6c259933dddf0444e0c771fb2d5440f74a50bc306dc03bfdb06e7"),
    ]

    /// Each shipped section still runs exactly the SQL it shipped with, in the same place.
    @Test func shippedMigrationSectionsAreNeverEdited() throws {
        let names = Schema.sections.map(\.name)
        #expect(
            Array(names.prefix(Self.shippedSections.count)) == Self.shippedSections.map(\.name),
            "a shipped migration section was removed, renamed or moved; add a new section at the end instead")
        #expect(Set(names).count == names.count, "two sections of schema.sql have the same name")
        for shipped in Self.shippedSections {
            let sql = Schema.sections.first { $0.name == shipped.name }?.sql
            #expect(
                sql.map(SHA256.hex) == shipped.sha256,
                "\(shipped.name): a shipped migration section was edited; add a new section instead")
        }
    }

    @Test func theMigrationStepsAreSchemaSQLsSectionsInFileOrder() throws {
        #expect(Schema.sections.map(\.name) == Migrations.steps)
        #expect(Schema.sections.allSatisfy { !$0.sql.isEmpty })
    }

    /// Blank lines between sections belong to neither, so appending a section leaves the others' digests alone.
    @Test func sectionsAreTheLinesBetweenMarkersWithoutBlankLinesAtTheEnds() throws {
        let text = "-- commentary\n\n-- migration: one\n\n-- first\nSELECT 1;\n\n  \n-- migration: two \nSELECT 2;"
        let sections = Schema.sections(of: text)
        #expect(sections.map(\.name) == ["one", "two"])
        #expect(sections.map(\.sql) == ["-- first\nSELECT 1;\n", "SELECT 2;\n"])
    }

    /// The built-in catalogue in Swift, which the CLI looks exercises up in, and the SQL that seeds
    /// each journal list the same exercises alike.
    @Test func theSwiftCatalogueAndTheSeededExercisesAgree() throws {
        struct Seed: Hashable, CustomStringConvertible {
            let id: String
            let name: String
            let category: String
            let perSide: Bool
            let measure: String
            var description: String { "(\(id), \(name), \(category), per side: \(perSide), \(measure))" }
        }
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let seeded = try store.reading { db in
            try Row.fetchAll(db, sql: "SELECT id, name, category, per_side, measure FROM exercises WHERE builtin = 1")
                .map { row in
                    Seed(
                        id: row["id"], name: row["name"], category: row["category"], perSide: row["per_side"],
                        measure: row["measure"])
                }
        }
        let catalogue = Catalog.builtIn.exercises.map { exercise in
            Seed(
                id: exercise.id, name: exercise.name, category: exercise.category.rawValue, perSide: exercise.perSide,
                measure: exercise.measure.rawValue)
        }
        #expect(!seeded.isEmpty)
        #expect(seeded.count == catalogue.count)
        #expect(
            Set(seeded).subtracting(catalogue).sorted { $0.id < $1.id } == [],
            "seeded by schema.sql but not in Catalog.builtIn: a built-in exercise needs both")
        #expect(
            Set(catalogue).subtracting(seeded).sorted { $0.id < $1.id } == [],
            "in Catalog.builtIn but not seeded: a built-in exercise needs a new section of schema.sql too")
    }

    /// A built-in exercise added by a later version reaches a journal made before it: its section runs on
    /// opening, and the exercise can then be logged.
    @Test func aBuiltInExerciseAddedLaterReachesAnOldJournal() throws {
        let path = directory.file("old.sqlite3")
        let old = try JournalStore(path: path)
        _ = try old.add(try entry())
        #expect(throws: JournalError.self) { try old.add(try entry("hamstring-stretch")) }
        try old.closeDatabase()

        let newExercise = """
            INSERT OR IGNORE INTO exercises (id, name, category, per_side, measure, builtin)
            VALUES ('hamstring-stretch', 'Hamstring stretch', 'stretch', 1, 'hold', 1);
            """
        let later = Schema.sections + [(name: "test-new-exercise", sql: newExercise)]
        let upgraded = try JournalStore(openingExisting: path, access: .readWrite, migrations: later)
        #expect(upgraded.backupsMade.count == 1)
        let saved = try upgraded.add(try entry("hamstring-stretch", at: 1_795_700_000))
        #expect(try upgraded.entries().map(\.exerciseID) == ["hamstring-stretch", "glute-bridge"])
        #expect(try upgraded.entry(id: 2) == saved)
        let builtIn = try upgraded.reading { db in
            try Bool.fetchOne(db, sql: "SELECT builtin FROM exercises WHERE id = 'hamstring-stretch'")
        }
        #expect(builtIn == true)
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
                db,
                sql: """
                    SELECT a.id || ' ' || f.red_flag || ' ' || f.present
                    FROM checkin_red_flags AS f JOIN checkin_ids AS a ON a.uid = f.checkin_uid ORDER BY a.id, f.red_flag
                    """)
        }
        #expect(rows == ["1 both-legs 1", "1 fever 1", "2 saddle-numbness 1"])
        let second = OutsideRecord.uid(of: 2, in: "checkin_ids")
        #expect(throws: DatabaseError.self) {
            try db.write {
                try $0.execute(
                    sql: "INSERT INTO checkin_red_flags (checkin_uid, red_flag) VALUES (\(second), 'leg-weakness')")
            }
        }
        // GRDB enforces foreign keys by default: deleting a check-in deletes its flags.
        try db.write { db in
            try db.execute(
                sql: """
                    INSERT INTO checkin_red_flags (checkin_uid, red_flag)
                    VALUES (\(second), 'night-pain'), (\(second), 'chest-pain')
                    """)
            try db.execute(sql: "DELETE FROM checkins WHERE uid = \(OutsideRecord.uid(of: 1, in: "checkin_ids"))")
        }
        let left = try db.read { db in
            try String.fetchAll(db, sql: "SELECT red_flag FROM checkin_red_flags ORDER BY red_flag")
        }
        #expect(left == ["chest-pain", "night-pain", "saddle-numbness"])
    }

    /// v10-plan-order numbers an older journal's plan in the order its rows were written, not by id;
    /// a new exercise goes last, one set again keeps its place, and `order` moves one.
    @Test func thePlanKeepsItsOrder() throws {
        let path = directory.file("v8.sqlite3")
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v8-psfs")
        try old.write { db in
            for (id, perWeek) in [("side-plank", 3), ("bird-dog", 5)] {
                try db.execute(
                    sql: "INSERT INTO plan (exercise_id, sets, reps, per_week) VALUES (?, 2, 8, ?)",
                    arguments: [id, perWeek])
            }
        }
        try old.close()
        let store = try JournalStore(path: path)
        #expect(try store.plan().map(\.exerciseID) == ["side-plank", "bird-dog"])
        let glute = try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5)
        try store.setPlan(glute)
        try store.setPlan(try PlanItem(exerciseID: "side-plank", sets: 2, holdSeconds: 30, perWeek: 3))
        #expect(try store.plan().map(\.exerciseID) == ["side-plank", "bird-dog", "glute-bridge"])
        try store.setPlan(glute, order: 1)
        #expect(try store.plan().map(\.exerciseID) == ["glute-bridge", "side-plank", "bird-dog"])
        try store.setPlan(glute, order: 2)
        #expect(try store.plan().map(\.exerciseID) == ["side-plank", "glute-bridge", "bird-dog"])
        #expect(
            try DatabaseQueue(path: path).read {
                try Int.fetchAll($0, sql: "SELECT position FROM plan ORDER BY position")
            }
                == [1, 2, 3])
    }

    @Test func theEmbeddedSchemaIsSchemaSQL() throws {
        // schema.sql at the repository's root, read from disk now; the library holds the copy compiled into it.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("schema.sql"), encoding: .utf8)
        #expect(Schema.sql == file)
        // What each builds: SQLite running the file as written, and a journal the library makes by its
        // migrations from the embedded copy. Foreign keys off while it runs and checked after, as GRDB runs
        // each migration: a section that rebuilds tables (v26-record-ids) names a parent before it is renamed.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let fromFile = try DatabaseQueue(path: directory.file("from-file.sqlite3"), configuration: configuration)
        try fromFile.write { try $0.execute(sql: file) }
        #expect(try fromFile.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        _ = try JournalStore(path: directory.file("from-library.sqlite3"))
        let fromLibrary = try DatabaseQueue(path: directory.file("from-library.sqlite3"))
        func schema(_ queue: DatabaseQueue) throws -> [String] {
            try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || sql FROM sqlite_master
                        WHERE name <> 'grdb_migrations' AND name NOT LIKE 'sqlite_%' ORDER BY type, name
                        """) + [String(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)]
            }
        }
        let built = try schema(fromFile)
        #expect(built.count > 10)
        #expect(try schema(fromLibrary) == built)
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
