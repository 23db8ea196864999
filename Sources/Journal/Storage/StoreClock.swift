import Foundation
import GRDB
import JournalSync

/// This journal's hybrid logical clock, kept in the local table `replica_clocks` (its own row,
/// `self = 1`), so that every write gets a reading that comes after every reading before it.
///
/// A write takes its reading in its own transaction: read the row, ``HybridLogicalClock/send(now:)``
/// at the write's `now`, store the reading back. So readings only grow, across processes and
/// however the wall clock (or `JOURNAL_NOW`) moves, and since SQLite lets one transaction write at a
/// time, two writers never take the same reading. A write that fails rolls its reading back with it.
/// (docs/sync-ids.md, "What each store write does".)
///
/// ```swift
/// let reading = try store.writing { db in try store.clock.send(db, now: now) }
/// reading.text  // "001795000000000-00000000-00000000000000000000000000000000"
/// ```
struct StoreClock {
    /// The journal's file, which a damaged clock row is reported against.
    let path: String

    /// This write's reading at `now`, stored as the journal's latest; in `db`'s transaction.
    func send(_ db: Database, now: Date) throws -> HybridTimestamp {
        let row = try Row.fetchOne(db, sql: "SELECT replica, last FROM replica_clocks WHERE self = 1")
        guard let row, let replica = row["replica"] as String?, let text = row["last"] as String?,
            let last = HybridTimestamp(text: text), last.replica.hex == replica
        else { throw JournalError.corruptDatabase(path: path) }
        var clock = HybridLogicalClock(replica: last.replica, last: last)
        let reading = clock.send(now: Self.milliseconds(of: now))
        try db.execute(sql: "UPDATE replica_clocks SET last = ? WHERE self = 1", arguments: [reading.text])
        return reading
    }

    /// The largest wall time a reading's text holds: 15 decimal digits of milliseconds.
    static let latestMilliseconds: UInt64 = 999_999_999_999_999

    /// `date` in whole milliseconds since 1970 (UTC), within what a reading holds.
    static func milliseconds(of date: Date) -> UInt64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard milliseconds > 0 else { return 0 }
        return milliseconds < Double(latestMilliseconds) ? UInt64(milliseconds) : latestMilliseconds
    }
}

/// The uids of the records one write makes: UUIDv7s (RFC 9562) at the write's `now`, text
/// `8-4-4-4-12` in lower case, each greater than the one before.
///
/// Unique across devices by their 62 random bits; the time bits are the command's own `now` (so
/// `JOURNAL_NOW` sets them), never the wall clock read here.
///
/// ```swift
/// var uids = RecordUIDs(now: now)
/// let uid = uids.next()  // "019aee0c-…-7…"
/// ```
struct RecordUIDs {
    /// The write's time, in milliseconds since 1970 (UTC).
    let milliseconds: UInt64
    private var generator = UUIDv7Generator()

    init(now: Date) {
        milliseconds = StoreClock.milliseconds(of: now)
    }

    /// The next record's uid.
    mutating func next() -> String { generator.next(milliseconds: milliseconds).string }
}

/// What one write stamps on the records it makes (schema.sql, v26-record-ids): the reading its
/// transaction took (`recorded` of an entry or check-in) and uids at its `now`.
///
/// Take one per transaction that makes records, through ``StoreClock/stamp(_:now:)``, and give
/// every record it makes ``uid()`` and ``recorded``:
///
/// ```swift
/// var stamp = try store.clock.stamp(db, now: now)
/// try db.execute(sql: "INSERT INTO entries (uid, …, recorded) VALUES (?, …, ?)",
///                arguments: [stamp.uid(), …, stamp.recorded])
/// ```
struct WriteStamp {
    /// The reading the write took: every earlier write's is smaller.
    let reading: HybridTimestamp
    /// How many uids this write has given.
    private var given: UInt64 = 0

    init(reading: HybridTimestamp, now: Date) {
        self.reading = reading
    }

    /// The reading as stored in `recorded` (57 characters, sorts as readings do).
    var recorded: String { reading.text }

    /// The next record's uid: a UUIDv7 whose time and counter bits are the write's reading (its
    /// wall milliseconds and counter) and whose next 14 bits count the records of the write, so a
    /// journal's uids sort in the order it made them (as its readings do; the first 16,384 of one
    /// write in order), with 48 random bits that keep them unique across devices.
    mutating func uid() -> String {
        defer { given += 1 }
        var random = SystemRandomNumberGenerator()
        return UUIDv7(
            milliseconds: reading.wall, counter: UInt16(min(reading.counter, 0x0FFF)),
            random: min(given, 0x3FFF) << 48 | random.next() & 0xFFFF_FFFF_FFFF
        ).string
    }

    /// What a review recorded now has seen, as stored in `seen`.
    ///
    /// A JSON object, each replica's latest reading this journal holds (its own being this
    /// write's), by replica in order. Read it after ``StoreClock/stamp(_:now:)`` in the same transaction.
    static let seen = """
        (SELECT json_group_object(replica, last) FROM (SELECT replica, last FROM replica_clocks ORDER BY replica))
        """

    /// Whether an entry's or check-in's `recorded` reading (`r`) is among what a review's `seen` (`s`) had seen.
    ///
    /// Seen: no later than `seen`'s reading of the same replica (the reading's last 32
    /// characters). `NULL` `seen` or a replica it does not name: not seen.
    static func hasSeen(recorded r: String, seen s: String) -> String {
        "coalesce(\(r) <= json_extract(\(s), '$.\"' || substr(\(r), 26, 32) || '\"'), 0)"
    }
}

extension StoreClock {
    /// This write's stamp at `now` (its reading, ``send(_:now:)``, and its uids); in `db`'s transaction.
    func stamp(_ db: Database, now: Date) throws -> WriteStamp {
        WriteStamp(reading: try send(db, now: now), now: now)
    }
}

extension JournalStore {
    /// The journal's clock, which each write reads and advances in its own transaction.
    var clock: StoreClock { StoreClock(path: path) }
}
