import GRDB
import TestSupport
import Testing

@testable import JournalSync

/// The merger's set-based path for new rows gives what the field-by-field path gives.
///
/// Two writers record transactions of several changes each (new rows, edits, deletes, children of
/// rows the other may not have yet, now and then a note another row already holds) and merge each
/// other's now and then. Two replicas merge the same random picks of those changesets, in the same
/// order, with duplicates: one with the set-based path, one field by field. After every merge both
/// reports (or both refusals) are the same, and so is every table, the sync tables included, row
/// for row.
@Suite struct ChangesetMergeSetBasedTests {
    private static let noon: UInt64 = 1_764_936_000_000

    @Test func theSetBasedPathMergesAsFieldByField() throws {
        var random = SplitMix(seed: 20_261_208)
        for _ in 0..<3 { try Self.round(&random) }
    }

    private static func round(_ random: inout SplitMix) throws {
        let folder = TemporaryDirectory()
        let writers = try (0..<2).map { try Replica("writer\($0)", in: folder, id: UInt8($0 + 1)) }
        var generators = Array(repeating: UUIDv7Generator(), count: 2)
        var sent: [Sent] = []
        var notes: [String] = []
        var fresh = 0
        func next() -> Int {
            fresh += 1
            return fresh
        }

        for step in 0..<80 {
            let index = Int.random(in: 0..<2, using: &random)
            let writer = writers[index]
            let now = noon + UInt64(step) * 1_000 + UInt64(index) * 300
            if Int.random(in: 0..<100, using: &random) < 25, let change = sent.randomElement(using: &random) {
                _ = try? writer.merge(change, now: now)
                continue
            }
            var operations: [(sql: String, arguments: StatementArguments)] = []
            let items = try writer.queue.read { try String.fetchAll($0, sql: "SELECT id FROM items") }
            let parents = try writer.queue.read { try String.fetchAll($0, sql: "SELECT id FROM parent") }
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let roll = Int.random(in: 0..<100, using: &random)
                let key = generators[index].next(milliseconds: now, using: &random).string
                if roll < 50 {
                    let note: DatabaseValue
                    if Int.random(in: 0..<10, using: &random) == 0, let taken = notes.randomElement(using: &random) {
                        note = taken.databaseValue
                    } else if Bool.random(using: &random) {
                        notes.append("note-\(next())")
                        note = notes[notes.count - 1].databaseValue
                    } else {
                        note = .null
                    }
                    operations.append(
                        ("INSERT INTO items VALUES (?, ?, ?, ?)", [key, "title-\(next())", next(), note]))
                } else if roll < 70, let item = items.randomElement(using: &random) {
                    let columns = ["title", "pain"].filter { _ in Bool.random(using: &random) }
                    let chosen = columns.isEmpty ? ["pain"] : columns
                    let values = chosen.map { $0 == "pain" ? next().databaseValue : "title-\(next())".databaseValue }
                    operations.append(
                        (
                            "UPDATE items SET " + chosen.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                            StatementArguments(values + [item.databaseValue])
                        ))
                } else if roll < 80, let item = items.randomElement(using: &random) {
                    operations.append(("DELETE FROM items WHERE id = ?", [item]))
                } else if roll < 97 {
                    operations.append(("INSERT INTO parent VALUES (?)", [key]))
                } else if let parent = parents.randomElement(using: &random) {
                    operations.append(("INSERT INTO child VALUES (?, ?)", [key, parent]))
                }
            }
            let reading = writer.clock.send(now: now)
            do {
                let changeset = try ChangesetRecorder(tables: Replica.tables).record(in: writer.queue, at: reading) {
                    db in
                    // A note the writer already holds, a row deleted twice: that change is left out.
                    for operation in operations { try? db.execute(sql: operation.sql, arguments: operation.arguments) }
                }
                sent.append(Sent(changeset: changeset, reading: reading))
            } catch is ChangesetError {
                continue
            }
        }

        let bulk = try Replica("bulk", in: folder, id: 8)
        let fieldByField = try Replica("fields", in: folder, id: 9)
        var outcomes: [String: Int] = [:]
        for _ in 0..<(sent.count * 2) {
            guard let change = sent.randomElement(using: &random) else { break }
            let expected = Result {
                try ChangesetMerger(tables: Replica.tables, setBased: false).merge(
                    change.changeset, at: change.reading, into: fieldByField.queue)
            }
            let actual = Result {
                try ChangesetMerger(tables: Replica.tables, setBased: true).merge(
                    change.changeset, at: change.reading, into: bulk.queue)
            }
            switch (expected, actual) {
            case (.success(let expected), .success(let actual)):
                #expect(actual == expected)
                outcomes["merged", default: 0] += 1
            case (.failure(let expected as ChangesetError), .failure(let actual as ChangesetError)):
                #expect(actual == expected)
                outcomes["\(expected.kind)", default: 0] += 1
            default:
                Issue.record("field by field: \(expected); set-based: \(actual)")
            }
            #expect(try bulk.dump(raw: true) == fieldByField.dump(raw: true))
        }
        let rows = try bulk.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM items") ?? 0 }
        print("\(sent.count) changesets, \(rows) rows; merges: \(outcomes.sorted { $0.key < $1.key })")
    }
}
