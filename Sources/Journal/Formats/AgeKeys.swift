import Crypto
import Foundation

/// An age X25519 recipient: the public key a file is encrypted to, written `age1…`.
///
/// ```swift
/// let recipient = try AgeRecipient(parsing: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
/// ```
public struct AgeRecipient: Sendable, Equatable {
    /// The 32-byte X25519 public key.
    let publicKey: Curve25519.KeyAgreement.PublicKey

    init(publicKey: Curve25519.KeyAgreement.PublicKey) {
        self.publicKey = publicKey
    }

    /// Reads an `age1…` string; throws ``JournalError/invalidKey(source:reason:)``, naming `source`.
    public init(parsing text: String, source: String = "the recipient") throws {
        let decoded: (hrp: String, data: [UInt8])
        do {
            decoded = try Bech32.decode(text)
        } catch let invalid as Bech32.Invalid {
            throw JournalError.invalidKey(
                source: source, reason: "\"\(text)\" is not an age recipient: \(invalid.reason)")
        }
        guard decoded.hrp == "age", decoded.data.count == 32,
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: decoded.data)
        else {
            throw JournalError.invalidKey(
                source: source, reason: "\"\(text)\" is not an age X25519 recipient (one starts with age1)")
        }
        publicKey = key
    }

    /// The `age1…` string.
    public var string: String { Bech32.encode(hrp: "age", data: Array(publicKey.rawRepresentation)) }

    public static func == (left: Self, right: Self) -> Bool {
        left.publicKey.rawRepresentation == right.publicKey.rawRepresentation
    }
}

/// An age X25519 identity: the private key that decrypts files made for its recipient, written `AGE-SECRET-KEY-1…`.
///
/// ```swift
/// let identity = AgeIdentity.generate()
/// print(identity.recipient.string)  // age1…
/// ```
public struct AgeIdentity: Sendable {
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    init(privateKey: Curve25519.KeyAgreement.PrivateKey) {
        self.privateKey = privateKey
    }

    /// A new random identity.
    public static func generate() -> AgeIdentity {
        AgeIdentity(privateKey: Curve25519.KeyAgreement.PrivateKey())
    }

    /// Reads an `AGE-SECRET-KEY-1…` string; throws ``JournalError/invalidKey(source:reason:)``, naming `source`.
    public init(parsing text: String, source: String = "the identity") throws {
        guard let decoded = try? Bech32.decode(text), decoded.hrp == "age-secret-key-", decoded.data.count == 32,
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: decoded.data)
        else {
            let kind =
                text.uppercased().hasPrefix("AGE-PLUGIN-") || text.uppercased().hasPrefix("AGE-SECRET-KEY-PQ-")
                ? "an age identity of a kind journal does not read (only AGE-SECRET-KEY-1… X25519 identities)"
                : "not an age identity (one starts with AGE-SECRET-KEY-1)"
            throw JournalError.invalidKey(source: source, reason: kind)
        }
        privateKey = key
    }

    /// The `AGE-SECRET-KEY-1…` string.
    public var string: String {
        Bech32.encode(hrp: "age-secret-key-", data: Array(privateKey.rawRepresentation)).uppercased()
    }

    /// The recipient whose files this identity decrypts.
    public var recipient: AgeRecipient { AgeRecipient(publicKey: privateKey.publicKey) }
}

/// Reading the key files `age-keygen` writes and the recipients files age reads: one key a line,
/// blank lines and lines starting with `#` ignored.
public enum AgeKeyFile {
    /// The identities in the text of an identity file (`age-keygen -o key.txt`); `name` names it in messages.
    public static func identities(in text: String, name: String) throws -> [AgeIdentity] {
        let keys = try lines(of: text, name: name).map { line, number in
            try AgeIdentity(parsing: line, source: "\(name), line \(number)")
        }
        guard !keys.isEmpty else { throw JournalError.invalidKey(source: name, reason: "it holds no identity") }
        return keys
    }

    /// The recipients in the text of a recipients file (`age1…` lines); `name` names it in messages.
    public static func recipients(in text: String, name: String) throws -> [AgeRecipient] {
        let keys = try lines(of: text, name: name).map { line, number in
            try AgeRecipient(parsing: line, source: "\(name), line \(number)")
        }
        guard !keys.isEmpty else { throw JournalError.invalidKey(source: name, reason: "it holds no recipient") }
        return keys
    }

    private static func lines(of text: String, name: String) throws -> [(String, Int)] {
        if text.hasPrefix("age-encryption.org/") || text.hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----") {
            throw JournalError.invalidKey(
                source: name, reason: "it is encrypted itself; decrypt it with age first, into a private place")
        }
        // Character-wise, "\r\n" is one newline.
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap {
            index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : (trimmed, index + 1)
        }
    }
}
