import Foundation
import Testing

/// Encrypted backups, exports and reports in the age format, checked against the `age` command
/// itself, and `journal restore`: interoperability both ways, refusals that change nothing, and no
/// plaintext on disk when an encrypted backup is killed.
@Suite struct EncryptionCommandTests {
    let sandbox = Sandbox()

    init() {
        try? FileManager.default.createDirectory(atPath: sandbox.directory + "/tmp", withIntermediateDirectories: true)
        sandbox.environment["TMPDIR"] = sandbox.directory + "/tmp"
    }

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func write(_ text: String, to name: String, mode: mode_t = 0o600) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    /// `age-keygen -o NAME`, returning the identity file's path and its recipient.
    func keygen(_ name: String, _ ageKeygen: String) throws -> (String, String) {
        let path = file(name)
        let made = try execute(ageKeygen, ["-o", path])
        try #require(made.status == 0, "\(made)")
        let recipient = try execute(ageKeygen, ["-y", path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (path, recipient)
    }

    /// `sqlite3 PATH .dump`: every table's rows, to compare journals, its statements in sorted order;
    /// with `history` false, without the undo history (`changes` and what undoing each does), which a
    /// restore does not carry over.
    ///
    /// Sorted, because the order of the schema's objects is no part of a journal: `VACUUM` (a backup)
    /// lists every index before every trigger, where a journal of schema.sql's `v26-record-ids`
    /// holds each rebuilt table's trigger among its indexes.
    func dump(_ path: String, history: Bool = true) throws -> String {
        let text = try execute(try tool("sqlite3"), [path, ".dump"]).stdout
        var statements: [String] = []
        var statement = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            statement += statement.isEmpty ? String(line) : "\n" + line
            if line.hasSuffix(";") {
                statements.append(statement)
                statement = ""
            }
        }
        statements.append(statement)
        return statements.filter {
            history
                || (!$0.hasPrefix("INSERT INTO change") && !$0.hasPrefix("INSERT INTO \"change")
                    && !$0.hasPrefix("INSERT INTO sqlite_sequence VALUES('changes'"))
        }.sorted().joined(separator: "\n")
    }

    /// A journal with entries, a check-in and notes.
    func fill() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--note", "private: sciatica")
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--reps", "10")
        let checkIn = try sandbox.run("checkin", "--pain", "5", "--note", "bad night")
        try #require(checkIn.status == 0, "\(checkIn)")
    }

