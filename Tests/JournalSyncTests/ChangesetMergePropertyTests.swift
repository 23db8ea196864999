import GRDB
import TestSupport
import Testing

@testable import JournalSync

/// Three replicas that write at random converge whatever the order of their changesets.
///
/// They exchange their changesets in random orders, with
/// duplicates and with edits arriving before their rows; then every replica merges everything
/// (twice, in new orders). They must end byte-identical, rows and clocks, and each field must
/// hold the value of its latest write, unless its row was deleted: no write is lost otherwise.
@Suite struct ChangesetMergePropertyTests {
    private static let noon: UInt64 = 1_764_936_000_000

    /// What one transaction wrote, for the oracle: each field's new value, or the row's deletion.
    private struct Written {
        let reading: HybridTimestamp
        let key: String
        let fields: [String: DatabaseValue]
        let deleted: Bool
    }

    @Test func threeReplicasConvergeWhateverTheOrder() throws {
        var random = SplitMix(seed: 20_261_206)
        for _ in 0..<4 { try Self.round(&random) }
    }

    private static func round(_ random: inout SplitMix) throws {
        let folder = TemporaryDirectory()
        // The second replica's clock is ten minutes behind, the third's a day ahead.
        let offsets: [Int64] = [0, -600_000, 86_400_000]
        let replicas = try (0..<3).map { try Replica("replica\($0)", in: folder, id: UInt8($0 + 1)) }
        var generators = Array(repeating: UUIDv7Generator(), count: 3)
        var sent: [Sent] = []
        var written: [Written] = []
        var fresh = 0
        func now(_ replica: Int, _ step: Int) -> UInt64 { UInt64(Int64(noon) + offsets[replica] + Int64(step) * 7) }
        func freshValue(_ column: String) -> DatabaseValue {
            fresh += 1
            return column == "pain" ? fresh.databaseValue : "\(column)-\(fresh)".databaseValue
        }

        for step in 0..<150 {
            let index = Int.random(in: 0..<3, using: &random)
            let replica = replicas[index]
            let here = try replica.queue.read { try String.fetchAll($0, sql: "SELECT id FROM items ORDER BY id") }
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 30 || (roll < 75 && here.isEmpty) {
                let key = generators[index].next(milliseconds: now(index, step), using: &random).string
                var fields = ["title": freshValue("title"), "pain": freshValue("pain")]
                fields["note"] = Bool.random(using: &random) ? freshValue("note") : .null
                let change = try replica.record(
                    now: now(index, step), "INSERT INTO items (id, title, pain, note) VALUES (?, ?, ?, ?)",
                    [key, fields["title"], fields["pain"], fields["note"]])
                sent.append(change)
                written.append(Written(reading: change.reading, key: key, fields: fields, deleted: false))
            } else if roll < 65, let key = here.randomElement(using: &random) {
                let columns = ["title", "pain", "note"].filter { _ in Bool.random(using: &random) }
                let chosen = columns.isEmpty ? ["pain"] : columns
                var fields: [String: DatabaseValue] = [:]
                for column in chosen { fields[column] = freshValue(column) }
                let change = try replica.record(
                    now: now(index, step),
                    "UPDATE items SET " + chosen.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                    StatementArguments(chosen.compactMap { fields[$0] } + [key.databaseValue]))
                sent.append(change)
                written.append(Written(reading: change.reading, key: key, fields: fields, deleted: false))
            } else if roll < 75, let key = here.randomElement(using: &random) {
                let change = try replica.record(now: now(index, step), "DELETE FROM items WHERE id = ?", [key])
                sent.append(change)
                written.append(Written(reading: change.reading, key: key, fields: [:], deleted: true))
            } else if let change = sent.randomElement(using: &random) {
                try replica.merge(change, now: now(index, step))
            }
        }

        var settled: [ChangesetMerger.Settlement.Kind: Int] = [:]
        for (index, replica) in replicas.enumerated() {
            for change in sent.shuffled(using: &random) {
                for settlement in try replica.merge(change, now: now(index, 200)).settlements {
                    settled[settlement.kind, default: 0] += 1
                }
            }
        }
        let dumps = try replicas.map { try $0.dump() }
        for (index, replica) in replicas.enumerated() {
            for change in sent.shuffled(using: &random) { try replica.merge(change, now: now(index, 300)) }
        }
        #expect(try replicas.map { try $0.dump() } == dumps, "a second exchange changed something")
        #expect(dumps[1] == dumps[0])
        #expect(dumps[2] == dumps[0])
        print("\(sent.count) changesets; settled: \(settled.sorted { "\($0.key)" < "\($1.key)" })")

        // The oracle: each key's latest write per field, unless the key was ever deleted.
        let deleted = Set(written.filter(\.deleted).map(\.key))
        var latest: [String: [String: (HybridTimestamp, DatabaseValue)]] = [:]
        for write in written where !deleted.contains(write.key) {
            for (column, value) in write.fields {
                if let known = latest[write.key]?[column], known.0 > write.reading { continue }
                latest[write.key, default: [:]][column] = (write.reading, value)
            }
        }
        let expected = latest.keys.sorted().map { key in
            ["id": key.databaseValue].merging(latest[key, default: [:]].mapValues(\.1)) { first, _ in first }
        }
        let actual = try replicas[0].queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM items ORDER BY id").map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
            }
        }
        #expect(actual == expected)
    }
}
