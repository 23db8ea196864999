import GRDB
import TestSupport
import Testing

@testable import JournalSync

/// Three replicas that write at random converge whatever the order of their changesets.
///
/// They write rows of `items`, and check-ins with their red flags (a parent and its children,
/// `ON DELETE CASCADE`); they exchange their changesets in random orders, with duplicates, with
/// edits arriving before their rows and red flags before their check-ins (which wait:
/// `missingParent`); then every replica merges everything (twice, in new orders, each changeset
/// that waits tried again until none does). They must end byte-identical, rows and clocks, and
/// each field must hold the value of its latest write, unless its row was deleted, or its
/// check-in: no write is lost otherwise.
@Suite struct ChangesetMergePropertyTests {
    private static let noon: UInt64 = 1_764_936_000_000

    /// What one transaction wrote to one row, for the oracle.
    ///
    /// Each field's new value, or the row's deletion. `key` names the row in its table (a red
    /// flag's: check-in uid, then flag).
    private struct Written {
        let reading: HybridTimestamp
        let table: String
        let key: String
        let fields: [String: DatabaseValue]
        let deleted: Bool
    }

    private static let redFlags = ["night-pain", "fever", "one-leg"]

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
            let checkins = try replica.queue.read {
                try String.fetchAll($0, sql: "SELECT uid FROM checkins ORDER BY uid")
            }
            let roll = Int.random(in: 0..<100, using: &random)
            if Bool.random(using: &random) {
                let key = generators[index].next(milliseconds: now(index, step), using: &random).string
                let change = try Self.checkinStep(
                    roll, replica: replica, checkins: checkins, key: key, now: now(index, step), written: &written,
                    random: &random)
                if let change { sent.append(change) }
                continue
            }
            if roll < 30 || (roll < 75 && here.isEmpty) {
                let key = generators[index].next(milliseconds: now(index, step), using: &random).string
                var fields = ["title": freshValue("title"), "pain": freshValue("pain")]
                fields["note"] = Bool.random(using: &random) ? freshValue("note") : .null
                let change = try replica.record(
                    now: now(index, step), "INSERT INTO items (id, title, pain, note) VALUES (?, ?, ?, ?)",
                    [key, fields["title"], fields["pain"], fields["note"]])
                sent.append(change)
                written.append(
                    Written(reading: change.reading, table: "items", key: key, fields: fields, deleted: false))
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
                written.append(
                    Written(reading: change.reading, table: "items", key: key, fields: fields, deleted: false))
            } else if roll < 75, let key = here.randomElement(using: &random) {
                let change = try replica.record(now: now(index, step), "DELETE FROM items WHERE id = ?", [key])
                sent.append(change)
                written.append(Written(reading: change.reading, table: "items", key: key, fields: [:], deleted: true))
            } else if let change = sent.randomElement(using: &random) {
                try Self.mergeOrWait(change, into: replica, now: now(index, step))
            }
        }

        var settled: [String: Int] = [:]
        for (index, replica) in replicas.enumerated() {
            let merged = try Self.mergeAll(sent.shuffled(using: &random), into: replica, now: now(index, 200))
            for settlement in merged.settlements { settled["\(settlement.kind)", default: 0] += 1 }
            settled["waited", default: 0] += merged.waited
        }
        let dumps = try replicas.map { try $0.dump() }
        for (index, replica) in replicas.enumerated() {
            _ = try Self.mergeAll(sent.shuffled(using: &random), into: replica, now: now(index, 300))
        }
        #expect(try replicas.map { try $0.dump() } == dumps, "a second exchange changed something")
        #expect(dumps[1] == dumps[0])
        #expect(dumps[2] == dumps[0])
        print("\(sent.count) changesets; settled: \(settled.sorted { $0.key < $1.key })")

        // The oracle: each key's latest write per field, unless the key was ever deleted, or its check-in.
        let deleted = Set(written.filter(\.deleted).map { "\($0.table) \($0.key)" })
        func gone(_ write: Written) -> Bool {
            deleted.contains("\(write.table) \(write.key)")
                || (write.table == "checkin_red_flags"
                    && deleted.contains("checkins \(write.key.split(separator: "|")[0])"))
        }
        var latest: [String: [String: [String: (HybridTimestamp, DatabaseValue)]]] = [:]
        for write in written where !gone(write) {
            for (column, value) in write.fields {
                if let known = latest[write.table]?[write.key]?[column], known.0 > write.reading { continue }
                latest[write.table, default: [:]][write.key, default: [:]][column] = (write.reading, value)
            }
        }
        let keyColumns = ["items": ["id"], "checkins": ["uid"], "checkin_red_flags": ["checkin_uid", "red_flag"]]
        for (table, columns) in keyColumns.sorted(by: { $0.key < $1.key }) {
            let rows = latest[table, default: [:]]
            let expected = rows.keys.sorted().map { key in
                let parts = key.split(separator: "|").map { String($0).databaseValue }
                return Dictionary(uniqueKeysWithValues: zip(columns, parts)).merging(
                    rows[key, default: [:]].mapValues(\.1)
                ) {
                    first, _ in first
                }
            }
            let actual = try replicas[0].queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(columns.joined(separator: ", "))").map {
                    row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
                }
            }
            #expect(actual == expected, "\(table)")
        }
    }

    /// One random write of check-ins and red flags: a check-in with some flags, a flag added to a
    /// check-in here, a flag taken off or put back (`present`), or a check-in deleted with its flags.
    ///
    /// `key` is the new check-in's uid; returns what it recorded, if anything.
    private static func checkinStep(
        _ roll: Int, replica: Replica, checkins: [String], key: String, now: UInt64, written: inout [Written],
        random: inout SplitMix
    ) throws -> Sent? {
        var flags: [String: Int] = [:]
        try replica.queue.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT checkin_uid, red_flag, present FROM checkin_red_flags") {
                flags["\(row[0] as String)|\(row[1] as String)"] = row[2]
            }
        }
        var change: Sent?
        if roll < 35 || checkins.isEmpty {
            let pain = Int.random(in: 0...10, using: &random)
            let chosen = redFlags.filter { _ in Bool.random(using: &random) }
            let recorded = try replica.record(
                now: now,
                "INSERT INTO checkins VALUES (?, ?, NULL);"
                    + chosen.map { _ in "INSERT INTO checkin_red_flags VALUES (?, ?, 1);" }.joined(),
                StatementArguments([key, pain] + chosen.flatMap { [key, $0] }))
            change = recorded
            written.append(
                Written(
                    reading: recorded.reading, table: "checkins", key: key,
                    fields: ["pain": pain.databaseValue, "note": .null], deleted: false))
            for flag in chosen {
                written.append(
                    Written(
                        reading: recorded.reading, table: "checkin_red_flags", key: "\(key)|\(flag)",
                        fields: ["present": 1.databaseValue], deleted: false))
            }
        } else if roll < 60, let checkin = checkins.randomElement(using: &random),
            let flag = redFlags.filter({ flags["\(checkin)|\($0)"] == nil }).randomElement(using: &random)
        {
            let recorded = try replica.record(
                now: now, "INSERT INTO checkin_red_flags VALUES (?, ?, 1)", [checkin, flag])
            change = recorded
            written.append(
                Written(
                    reading: recorded.reading, table: "checkin_red_flags", key: "\(checkin)|\(flag)",
                    fields: ["present": 1.databaseValue], deleted: false))
        } else if roll < 85, let pick = flags.sorted(by: { $0.key < $1.key }).randomElement(using: &random) {
            // Taken off or put back: always a change, so the changeset records it.
            let (flag, present) = (pick.key, pick.value)
            let parts = flag.split(separator: "|").map(String.init)
            let recorded = try replica.record(
                now: now, "UPDATE checkin_red_flags SET present = ? WHERE checkin_uid = ? AND red_flag = ?",
                [1 - present, parts[0], parts[1]])
            change = recorded
            written.append(
                Written(
                    reading: recorded.reading, table: "checkin_red_flags", key: flag,
                    fields: ["present": (1 - present).databaseValue], deleted: false))
        } else if let checkin = checkins.randomElement(using: &random) {
            let recorded = try replica.record(now: now, "DELETE FROM checkins WHERE uid = ?", [checkin])
            change = recorded
            written.append(
                Written(reading: recorded.reading, table: "checkins", key: checkin, fields: [:], deleted: true))
        }
        return change
    }

    /// Merges `change`, unless it waits for a parent that has not arrived (it is tried again later).
    private static func mergeOrWait(_ change: Sent, into replica: Replica, now: UInt64) throws {
        do {
            try replica.merge(change, now: now)
        } catch let error as ChangesetError {
            guard case .missingParent = error.kind else { throw error }
        }
    }

    /// Merges every change in `order`, then those that waited, again and again until none waits;
    /// returns every settlement and how many times a changeset waited.
    private static func mergeAll(
        _ order: [Sent], into replica: Replica, now: UInt64
    ) throws -> (settlements: [ChangesetMerger.Settlement], waited: Int) {
        var settlements: [ChangesetMerger.Settlement] = []
        var waited = 0
        var waiting = order
        while !waiting.isEmpty {
            var next: [Sent] = []
            for change in waiting {
                do {
                    settlements += try replica.merge(change, now: now).settlements
                } catch let error as ChangesetError {
                    guard case .missingParent = error.kind else { throw error }
                    next.append(change)
                }
            }
            waited += next.count
            guard next.count < waiting.count else {
                Issue.record("\(next.count) changesets wait for a parent that never comes")
                break
            }
            waiting = next
        }
        return (settlements, waited)
    }
}
