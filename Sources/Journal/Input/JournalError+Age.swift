import Age

extension JournalError {
    /// An age failure as journal says it: the one place an ``AgeError`` becomes a message and an exit status.
    ///
    /// A damaged, changed or truncated file (any class the C2SP vectors name but "no
    /// match") is bad data (65); no key given opens it (77); a key that cannot be used is bad
    /// usage (64).
    ///
    /// ```swift
    /// JournalError(AgeError)  // .wrongKey(path: "backup.age", reason: "it was not encrypted to the identity given")
    /// ```
    public init(_ error: AgeError) {
        switch error.kind {
        case .noMatch: self = .wrongKey(path: error.subject, reason: error.reason)
        case .keyNeeded(let passphrase): self = .keyNeeded(path: error.subject, passphrase: passphrase)
        case .invalidKey: self = .invalidKey(source: error.subject, reason: error.reason)
        case .io: self = .io(path: error.subject, reason: error.reason)
        case .notAge, .armor, .header, .mac, .payload:
            self = .damagedEncryptedFile(path: error.subject, reason: error.reason)
        }
    }
}
