import Foundation
import GRDB
import TestSupport
import Testing

@testable import JournalSync
@testable import SyncFormat

/// Not a test: how long merging a first sync takes, run only when `JOURNAL_BENCH_MERGE` names the
/// row counts (speed targets live in bench/run, never in unit tests). In a release build:
///
/// ```
/// swift build -c release --build-tests -Xswiftc -enable-testing
/// JOURNAL_BENCH_MERGE=10000,100000 swift test -c release -Xswiftc -enable-testing --skip-build \
///     --filter MergeBench
/// ```
///
/// For each count, one changeset inserting that many rows of a table shaped as journal's `entries`
/// (a UUIDv7 text key, eleven fields, the same CHECKs and indexes), merged into a new journal file
/// (WAL, `synchronous = FULL`, as journal opens it): the set-based path, the field-by-field path
/// (`JOURNAL_BENCH_FIELDS=1`) and `ChangesetApplier`; the median of `JOURNAL_BENCH_RUNS` runs (3),
/// wall and CPU seconds (user and system, of the process).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["JOURNAL_BENCH_MERGE"] != nil))
struct MergeBench {
    static let schema = """
        CREATE TABLE entries (
            id           TEXT    PRIMARY KEY,
            exercise_id  TEXT    NOT NULL,
            performed_at INTEGER NOT NULL,
            utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
            sets         INTEGER NOT NULL DEFAULT 1 CHECK (sets BETWEEN 1 AND 50),
            reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
            hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
            side         TEXT    CHECK (side IN ('left', 'right', 'both')),
            pain_before  INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
            pain_after   INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
            note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
            created_at   INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX entries_by_time ON entries (performed_at);
        CREATE INDEX entries_by_exercise ON entries (exercise_id, performed_at);
        """

    @Test func mergeNewRows() throws {
        let environment = ProcessInfo.processInfo.environment
        let counts = (environment["JOURNAL_BENCH_MERGE"] ?? "").split(separator: ",").compactMap { Int($0) }
        let runs = environment["JOURNAL_BENCH_RUNS"].flatMap { Int($0) } ?? 3
        for count in counts {
            let folder = TemporaryDirectory()
            let (changeset, reading) = try Self.changeset(count, in: folder)
            var lines = ["\(count) new rows, a changeset of \(changeset.bytes.count / 1024) KiB:"]
            func measure(_ name: String, _ merge: (DatabaseQueue) throws -> Void) throws {
                var times: [Double] = []
                var processor: [Double] = []
                for run in 0..<runs {
                    let queue = try Self.journal(folder.file("\(name)-\(run).sqlite"))
                    let start = ContinuousClock.now
                    let cpu = clock()
                    try merge(queue)
                    processor.append(Double(clock() - cpu) / Double(CLOCKS_PER_SEC))
                    let elapsed = ContinuousClock.now - start
                    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                let median = { (values: [Double]) in String(format: "%.3f", values.sorted()[values.count / 2]) }
                lines.append("  \(name): \(median(times)) s (CPU \(median(processor)) s)")
            }
            try measure("set-based merge") { queue in
                _ = try ChangesetMerger(tables: ["entries"]).merge(changeset, at: reading, into: queue)
            }
            if environment["JOURNAL_BENCH_FIELDS"] != nil {
                try measure("field-by-field merge") { queue in
                    _ = try ChangesetMerger(tables: ["entries"], setBased: false).merge(
                        changeset, at: reading, into: queue)
                }
            }
            try measure("ChangesetApplier") { queue in
                _ = try ChangesetApplier(tables: ["entries"]).apply(changeset: changeset, to: queue)
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// A journal file as journal opens it, with the entries table.
    private static func journal(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { try $0.execute(sql: schema) }
        return queue
    }

    /// One changeset inserting `count` entries, recorded by the real recorder.
    private static func changeset(_ count: Int, in folder: TemporaryDirectory) throws -> (Changeset, HybridTimestamp) {
        let source = try journal(folder.file("source.sqlite"))
        var clock = HybridLogicalClock(replica: SyncID(unchecked: Array(repeating: 7, count: 16)))
        let noon: UInt64 = 1_764_936_000_000
        let reading = clock.send(now: noon)
        var random = SplitMix(seed: 28)
        var ids = UUIDv7Generator()
        let exercises = ["glute-bridge", "bird-dog", "side-plank", "pelvic-tilt", "piriformis-stretch"]
        let changeset = try ChangesetRecorder(tables: ["entries"]).record(in: source, at: reading) { db in
            let insert = try db.makeStatement(sql: "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for index in 0..<count {
                let at = 1_450_000_000 + index * 3_000
                let held = index % 5 == 2
                let before = Int.random(in: 2...6, using: &random)
                try insert.execute(arguments: [
                    ids.next(milliseconds: noon - UInt64(count - index) * 1_000, using: &random).string,
                    exercises[index % exercises.count], at, index % 3 == 0 ? 0 : 3600,
                    Int.random(in: 1...3, using: &random),
                    held ? nil : Int.random(in: 8...15, using: &random),
                    held ? Int.random(in: 20...60, using: &random) : nil,
                    index % 4 == 0 ? "left" : nil, before, max(0, before + Int.random(in: -2...1, using: &random)),
                    index % 10 == 0 ? "felt tight, \"stiff\" after" : nil, at,
                ])
            }
        }
        return (changeset, reading)
    }
}
