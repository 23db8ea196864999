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

    /// Reads an `age1…` string, as age's `ParseX25519Recipient` does.
    ///
    /// Bech32, all lower case, the type `age`, 32 bytes. Throws ``AgeError`` (``AgeError/Kind/invalidKey``) naming `source`.
    public init(parsing text: String, source: String = "the recipient") throws {
        try self.init(parsing: Array(text.utf8), source: source, quoted: true)
    }

    /// Reads `text`; the reason quotes it only when `quoted` (never a key file's line, which may be a secret).
    init(parsing text: [UInt8], source: String, quoted: Bool) throws {
        // A secret key is never quoted, however it was mistyped: in lower case, or with a space around it.
        let secret = Array("age-secret-key-".utf8)
        let folded = text.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }.map {
            (0x41...0x5A).contains($0) ? $0 + 0x20 : $0
        }
        let isSecret = folded.starts(with: secret)
        let shown = quoted && !isSecret ? "\"\(String(decoding: text, as: UTF8.self))\" is" : "it is"
        if isSecret {
            throw AgeError(
                .invalidKey,
                "\(quoted ? "it" : "the line") is an age identity, a secret key, not a recipient: "
                    + "give its recipient (age-keygen -y KEYFILE prints it)",
                subject: source)
        }
        let decoded: (hrp: [UInt8], data: [UInt8])
        do {
            decoded = try Bech32.decode(text)
        } catch let invalid as Bech32.Invalid {
            throw AgeError(.invalidKey, "\(shown) not an age recipient: \(invalid.reason)", subject: source)
        }
        guard decoded.hrp == Array("age".utf8), decoded.data.count == 32,
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: decoded.data)
        else {
            throw AgeError(
                .invalidKey, "\(shown) not an age X25519 recipient (one is age1… in lower case)", subject: source)
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

    /// Reads an `AGE-SECRET-KEY-1…` string, as age's `ParseX25519Identity` does.
    ///
    /// Bech32, all upper case, the type `AGE-SECRET-KEY-`, 32 bytes. Throws ``AgeError`` naming `source`; the
    /// reason never quotes the text.
    public init(parsing text: String, source: String = "the identity") throws {
        try self.init(parsing: Array(text.utf8), source: source)
    }

    init(parsing text: [UInt8], source: String) throws {
        guard let decoded = try? Bech32.decode(text), decoded.hrp == Array("AGE-SECRET-KEY-".utf8),
            decoded.data.count == 32,
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: decoded.data)
        else {
            let kind =
                text.starts(with: Array("AGE-PLUGIN-".utf8)) || text.starts(with: Array("AGE-SECRET-KEY-PQ-".utf8))
                ? "an age identity of a kind journal does not read (only AGE-SECRET-KEY-1… X25519 identities)"
                : "not an age identity (one is AGE-SECRET-KEY-1… in upper case)"
            throw AgeError(.invalidKey, "it is " + kind, subject: source)
        }
        privateKey = key
    }

    /// The `AGE-SECRET-KEY-1…` string.
    public var string: String {
        Bech32.encode(hrp: "AGE-SECRET-KEY-", data: Array(privateKey.rawRepresentation))
    }

    /// The recipient whose files this identity decrypts.
    public var recipient: AgeRecipient { AgeRecipient(publicKey: privateKey.publicKey) }
}

/// Reading the key files `age-keygen` writes and the recipients files age reads, as age does.
///
/// Line by line as age's command reads them: one key a line, empty lines and lines starting with `#` skipped, a CR
/// before a line feed dropped, nothing else trimmed. A line that is not a key is refused by its
/// number, never quoted: a recipients file given in place of an identity file holds a secret.
public enum AgeKeyFile {
    /// The identities in an identity file (`age-keygen -o key.txt`); `name` names it in messages.
    public static func identities(in text: [UInt8], name: String) throws -> [AgeIdentity] {
        let keys = try lines(of: text, name: name).map { line, number in
            try AgeIdentity(parsing: line, source: "\(name), line \(number)")
        }
        guard !keys.isEmpty else { throw AgeError(.invalidKey, "it holds no identity", subject: name) }
        return keys
    }

    /// The recipients in a recipients file (`age1…` lines); `name` names it in messages.
    public static func recipients(in text: [UInt8], name: String) throws -> [AgeRecipient] {
        let keys = try lines(of: text, name: name).map { line, number in
            try AgeRecipient(parsing: line, source: "\(name), line \(number)", quoted: false)
        }
        guard !keys.isEmpty else { throw AgeError(.invalidKey, "it holds no recipient", subject: name) }
        return keys
    }

    private static func lines(of text: [UInt8], name: String) throws -> [([UInt8], Int)] {
        if Age.isEncrypted(text.prefix(Age.detectionLength)) {
            throw AgeError(
                .invalidKey, "it is encrypted itself; decrypt it with age first, into a private place", subject: name)
        }
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.enumerated().compactMap { index, line in
            let line = line.last == 0x0D ? line.dropLast() : line
            return line.isEmpty || line.first == UInt8(ascii: "#") ? nil : (Array(line), index + 1)
        }
    }
}
