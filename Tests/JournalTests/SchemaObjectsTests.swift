import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The schema journal's migrations make, as opening checks it: one fingerprint, from the real migrations.
@Suite struct SchemaObjectsTests {
    let directory = TemporaryDirectory()

    @Test func theFingerprintIsThatOfWhatEveryMigrationMakes() throws {
        let made = try SchemaObjects.made()
        let fingerprint = SchemaObjects.fingerprint(of: made)
        #expect(
            fingerprint == SchemaObjects.fingerprint,
            "SchemaObjects.fingerprint should be 0x\(String(fingerprint, radix: 16, uppercase: true))")
        let significant = SchemaObjects.fingerprint(of: made, significant: true)
        #expect(
            significant == SchemaObjects.significantFingerprint,
            "SchemaObjects.significantFingerprint should be 0x\(String(significant, radix: 16, uppercase: true))")
        // Restore's expectation is the same: a new journal's objects.
        let fresh = try JournalStore(openingExisting: "fresh", access: .readWrite, inMemory: true)
        #expect(
            try fresh.reading(SchemaObjects.fetch).sorted { $0.name < $1.name } == made.sorted { $0.name < $1.name })
    }

    @Test func aJournalOfEveryMigrationHasNoProblemAndEachChangeIsNamed() throws {
        let path = directory.file("journal.sqlite3")
        #expect(try JournalStore(path: path).schemaProblem == nil)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TRIGGER eat AFTER INSERT ON checkin_red_flags BEGIN SELECT 1; END")
            try db.execute(sql: "DROP INDEX entries_outside_times")
        }
        let store = try JournalStore(path: path)
        guard case .foreignSchema(_, let differences) = store.schemaProblem else {
            Issue.record("no problem: \(String(describing: store.schemaProblem))")
            return
        }
        #expect(differences.map(\.name).sorted() == ["eat", "entries_outside_times"])
        #expect(differences.map(\.kind) == [.added, .missing])
        #expect(differences[0].repair(at: path) == "sqlite3 \(path) \"DROP TRIGGER eat\"")
        #expect(!store.refusesReading)
    }
}
