/// Why the age format refused something: a file that cannot be decrypted, by the class of
/// failure the C2SP test vectors name, or a key that cannot be used.
///
/// The module throws only this type. Its users turn it into their own messages in one place
/// (journal: `JournalError(_:)`), as Go's `filippo.io/age` callers do with its errors.
///
/// ```swift
/// do { _ = try AgeRecipient(parsing: "AGE1…", source: "--recipient") }
/// catch let error as AgeError { error.kind == .invalidKey }  // true: recipients are lower case
/// ```
public struct AgeError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Neither the binary nor the armored form.
        case notAge
        /// The ASCII armor is malformed.
        case armor
        /// The header is malformed (a bad stanza, a missing MAC, an unsupported version, a low-order share).
        case header
        /// A file key was unwrapped but the header's MAC does not match: the header was changed.
        case mac
        /// No stanza could be unwrapped with the keys given: a wrong passphrase or identity.
        case noMatch
        /// The payload is truncated, changed or has data after its end.
        case payload
        /// The file needs a key of a kind that was not given (`passphrase`: a passphrase, else an identity).
        case keyNeeded(passphrase: Bool)
        /// A recipient, identity or key file that cannot be used (the reason never quotes a key file's line).
        case invalidKey
        /// The file could not be read, or a key could not be derived.
        case io
    }

    public let kind: Kind
    /// What was wrong, as a clause ("the header's MAC does not match: …").
    public let reason: String
    /// The file or key source the failure is about ("backup.age", "key.txt, line 3"); empty inside
    /// the module, filled in where the public entry points know it.
    public internal(set) var subject: String

    init(_ kind: Kind, _ reason: String, subject: String = "") {
        self.kind = kind
        self.reason = reason
        self.subject = subject
    }

    /// Runs `body`, naming `subject` in any ``AgeError`` it throws that does not name one yet.
    static func naming<T>(_ subject: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as AgeError {
            if error.subject.isEmpty { error.subject = subject }
            throw error
        }
    }
}
