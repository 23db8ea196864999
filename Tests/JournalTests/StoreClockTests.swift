import Foundation
import GRDB
import JournalSync
import Synchronization
import TestSupport
import Testing

@testable import Journal

@Suite struct StoreClockTests {
    let directory = TemporaryDirectory()

    /// The replica id a journal has until `journal sync init` gives it one.
    static let unsynced = String(repeating: "0", count: 32)

    /// The journal at `path` (made first when missing), with the sections not yet shipped played after
    /// schema.sql's: those make `replica_clocks`.
    static func store(_ path: String) throws -> JournalStore {
        if !FileManager.default.fileExists(atPath: path) { try NewJournalFile(for: path).makeEmpty() }
        return try JournalStore(
            openingExisting: path, access: .readWrite, migrations: Schema.sections)
    }

    func reading(_ store: JournalStore, at seconds: Double) throws -> String {
        try store.writing { db in try store.clock.send(db, now: Date(timeIntervalSince1970: seconds)).text }
    }

    func storedReading(_ store: JournalStore) throws -> String? {
        try store.reading { db in try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1") }
    }

    /// `send`: the wall is max(last, now); the counter restarts when the wall moves and counts up when
    /// it does not, so a `now` that repeats or goes back still gives a later reading, also in the next
    /// process to open the file.
    @Test func readingsOnlyGrowWhileNowGoesBackAndRepeats() throws {
        let path = directory.file("journal.sqlite3")
        let store = try Self.store(path)
        // A journal without records starts at the zero reading.
        #expect(try storedReading(store) == "000000000000000-00000000-" + Self.unsynced)
        let nows: [Double] = [1_795_000_000, 1_795_000_000, 1_794_999_000, 1_795_000_000.5, 1_795_000_001]
        let readings = try nows.map { try reading(store, at: $0) }
        #expect(
            readings == [
                "001795000000000-00000000-" + Self.unsynced,
                "001795000000000-00000001-" + Self.unsynced,
                "001795000000000-00000002-" + Self.unsynced,
                "001795000000500-00000000-" + Self.unsynced,
                "001795000001000-00000000-" + Self.unsynced,
            ])
        #expect(try storedReading(store) == readings.last)
        try store.closeDatabase()

        let reopened = try Self.store(path)
        #expect(try reading(reopened, at: 1_700_000_000) == "001795000001000-00000001-" + Self.unsynced)
        #expect(try reading(reopened, at: 1_795_000_001) == "001795000001000-00000002-" + Self.unsynced)
    }

    /// The reading is taken in the write's transaction: a write that fails leaves the clock where it was.
    @Test func aWriteThatFailsLeavesTheClockUnmoved() throws {
        let store = try Self.store(directory.file("journal.sqlite3"))
        _ = try reading(store, at: 1_795_000_000)
        // As a command refused after its reading was taken (`journal edit 9` of a missing entry).
        #expect(throws: JournalError.entryNotFound(9)) {
            try store.writing { db in
                _ = try store.clock.send(db, now: Date(timeIntervalSince1970: 1_795_000_000))
                throw JournalError.entryNotFound(9)
            }
        }
        #expect(try storedReading(store) == "001795000000000-00000000-" + Self.unsynced)
        #expect(try reading(store, at: 1_795_000_000) == "001795000000000-00000001-" + Self.unsynced)
    }

    /// Two stores on one file (two `journal` processes) share the clock row: taking turns at the same
    /// `now`, or writing at once, they never hand out the same reading, and each is later than the last.
    @Test func twoStoresOnOneFileNeverHandOutTheSameReading() throws {
        let path = directory.file("journal.sqlite3")
        let first = try Self.store(path)
        let second = try Self.store(path)
        var turns: [String] = []
        for turn in 0..<10 { turns.append(try reading(turn.isMultiple(of: 2) ? first : second, at: 1_795_000_000)) }
        #expect(turns == (0..<10).map { "001795000000000-0000000\($0)-" + Self.unsynced })

        let taken = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let store = index == 0 ? first : second
            for _ in 0..<50 {
                do {
                    let text = try reading(store, at: 1_795_000_000)
                    taken.withLock { $0.append(text) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let readings = taken.withLock { $0 }
        #expect(readings.count == 100)
        #expect(Set(readings).count == 100)
        // Counters 10 to 109 of the same millisecond, each given once.
        #expect(readings.sorted() == (10..<110).map { "001795000000000-" + hex8($0) + "-" + Self.unsynced })
    }

    /// A clock row that is not a reading of its replica is damage: the write is refused and nothing changes.
    @Test func aDamagedClockRowIsRefusedAsDamage() throws {
        let path = directory.file("journal.sqlite3")
        let store = try Self.store(path)
        try store.writing { db in
            try db.execute(sql: "UPDATE replica_clocks SET last = replace(last, '-0000', '-abcd') WHERE self = 1")
        }
        let damaged = try storedReading(store)
        #expect(throws: JournalError.corruptDatabase(path: path)) { try reading(store, at: 1_795_000_000) }
        #expect(try storedReading(store) == damaged)
    }

    /// A record's uid: a UUIDv7 at the write's `now` (milliseconds), in lower case, each one greater.
    @Test func recordUIDsAreUUIDv7sAtTheWritesNow() throws {
        var uids = RecordUIDs(now: Date(timeIntervalSince1970: 1_795_000_000.25))
        let made = (0..<20).map { _ in uids.next() }
        #expect(made == made.sorted())
        #expect(Set(made).count == 20)
        for uid in made {
            let parsed = try #require(UUIDv7(string: uid))
            #expect(parsed.milliseconds == 1_795_000_000_250)
            #expect(uid == uid.lowercased())
            #expect(uid.count == 36)
        }
        // Before 1970 there is no time to put in the bits: the earliest is used.
        #expect(StoreClock.milliseconds(of: Date(timeIntervalSince1970: -5)) == 0)
    }

    /// The uids a journal gives sort in the order it made them: by write (its reading), then within
    /// the write, however many writes share one millisecond of `now`.
    @Test func uidsSortInTheOrderTheJournalMadeThem() throws {
        let store = try Self.store(directory.file("journal.sqlite3"))
        var made: [String] = []
        for _ in 0..<50 {
            made += try store.writing { db in
                var stamp = try store.clock.stamp(db, now: Date(timeIntervalSince1970: 1_795_000_000))
                return (0..<3).map { _ in stamp.uid() }
            }
        }
        #expect(made == made.sorted())
        #expect(Set(made).count == 150)
        #expect(try made.allSatisfy { try #require(UUIDv7(string: $0)).milliseconds == 1_795_000_000_000 })
    }

    func hex8(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