    /// Runs `arguments` on a new pseudo-terminal, typing each of `answers` after a prompt ending in
    /// ": " (the way a person answers a passphrase question); returns what the terminal showed.
    ///
    /// Python's standard `pty` module drives it: `age` asks for passphrases on /dev/tty only.
    func onTerminal(_ arguments: [String], answers: [String]) throws -> Run {
        let driver = """
            import os, pty, sys
            answers = sys.argv[1].split("\\n") if sys.argv[1] else []
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            shown = b""
            since = 0
            while True:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                shown += data
                if answers and shown[since:].endswith(b": "):
                    os.write(fd, answers.pop(0).encode() + b"\\n")
                    since = len(shown)
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(shown.decode("utf-8", "replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let script = try write(driver, to: "terminal.py")
        return try execute(
            try tool("python3"), [script, answers.joined(separator: "\n")] + arguments,
            environment: sandbox.environment)
    }

    // MARK: age reads ours

    @Test func ageDecryptsOurRecipientBackupExportAndReport() throws {
        guard let age = installedByCI("age"), let ageKeygen = installedByCI("age-keygen") else { return }
        try fill()
        let (identity, recipient) = try keygen("key.txt", ageKeygen)

        let backup = try sandbox.run("backup", "--recipient", recipient)
        #expect(backup.status == 0, "\(backup)")
        let path = backup.stdout.trimmingCharacters(in: .newlines)
        #expect(path.hasPrefix(file("journal-backup-")) && path.hasSuffix(".sqlite3.age"))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try bytes(path).starts(with: Array("age-encryption.org/v1\n-> X25519 ".utf8)))
        let decrypted = file("decrypted.sqlite3")
        let opened = try execute(age, ["-d", "-i", identity, "-o", decrypted, path])
        #expect(opened.status == 0, "\(opened)")
        #expect(try dump(decrypted) == dump(sandbox.database))
        #expect(try execute(try tool("sqlite3"), [decrypted, "PRAGMA application_id"]).stdout == "1246907980\n")

        // Exports: the CSV and the full JSON, byte for byte, binary and armored.
        for (arguments, name) in [([String](), "e.csv.age"), (["--all"], "e.json.age"), (["--armor"], "e.csv.asc")] {
            let plain = try sandbox.run(["export"] + arguments.filter { $0 != "--armor" })
            let encrypted = try sandbox.run(["export", "--recipient", recipient, "--output", file(name)] + arguments)
            #expect(encrypted.status == 0, "\(encrypted)")
            let clear = try execute(age, ["-d", "-i", identity, file(name)])
            #expect(clear.status == 0, "\(clear)")
            #expect(clear.stdout == plain.stdout && !plain.stdout.isEmpty)
            #expect(try bytes(file(name)).contains(Array("private: sciatica".utf8)) == false)
        }
        #expect(
            try String(contentsOfFile: file("e.csv.asc"), encoding: .utf8).hasPrefix(
                "-----BEGIN AGE ENCRYPTED FILE-----\n"))

        // A report, to a recipients file, armored.
        let recipients = try write("# my laptop\n\(recipient)\n", to: "recipients.txt")
        let report = try sandbox.run(
            "report", "--format", "html", "--recipients-file", recipients, "--armor", "--output", file("r.html.age"))
        #expect(report.status == 0, "\(report)")
        let html = try execute(age, ["-d", "-i", identity, file("r.html.age")])
        #expect(html.status == 0 && html.stdout.contains("<html"))
    }

    @Test func ageDecryptsOurPassphraseBackup() throws {
        guard let age = installedByCI("age") else { return }
        try fill()
        let passphrase = try write("correct horse battery staple\n", to: "pass.txt")
        let backup = try sandbox.run("backup", "--passphrase-file", passphrase, file("b.age"))
        #expect(backup.status == 0, "\(backup)")
        let header = String(decoding: try bytes(file("b.age")).prefix(60), as: UTF8.self)
        #expect(header.hasPrefix("age-encryption.org/v1\n-> scrypt ") && header.contains(" 18\n"))
        let decrypted = file("decrypted.sqlite3")
        let opened = try onTerminal(
            [age, "-d", "-o", decrypted, file("b.age")], answers: ["correct horse battery staple"])
        #expect(opened.status == 0, "\(opened)")
        #expect(try dump(decrypted) == dump(sandbox.database))

        // The full export, encrypted with the same passphrase file, restores into a new journal by import.
        let export = try sandbox.run("export", "--all", "--passphrase-file", passphrase, "--output", file("all.age"))
        #expect(export.status == 0, "\(export)")
        let plain = try sandbox.run("export", "--all")
        sandbox.environment["JOURNAL_DB"] = file("imported.sqlite3")
        let imported = try sandbox.run("import", file("all.age"), "--passphrase-file", passphrase)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.hasPrefix("Restored 2 entries, 1 check-in"))
        #expect(try sandbox.run("export", "--all").stdout == plain.stdout)
    }

    // MARK: We read age's

    @Test func weReadWhatAgeEncrypted() throws {
        guard let age = installedByCI("age"), let ageKeygen = installedByCI("age-keygen") else { return }
        try fill()
        let (identity, recipient) = try keygen("key.txt", ageKeygen)
        let csv = try sandbox.run("export", "--output", file("plain.csv"))
        try #require(csv.status == 0)
        let plainBackup = try sandbox.run("backup", file("plain.sqlite3"))
        try #require(plainBackup.status == 0)
        let original = try dump(sandbox.database)

        // An export age encrypted to a recipient, imported into a new journal.
        #expect(try execute(age, ["-r", recipient, "-o", file("csv.age"), file("plain.csv")]).status == 0)
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        let imported = try sandbox.run("import", file("csv.age"), "--identity", identity)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.hasPrefix("Imported 2 entries"))

        // A backup age encrypted with a passphrase (typed at its terminal), restored.
        let typed = try onTerminal(
            [age, "-p", "-a", "-o", file("backup.age"), file("plain.sqlite3")], answers: ["tr0ub4dor", "tr0ub4dor"])
        try #require(typed.status == 0, "\(typed)")
        let passphrase = try write("tr0ub4dor\n", to: "pass.txt")
        sandbox.environment["JOURNAL_DB"] = file("restored.sqlite3")
        let restored = try sandbox.run("restore", file("backup.age"), "--passphrase-file", passphrase)
        #expect(restored.status == 0, "\(restored)")
        #expect(
            restored.stdout
                == "Restored 2 entries, 1 check-in, 0 reviews, 0 exercises of your own, 0 plan items and 0 PSFS "
                + "activities with 0 ratings into \(file("restored.sqlite3")).\n")
        #expect(try dump(file("restored.sqlite3"), history: false) == dump(file("plain.sqlite3"), history: false))
    }

    // MARK: Restore

    @Test func restoreRoundTripsAndKeepsWhatItReplaces() throws {
        guard let ageKeygen = installedByCI("age-keygen") else { return }
        try fill()
        let (identity, recipient) = try keygen("key.txt", ageKeygen)
        let original = try dump(sandbox.database, history: false)
        let backup = try sandbox.run("backup", "--recipient", recipient, file("b.age"))
        try #require(backup.status == 0, "\(backup)")
        try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "2", "--hold", "30")
        let changed = try dump(sandbox.database)

        // Over an existing journal: refused without --force, and nothing is asked or changed.
        let refused = try sandbox.run("restore", file("b.age"), "--identity", identity)
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stderr.contains("already holds a journal; pass --force"))
        #expect(try dump(sandbox.database) == changed)

        let restored = try sandbox.run("restore", file("b.age"), "--identity", identity, "--force")
        #expect(restored.status == 0, "\(restored)")
        #expect(try dump(sandbox.database, history: false) == original)
        let kept = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter {
            $0.hasPrefix("journal.sqlite3.before-restore-")
        }
        try #require(kept.count == 1)
        #expect(restored.stderr.contains(kept[0]))
        var info = stat()
        #expect(stat(file(kept[0]), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try dump(file(kept[0])) == changed)
        // The restored journal works: entries can be added to it.
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(try sandbox.entryCount() == 3)
    }

    @Test func refusalsChangeNothing() throws {
        guard let ageKeygen = installedByCI("age-keygen") else { return }
        try fill()
        let (identity, recipient) = try keygen("key.txt", ageKeygen)
        let (otherIdentity, _) = try keygen("other.txt", ageKeygen)
        try #require(try sandbox.run("backup", "--recipient", recipient, file("b.age")).status == 0)
        try #require(try sandbox.run("export", "--recipient", recipient, "--output", file("e.csv.age")).status == 0)
        let good = try bytes(file("b.age"))
        let headerEnd = try #require(good.firstRange(of: Array("\n--- ".utf8))).upperBound

        var damaged: [(String, [UInt8], Int32)] = [
            ("truncated", Array(good.dropLast(100)), 65),
            ("truncated in its header", Array(good.prefix(headerEnd - 20)), 65),
            ("empty", [], 65),
        ]
        var flipped = good
        flipped[good.count / 2] ^= 0x01
        damaged.append(("a flipped byte", flipped, 65))
        var mac = good
        mac[headerEnd + 3] = mac[headerEnd + 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        damaged.append(("a changed header MAC", mac, 65))
        damaged.append(("not age", Array("just some text\n".utf8), 65))
        let before = try dump(sandbox.database)
        let folder = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted()
        for (what, content, status) in damaged {
            try Data(content).write(to: URL(fileURLWithPath: file("damaged.age")))
            let run = try sandbox.run("restore", file("damaged.age"), "--identity", identity, "--force")
            #expect(run.status == status, "\(what): \(run)")
            #expect(run.stderr.contains("Nothing was"), "\(what): \(run)")
        }
        let wrongKey = try sandbox.run("restore", file("b.age"), "--identity", otherIdentity, "--force")
        #expect(wrongKey.status == 77, "\(wrongKey)")
        #expect(wrongKey.stderr.contains("not encrypted to the identity given"))
        let noKey = try sandbox.run("restore", file("b.age"), "--force", "--passphrase-file", file("key.txt"))
        #expect(noKey.status == 64, "\(noKey)")
        let wrongImport = try sandbox.run("import", file("e.csv.age"), "--identity", otherIdentity)
        #expect(wrongImport.status == 77, "\(wrongImport)")
        var truncatedExport = try bytes(file("e.csv.age"))
        truncatedExport.removeLast(5)
        try Data(truncatedExport).write(to: URL(fileURLWithPath: file("damaged.age")))
        let damagedImport = try sandbox.run("import", file("damaged.age"), "--identity", identity)
        #expect(damagedImport.status == 65, "\(damagedImport)")
        // A plain SQLite file that is not a journal.
        _ = try execute(try tool("sqlite3"), [file("other.sqlite3"), "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        let notJournal = try sandbox.run("restore", file("other.sqlite3"), "--force")
        #expect(notJournal.status == 65, "\(notJournal)")
        #expect(notJournal.stderr.contains("not a journal"))

        #expect(try dump(sandbox.database) == before)
        try FileManager.default.removeItem(atPath: file("damaged.age"))
        try FileManager.default.removeItem(atPath: file("other.sqlite3"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted() == folder)
    }

    // MARK: Passphrases

    @Test func passphraseFilesMustBePrivateAndHoldOne() throws {
        try fill()
        let open = try write("hunter2\n", to: "open.txt", mode: 0o644)
        let run = try sandbox.run("backup", "--passphrase-file", open, file("b.age"))
        #expect(run.status == 77, "\(run)")
        #expect(run.stderr.contains("chmod 600"))
        let empty = try write("\nsecond line\n", to: "empty.txt")
        let emptyRun = try sandbox.run("export", "--passphrase-file", empty, "--output", file("e.age"))
        #expect(emptyRun.status == 64, "\(emptyRun)")
        // A valid recipient with a passphrase: refused for the mixture itself, not for the key.
        let recipient = "age1nh60kjzjv2da4tuk2ujewl67w43dven0zq9gnhprkgc2upq4ncwqq7nvdd"
        for passphrase in [["--encrypt"], ["--passphrase-file", open]] {
            let mixed = try sandbox.run(["backup"] + passphrase + ["--recipient", recipient, file("b.age")])
            #expect(mixed.status == 64, "\(mixed)")
            #expect(mixed.stderr.contains("encrypt either with a passphrase"), "\(mixed)")
        }
        let badRecipient = try sandbox.run("backup", "--recipient", "age1notakey", file("b.age"))
        #expect(badRecipient.status == 64, "\(badRecipient)")
        #expect(!FileManager.default.fileExists(atPath: file("b.age")))
        #expect(!FileManager.default.fileExists(atPath: file("e.age")))
        if let setsid = which("setsid") {
            // No terminal to ask on: refused rather than waiting.
            let noTerminal = try execute(
                setsid, ["--wait", Sandbox.binary.path, "backup", "--encrypt", file("b.age")],
                environment: sandbox.environment)
            #expect(noTerminal.status == 64, "\(noTerminal)")
            #expect(noTerminal.stderr.contains("--passphrase-file"))
        }
    }

    @Test func aPassphraseIsAskedTwiceWithoutEcho() throws {
        try fill()
        let journal = Sandbox.binary.path
        let made = try onTerminal(
            [journal, "backup", "--encrypt", file("b.age")], answers: ["s3cret phrase", "s3cret phrase"])
        #expect(made.status == 0, "\(made)")
        #expect(made.stdout.contains("Passphrase for the encrypted file: "))
        #expect(made.stdout.contains("The same passphrase again: "))
        #expect(!made.stdout.contains("s3cret"), "the passphrase was echoed: \(made.stdout)")
        let differ = try onTerminal([journal, "backup", "--encrypt", file("c.age")], answers: ["one", "two"])
        #expect(differ.status == 64, "\(differ)")
        #expect(differ.stdout.contains("the two passphrases differ"))
        #expect(!FileManager.default.fileExists(atPath: file("c.age")))
        // Restored with the passphrase typed once.
        sandbox.environment["JOURNAL_DB"] = file("restored.sqlite3")
        let restored = try onTerminal([journal, "restore", file("b.age")], answers: ["s3cret phrase"])
        #expect(restored.status == 0, "\(restored)")
        #expect(try dump(file("restored.sqlite3"), history: false) == dump(file("journal.sqlite3"), history: false))
        let wrong = try onTerminal(
            [journal, "restore", file("b.age"), "--db", file("again.sqlite3")], answers: ["nope"])
        #expect(wrong.status == 77, "\(wrong)")
        #expect(!FileManager.default.fileExists(atPath: file("again.sqlite3")))
    }

    // MARK: No plaintext on disk

    @Test func aKilledEncryptedBackupLeavesNoPlaintextCopy() throws {
        guard let ageKeygen = installedByCI("age-keygen") else { return }
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        _ = try sandbox.sql(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
            INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, note,
                                 created_at, recorded)
            SELECT \(RecordSQL.uid(sql: "i")), 'bird-dog', 1700000000 + i, 0, 1, 3, 3,
                   printf('%.300c', 'x'), 1700000000 + i, \(RecordSQL.latestReading) FROM n
            """)
        let (_, recipient) = try keygen("key.txt", ageKeygen)
        try FileManager.default.createDirectory(atPath: file("out"), withIntermediateDirectories: true)
        let journalFiles = Set(["journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"])
        /// Every file under the sandbox (the output folder and $TMPDIR too) holding SQLite's header, but the journal.
        func plaintextCopies() throws -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: sandbox.directory)
            var found: [String] = []
            while let name = enumerator?.nextObject() as? String {
                let path = file(name)
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, !journalFiles.contains(name) else {
                    continue
                }
                if try bytes(path).firstRange(of: Array("SQLite format 3\0".utf8)) != nil { found.append(name) }
            }
            return found
        }

        let whole = try sandbox.run("backup", "--recipient", recipient, file("out/whole.age"))
        #expect(whole.status == 0, "\(whole)")
        try FileManager.default.removeItem(atPath: file("out/whole.age"))
        #expect(try plaintextCopies() == [])

        // kill -9 once the first encrypted block has reached the file (the stop point `output-writing`).
        let child = try Child(
            sandbox, ["backup", "--recipient", recipient, file("out/b.age")], stopAt: "output-writing")
        try #require(child.waitForStop(), "the backup ended (\(child.wait())) before it wrote: \(child.stderr)")
        #expect(try plaintextCopies() == [], "while the backup was writing")
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        #expect(try plaintextCopies() == [], "after kill -9")
    }
}
