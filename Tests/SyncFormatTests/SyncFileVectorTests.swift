import Age
import Foundation
import Testing

@testable import SyncFormat

/// The vectors in testdata (described in its README.md), read as a replica would.
private enum Vectors {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/testdata"
    static let ids: [String: String] = {
        let text = (try? String(contentsOfFile: root + "/ids.txt", encoding: .utf8)) ?? ""
        return Dictionary(
            text.split(separator: "\n").map { line in
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                return (String(parts[0].dropLast()), parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { first, _ in first })
    }()

    static func id(_ name: String) throws -> SyncID { try #require(SyncID(hex: ids[name] ?? "")) }

    static func key() throws -> SyncKey {
        let identity = try AgeIdentity(parsing: ids["identity"] ?? "")
        return .x25519(recipients: [identity.recipient], identities: [identity])
    }

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + folder + "/" + name)))
    }

    static func name(_ replica: String, _ sequence: Int) throws -> String {
        try SyncFile(folder: id("folder"), replica: id(replica), sequence: UInt64(sequence), previous: [], payload: [])
            .name
    }

    /// Opens good/…/1, the file every case follows.
    static func first() throws -> SyncFile {
        let name = try name("replica", 1)
        return try SyncFile.open(
            bytes("good", name), name: name, key: key(), folder: id("folder"), previous: SyncFile.noPrevious)
    }
}

@Suite struct SyncFileVectorTests {
    @Test func theGoodFilesOpenInTurn() throws {
        let one = try Vectors.first()
        #expect(one.payload == Array("the first changeset".utf8))
        #expect(one.sequence == 1)
        let name = try Vectors.name("replica", 2)
        let two = try SyncFile.open(
            Vectors.bytes("good", name), name: name, key: Vectors.key(), folder: Vectors.id("folder"),
            previous: one.hash)
        #expect(two.payload == Array("the second changeset".utf8))
        #expect(two.replica == (try Vectors.id("replica")))
    }

    @Test func thePassphraseFileOpensWithItsPassphraseOnly() throws {
        let name = try Vectors.name("replica", 1)
        let bytes = try Vectors.bytes("passphrase", name)
        let file = try SyncFile.open(
            bytes, name: name, key: .passphrase(Array("correct horse battery staple".utf8)),
            folder: Vectors.id("folder"), previous: SyncFile.noPrevious)
        #expect(file == (try Vectors.first()))
        let error = #expect(throws: SyncFileError.self) {
            try SyncFile.open(
                bytes, name: name, key: Vectors.key(), folder: Vectors.id("folder"), previous: SyncFile.noPrevious)
        }
        #expect(error?.kind == .wrongKey)
    }

    @Test(arguments: [
        ("truncated", "replica", 2, SyncFileError.Kind.damaged),
        ("flipped", "replica", 2, .damaged),
        ("replayed", "replica", 3, .replayed),
        ("foreign", "replica", 2, .foreignFolder),
        ("wrongkey", "replica", 2, .wrongKey),
        ("misplaced", "stranger", 2, .misplaced),
        ("forked", "replica", 2, .brokenChain),
    ])
    func aBadFileIsRefusedWithItsName(folder: String, replica: String, sequence: Int, kind: SyncFileError.Kind)
        throws
    {
        let one = try Vectors.first()
        var previous = one.hash
        if sequence == 3 {
            let name = try Vectors.name("replica", 2)
            previous = try SyncFile.open(
                Vectors.bytes("good", name), name: name, key: Vectors.key(), folder: Vectors.id("folder"),
                previous: previous
            ).hash
        }
        let name = try Vectors.name(replica, sequence)
        let error = #expect(throws: SyncFileError.self) {
            try SyncFile.open(
                Vectors.bytes(folder, name), name: name, key: Vectors.key(), folder: Vectors.id("folder"),
                previous: previous)
        }
        #expect(error?.kind == kind)
        #expect(error?.name == name)
    }
}
