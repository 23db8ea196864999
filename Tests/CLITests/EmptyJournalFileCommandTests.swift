import Foundation
import Testing

/// A journal file emptied to 0 bytes (a sync tool, a failed copy) after a red flag was recorded:
/// every screen says what `journal doctor` says of it, never "nothing stands".
@Suite struct EmptyJournalFileCommandTests {
    let sandbox = Sandbox()

    var emptied: String {
        "journal: cannot read \(sandbox.database): it is an empty file (0 bytes) and holds no journal; if it held "
            + "one, put a backup back (`journal restore BACKUP`), otherwise `journal log` starts a journal in it.\n"
    }

    func empty() throws {
        let handle = try #require(FileHandle(forWritingAtPath: sandbox.database))
        try handle.truncate(atOffset: 0)
        try handle.close()
    }

    func size() throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: sandbox.database)[.size] as? Int)
    }

    @Test func everyScreenRefusesAnEmptiedJournalAsDoctorDoes() throws {
        let recorded = try sandbox.run("checkin", "--pain", "3", "--red-flag", "saddle-numbness", "--at", "09:00")
        #expect(recorded.status == 0, "\(recorded)")
        let backup = sandbox.directory + "/b.sqlite3"
        try sandbox.change("backup", backup)
        try empty()

        for arguments in [
            ["check"], ["check", "--json"], ["today"], ["today", "--json"], ["report"], ["list"], ["checkins"],
            ["plan"], ["psfs"], ["session"], ["config", "get", "region"], ["export"], ["export", "--all"],
            ["backup"], ["doctor"], ["doctor", "--json"],
        ] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 66, "\(arguments): \(run)")
            #expect(run.stdout == "", "\(arguments): \(run)")
            #expect(run.stderr == emptied, "\(arguments): \(run)")
        }
        #expect(try size() == 0)

        // The backup goes back into the empty file without --force: it held nothing to keep.
        let restore = try sandbox.run("restore", backup)
        #expect(restore.status == 0, "\(restore)")
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        #expect(check.stdout.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(check)")
    }

    @Test func aChangeStartsAJournalInAnEmptyFileAndSaysSo() throws {
        #expect(
            FileManager.default.createFile(
                atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "journal: \(sandbox.database) was an empty file (0 bytes) holding no journal; this change "
                + "started a new journal in it. If it held a journal before, `journal restore BACKUP --force` puts "
                + "a backup back (this journal is kept beside it).\n")
        #expect(try sandbox.entryCount() == 1)
        // Once a journal, it is read as one, and nothing more is said.
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr == "")
    }

    /// A built-in exercise's page is the catalogue's and needs no journal: shown (exit 0) with no
    /// journal, an empty file or one that cannot be read, the last two said on stderr as `safety`
    /// says them; `exercises` (the list holds your own) and one of your own are the journal's, and
    /// refused with it, as docs/usage.md says.
    @Test func aBuiltInExercisesPageNeedsNoJournal() throws {
        let page = try sandbox.run("exercises", "show", "glute-bridge")
        #expect(page.status == 0, "\(page)")
        #expect(page.stdout.hasPrefix("Glute bridge (glute-bridge)\nCategory: stability\n"), "\(page)")
        #expect(page.stderr == "", "\(page)")
        let pageJSON = try sandbox.run("exercises", "show", "glute-bridge", "--json")
        #expect(pageJSON.status == 0, "\(pageJSON)")
        let list = try sandbox.run("exercises")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("glute-bridge"), "\(list)")
        #expect(list.stderr == "", "\(list)")
        let safety = try sandbox.run("safety")
        #expect(safety.status == 0, "\(safety)")
        #expect(safety.stderr == "", "\(safety)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))

        /// The line a built-in page and `safety` print when the journal cannot be read, `error` its sentence.
        func couldNotRead(_ error: Substring) -> (page: String, safety: String) {
            (
                "journal: could not read the journal (\(error)); a built-in exercise's page is the catalogue's and "
                    + "needs none.\n",
                "journal: could not read the journal's region setting (\(error)); using the environment's.\n"
            )
        }

        // An empty file: the page and the advice, each saying why the journal was not read; the list refused.
        #expect(
            FileManager.default.createFile(
                atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let emptyError = emptied.dropFirst("journal: ".count).dropLast()
        for (arguments, expected) in [
            (["exercises", "show", "glute-bridge"], page.stdout),
            (["exercises", "show", "glute-bridge", "--json"], pageJSON.stdout),
        ] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run)")
            #expect(run.stdout == expected, "\(arguments): \(run)")
            #expect(run.stderr == couldNotRead(emptyError).page, "\(arguments): \(run)")
        }
        let emptySafety = try sandbox.run("safety")
        #expect(emptySafety.status == 0, "\(emptySafety)")
        #expect(emptySafety.stdout == safety.stdout, "\(emptySafety)")
        #expect(emptySafety.stderr == couldNotRead(emptyError).safety, "\(emptySafety)")
        for arguments in [["exercises"], ["exercises", "list"], ["exercises", "show", "my-own"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 66, "\(arguments): \(run)")
            #expect(run.stdout == "", "\(arguments): \(run)")
            #expect(run.stderr == emptied, "\(arguments): \(run)")
        }
        #expect(try size() == 0)

        // A journal that cannot be read (a symbolic link that leads to itself): the same.
        try FileManager.default.removeItem(atPath: sandbox.database)
        try FileManager.default.createSymbolicLink(atPath: sandbox.database, withDestinationPath: sandbox.database)
        let loop = try sandbox.run("exercises")
        #expect(loop.status == 66, "\(loop)")
        #expect(loop.stdout == "", "\(loop)")
        let loopError = loop.stderr.dropFirst("journal: ".count).dropLast()
        #expect(
            loopError == "cannot read \(sandbox.database): it is a symbolic link that leads round in a loop, never to "
                + "a file; point --db or JOURNAL_DB at a journal file.", "\(loop)")
        let loopPage = try sandbox.run("exercises", "show", "glute-bridge")
        #expect(loopPage.status == 0, "\(loopPage)")
        #expect(loopPage.stdout == page.stdout, "\(loopPage)")
        #expect(loopPage.stderr == couldNotRead(loopError).page, "\(loopPage)")
        let loopSafety = try sandbox.run("safety")
        #expect(loopSafety.status == 0, "\(loopSafety)")
        #expect(loopSafety.stderr == couldNotRead(loopError).safety, "\(loopSafety)")
        #expect(try sandbox.run("exercises", "show", "my-own").status == 66)
    }

    /// What a command does with a journal file emptied to 0 bytes: every command keeps one rule,
    /// decided where the journal is opened.
    enum OnAnEmptyFile {
        /// Shows the journal, or changes a record the journal would hold: refused, exit 66, left 0 bytes.
        case refuses
        /// Adds a record: starts a journal in the file and says so; the failing arguments leave it 0 bytes.
        case startsAJournal(failing: [String])
        /// `safety`: advice never waits on storage; it says why it used the environment's region.
        case showsAdviceAnyway
        /// `restore`: puts a backup into the file without --force, as it holds nothing to keep.
        case fillsIt
    }

    /// Every command `journal --help` lists (and each of its subcommands), with arguments that would
    /// succeed on a journal holding entry 1, check-in 1, activity 1 and an exercise my-own, and what
    /// it must do on an empty file; a command added to the tool and not here fails the test below.
    static let everyCommand: [String: (arguments: [String], expected: OnAnEmptyFile)] = [
        "log": (
            ["bird-dog", "--pain-before", "3", "--pain-after", "3"],
            .startsAJournal(failing: [
                "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-26 09:00",
            ])
        ),
        "today": ([], .refuses),
        "session": ([], .refuses),
        "checkin": (["--pain", "3"], .startsAJournal(failing: ["--pain", "3", "--at", "2026-11-26 09:00"])),
        "checkins list": ([], .refuses),
        "checkins edit": (["1", "--pain", "4"], .refuses),
        "checkins delete": (["1"], .refuses),
        "list": ([], .refuses),
        "report": ([], .refuses),
        "check": ([], .refuses),
        "safety": ([], .showsAdviceAnyway),
        "export": ([], .refuses),
        "import": (["IMPORT"], .startsAJournal(failing: ["BAD-IMPORT"])),
        "resume": (["bird-dog"], .refuses),
        "psfs show": ([], .refuses),
        "psfs add": (["putting on socks"], .startsAJournal(failing: ["putting on socks", "--at", "2026-11-26 09:00"])),
        "psfs remove": (["1"], .refuses),
        "psfs rate": (["1", "5"], .refuses),
        "edit": (["1", "--pain-after", "4"], .refuses),
        "delete": (["1"], .refuses),
        "undo": ([], .refuses),
        "exercises list": ([], .refuses),
        "exercises show": (["my-own"], .refuses),
        "exercises add": (
            ["wall-squat", "--name", "Wall squat", "--category", "stability"],
            .startsAJournal(failing: ["wall-squat", "--name", "Wall squat", "--category", "stability", "--how-to", "-"])
        ),
        "exercises edit": (["my-own", "--name", "Mine"], .refuses),
        "exercises remove": (["my-own"], .refuses),
        "plan show": ([], .refuses),
        "plan set": (
            ["bird-dog", "--sets", "3", "--reps", "8", "--per-week", "7"],
            .startsAJournal(failing: ["my-own", "--sets", "3", "--reps", "8", "--per-week", "7"])
        ),
        "plan remove": (["bird-dog"], .refuses),
        "backup": ([], .refuses),
        "restore": (["BACKUP"], .fillsIt),
        "doctor": ([], .refuses),
        "config get": (["region"], .refuses),
        "config set": (["region", "IE"], .startsAJournal(failing: ["region", "XX"])),
        "config unset": (["region"], .refuses),
        "sync now": ([], .refuses),
        "sync init": (["FOLDER", "--passphrase-file", "PASSPHRASE"], .refuses),
        "sync status": ([], .refuses),
        "sync leave": ([], .refuses),
    ]

    /// The commands `journal --help` lists, each group's subcommands in place of the group: "checkins edit".
    func listedCommands(under group: [String] = []) throws -> [String] {
        let help = try sandbox.run(group + ["--help"])
        try #require(help.status == 0, "\(group): \(help)")
        guard let section = help.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else {
            return [group.joined(separator: " ")]
        }
        var commands: [String] = []
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            // A name starts two spaces in; longer indents continue the line above.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                continue
            }
            commands += try listedCommands(under: group + [String(name)])
        }
        return commands
    }

    @Test func everyCommandKeepsOneRuleForAnEmptyFile() throws {
        let listed = try listedCommands()
        #expect(Set(listed) == Set(Self.everyCommand.keys), "\(listed.sorted())")
        #expect(listed.count == Self.everyCommand.count, "\(listed)")

        let csv =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\n"
        let imported = sandbox.directory + "/import.csv"
        try (csv + "1,2026-11-20T07:30:00+00:00,glute-bridge,,3,10,,4,3,-1,false,\n").write(
            toFile: imported, atomically: true, encoding: .utf8)
        let badImport = sandbox.directory + "/bad.csv"
        try (csv + "1,2026-11-20T07:30:00+00:00,glute-bridge,,3,10,,4,11,7,true,\n").write(
            toFile: badImport, atomically: true, encoding: .utf8)
        let backup = sandbox.directory + "/backup.sqlite3"
        let other = sandbox.directory + "/other.sqlite3"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--db", other)
        try sandbox.change("backup", backup, "--db", other)
        let passphrase = sandbox.directory + "/passphrase"
        try "a passphrase\n".write(toFile: passphrase, atomically: true, encoding: .utf8)
        chmod(passphrase, 0o600)
        func filled(_ arguments: [String]) -> [String] {
            arguments.map {
                switch $0 {
                case "PASSPHRASE": passphrase
                case "FOLDER": sandbox.directory + "/sync"
                case "IMPORT": imported
                case "BAD-IMPORT": badImport
                case "BACKUP": backup
                default: $0
                }
            }
        }
        let started =
            "journal: \(sandbox.database) was an empty file (0 bytes) holding no journal; this change started a new "
            + "journal in it. If it held a journal before, `journal restore BACKUP --force` puts a backup back (this "
            + "journal is kept beside it).\n"

        for (command, (arguments, expected)) in Self.everyCommand.sorted(by: { $0.key < $1.key }) {
            try? FileManager.default.removeItem(atPath: sandbox.database)
            #expect(
                FileManager.default.createFile(
                    atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o600]))
            let words = command.split(separator: " ").map(String.init)
            switch expected {
            case .refuses:
                let run = try sandbox.run(words + filled(arguments))
                #expect(run.status == 66, "\(command): \(run)")
                #expect(run.stdout == "", "\(command): \(run)")
                #expect(run.stderr.hasSuffix(emptied), "\(command): \(run)")
                #expect(try size() == 0, "\(command)")
            case .startsAJournal(let failing):
                let failed = try sandbox.run(words + filled(failing), stdin: "")
                #expect(failed.status != 0, "\(command) \(failing): \(failed)")
                #expect(!failed.stderr.contains("this change started"), "\(command) \(failing): \(failed)")
                #expect(try size() == 0, "\(command) \(failing)")
                let run = try sandbox.run(words + filled(arguments))
                #expect(run.status == 0, "\(command): \(run)")
                #expect(run.stderr.contains(started), "\(command): \(run)")
                #expect(try sandbox.sql("PRAGMA application_id") == "1246907980\n", "\(command)")
            case .showsAdviceAnyway:
                let run = try sandbox.run(words + filled(arguments))
                #expect(run.status == 0, "\(command): \(run)")
                #expect(run.stdout.contains("999"), "\(command): \(run)")
                #expect(
                    run.stderr
                        == "journal: could not read the journal's region setting (\(emptied.dropFirst("journal: ".count).dropLast())); "
                        + "using the environment's.\n", "\(command): \(run)")
                #expect(try size() == 0, "\(command)")
            case .fillsIt:
                let run = try sandbox.run(words + filled(arguments))
                #expect(run.status == 0, "\(command): \(run)")
                #expect(try sandbox.entryCount() == 1, "\(command)")
            }
        }
    }

    /// A journal truncated to 0 bytes by a sync tool that left its log beside it is not an empty journal.
    ///
    /// Every command refuses it, naming the log, and
    /// never deletes or overwrites the log (SQLite would delete it on opening the empty file).
    @Test func anEmptyFileWithALogBesideItIsRefusedByEveryCommandAndTheLogKept() throws {
        let backup = sandbox.directory + "/backup.sqlite3"
        let other = sandbox.directory + "/other.sqlite3"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--db", other)
        try sandbox.change("backup", backup, "--db", other)
        let imported = sandbox.directory + "/import.csv"
        try
            ("id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\n"
            + "1,2026-11-20T07:30:00+00:00,glute-bridge,,3,10,,4,3,-1,false,\n").write(
                toFile: imported, atomically: true, encoding: .utf8)
        for (suffix, what) in [("-wal", "write-ahead log"), ("-journal", "rollback journal")] {
            try? FileManager.default.removeItem(atPath: sandbox.database + "-wal")
            try? FileManager.default.removeItem(atPath: sandbox.database + "-journal")
            #expect(FileManager.default.createFile(atPath: sandbox.database, contents: Data()))
            let log = Data(repeating: 0xA5, count: 16384)
            #expect(FileManager.default.createFile(atPath: sandbox.database + suffix, contents: log))
            let refused =
                "journal: cannot read \(sandbox.database): it is an empty file (0 bytes), but \(sandbox.database)"
                + "\(suffix) beside it holds 16384 bytes of a journal's changes (its \(what)): a sync tool or a "
                + "failed copy may have truncated the journal. Nothing was changed. Keep both files, together (the "
                + "sync tool's history may hold the journal whole); to start again from a backup, move both aside, "
                + "then `journal restore BACKUP`.\n"
            for arguments in [
                ["checkins"], ["doctor"], ["check"], ["list"], ["undo"], ["checkin", "--pain", "5"],
                ["log", "bird-dog", "--pain-before", "3", "--pain-after", "3"], ["import", imported],
                ["restore", backup], ["restore", backup, "--force"],
            ] {
                let run = try sandbox.run(arguments)
                #expect(run.status == 66, "\(suffix) \(arguments): \(run)")
                #expect(run.stdout == "", "\(suffix) \(arguments): \(run)")
                #expect(run.stderr.hasSuffix(refused), "\(suffix) \(arguments): \(run)")
                #expect(try size() == 0, "\(suffix) \(arguments)")
                #expect(FileManager.default.contents(atPath: sandbox.database + suffix) == log, "\(arguments)")
            }
        }
    }

    /// A restore into an empty file builds the journal beside it and renames it over it (0600, never
    /// half made in place); it replaced no journal, so it keeps none and says nothing of one.
    @Test func aRestoreIntoAnEmptyFileKeepsNothingAndLeavesThePrivateMode() throws {
        let backup = sandbox.directory + "/backup.sqlite3"
        let other = sandbox.directory + "/other.sqlite3"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--db", other)
        try sandbox.change("backup", backup, "--db", other)
        #expect(
            FileManager.default.createFile(
                atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o644]))
        let restore = try sandbox.run("restore", backup)
        #expect(restore.status == 0, "\(restore)")
        #expect(restore.stdout.hasPrefix("Restored 1 entry, 0 check-ins"), "\(restore)")
        #expect(restore.stderr == "", "\(restore)")
        #expect(try sandbox.entryCount() == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: sandbox.database)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory)
        #expect(!files.contains { $0.contains("before-restore") || $0.hasPrefix(".journal-") }, "\(files)")
        // Nothing to put back: the restore replaced no journal.
        let undo = try sandbox.run("undo")
        #expect(!undo.stdout.contains("restore") && !undo.stderr.contains("before-restore"), "\(undo)")
        #expect(try sandbox.entryCount() == 1)
    }

    /// The new journal takes the place of the empty file a symbolic link names, never of the link.
    @Test func aJournalStartedThroughALinkGoesWhereTheLinkPoints() throws {
        let synced = sandbox.directory + "/synced"
        try FileManager.default.createDirectory(atPath: synced, withIntermediateDirectories: true)
        let target = synced + "/journal.sqlite3"
        #expect(
            FileManager.default.createFile(atPath: target, contents: Data(), attributes: [.posixPermissions: 0o600]))
        try FileManager.default.createSymbolicLink(atPath: sandbox.database, withDestinationPath: target)

        let failed = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-26 09:00")
        #expect(failed.status != 0, "\(failed)")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int == 0)
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 0, "\(run)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.database) == target)
        #expect(try sandbox.entryCount() == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: synced).sorted() == ["journal.sqlite3"])
    }

    @Test func aPathWithNoFileStillReadsAsAJournalNotYetBegun() throws {
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout == "No safety findings stand today.\n")
        #expect(try sandbox.run("today").status == 0)
        let doctor = try sandbox.run("doctor")
        #expect(doctor.status == 66, "\(doctor)")
        #expect(
            doctor.stderr
                == "journal: cannot read \(sandbox.database): there is no journal there yet; `journal log` starts one.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// An empty file (0 bytes) at the journal's place, mode 0600.
    func makeEmptyFile() {
        #expect(
            FileManager.default.createFile(
                atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o600]))
    }

    /// What a change says when another command put a journal in the empty file while it made its own.
    var savedInAnother: String {
        "journal: \(sandbox.database) was an empty file (0 bytes) holding no journal when this command began; another "
            + "journal command put a journal in it meanwhile, and this change was saved in that one.\n"
    }

    /// Issue #25: three writers at once on an empty file; only the one that started the journal says so.
    ///
    /// Each builds its journal while the file is still empty (stopped at `new-journal-made`), then
    /// they go on one by one: the first's journal takes the file's place and it says it started
    /// it; the two others find that journal there, log into it and say so.
    @Test func ofThreeWritersOnAnEmptyFileOnlyTheOneThatStartedTheJournalSaysSo() throws {
        makeEmptyFile()
        let writers = try (1...3).map { pain in
            try Child(
                sandbox, ["log", "bird-dog", "--pain-before", "3", "--pain-after", "\(pain)"],
                stopAt: "new-journal-made")
        }
        for writer in writers { try #require(writer.waitForStop()) }
        #expect(try size() == 0)
        for writer in writers {
            writer.resume()
            #expect(writer.wait() == 0, "\(writer.stderr)")
        }
        let logged: [String] = writers.map { String($0.stdout.prefix(18)) }
        #expect(logged == ["Logged #1 bird-dog", "Logged #2 bird-dog", "Logged #3 bird-dog"])
        #expect(
            writers[0].stderr
                == "journal: \(sandbox.database) was an empty file (0 bytes) holding no journal; this change "
                + "started a new journal in it. If it held a journal before, `journal restore BACKUP --force` puts "
                + "a backup back (this journal is kept beside it).\n")
        #expect(writers[1].stderr == savedInAnother)
        #expect(writers[2].stderr == savedInAnother)
        #expect(
            try sandbox.sql(
                "SELECT group_concat(id || ':' || pain_after) FROM (SELECT * FROM entries_with_ids ORDER BY id)")
                == "1:1,2:2,3:3\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory)
        #expect(!files.contains { $0.hasPrefix(".journal-") }, "\(files)")
    }

    /// Issue #25: `restore` into an empty file races `log`; the restore, stopped holding the file's
    /// lock (`empty-file-locked`), makes a log meanwhile say it is busy (75, nothing saved) when
    /// it may not wait, and wait when it may.
    ///
    /// The file ends as the restored journal, whole, with the waiting log's entry after it; the
    /// restore says what it restored, and the log that it saved into a journal another command put there.
    @Test func aLogWhileARestoreHoldsTheEmptyFileSaysBusyOrWaits() throws {
        let backup = sandbox.directory + "/backup.sqlite3"
        let other = sandbox.directory + "/other.sqlite3"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--db", other)
        try sandbox.change("backup", backup, "--db", other)
        makeEmptyFile()
        let restore = try Child(sandbox, ["restore", backup], stopAt: "empty-file-locked")
        try #require(restore.waitForStop())

        sandbox.environment["JOURNAL_BUSY_TIMEOUT"] = "0"
        let busy = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2")
        #expect(busy.status == 75, "\(busy)")
        #expect(busy.stdout == "", "\(busy)")
        #expect(
            busy.stderr
                == "journal: \(sandbox.database) stayed locked by another program for too long; nothing was saved. "
                + "Try again in a moment.\n", "\(busy)")
        #expect(try size() == 0)

        // A log that may wait has built its own journal while the file was empty, then goes on.
        sandbox.environment["JOURNAL_BUSY_TIMEOUT"] = "600"
        let waiting = try Child(
            sandbox, ["log", "glute-bridge", "--pain-before", "2", "--pain-after", "2"], stopAt: "new-journal-made")
        try #require(waiting.waitForStop())
        waiting.resume()
        restore.resume()
        #expect(restore.wait() == 0, "\(restore.stderr)")
        #expect(restore.stdout.hasPrefix("Restored 1 entry, 0 check-ins"), "\(restore.stdout)")
        #expect(restore.stderr == "")
        #expect(waiting.wait() == 0, "\(waiting.stderr)")
        #expect(waiting.stdout.hasPrefix("Logged #2 glute-bridge"), "\(waiting.stdout)")
        #expect(waiting.stderr == savedInAnother)
        #expect(try sandbox.sql("PRAGMA integrity_check") == "ok\n")
        #expect(
            try sandbox.sql(
                "SELECT group_concat(id || ':' || exercise_id) FROM (SELECT * FROM entries_with_ids ORDER BY id)")
                == "1:bird-dog,2:glute-bridge\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory)
        #expect(!files.contains { $0.contains("before-restore") || $0.hasPrefix(".journal-") }, "\(files)")
    }
}
