import Age
import ArgumentParser
import Foundation
import Journal

/// How an output is encrypted: to age recipients, or with a passphrase; and whether armored.
struct Encryption {
    enum Key {
        case recipients([AgeRecipient])
        case passphrase([UInt8])
    }

    let key: Key
    let armor: Bool

    /// An encryptor whose output goes to `output`.
    func encryptor(_ output: @escaping ([UInt8]) throws -> Void) throws -> AgeEncryptor {
        switch key {
        case .recipients(let recipients): return try AgeEncryptor(recipients: recipients, armor: armor, output: output)
        case .passphrase(let passphrase): return try AgeEncryptor(passphrase: passphrase, armor: armor, output: output)
        }
    }
}

/// `--encrypt`, `--passphrase-file`, `--recipient`, `--recipients-file`, `--armor`: encrypting an
/// output (a backup, an export, a report) in the age format.
struct EncryptionOptions: ParsableArguments {
    @Flag(help: "Encrypt with a passphrase, asked twice at the terminal (age format, scrypt 2^18).")
    var encrypt = false

    @Option(
        help: ArgumentHelp(
            "Encrypt with the passphrase on this file's first line (the file must be private: mode 0600).",
            valueName: "file"))
    var passphraseFile: String?

    @Option(
        help: ArgumentHelp(
            "Encrypt to this age public key (age1…, from age-keygen); repeat for several.", valueName: "age1…"))
    var recipient: [String] = []

    @Option(help: ArgumentHelp("Encrypt to the age1… keys in this file, one a line.", valueName: "file"))
    var recipientsFile: [String] = []

    @Flag(help: "Write the encrypted file as ASCII text (-----BEGIN AGE ENCRYPTED FILE-----).")
    var armor = false

    private var usesPassphrase: Bool { encrypt || passphraseFile != nil }
    private var usesRecipients: Bool { !recipient.isEmpty || !recipientsFile.isEmpty }

    /// Whether any encryption was asked for.
    var isRequested: Bool { usesPassphrase || usesRecipients }

    func validate() throws {
        if usesPassphrase && usesRecipients {
            throw ValidationError(
                "encrypt either with a passphrase (--encrypt, --passphrase-file) or to --recipient keys, not both: "
                    + "an age file with a passphrase holds no other key.")
        }
        if armor && !isRequested {
            throw ValidationError("--armor applies to encrypted output: add --encrypt or --recipient.")
        }
    }

    /// The encryption asked for, its keys read (and the passphrase asked at the terminal); `nil` for none.
    func resolve() throws -> Encryption? {
        if usesRecipients {
            var keys = try recipient.map { try AgeRecipient(parsing: $0, source: "--recipient") }
            for file in recipientsFile {
                keys += try AgeKeyFile.recipients(in: try KeyFiles.bytes(of: file), name: file)
            }
            return Encryption(key: .recipients(keys), armor: armor)
        }
        guard usesPassphrase else { return nil }
        if let passphraseFile {
            return Encryption(key: .passphrase(try Passphrase.read(from: passphraseFile)), armor: armor)
        }
        return Encryption(key: .passphrase(try Passphrase.askTwice()), armor: armor)
    }
}

/// `--identity` and `--passphrase-file`: the keys that decrypt an age encrypted input.
struct DecryptionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Decrypt with the age identity in this file (AGE-SECRET-KEY-1…, from age-keygen); repeat for several.",
            valueName: "keyfile"))
    var identity: [String] = []

    @Option(
        help: ArgumentHelp(
            "Decrypt with the passphrase on this file's first line (the file must be private: mode 0600); "
                + "else it is asked at the terminal.",
            valueName: "file"))
    var passphraseFile: String?

    /// The identities given.
    func identities() throws -> [AgeIdentity] {
        try identity.flatMap { try AgeKeyFile.identities(in: try KeyFiles.bytes(of: $0), name: $0) }
    }

    /// Gives the passphrase when a file needs one: from `--passphrase-file`, else asked at the
    /// terminal; `nil` when neither can be had.
    func passphrase() -> (() throws -> [UInt8])? {
        if let passphraseFile { return { try Passphrase.read(from: passphraseFile) } }
        guard Passphrase.hasTerminal else { return nil }
        return { try Passphrase.askOnce() }
    }

    /// The keys, for ``InputSource/plaintext(keys:limit:sink:)``: read only when an input is encrypted.
    var keys: DecryptionKeys { DecryptionKeys(identities: identities, passphrase: passphrase()) }
}

/// Reading key files.
enum KeyFiles {
    /// The largest key file read: 1 MiB, thousands of keys.
    static let maximumBytes = 1 << 20

    /// The bytes of a small key file, through the one input source (a larger one is refused in a
    /// key file's words, not an import's).
    static func bytes(of path: String) throws -> [UInt8] {
        do {
            return try InputSource(path).bytes(limit: maximumBytes)
        } catch JournalError.inputTooLarge(let name, let limit) {
            throw JournalError.invalidKey(
                source: name,
                reason: "it is larger than \(limit >> 20) MiB, more than a key file holds (thousands of age "
                    + "keys take less)")
        }
    }
}
