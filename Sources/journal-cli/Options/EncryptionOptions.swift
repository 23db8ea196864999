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
        try StandardInput.refuseTwice(recipientsFile.map { ("--recipients-file", $0) })
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
                keys += try AgeKeyFile.recipients(in: try KeyFiles.bytes(of: file, holding: "recipient"), name: file)
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
        try identity.flatMap {
            try AgeKeyFile.identities(in: try KeyFiles.bytes(of: $0, holding: "identity"), name: $0)
        }
    }

    /// Gives the passphrase when a file needs one: from `--passphrase-file`, else asked at the
    /// terminal; `nil` when neither can be had.
    func passphrase() -> (() throws -> [UInt8])? {
        if let passphraseFile { return { try Passphrase.read(from: passphraseFile, decrypting: true) } }
        guard Passphrase.hasTerminal else { return nil }
        return { try Passphrase.askOnce() }
    }

    /// The keys, for ``InputSource/plaintext(keys:limit:sink:)``: read only when an input is encrypted.
    var keys: DecryptionKeys { DecryptionKeys(identities: identities, passphrase: passphrase()) }

    /// Refuses (64), before anything is read, standard input named for `input` (the FILE argument)
    /// and for a key, or for two keys.
    func refuseStandardInputTwice(input: String) throws {
        try StandardInput.refuseTwice(
            [("FILE", input)] + identity.map { ("--identity", $0) }
                + (passphraseFile.map { [("--passphrase-file", $0)] } ?? []))
    }
}

/// Standard input (`-`), which can be read only once: one input or option at most may name it.
enum StandardInput {
    /// A file to name instead, by option.
    private static let example = [
        "--identity": "key.txt", "--passphrase-file": "passphrase.txt", "--recipients-file": "recipients.txt",
    ]

    /// Refuses (64) when more than one of `uses` (an option, or `FILE`, with its value) is `-`,
    /// naming the first two and suggesting a file for the second.
    static func refuseTwice(_ uses: [(name: String, value: String)]) throws {
        let named = uses.filter { $0.value == "-" }.map(\.name)
        guard named.count > 1 else { return }
        let both = named[0] == named[1] ? "two \(named[0]) options" : "both \(named[0]) and \(named[1])"
        throw ValidationError(
            "standard input can be read only once, and \(both) name it (-): give \(named[1]) a file instead "
                + "(such as \(named[1]) \(example[named[1]] ?? "FILE")).")
    }
}

/// Reading key files.
enum KeyFiles {
    /// The largest key file read: 1 MiB, thousands of keys.
    static let maximumBytes = 1 << 20

    /// The bytes of a small key file holding `content` (identities, recipients), through the one
    /// opener of key and passphrase files (a larger one is refused in a key file's words, not an
    /// import's).
    static func bytes(of path: String, holding content: String) throws -> [UInt8] {
        do {
            return try InputSource.keyFile(path) {
                JournalError.invalidKey(
                    source: path, reason: "it is \(InputSource.notAKeyFile): it holds no \(content)")
            }.bytes(limit: maximumBytes)
        } catch JournalError.inputTooLarge(let name, let limit) {
            throw JournalError.invalidKey(
                source: name,
                reason: "it is larger than \(limit >> 20) MiB, more than a key file holds (thousands of age "
                    + "keys take less)")
        }
    }
}
