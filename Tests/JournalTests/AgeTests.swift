import Foundation
import Testing

@testable import Journal

/// Files the `age` command (1.1.1) wrote, kept as fixed vectors: each must decrypt to ``plaintext``.
enum AgeFixtures {
    /// `age-keygen -o key.txt`.
    static let identityFile = """
        # created: 2026-11-25T21:16:50Z
        # public key: age1nh60kjzjv2da4tuk2ujewl67w43dven0zq9gnhprkgc2upq4ncwqq7nvdd
        AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA

        """
    static let recipient = "age1nh60kjzjv2da4tuk2ujewl67w43dven0zq9gnhprkgc2upq4ncwqq7nvdd"
    /// Another identity, which opens none of these files.
    static let otherIdentity = "AGE-SECRET-KEY-1NLYA7YX6JTG24G5XGQA28R3224LVCWHJ5HXE8LJX3UZ8UJYG6RDS9PGXPJ"
    static let plaintext = "id,performed_at,exercise\r\n1,2026-11-25T10:00:00+01:00,bird-dog\r\n"
    /// `age -a -r age1nh60… plain.csv`.
    static let x25519 = """
        -----BEGIN AGE ENCRYPTED FILE-----
        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSB1NWd3c3JKSG5seFFqcDNj
        ODRTeTB1dC9makRRNS90Ny9nWDhNay81REUwCjVWcSt6MWFrZVM1TmhGKys3eTdn
        TzJWb2E0NGFyVnR1OWc1akRVRjhUUVUKLS0tIFdaK0ZUZWZJME9sT3VWRG8wdzRP
        TXp5dGt0Um9BSUpuM1kvemtWYzM1eEUKNxTo3incrAdai2CsY51ZTEoNWBkeIz62
        rnYXAZP4eKjeJlf5sCcesCEjoWtKoYCDaR2hFiaCEX6G9XhPaairU6YPO7M5wbR2
        R8hbQI4u7PMczWLkdktgTeASNZl3+ZvO
        -----END AGE ENCRYPTED FILE-----

        """
    static let passphrase = "correct horse battery staple"
    /// `age -p -a plain.csv` with ``passphrase`` (work factor 18).
    static let scrypt = """
        -----BEGIN AGE ENCRYPTED FILE-----
        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHNjcnlwdCA0THpOUVRzVDRqMldXR1pL
        UWErVER3IDE4CjIwOUNXeG1BOXRCb0hJZzVnd3plRzlUWGdNc1RJdGZKTXZlWVM3
        K0c0T00KLS0tIFh3RlI2eHlDc0Rnd2VpY1VwbkNpWjM2RDRXSXpYLzlLYVJYRjVi
        S29qMFkKols0WiE56eOP7KRXoMeohCjGyqi2rdKFSsUtZzKlmzcMl36g2RU7ofnt
        E4B1WZp340iVglDIYJSBDM8A1MZHyr9WXzQUVg5sBnLqFoTYUop7F9lhbCtX5XGJ
        TrTWKjta
        -----END AGE ENCRYPTED FILE-----

        """
}

/// The age v1 format: keys, header, STREAM payload and armor, against files age wrote and our own.
@Suite struct AgeTests {
    func decrypt(
        _ file: [UInt8], identities: [AgeIdentity] = [], passphrase: String? = nil, maximumWorkFactor: Int = 22
    ) throws -> [UInt8] {
        let decryptor = try AgeDecryptor(
            raw: AgeByteReader(bytes: file), name: "test", identities: identities,
            passphrase: passphrase.map { text in { text } }, maximumWorkFactor: maximumWorkFactor)
        var plaintext: [UInt8] = []
        while let chunk = try decryptor.nextChunk() { plaintext += chunk }
        return plaintext
    }

    func encrypt(
        _ plaintext: [UInt8], to recipients: [AgeRecipient] = [], passphrase: String? = nil, armor: Bool = false,
        writes: Int = 1
    ) throws -> [UInt8] {
        var output: [UInt8] = []
        let encryptor =
            try passphrase.map { try AgeEncryptor(passphrase: $0, workFactor: 10, armor: armor) { output += $0 } }
            ?? AgeEncryptor(recipients: recipients, armor: armor) { output += $0 }
        let step = max(1, plaintext.count / writes)
        var start = 0
        while start < plaintext.count {
            try encryptor.write(plaintext[start..<min(plaintext.count, start + step)])
            start += step
        }
        try encryptor.finish()
        return output
    }

