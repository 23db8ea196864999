import Age
import Foundation
import Testing

/// What enters through encrypted inputs, key files and passphrase files: one input source for
/// import and restore, key text as strict as age's, secrets never echoed, passphrases as bytes,
/// and every age failure said as journal says things.
@Suite struct AgeInputCommandTests {
    let sandbox = Sandbox()

    /// `age-keygen` output, kept fixed: the identity file and its recipient.
    static let identityFile = """
        # created: 2026-11-25T21:16:50Z
        # public key: age1nh60kjzjv2da4tuk2ujewl67w43dven0zq9gnhprkgc2upq4ncwqq7nvdd
        AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA

        """
    static let recipient = "age1nh60kjzjv2da4tuk2ujewl67w43dven0zq9gnhprkgc2upq4ncwqq7nvdd"
    static let secret = "AGE-SECRET-KEY-19MXLPUURG828MXKK4DPJF8LEUFSM83E86SKFZN829SY5V0YYP4FQYFHANA"

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String, mode: mode_t = 0o600) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func fill() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--note", "private: sciatica")
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--reps", "10")
    }

    // MARK: Keys

    /// `--recipients-file` given the identity file: refused by its line, the secret never printed.
    @Test func anIdentityFileGivenAsRecipientsIsNeverEchoed() throws {
        try fill()
        let keys = try write(Array(Self.identityFile.utf8), to: "key.txt")
        for command in [["backup", file("b.age")], ["export", "--output", file("e.age")]] {
            let run = try sandbox.run(command + ["--recipients-file", keys])
            #expect(run.status == 64, "\(run)")
            #expect(!run.stderr.contains("AGE-SECRET-KEY") && !run.stdout.contains("AGE-SECRET-KEY"), "\(run)")
            #expect(!run.stderr.lowercased().contains("19mxlpuurg828"), "\(run)")
            #expect(
                run.stderr
                    == "journal: cannot use \(keys), line 3: the line is an age identity, a secret key, not a recipient: "
                    + "give its recipient (age-keygen -y KEYFILE prints it).\n")
        }
        #expect(!FileManager.default.fileExists(atPath: file("b.age")))
    }

    /// age reads `age1…` recipients in lower case and `AGE-SECRET-KEY-1…` identities in upper case only.
    @Test func keyTextIsAsStrictAsAge() throws {
        try fill()
        let upper = try sandbox.run("backup", "--recipient", Self.recipient.uppercased(), file("b.age"))
        #expect(upper.status == 64, "\(upper)")
        #expect(upper.stderr.contains("cannot use --recipient"))
        let good = try sandbox.run("backup", "--recipient", Self.recipient, file("b.age"))
        try #require(good.status == 0, "\(good)")
        let lower = try write(Array(Self.secret.lowercased().utf8) + [0x0A], to: "lower.txt")
        sandbox.environment["JOURNAL_DB"] = file("restored.sqlite3")
        let refused = try sandbox.run("restore", file("b.age"), "--identity", lower)
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stderr.contains("cannot use \(lower), line 1: it is not an age identity"), "\(refused)")
        #expect(!refused.stderr.lowercased().contains("19mxlpuurg828"))
        let padded = try write(Array("  \(Self.secret)\n".utf8), to: "padded.txt")
        #expect(try sandbox.run("restore", file("b.age"), "--identity", padded).status == 64)
        let keys = try write(Array(Self.identityFile.utf8), to: "key.txt")
        let restored = try sandbox.run("restore", file("b.age"), "--identity", keys)
        #expect(restored.status == 0, "\(restored)")
    }

    /// A low-order point as recipient is refused as a key (64), not printed as an internal error.
    @Test func aLowOrderRecipientIsAKeyError() throws {
        try fill()
        // The point 0: Bech32 of 32 zero bytes under "age".
        let zero = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq5cu47z"
        #expect(try AgeRecipient(parsing: zero).string == zero)
        let run = try sandbox.run("backup", "--recipient", zero, file("b.age"))
        #expect(run.status == 64, "\(run)")
        #expect(!run.stderr.contains("AgeFailure") && !run.stderr.contains("AgeError"), "\(run)")
        #expect(run.stderr.contains("low-order X25519 point"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: file("b.age")))
    }

    // MARK: Passphrases

    /// A passphrase is the file's bytes: `caf\xE9` opens what it made and `caf\xFF` does not.
    @Test func aPassphraseIsTheFilesBytes() throws {
        try fill()
        let latin1 = try write(Array("caf".utf8) + [0xE9, 0x0A], to: "latin1.txt")
        let other = try write(Array("caf".utf8) + [0xFF, 0x0A], to: "other.txt")
        let made = try sandbox.run("backup", "--passphrase-file", latin1, file("b.age"))
        try #require(made.status == 0, "\(made)")
        sandbox.environment["JOURNAL_DB"] = file("restored.sqlite3")
        let wrong = try sandbox.run("restore", file("b.age"), "--passphrase-file", other)
        #expect(wrong.status == 77, "\(wrong)")
        let right = try sandbox.run("restore", file("b.age"), "--passphrase-file", latin1)
        #expect(right.status == 0, "\(right)")
    }

    /// A FIFO as passphrase file is opened without waiting for a writer and checked first: one
    /// that others may read is refused at once; a folder is no passphrase file.
    @Test func aPassphraseFileIsCheckedBeforeItIsRead() throws {
        try fill()
        let fifo = file("pass.fifo")
        try #require(mkfifo(fifo, 0o644) == 0)
        chmod(fifo, 0o644)
        // `timeout` ends a journal that waits for a writer (exit 124), as it did before.
        var environment = sandbox.environment
        environment["JOURNAL"] = Sandbox.binary.path
        let open = try execute(
            try tool("timeout"), ["20", Sandbox.binary.path, "backup", "--passphrase-file", fifo, file("b.age")],
            environment: environment)
        #expect(open.status == 77, "\(open)")
        #expect(open.stderr.contains("chmod 600"))
        let folder = file("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o700)
        let notFile = try sandbox.run("backup", "--passphrase-file", folder, file("b.age"))
        #expect(notFile.status == 64, "\(notFile)")
        #expect(!FileManager.default.fileExists(atPath: file("b.age")))
    }

    // MARK: One input source

    /// An armored backup with blank lines before its armor restores, as the same export imports.
    @Test func restoreAndImportReadTheSameArmoredInput() throws {
        try fill()
        let pass = try write(Array("correct horse\n".utf8), to: "pass.txt")
        let backup = try sandbox.run("backup", "--passphrase-file", pass, "--armor", file("b.asc"))
        try #require(backup.status == 0, "\(backup)")
        let export = try sandbox.run("export", "--all", "--passphrase-file", pass, "--armor", "--output", file("e.asc"))
        try #require(export.status == 0, "\(export)")
        let blank = Array(String(repeating: "\r\n", count: 200).utf8)
        try write(blank + bytes(file("b.asc")), to: "b-blank.asc")
        try write(blank + bytes(file("e.asc")), to: "e-blank.asc")
        sandbox.environment["JOURNAL_DB"] = file("imported.sqlite3")
        let imported = try sandbox.run("import", file("e-blank.asc"), "--passphrase-file", pass)
        #expect(imported.status == 0, "\(imported)")
        sandbox.environment["JOURNAL_DB"] = file("restored.sqlite3")
        let restored = try sandbox.run("restore", file("b-blank.asc"), "--passphrase-file", pass)
        #expect(restored.status == 0, "\(restored)")
        #expect(restored.stdout.hasPrefix("Restored 2 entries"))
        // Standard input too.
        sandbox.environment["JOURNAL_DB"] = file("piped.sqlite3")
        let piped = try sandbox.shell("\"$JOURNAL\" restore - --passphrase-file '\(pass)' < '\(file("b-blank.asc"))'")
        #expect(piped == 0)
    }

    /// An encrypted import changed after its first chunk is refused as changed (65), though its
    /// first chunk holds NUL bytes: nothing of it is looked at before the whole is authenticated.
    @Test func anImportIsAuthenticatedWholeBeforeItIsRead() throws {
        let identity = try AgeIdentity(parsing: Self.secret)
        var file: [UInt8] = []
        let encryptor = try AgeEncryptor(recipients: [identity.recipient]) { file += $0 }
        try encryptor.write([UInt8](repeating: 0, count: 100_000))
        try encryptor.finish()
        file[file.count - 100] ^= 1  // in the second, last chunk
        let damaged = try write(file, to: "damaged.age")
        let keys = try write(Array(Self.identityFile.utf8), to: "key.txt")
        let run = try sandbox.run("import", damaged, "--identity", keys)
        #expect(run.status == 65, "\(run)")
        #expect(!run.stderr.contains("NUL"), "\(run)")
        #expect(
            run.stderr
                == "journal: cannot decrypt \(damaged): chunk 2 does not authenticate: the file was changed, damaged "
                + "or truncated. Nothing was changed.\n")
        #expect(try sandbox.entryCount() == 0)
        // Whole and authenticated, the same NUL bytes are refused for what they are.
        var whole: [UInt8] = []
        let again = try AgeEncryptor(recipients: [identity.recipient]) { whole += $0 }
        try again.write([UInt8](repeating: 0, count: 100_000))
        try again.finish()
        let nul = try sandbox.run("import", try write(whole, to: "nul.age"), "--identity", keys)
        #expect(nul.status == 65, "\(nul)")
        #expect(nul.stderr.contains("a NUL byte"), "\(nul)")
    }
}
