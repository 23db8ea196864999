import Foundation
import Testing

/// Issue #25, one input source: an unreadable input is said as an input, `-` as an output is
/// standard output, key files never wait for a writer, and standard input is read once.
@Suite struct InputFileCommandTests {
    let sandbox = Sandbox()

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    @discardableResult
    func write(_ text: String, to name: String, mode: mode_t = 0o600) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    func fill() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--note", "private: sciatica")
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--reps", "10")
    }

    /// Runs `script` with `sh` in the sandbox's folder, `$J` the built binary.
    func shell(_ script: String) throws -> Run {
        var environment = sandbox.environment
        environment["J"] = Sandbox.binary.path
        return try execute(
            try tool("sh"), ["-c", "cd \"$1\" && " + script, "sh", sandbox.directory], environment: environment)
    }

    // MARK: 1. An unreadable input

    /// Each input journal reads (an import, a restore, an identity, a passphrase file, a
    /// recipients file) that this user may not read is refused (77) as an input, saying what to do.
    ///
    /// As root, who reads any file, the inputs belong to root and the binary runs as nobody.
    @Test func anUnreadableInputSaysHowToReadIt() throws {
        try fill()
        let asOther = geteuid() == 0
        var runuser = ""
        var nobody = (uid: getuid(), gid: getgid())
        if asOther {
            guard let found = which("runuser"), let account = getpwnam("nobody") else {
                print("skipped anUnreadableInputSaysHowToReadIt: root, without runuser or nobody")
                return
            }
            runuser = found
            nobody = (account.pointee.pw_uid, account.pointee.pw_gid)
        }
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped anUnreadableInputSaysHowToReadIt: no temporary folder that every user can enter")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: shared) }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        #expect(chmod(binary, 0o755) == 0)
        let journal = shared + "/journal.sqlite3"
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: journal)
        if asOther { #expect(chown(journal, nobody.uid, nobody.gid) == 0) }
        #expect(chmod(journal, 0o600) == 0)
        // An encrypted backup, so that a restore reads its --identity.
        try Data("correct horse\n".utf8).write(to: URL(fileURLWithPath: file("pass.txt")))
        chmod(file("pass.txt"), 0o600)
        let encrypted = shared + "/b0.age"
        let made = try sandbox.run("backup", "--passphrase-file", file("pass.txt"), encrypted)
        try #require(made.status == 0, "\(made)")
        #expect(chmod(encrypted, 0o644) == 0)
        let input = shared + "/e.json"
        try Data("[]".utf8).write(to: URL(fileURLWithPath: input))
        #expect(chmod(input, 0o000) == 0)
        let remedy =
            asOther
            ? "it belongs to another user, and its mode (0000) does not let this user read it: run journal as its "
                + "owner, or have its owner make it readable to you (or copy it to a folder of yours)"
            : "its mode is 0000, which does not let its owner read it: make it readable with `chmod u+r \(input)`"
        let commands = [
            ["import", input], ["restore", input, "--force"], ["restore", encrypted, "--force", "--identity", input],
            ["backup", "--passphrase-file", input, shared + "/b.age"],
            ["backup", "--recipients-file", input, shared + "/b.age"],
        ]
        for arguments in commands {
            let command = [binary] + arguments + ["--db", journal]
            let run =
                asOther
                ? try execute(runuser, ["-u", "nobody", "--"] + command, environment: sandbox.environment, stdin: "")
                : try execute(binary, Array(command.dropFirst()), environment: sandbox.environment, stdin: "")
            #expect(run.status == 77, "\(arguments): \(run)")
            #expect(run.stderr == "journal: cannot read \(input): \(remedy). Nothing was changed.\n", "\(run)")
            #expect(run.stdout == "", "\(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: shared + "/b.age"))
        #expect(try sandbox.run("list", "--db", journal).stdout.contains("private: sciatica"))
    }

    // MARK: 2. `-` as an output

    /// `export --output -` and `report --output -` write to standard output, as without --output,
    /// and name no file; nothing named `-` is made.
    @Test func aDashOutputIsStandardOutput() throws {
        try fill()
        let exports = [["export"], ["export", "--format", "json"], ["export", "--all"], ["export", "--excel"]]
        for arguments in exports + [["report", "--json"], ["report", "--markdown"]] {
            let plain = try sandbox.run(arguments)
            try #require(plain.status == 0, "\(plain)")
            let dashed = try shell("\"$J\" " + arguments.joined(separator: " ") + " --output -")
            #expect(dashed.status == 0, "\(dashed)")
            #expect(dashed.stdout == plain.stdout, "\(arguments)")
            #expect(dashed.stderr == plain.stderr, "\(arguments): \(dashed)")
        }
        #expect(!FileManager.default.fileExists(atPath: file("-")))
    }

    /// `journal backup -` writes the copy to standard output (plain, or encrypted), which
    /// `journal restore -` reads whole; stdout holds nothing else, and no file `-` is made.
    @Test func aBackupToStandardOutputRestores() throws {
        try fill()
        let plain = try shell("\"$J\" backup - | \"$J\" restore - --db plain.sqlite3")
        #expect(plain.status == 0, "\(plain)")
        #expect(
            plain.stdout
                == "Restored 2 entries, 0 check-ins, 0 reviews, 0 exercises of your own, 0 plan items and 0 PSFS "
                + "activities with 0 ratings into plain.sqlite3.\n", "\(plain)")
        #expect(plain.stderr == "Backed up the journal to standard output.\n", "\(plain)")
        #expect(try sandbox.run("list", "--db", file("plain.sqlite3")).stdout.contains("private: sciatica"))
        try write("correct horse\n", to: "pass.txt")
        let encrypted = try shell(
            "\"$J\" backup - --passphrase-file pass.txt --armor > b.asc && "
                + "\"$J\" restore b.asc --passphrase-file pass.txt --db armored.sqlite3")
        #expect(encrypted.status == 0, "\(encrypted)")
        #expect(
            try String(contentsOfFile: file("b.asc"), encoding: .utf8).hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----"))
        #expect(try sandbox.run("list", "--db", file("armored.sqlite3")).stdout.contains("private: sciatica"))
        let json = try sandbox.run("backup", "-", "--json")
        #expect(json.status == 64, "\(json)")
        #expect(json.stderr.contains("--json cannot go there too"), "\(json)")
        #expect(!FileManager.default.fileExists(atPath: file("-")))
    }

    // MARK: 3. Key files on a FIFO

    /// A FIFO with no writer as `--identity` or `--recipients-file` is opened without waiting, as a
    /// passphrase file is, and refused as holding no key (`timeout` ends one that waits: 124).
    @Test func aKeyFileOnAFIFOWithNoWriterDoesNotWait() throws {
        try fill()
        let fifo = file("key.fifo")
        try #require(mkfifo(fifo, 0o600) == 0)
        try write("correct horse\n", to: "pass.txt")
        let backup = try sandbox.run("backup", "--passphrase-file", file("pass.txt"), file("b.age"))
        try #require(backup.status == 0, "\(backup)")
        let timeout = try tool("timeout")
        let cases: [([String], String)] = [
            (["restore", file("b.age"), "--identity", fifo, "--db", file("r.sqlite3")], "identity"),
            (["import", file("b.age"), "--identity", fifo], "identity"),
            (["backup", "--recipients-file", fifo, file("c.age")], "recipient"),
            (["export", "--recipients-file", fifo, "--output", file("e.age")], "recipient"),
        ]
        for (arguments, content) in cases {
            let run = try execute(timeout, ["20", Sandbox.binary.path] + arguments, environment: sandbox.environment)
            #expect(run.status == 64, "\(arguments): \(run)")
            #expect(run.stderr == "journal: cannot use \(fifo): it holds no \(content).\n", "\(run)")
        }
        let folder = try sandbox.run("backup", "--recipients-file", sandbox.directory, file("c.age"))
        #expect(folder.status == 64, "\(folder)")
        #expect(
            folder.stderr
                == "journal: cannot use \(sandbox.directory): it is not a regular file (a folder or a device): "
                + "it holds no recipient.\n", "\(folder)")
        #expect(!FileManager.default.fileExists(atPath: file("c.age")))
        #expect(!FileManager.default.fileExists(atPath: file("e.age")))
    }

    // MARK: 4. Standard input named twice

    /// Standard input named for the input and a key, or for two keys, is refused (64) before
    /// anything is read, naming both and suggesting a file.
    @Test func standardInputIsNamedOnce() throws {
        try fill()
        let cases: [([String], String)] = [
            (
                ["restore", "-", "--identity", "-"],
                "both FILE and --identity name it (-): give --identity a file instead (such as --identity key.txt)"
            ),
            (
                ["import", "-", "--identity", "-"],
                "both FILE and --identity name it (-): give --identity a file instead (such as --identity key.txt)"
            ),
            (
                ["restore", "-", "--passphrase-file", "-"],
                "both FILE and --passphrase-file name it (-): give --passphrase-file a file instead (such as --passphrase-file passphrase.txt)"
            ),
            (
                ["import", "e.json", "--identity", "-", "--passphrase-file", "-"],
                "both --identity and --passphrase-file name it (-): give --passphrase-file a file instead (such as --passphrase-file passphrase.txt)"
            ),
            (
                ["backup", "--recipients-file", "-", "--recipients-file", "-", "b.age"],
                "two --recipients-file options name it (-): give --recipients-file a file instead (such as --recipients-file recipients.txt)"
            ),
        ]
        for (arguments, words) in cases {
            let run = try sandbox.run(arguments, stdin: "AGE-SECRET-KEY-1\n")
            #expect(run.status == 64, "\(arguments): \(run)")
            #expect(
                run.stderr.hasPrefix("Error: standard input can be read only once, and \(words).\nUsage: "), "\(run)")
            #expect(run.stdout == "", "\(run)")
        }
        #expect(try sandbox.entryCount() == 2)
    }

    // MARK: 5. An empty passphrase line

    /// A restore or an import refused for an empty passphrase line says nothing was changed.
    @Test func anEmptyPassphraseLineChangesNothing() throws {
        try fill()
        try write("correct horse\n", to: "pass.txt")
        let backup = try sandbox.run("backup", "--passphrase-file", file("pass.txt"), file("b.age"))
        try #require(backup.status == 0, "\(backup)")
        let empty = try write("\n", to: "empty.txt")
        let restore = try sandbox.run("restore", file("b.age"), "--passphrase-file", empty, "--db", file("r.sqlite3"))
        #expect(restore.status == 64, "\(restore)")
        #expect(
            restore.stderr
                == "journal: the first line of \(empty) is empty: it holds no passphrase; nothing was changed.\n",
            "\(restore)")
        #expect(!FileManager.default.fileExists(atPath: file("r.sqlite3")))
        let encrypt = try sandbox.run("backup", "--passphrase-file", empty, file("c.age"))
        #expect(encrypt.status == 64, "\(encrypt)")
        #expect(
            encrypt.stderr
                == "journal: the first line of \(empty) is empty: it holds no passphrase; nothing was written.\n",
            "\(encrypt)")
    }
}