    func failure(_ body: () throws -> Void) -> AgeFailure.Kind? {
        do {
            try body()
            return nil
        } catch let failure as AgeFailure {
            return failure.kind
        } catch {
            Issue.record("not an AgeFailure: \(error)")
            return nil
        }
    }

    // MARK: Keys

    @Test func bech32MatchesBIP173Vectors() throws {
        for valid in [
            "A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        ] {
            #expect(throws: Never.self) { try Bech32.decode(valid) }
        }
        for invalid in ["A1G7SGD8", "10a06t8", "1qzzfhee", "a12UEL5L", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\u{7F}"] {
            #expect(throws: Bech32.Invalid.self) { try Bech32.decode(invalid) }
        }
        let data: [UInt8] = (0..<32).map { UInt8($0 * 7 % 256) }
        let encoded = Bech32.encode(hrp: "age", data: data)
        #expect(try Bech32.decode(encoded).data == data)
        #expect(try Bech32.decode(encoded.uppercased()).hrp == "age")
    }

    @Test func keysReadAndWriteAsAgeKeygen() throws {
        let identities = try AgeKeyFile.identities(in: AgeFixtures.identityFile, name: "key.txt")
        #expect(identities.count == 1)
        #expect(identities[0].recipient.string == AgeFixtures.recipient)
        #expect(identities[0].string == "AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA")
        #expect(try AgeRecipient(parsing: AgeFixtures.recipient).string == AgeFixtures.recipient)
        let generated = AgeIdentity.generate()
        #expect(try AgeIdentity(parsing: generated.string).recipient == generated.recipient)
        #expect(
            try AgeKeyFile.recipients(in: "# mine\n\(AgeFixtures.recipient)\r\n\n", name: "r.txt")
                == [try AgeRecipient(parsing: AgeFixtures.recipient)])
        // A typo breaks the checksum; a secret key is no recipient and the other way round.
        let typo = String(AgeFixtures.recipient.dropLast()) + "q"
        #expect(throws: JournalError.self) { try AgeRecipient(parsing: typo) }
        #expect(throws: JournalError.self) { try AgeRecipient(parsing: AgeFixtures.otherIdentity) }
        #expect(throws: JournalError.self) { try AgeIdentity(parsing: AgeFixtures.recipient) }
        #expect(throws: JournalError.self) { try AgeKeyFile.identities(in: "# nothing\n", name: "empty.txt") }
    }

    @Test func scryptIsRFC7914() throws {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        // RFC 7914, section 12: the first two vectors (the others take seconds and a gigabyte).
        #expect(
            hex(try AgeHeader.scrypt([], salt: [], n: 16, r: 1, p: 1, length: 64))
                == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
        #expect(
            hex(
                try AgeHeader.scrypt(Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, length: 64)
            )
                == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    // MARK: Files age wrote

    @Test func decryptsWhatAgeEncryptedToARecipient() throws {
        let identities = try AgeKeyFile.identities(in: AgeFixtures.identityFile, name: "key.txt")
        #expect(
            try decrypt(Array(AgeFixtures.x25519.utf8), identities: identities) == Array(AgeFixtures.plaintext.utf8))
        let other = try AgeIdentity(parsing: AgeFixtures.otherIdentity)
        #expect(failure { _ = try decrypt(Array(AgeFixtures.x25519.utf8), identities: [other]) } == .noMatch)
        #expect(
            failure { _ = try decrypt(Array(AgeFixtures.x25519.utf8)) } == .keyNeeded(passphrase: false))
    }

    @Test func decryptsWhatAgeEncryptedWithAPassphrase() throws {
        let file = Array(AgeFixtures.scrypt.utf8)
        #expect(try decrypt(file, passphrase: AgeFixtures.passphrase) == Array(AgeFixtures.plaintext.utf8))
        #expect(failure { _ = try decrypt(file, passphrase: "correct horse battery stapler") } == .noMatch)
        #expect(failure { _ = try decrypt(file) } == .keyNeeded(passphrase: true))
        // A work factor above what we allow is refused before any passphrase is asked or scrypt runs.
        #expect(failure { _ = try decrypt(file, maximumWorkFactor: 17) } == .header)
    }

    // MARK: Our files

    @Test(arguments: [0, 1, 65535, 65536, 65537, 3 * 65536, 3 * 65536 + 100])
    func roundTripsEverySize(size: Int) throws {
        let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let identity = AgeIdentity.generate()
        for armor in [false, true] {
            for writes in [1, 7] {
                let file = try encrypt(plaintext, to: [identity.recipient], armor: armor, writes: writes)
                #expect(try decrypt(file, identities: [identity]) == plaintext)
            }
        }
        let chunks = max(1, (size + 65535) / 65536)
        let binary = try encrypt(plaintext, to: [identity.recipient])
        #expect(binary.count == binary.count - size - 16 * chunks + size + 16 * chunks)
        #expect(try decrypt(binary, identities: [identity]).count == size)
    }

    @Test func writesTheHeaderAsTheSpecSays() throws {
        let identity = AgeIdentity.generate()
        let second = AgeIdentity.generate()
        let file = try encrypt(Array("x".utf8), to: [identity.recipient, second.recipient])
        let text = String(decoding: file.prefix(while: { $0 != 0 }), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "age-encryption.org/v1")
        #expect(lines[1].hasPrefix("-> X25519 ") && lines[1].count == 10 + 43)
        #expect(lines[2].count == 43)  // 32 bytes: one short line
        #expect(lines[3].hasPrefix("-> X25519 "))
        #expect(lines[5].hasPrefix("--- ") && lines[5].count == 4 + 43)
        // Either identity opens it.
        #expect(try decrypt(file, identities: [second]) == Array("x".utf8))
        let passphrase = try encrypt(Array("x".utf8), passphrase: "pass")
        let stanza = String(decoding: passphrase, as: UTF8.self).split(separator: "\n")[1]
        #expect(stanza.hasPrefix("-> scrypt ") && stanza.hasSuffix(" 10"))
        #expect(try decrypt(passphrase, passphrase: "pass") == Array("x".utf8))
        let armored = String(
            decoding: try encrypt(Array(repeating: 65, count: 1000), passphrase: "p", armor: true), as: UTF8.self)
        let armorLines = armored.split(separator: "\n")
        #expect(armorLines.first == "-----BEGIN AGE ENCRYPTED FILE-----")
        #expect(armorLines.last == "-----END AGE ENCRYPTED FILE-----")
        #expect(armorLines.dropFirst().dropLast().dropLast().allSatisfy { $0.count == 64 })
        #expect(armored.hasSuffix("\n"))
    }

    @Test func refusesDamage() throws {
        let identity = AgeIdentity.generate()
        let plaintext = (0..<150_000).map { UInt8(truncatingIfNeeded: $0) }
        let file = try encrypt(plaintext, to: [identity.recipient])
        let headerEnd = try #require(String(decoding: file.prefix(400), as: UTF8.self).range(of: "\n---"))
        let headerSize = String(decoding: file.prefix(400), as: UTF8.self).utf8.distance(
            from: String(decoding: file.prefix(400), as: UTF8.self).startIndex, to: headerEnd.lowerBound)
        // Truncated anywhere in the payload: at a chunk boundary, inside a chunk, the last byte.
        for cut in [file.count - 1, file.count - 16, file.count - (150_000 - 131_072) - 16, file.count / 2] {
            #expect(failure { _ = try decrypt(Array(file.prefix(cut)), identities: [identity]) } == .payload)
        }
        // Truncated in the header.
        #expect(failure { _ = try decrypt(Array(file.prefix(headerSize / 2)), identities: [identity]) } == .header)
        // A flipped byte in the payload, in a stanza body, in the MAC.
        var flipped = file
        flipped[file.count - 500] ^= 1
        #expect(failure { _ = try decrypt(flipped, identities: [identity]) } == .payload)
        var stanzaBody = file
        stanzaBody[headerSize - 60] = stanzaBody[headerSize - 60] == 65 ? 66 : 65
        #expect([.noMatch, .header].contains(failure { _ = try decrypt(stanzaBody, identities: [identity]) }))
        var mac = file
        mac[headerSize + 10] = mac[headerSize + 10] == 65 ? 66 : 65
        #expect(failure { _ = try decrypt(mac, identities: [identity]) } == .mac)
        // Data after the end, and something that is not age at all.
        #expect(failure { _ = try decrypt(file + [0], identities: [identity]) } == .payload)
        #expect(failure { _ = try decrypt(Array("SQLite format 3\0".utf8), identities: [identity]) } == .notAge)
        #expect(failure { _ = try decrypt([], identities: [identity]) } == .header)
    }

    @Test func journalErrorsSayWhatWentWrong() throws {
        let identity = AgeIdentity.generate()
        let file = try encrypt(Array("secret".utf8), to: [identity.recipient])
        #expect(throws: JournalError.wrongKey(path: "b.age", reason: "it was not encrypted to the identity given")) {
            _ = try AgeDecryptor(bytes: file, name: "b.age", identities: [AgeIdentity.generate()], passphrase: nil)
        }
        let truncated = try AgeDecryptor(
            bytes: Array(file.dropLast()), name: "b.age", identities: [identity], passphrase: nil)
        #expect(throws: JournalError.self) { _ = try truncated.next() }
        #expect(Age.isEncrypted(file.prefix(30)))
        #expect(Age.isEncrypted(Array("\n-----BEGIN AGE ENCRYPTED FILE-----\n".utf8)))
        #expect(!Age.isEncrypted(Array("id,performed_at".utf8)))
    }

    // MARK: The C2SP test vectors

    /// The C2SP/CCTV age test vectors, from the folder `$AGE_TESTKIT` names (their `testdata`).
    ///
    /// They are not part of this repository; the test runs only where they are present. Vectors
    /// for recipient types journal does not read (post-quantum hybrid) are left out.
    @Test func cctvVectors() throws {
        guard let folder = ProcessInfo.processInfo.environment["AGE_TESTKIT"], !folder.isEmpty else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var checked = 0
        for name in names {
            let data = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            guard let split = data.firstRange(of: Array("\n\n".utf8)) else { continue }
            let fields = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: "\n")
                .map { line -> (String, String) in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
                }
            func values(_ key: String) -> [String] { fields.filter { $0.0 == key }.map(\.1) }
            if values("compressed").first == "zlib" { continue }  // needs zlib; not in this suite
            let identityTexts = values("identity")
            guard identityTexts.allSatisfy({ $0.hasPrefix("AGE-SECRET-KEY-1") }) else { continue }
            guard !name.hasPrefix("hybrid"), name != "armor_hybrid" else { continue }
            let identities = try identityTexts.map { try AgeIdentity(parsing: $0) }
            let expect = values("expect").first ?? ""
            let passphrase = values("passphrase").first
            var released: [UInt8] = []
            var kind: AgeFailure.Kind?
            do {
                let decryptor = try AgeDecryptor(
                    raw: AgeByteReader(bytes: Array(data[split.upperBound...])), name: name, identities: identities,
                    passphrase: passphrase.map { text in { text } }, maximumWorkFactor: 22)
                while let chunk = try decryptor.nextChunk() { released += chunk }
            } catch let failure as AgeFailure {
                kind = failure.kind
            }
            let expected: AgeFailure.Kind? =
                switch expect {
                case "success": nil
                case "no match": .noMatch
                case "HMAC failure": .mac
                case "header failure": .header
                case "payload failure": .payload
                case "armor failure": .armor
                default: .notAge
                }
            var got = kind
            if got == .keyNeeded(passphrase: false) || got == .keyNeeded(passphrase: true) { got = .noMatch }
            if got == .notAge { got = values("armored").first == "yes" ? .armor : .header }
            #expect(got == expected, "\(name): expected \(expect), got \(String(describing: kind))")
            if let hash = values("payload").first {
                let digest = SHA256.digest(released).map { String(format: "%08x", $0) }.joined()
                #expect(digest == hash, "\(name): the released payload differs")
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
