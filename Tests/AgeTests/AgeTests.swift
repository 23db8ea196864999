import CZlib
import Crypto
import Foundation
import Testing

@testable import Age

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
            reader: AgeByteReader(bytes: file), name: "test", identities: identities,
            passphrase: passphrase.map { text in { Array(text.utf8) } }, maximumWorkFactor: maximumWorkFactor)
        var plaintext: [UInt8] = []
        while let chunk = try decryptor.next() { plaintext += chunk }
        return plaintext
    }

    func encrypt(
        _ plaintext: [UInt8], to recipients: [AgeRecipient] = [], passphrase: String? = nil, armor: Bool = false,
        writes: Int = 1
    ) throws -> [UInt8] {
        var output: [UInt8] = []
        let encryptor =
            try passphrase.map {
                try AgeEncryptor(passphrase: Array($0.utf8), workFactor: 10, armor: armor) { output += $0 }
            }
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

    func failure(_ body: () throws -> Void) -> AgeError.Kind? {
        do {
            try body()
            return nil
        } catch let failure as AgeError {
            return failure.kind
        } catch {
            Issue.record("not an AgeError: \(error)")
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
        // The human-readable part keeps its case, as age's decoder returns it.
        #expect(try Bech32.decode(encoded.uppercased()).hrp == "AGE")
        #expect(
            Bech32.encode(hrp: "AGE-SECRET-KEY-", data: data)
                == Bech32.encode(hrp: "age-secret-key-", data: data).uppercased())
    }

    @Test func keysReadAndWriteAsAgeKeygen() throws {
        let identities = try AgeKeyFile.identities(in: Array(AgeFixtures.identityFile.utf8), name: "key.txt")
        #expect(identities.count == 1)
        #expect(identities[0].recipient.string == AgeFixtures.recipient)
        #expect(identities[0].string == "AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA")
        #expect(try AgeRecipient(parsing: AgeFixtures.recipient).string == AgeFixtures.recipient)
        let generated = AgeIdentity.generate()
        #expect(try AgeIdentity(parsing: generated.string).recipient == generated.recipient)
        #expect(
            try AgeKeyFile.recipients(in: Array("# mine\n\(AgeFixtures.recipient)\r\n\n".utf8), name: "r.txt")
                == [try AgeRecipient(parsing: AgeFixtures.recipient)])
        // A typo breaks the checksum; a secret key is no recipient and the other way round.
        let typo = String(AgeFixtures.recipient.dropLast()) + "q"
        #expect(throws: AgeError.self) { try AgeRecipient(parsing: typo) }
        #expect(throws: AgeError.self) { try AgeRecipient(parsing: AgeFixtures.otherIdentity) }
        #expect(throws: AgeError.self) { try AgeIdentity(parsing: AgeFixtures.recipient) }
        #expect(throws: AgeError.self) { try AgeKeyFile.identities(in: Array("# nothing\n".utf8), name: "empty.txt") }
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
        let identities = try AgeKeyFile.identities(in: Array(AgeFixtures.identityFile.utf8), name: "key.txt")
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
        // The file is its header (to the MAC line's end), a 16-byte nonce, then each 64 KiB chunk
        // with its 16-byte tag: one chunk for 0 to 65,536 bytes, one more for each 65,536 after.
        let chunks = max(1, (size + 65535) / 65536)
        let binary = try encrypt(plaintext, to: [identity.recipient])
        let macLine = try #require(binary.firstRange(of: Array("\n--- ".utf8)))
        let headerEnd = try #require(binary[macLine.upperBound...].firstIndex(of: 0x0A)) + 1
        #expect(headerEnd == 22 + 54 + 44 + 4 + 43 + 1)
        #expect(binary.count == headerEnd + 16 + size + 16 * chunks)
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

    @Test func errorsNameTheFileTheyAreAbout() throws {
        let identity = AgeIdentity.generate()
        let file = try encrypt(Array("secret".utf8), to: [identity.recipient])
        #expect(
            throws: AgeError(.noMatch, "it was not encrypted to the identity given", subject: "b.age")
        ) {
            _ = try AgeDecryptor(bytes: file, name: "b.age", identities: [AgeIdentity.generate()], passphrase: nil)
        }
        let truncated = try AgeDecryptor(
            bytes: Array(file.dropLast()), name: "b.age", identities: [identity], passphrase: nil)
        #expect(throws: AgeError.self) { _ = try truncated.next() }
        do {
            _ = try truncated.next()
        } catch let error as AgeError {
            #expect(error.kind == .payload && error.subject == "b.age")
        }
        #expect(Age.isEncrypted(file.prefix(30)))
        #expect(Age.isEncrypted(Array("\n-----BEGIN AGE ENCRYPTED FILE-----\n".utf8)))
        // Blank lines before the armor, up to what age allows, are within the bytes that decide.
        let armored = Array(String(repeating: "\r\n", count: 500).utf8) + Array(AgeArmor.header.utf8) + [0x0A]
        #expect(armored.count <= Age.detectionLength && Age.isEncrypted(armored))
        #expect(!Age.isEncrypted(Array("id,performed_at".utf8)))
        #expect(!Age.isEncrypted(Array("-----BEGIN OPENSSH PRIVATE KEY-----\n".utf8)))
    }

    // MARK: Key text, as strict as age's

    /// age's `ParseX25519Recipient` takes `age1…` in lower case only and `ParseX25519Identity`
    /// `AGE-SECRET-KEY-1…` in upper case only (Bech32 keeps the case of the key's type); its
    /// command reads key files line by line, skipping only empty and `#` lines, trimming nothing.
    @Test func keyTextIsAsStrictAsAge() throws {
        let identityText = "AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA"
        #expect(throws: Never.self) { try AgeRecipient(parsing: AgeFixtures.recipient) }
        #expect(throws: Never.self) { try AgeIdentity(parsing: identityText) }
        for refused in [AgeFixtures.recipient.uppercased(), " " + AgeFixtures.recipient, AgeFixtures.recipient + " "] {
            #expect(failure { _ = try AgeRecipient(parsing: refused) } == .invalidKey, "\(refused)")
        }
        for refused in [identityText.lowercased(), identityText + "\t"] {
            #expect(failure { _ = try AgeIdentity(parsing: refused) } == .invalidKey)
        }
        // Key files: CRLF is a line end; leading or trailing spaces are not trimmed.
        #expect(try AgeKeyFile.identities(in: Array("# k\r\n\(identityText)\r\n".utf8), name: "k").count == 1)
        #expect(
            failure { _ = try AgeKeyFile.identities(in: Array("  \(identityText)\n".utf8), name: "k") } == .invalidKey)
        #expect(
            failure { _ = try AgeKeyFile.recipients(in: Array("\(AgeFixtures.recipient) \n".utf8), name: "r") }
                == .invalidKey)
        #expect(
            failure { _ = try AgeKeyFile.recipients(in: Array(AgeFixtures.recipient.uppercased().utf8), name: "r") }
                == .invalidKey)
    }

    /// A recipients file given an identity file names the line and never quotes it: it is a secret.
    @Test func aKeyFileLineIsNeverQuoted() throws {
        let secret = "AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA"
        for text in [AgeFixtures.identityFile, "not a key\n", secret.lowercased() + "\n"] {
            do {
                _ = try AgeKeyFile.recipients(in: Array(text.utf8), name: "key.txt")
                Issue.record("accepted \(text)")
            } catch let error as AgeError {
                #expect(error.kind == .invalidKey)
                #expect(error.subject.hasPrefix("key.txt, line "))
                #expect(
                    !error.reason.contains("AGE-SECRET") && !error.reason.localizedCaseInsensitiveContains("19mxlpuu"))
                #expect(!error.reason.contains("not a key"))
            }
        }
        do {
            _ = try AgeKeyFile.recipients(in: Array(AgeFixtures.identityFile.utf8), name: "key.txt")
        } catch let error as AgeError {
            #expect(error.subject == "key.txt, line 3")
            #expect(error.reason.contains("is an age identity, a secret key, not a recipient"))
        }
    }

    // MARK: Encrypting

    /// A low-order point as recipient gives every file key away; it is refused as a key.
    @Test func aLowOrderRecipientIsRefused() throws {
        let zero = try AgeRecipient(parsing: Bech32.encode(hrp: "age", data: [UInt8](repeating: 0, count: 32)))
        #expect(failure { _ = try AgeEncryptor(recipients: [zero]) { _ in } } == .invalidKey)
    }

    /// A passphrase is bytes: non-UTF-8 ones are used as they are, as age uses them, and a
    /// different byte does not open the file.
    @Test func aPassphraseIsItsBytes() throws {
        var output: [UInt8] = []
        let encryptor = try AgeEncryptor(passphrase: Array("caf".utf8) + [0xE9], workFactor: 10, armor: false) {
            output += $0
        }
        try encryptor.write(Array("x".utf8))
        try encryptor.finish()
        func open(_ passphrase: [UInt8]) throws -> [UInt8] {
            let decryptor = try AgeDecryptor(
                reader: AgeByteReader(bytes: output), name: "p", identities: [], passphrase: { passphrase })
            var plaintext: [UInt8] = []
            while let chunk = try decryptor.next() { plaintext += chunk }
            return plaintext
        }
        #expect(try open(Array("caf".utf8) + [0xE9]) == Array("x".utf8))
        #expect(failure { _ = try open(Array("caf".utf8) + [0xFF]) } == .noMatch)
        #expect(failure { _ = try open(Array("caf\u{FFFD}".utf8)) } == .noMatch)
        // The header's scrypt key is scrypt of the bytes themselves.
        let salt = [UInt8](repeating: 7, count: 16)
        let key = try AgeHeader.scryptKey(passphrase: [0xE9], salt: salt, workFactor: 10)
        let expected = try AgeHeader.scrypt(
            [0xE9], salt: Array("age-encryption.org/v1/scrypt".utf8) + salt, n: 1024, r: 8, p: 1, length: 32)
        #expect(key.withUnsafeBytes { Array($0) } == expected)
    }

    // MARK: Large headers

    /// A header of 20,000 stanzas (1.6 MiB here, about 2 MiB of X25519 ones) is valid age, and read; one above 16 MiB is refused
    /// as a header too large, not as "a line is too long".
    @Test func aHeaderOf20000StanzasIsRead() throws {
        let identity = AgeIdentity.generate()
        let small = try encrypt(Array("many".utf8), to: [identity.recipient])
        // Our X25519 stanza, then grease stanzas (of a type no one reads), with a MAC over them all.
        let macLine = try #require(small.firstRange(of: Array("\n--- ".utf8)))
        let payload = try #require(small[macLine.upperBound...].firstIndex(of: 0x0A)) + 1
        var header = try AgeHeader.read(from: AgeByteReader(bytes: small))
        let fileKey = try header.unwrap(identities: [identity], passphrase: nil, maximumWorkFactor: 22)
        header.stanzas += (0..<19_999).map {
            AgeStanza(arguments: ["grease-\($0)", "x"], body: Array(repeating: 1, count: 48))
        }
        header.mac = AgeHeader.mac(of: header.withoutMAC, fileKey: fileKey)
        let file = header.encoded + small[payload...]
        #expect(file.count > AgeHeader.maximumSize / 16)  // above the 1 MiB journal read before
        #expect(try decrypt(file, identities: [identity]) == Array("many".utf8))

        var huge = AgeHeader(stanzas: [AgeStanza(arguments: ["big"], body: Array(repeating: 2, count: 13_000_000))])
        huge.mac = [UInt8](repeating: 0, count: 32)
        do {
            _ = try decrypt(huge.encoded, identities: [identity])
            Issue.record("a header above 16 MiB was read")
        } catch let error as AgeError {
            #expect(error.kind == .header && error.reason.contains("larger than 16 MiB"))
        }
    }

    // MARK: The C2SP test vectors

    /// The vectors of the post-quantum hybrid recipient type: their only identities are
    /// `AGE-SECRET-KEY-PQ-1…`, which journal does not read (it is checked to refuse them).
    static let hybridOnly: Set<String> = [
        "armor_hybrid", "hybrid", "hybrid_and_x25519", "hybrid_bad_tag", "hybrid_currupted_enc_mlkem",
        "hybrid_currupted_enc_x25519", "hybrid_extra_argument", "hybrid_grease", "hybrid_identity",
        "hybrid_long_file_key", "hybrid_long_share", "hybrid_low_order", "hybrid_multiple_recipients",
        "hybrid_no_match", "hybrid_not_canonical_body", "hybrid_not_canonical_enc", "hybrid_short_share",
        "hybrid_uppercase",
    ]

    /// The C2SP/CCTV age test vectors, vendored in `testdata` (see its README), each run as the
    /// upstream README says: a `success` decrypts to its end and to its payload hash; every other
    /// is refused with its class of failure, and what was released before a payload failure
    /// matches the hash too.
    @Test func cctvVectors() throws {
        let source = #filePath
        let folder = String(source[..<(source.lastIndex(of: "/") ?? source.startIndex)]) + "/testdata"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            !$0.hasSuffix(".md") && $0 != "UPSTREAM_COMMIT"
        }.sorted()
        var checked = 0
        var skipped: Set<String> = []
        for name in names {
            let data = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let split = try #require(data.firstRange(of: Array("\n\n".utf8)), "\(name)")
            let fields = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: "\n")
                .map { line -> (String, String) in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
                }
            func values(_ key: String) -> [String] { fields.filter { $0.0 == key }.map(\.1) }
            var file = Array(data[split.upperBound...])
            if values("compressed").first == "zlib" { file = try inflate(file) }
            let identityTexts = values("identity").filter { !$0.hasPrefix("AGE-SECRET-KEY-PQ-") }
            if identityTexts.isEmpty, !values("identity").isEmpty {
                skipped.insert(name)
                for text in values("identity") {
                    #expect(failure { _ = try AgeIdentity(parsing: text) } == .invalidKey)
                }
                continue
            }
            let identities = try identityTexts.map { try AgeIdentity(parsing: $0) }
            let passphrases = values("passphrase")
            var released: [UInt8] = []
            var kind: AgeError.Kind?
            do {
                let decryptor = try AgeDecryptor(
                    reader: AgeByteReader(bytes: file), name: name, identities: identities,
                    passphrase: passphrases.first.map { text in { Array(text.utf8) } })
                while let chunk = try decryptor.next() { released += chunk }
            } catch let failure as AgeError {
                kind = failure.kind
            }
            let expect = values("expect").first ?? ""
            let expected: AgeError.Kind? =
                switch expect {
                case "success": nil
                case "no match": .noMatch
                case "HMAC failure": .mac
                case "header failure": .header
                case "payload failure": .payload
                case "armor failure": .armor
                default: .io
                }
            // The classes the vectors cannot tell apart from ours: no key given of the file's kind
            // is "no match"; a file that is no age at all fails where age's header parser does.
            var got = kind
            if case .keyNeeded = got { got = .noMatch }
            if got == .notAge { got = values("armored").first == "yes" ? .armor : .header }
            #expect(got == expected, "\(name): expected \(expect), got \(String(describing: kind))")
            if let hash = values("payload").first {
                let digest = Crypto.SHA256.hash(data: released).map { String(format: "%02x", $0) }.joined()
                #expect(digest == hash, "\(name): the released payload differs")
            } else {
                #expect(released.isEmpty, "\(name): released a payload")
            }
            checked += 1
        }
        #expect(skipped == Self.hybridOnly)
        #expect(checked + skipped.count == 143 && names.count == 143)
        print("C2SP age vectors: \(checked) run, \(skipped.count) of the hybrid type refused as keys")
    }

    /// The zlib stream `compressed` inflated (the large vectors are stored compressed).
    func inflate(_ compressed: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        try #require(inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var input = compressed
        var output: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var status = Z_OK
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while status == Z_OK {
                status = block.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += block[0..<(block.count - Int(stream.avail_out))]
            }
            try #require(status == Z_STREAM_END)
        }
        return output
    }
}
