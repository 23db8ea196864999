import Crypto
import CryptoExtras
import Foundation

/// One recipient stanza of an age header: its arguments (the first is its type) and its body.
struct AgeStanza: Equatable {
    var arguments: [String]
    var body: [UInt8]
}

/// The age v1 header (C2SP age, "Header"), parsed strictly and encoded canonically.
///
/// ```
/// age-encryption.org/v1
/// -> X25519 <ephemeral share>
/// <body, base64 without padding, 64 columns, ending with a shorter line>
/// --- <MAC>
/// ```
struct AgeHeader {
    static let versionLine = "age-encryption.org/v1"
    /// A header larger than this (16 MiB, the size age's command allows an identity file) is
    /// refused before it fills memory; a header of 20,000 X25519 stanzas is about 2 MiB.
    static let maximumSize = 1 << 24
    static let fileKeySize = 16

    var stanzas: [AgeStanza]
    /// The HMAC-SHA256 of ``withoutMAC``.
    var mac: [UInt8] = []

    /// The header up to and including `---`, what the MAC covers.
    var withoutMAC: [UInt8] {
        var text = Self.versionLine + "\n"
        for stanza in stanzas {
            text += "-> " + stanza.arguments.joined(separator: " ") + "\n"
            let encoded = Array(Base64.encodeRaw(stanza.body).utf8)
            var start = 0
            repeat {
                let end = min(start + 64, encoded.count)
                text += String(decoding: encoded[start..<end], as: UTF8.self) + "\n"
                start += 64
            } while start <= encoded.count
        }
        return Array((text + "---").utf8)
    }

    /// The whole header with its MAC and final line feed.
    var encoded: [UInt8] { withoutMAC + Array((" " + Base64.encodeRaw(mac) + "\n").utf8) }

    /// Reads a header from `reader`, which is left at the payload's nonce.
    static func read(from reader: AgeByteReader) throws -> AgeHeader {
        var total = 0
        func line() throws -> [UInt8] {
            guard
                let (line, ended) = try reader.readLine(
                    limit: maximumSize - total, reason: "its header is larger than 16 MiB, more than journal reads")
            else {
                throw AgeError(.header, "the header ends early (the file is truncated)")
            }
            guard ended else { throw AgeError(.header, "the header ends early (the file is truncated)") }
            total += line.count + 1
            return line
        }
        guard let (first, ended) = try reader.readLine(limit: 64) else { throw AgeError(.header, "it is empty") }
        total = first.count + 1
        guard ended, first == Array(versionLine.utf8) else {
            if first.starts(with: Array("age-encryption.org/".utf8)) {
                throw AgeError(.header, "it is of an age version journal does not read")
            }
            throw AgeError(.notAge, "it is not an age encrypted file")
        }
        var stanzas: [AgeStanza] = []
        var next = try line()
        while next.starts(with: Array("-> ".utf8)) {
            let arguments = next.dropFirst(3).split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            guard !arguments.isEmpty, arguments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (33...126).contains($0) } })
            else { throw AgeError(.header, "a recipient stanza has a malformed first line") }
            var body: [UInt8] = []
            while true {
                let bodyLine = try line()
                guard bodyLine.count <= 64, bodyLine.allSatisfy(Base64.isAlphabet) else {
                    throw AgeError(.header, "a recipient stanza has a malformed body")
                }
                body += bodyLine
                if bodyLine.count < 64 { break }
            }
            guard let decoded = Base64.decodeRaw(body) else {
                throw AgeError(.header, "a recipient stanza's body is not canonical base64")
            }
            stanzas.append(AgeStanza(arguments: arguments.map { String(decoding: $0, as: UTF8.self) }, body: decoded))
            next = try line()
        }
        guard next.starts(with: Array("--- ".utf8)), let mac = Base64.decodeRaw(next.dropFirst(4)), mac.count == 32
        else { throw AgeError(.header, "the header's MAC line is missing or malformed") }
        guard !stanzas.isEmpty else { throw AgeError(.header, "the header has no recipient stanza") }
        return AgeHeader(stanzas: stanzas, mac: mac)
    }

    // MARK: The file key

    /// The MAC of the header for `fileKey`.
    static func mac(of withoutMAC: [UInt8], fileKey: SymmetricKey) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: fileKey, salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: withoutMAC, using: key))
    }

    /// Checks the MAC with `fileKey`, in constant time.
    func verifyMAC(fileKey: SymmetricKey) throws {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: fileKey, salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: withoutMAC, using: key) else {
            throw AgeError(.mac, "the header's MAC does not match: the header was changed or damaged")
        }
    }

    /// The file key, unwrapped from the first stanza that `identities` or the passphrase opens.
    ///
    /// `passphrase` is asked only when the header holds a passphrase (`scrypt`) stanza, which must
    /// then be its only stanza; work factors above `maximumWorkFactor` are refused unasked.
    func unwrap(
        identities: [AgeIdentity], passphrase: (() throws -> [UInt8])?, maximumWorkFactor: Int
    ) throws -> SymmetricKey {
        let scrypt = stanzas.filter { $0.arguments.first == "scrypt" }
        if !scrypt.isEmpty {
            guard stanzas.count == 1 else {
                throw AgeError(.header, "a passphrase stanza must be the header's only stanza")
            }
            let (salt, workFactor) = try Self.scryptParameters(stanzas[0], maximumWorkFactor: maximumWorkFactor)
            guard let passphrase else { throw AgeError(.keyNeeded(passphrase: true), "it needs a passphrase") }
            let key = try Self.scryptKey(passphrase: try passphrase(), salt: salt, workFactor: workFactor)
            guard let fileKey = try Self.open(stanzas[0].body, with: key) else {
                throw AgeError(.noMatch, "the passphrase is wrong")
            }
            return fileKey
        }
        var x25519Stanzas = 0
        for stanza in stanzas where stanza.arguments.first == "X25519" {
            x25519Stanzas += 1
            guard stanza.arguments.count == 2, let share = Base64.decodeRaw(Array(stanza.arguments[1].utf8)),
                share.count == 32, let ephemeral = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share)
            else { throw AgeError(.header, "an X25519 stanza is malformed") }
            guard stanza.body.count == Self.fileKeySize + 16 else {
                throw AgeError(.header, "an X25519 stanza's body is not a wrapped 16-byte file key")
            }
            for identity in identities {
                let key = try Self.x25519Key(
                    identity.privateKey, peer: ephemeral, share: ephemeral, recipient: identity.privateKey.publicKey)
                if let fileKey = try Self.open(stanza.body, with: key) { return fileKey }
            }
        }
        if identities.isEmpty {
            throw AgeError(
                .keyNeeded(passphrase: false),
                x25519Stanzas > 0 ? "it is encrypted to age recipients" : "it is encrypted to keys journal cannot use")
        }
        throw AgeError(
            .noMatch,
            x25519Stanzas > 0
                ? "it was not encrypted to the identity given"
                : "it is encrypted only to keys of kinds journal cannot use (such as plugins)")
    }

    /// The salt and log₂ N of a passphrase stanza, its form checked strictly.
    private static func scryptParameters(_ stanza: AgeStanza, maximumWorkFactor: Int) throws -> ([UInt8], Int) {
        let arguments = stanza.arguments
        guard arguments.count == 3, let salt = Base64.decodeRaw(Array(arguments[1].utf8)), salt.count == 16 else {
            throw AgeError(.header, "the passphrase stanza is malformed")
        }
        let digits = Array(arguments[2].utf8)
        guard (1...2).contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }), digits[0] != 48,
            let workFactor = Int(arguments[2])
        else { throw AgeError(.header, "the passphrase stanza's work factor is malformed") }
        guard workFactor <= maximumWorkFactor else {
            throw AgeError(
                .header,
                "its passphrase work factor 2^\(workFactor) is above 2^\(maximumWorkFactor), "
                    + "more than journal computes (it would take very long)")
        }
        guard stanza.body.count == fileKeySize + 16 else {
            throw AgeError(.header, "the passphrase stanza's body is not a wrapped 16-byte file key")
        }
        return (salt, workFactor)
    }

    /// The key a passphrase stanza wraps the file key with: scrypt (N = 2^`workFactor`, r = 8, p = 1)
    /// of the passphrase, salted with the label `age-encryption.org/v1/scrypt` and `salt`.
    static func scryptKey(passphrase: [UInt8], salt: [UInt8], workFactor: Int) throws -> SymmetricKey {
        SymmetricKey(
            data: try scrypt(
                passphrase, salt: Array("age-encryption.org/v1/scrypt".utf8) + salt, n: 1 << workFactor,
                r: 8, p: 1, length: 32))
    }

    /// scrypt (RFC 7914), as swift-crypto's BoringSSL computes it.
    static func scrypt(_ password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, length: Int) throws -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: length, rounds: n, blockSize: r, parallelism: p)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw AgeError(.io, "the passphrase's key could not be derived (\(error))")
        }
    }

    /// The X25519 wrapping key: HKDF-SHA256 of the secret `privateKey` shares with `peer`, salted
    /// with the ephemeral share and the recipient (the same key whether wrapping or unwrapping).
    static func x25519Key(
        _ privateKey: Curve25519.KeyAgreement.PrivateKey, peer: Curve25519.KeyAgreement.PublicKey,
        share: Curve25519.KeyAgreement.PublicKey, recipient: Curve25519.KeyAgreement.PublicKey
    ) throws -> SymmetricKey {
        guard let secret = try? privateKey.sharedSecretFromKeyAgreement(with: peer),
            secret.withUnsafeBytes({ $0.contains { $0 != 0 } })
        else { throw AgeError(.header, "an X25519 share is a low-order point") }
        return secret.hkdfDerivedSymmetricKey(
            using: SHA256.self, salt: Array(share.rawRepresentation) + Array(recipient.rawRepresentation),
            sharedInfo: Array("age-encryption.org/v1/X25519".utf8), outputByteCount: 32)
    }

    /// `fileKey` sealed with ChaCha20-Poly1305 under the zero nonce: ciphertext and tag.
    static func seal(_ fileKey: SymmetricKey, with key: SymmetricKey) throws -> [UInt8] {
        let box = try fileKey.withUnsafeBytes {
            try ChaChaPoly.seal(Array($0), using: key, nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)))
        }
        return Array(box.ciphertext) + Array(box.tag)
    }

    /// The file key in a stanza body, or `nil` when `key` does not open it.
    private static func open(_ body: [UInt8], with key: SymmetricKey) throws -> SymmetricKey? {
        guard body.count == fileKeySize + 16,
            let box = try? ChaChaPoly.SealedBox(
                nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)), ciphertext: body.prefix(fileKeySize),
                tag: body.suffix(16)),
            let fileKey = try? ChaChaPoly.open(box, using: key)
        else { return nil }
        return SymmetricKey(data: fileKey)
    }
}
