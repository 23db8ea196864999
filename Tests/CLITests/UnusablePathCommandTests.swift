import Foundation
import Testing

/// A journal path that can hold no journal (a device, a FIFO, a folder, a symbolic-link loop, a
/// path through a file) is refused before SQLite opens it, saying what it is (issue #25): 66 for a
/// command that reads, 73 for one that would create the journal; nothing is made beside it.
@Suite struct UnusablePathCommandTests {
    let sandbox = Sandbox()

    /// The sandbox folder's names, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted()
    }

    /// Runs `log` and `list` with `JOURNAL_DB` set to `path` and checks both refusals, whole.
    func expectRefused(_ path: String, what: String) throws {
        sandbox.environment["JOURNAL_DB"] = path
        let before = try names()
        let log = try sandbox.run("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(log.status == 73, "\(log)")
        #expect(log.stdout == "")
        #expect(log.stderr == "journal: cannot create \(path): \(what). Choose another place with --db.\n")
        let list = try sandbox.run("list")
        #expect(list.status == 66, "\(list)")
        #expect(list.stdout == "")
        #expect(
            list.stderr == "journal: cannot read \(path): \(what); point --db or JOURNAL_DB at a journal file.\n")
        #expect(try names() == before)
    }

    @Test func aDeviceIsRefusedAndNothingIsMadeBesideIt() throws {
        try expectRefused("/dev/null", what: "it is a device, not a file, and a journal is kept only in a file")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-wal"))
    }

    @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let fifo = sandbox.directory + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        try expectRefused(fifo, what: "it is a named pipe (FIFO), not a file, and a journal is kept only in a file")
    }

    @Test func aSymbolicLinkLoopIsRefused() throws {
        let loop = sandbox.directory + "/loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        try expectRefused(loop, what: "it is a symbolic link that leads round in a loop, never to a file")
    }

    @Test func aPathThroughAFileNamesTheFile() throws {
        let file = sandbox.directory + "/notes.txt"
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: file))
        try expectRefused(
            file + "/journal.sqlite3", what: "\(file) is a file, not a folder, so nothing can be kept in it")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "my notes\n")
    }

    @Test func aFolderIsRefusedNamingAFileInIt() throws {
        let folder = sandbox.directory + "/journals"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try expectRefused(
            folder, what: "it is a folder, not a file; name a journal file in it, such as \(folder)/journal.sqlite3")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func theDbOptionIsRefusedAsTheVariableIs() throws {
        let run = try sandbox.run("check", "--db", "/dev/null")
        #expect(run.status == 66)
        #expect(run.stdout == "")
        #expect(
            run.stderr == "journal: cannot read /dev/null: it is a device, not a file, and a journal is kept only "
                + "in a file; point --db or JOURNAL_DB at a journal file.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}

/// Numbers and answers out of bounds say the bounds (issue #25).
@Suite struct BoundsSaidCommandTests {
    let sandbox = Sandbox()

    @Test(arguments: [["list"], ["checkins", "list"]])
    func aHugeLimitSaysTheAcceptedRange(command: [String]) throws {
        for text in ["99999999999999999999", "1000001", "0"] {
            let run = try sandbox.run(command + ["--limit", text])
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr.hasPrefix(
                    "Error: The value '\(text)' is invalid for '--limit <n>': limit must be a whole number from 1 "
                        + "to 1000000; got \"\(text)\".\n"), "\(run)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        }
    }

    @Test func aLimitWithinRangeStillLists() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-20 08:00")
        let run = try sandbox.run("list", "--limit", "1000000", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\"exercise\" : \"glute-bridge\""), "\(run)")
    }

    @Test func anAnswerOver4096BytesEndsTheSessionWithUsageStatus() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "pelvic-tilt", "--sets", "2", "--reps", "8", "--per-week", "3")
        // pelvic-tilt answered in full (pain 3, the plan's dose, pain 2), then glute-bridge's pain before too long.
        let long = String(repeating: "9", count: 4097)
        let run = try sandbox.run(["session", "pelvic-tilt", "glute-bridge"], stdin: "3\n\n2\n\(long)\n4\n\n3\n")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "Logged #1 pelvic-tilt: 2 × 8 reps, pain 3 → 2, at 2026-11-25 12:00 (UTC+00:00).\n")
        #expect(
            run.stderr.contains(
                "\njournal: line 4 of standard input: an answer longer than 4096 bytes is more than any answer "
                    + "needs, so it was not read.\nThe session ends there: 1 entry saved, nothing after line 4.\n"),
            "\(run)")
        #expect(try sandbox.sql("SELECT exercise_id, pain_before, pain_after FROM entries") == "pelvic-tilt|3|2\n")
    }
}

/// Import's words for what it skipped and for standard input it cannot read (issue #25).
@Suite struct ImportWordsCommandTests {
    let sandbox = Sandbox()

    /// Runs `script` in `sh` with `$JOURNAL` naming the binary.
    func shell(_ script: String) throws -> Run {
        var environment = sandbox.environment
        environment["JOURNAL"] = Sandbox.binary.path
        return try execute("/bin/sh", ["-c", script], environment: environment)
    }

    static let header =
        "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"

    @Test func aRowRepeatedInTheFileIsNotSaidToBeInTheJournal() throws {
        let row = "5,2026-11-20T07:10:00Z,glute-bridge,,1,10,,3,2,,,\r\n"
        let file = sandbox.directory + "/twice.csv"
        try Data((Self.header + row + row).utf8).write(to: URL(fileURLWithPath: file))
        let first = try sandbox.run("import", file)
        #expect(first.status == 0, "\(first)")
        #expect(
            first.stdout == "Imported 1 entry; skipped 0 already in the journal and 1 repeating an earlier row of "
                + "the file (the same id and values).\n")
        #expect(first.stderr == "")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "5|glute-bridge\n")
        let again = try sandbox.run("import", file, "--json")
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout == "{\n  \"added\" : 0,\n  \"skipped\" : 2\n}\n")
        let other = sandbox.directory + "/other.csv"
        let new = "6,2026-11-21T07:10:00Z,glute-bridge,,1,10,,3,2,,,\r\n"
        try Data((Self.header + new + new + row).utf8).write(to: URL(fileURLWithPath: other))
        let json = try sandbox.run("import", other, "--json")
        #expect(json.stdout == "{\n  \"added\" : 1,\n  \"repeated\" : 1,\n  \"skipped\" : 1\n}\n", "\(json)")
        #expect(try sandbox.entryCount() == 2)
    }

    @Test func aKeyFileOverItsLimitIsRefusedInAKeyFilesWords() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2")
        let keys = sandbox.directory + "/keys.txt"
        try Data(repeating: 0x23, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: keys))
        let backup = sandbox.directory + "/b.age"
        let run = try sandbox.run("backup", backup, "--recipients-file", keys)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr == "journal: cannot use \(keys): it is larger than 1 MiB, more than a key file holds "
                + "(thousands of age keys take less).\n")
        #expect(!FileManager.default.fileExists(atPath: backup))
    }

    @Test func importFromAClosedStandardInputIsNoInput() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2")
        for (redirect, reason) in [("<&-", "it is closed"), ("0>/dev/null", "it is open for writing only")] {
            for command in ["import -", "import - --format csv", "restore -"] {
                let run = try shell("exec \"$JOURNAL\" \(command) \(redirect)")
                #expect(run.status == 66, "\(command) \(redirect): \(run)")
                #expect(run.stdout == "")
                #expect(run.stderr == "journal: cannot read standard input: \(reason).\n", "\(command) \(redirect)")
            }
        }
        #expect(try sandbox.entryCount() == 1)
    }
}

/// A folder that keeps a person out is named, not the file in it (issue #25): the journal's
/// folder (77, with the chmod that fixes it), and an output's folder (73).
@Suite struct FolderNamedCommandTests {
    let sandbox = Sandbox()

    /// A folder every user can enter, holding a copy of the binary, and how to run it as a user the
    /// folders' modes bind (root is bound by none: it runs the copy as nobody); `nil`, said, when
    /// this machine cannot.
    func asBoundUser(_ test: String) throws -> (shared: String, run: ([String]) throws -> Run)? {
        var runuser = ""
        if geteuid() == 0 {
            guard let found = which("runuser"), getpwnam("nobody") != nil else {
                print("skipped \(test): running as root, without runuser or the user nobody")
                return nil
            }
            runuser = found
        }
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped \(test): no temporary folder that every user can enter")
            return nil
        }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        let sandbox = sandbox
        return (
            shared,
            { arguments in
                let environment = sandbox.environment
                return runuser.isEmpty
                    ? try execute(binary, arguments, environment: environment)
                    : try execute(runuser, ["-u", "nobody", "--", binary] + arguments, environment: environment)
            }
        )
    }

    /// Makes `folder` owned by whoever runs the bound binary (nobody, under root), with `mode`.
    func own(_ folder: String, mode: mode_t) throws {
        if geteuid() == 0, let nobody = getpwnam("nobody") {
            #expect(chown(folder, nobody.pointee.pw_uid, nobody.pointee.pw_gid) == 0)
        }
        #expect(chmod(folder, mode) == 0)
    }

    @Test func aJournalWhoseFolderIsNotWritableNamesTheFolder() throws {
        guard let bound = try asBoundUser("aJournalWhoseFolderIsNotWritableNamesTheFolder") else { return }
        defer { try? FileManager.default.removeItem(atPath: bound.shared) }
        let folder = bound.shared + "/diary"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try own(folder, mode: 0o700)
        sandbox.environment["JOURNAL_DB"] = path
        let first = try bound.run(["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2"])
        try #require(first.status == 0, "\(first)")
        let journal = try Data(contentsOf: URL(fileURLWithPath: path))
        try own(folder, mode: 0o500)
        defer { chmod(folder, 0o700) }
        let run = try bound.run(["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2"])
        #expect(run.status == 77, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr == "journal: cannot write to \(path): the folder \(folder) is not writable by you (its mode is "
                + "0500), and the journal's files (its -wal and -shm) are made there; nothing was saved. If the "
                + "folder is yours, `chmod 700 \(folder)` lets you write there again; otherwise point --db or "
                + "JOURNAL_DB at a journal in a folder of yours.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == journal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["journal.sqlite3"])
    }

    @Test func aJournalInAFolderThatCannotBeEnteredNamesTheFolder() throws {
        guard let bound = try asBoundUser("aJournalInAFolderThatCannotBeEnteredNamesTheFolder") else { return }
        defer { try? FileManager.default.removeItem(atPath: bound.shared) }
        let folder = bound.shared + "/diary"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try own(folder, mode: 0o700)
        sandbox.environment["JOURNAL_DB"] = path
        try #require(try bound.run(["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2"]).status == 0)
        try own(folder, mode: 0o000)
        defer { chmod(folder, 0o700) }
        for (command, verb, unsaved) in [
            (["check"], "read", ""),
            (["log", "bird-dog", "--pain-before", "1", "--pain-after", "1"], "write to", "; nothing was saved"),
        ] {
            let run = try bound.run(command)
            #expect(run.status == 77, "\(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr.hasSuffix(
                    "journal: cannot \(verb) \(path): you may not enter the folder \(folder) on the way to it (its "
                        + "mode is 0000)\(unsaved). If the folder is yours, `chmod 700 \(folder)` lets you in again; "
                        + "otherwise point --db or JOURNAL_DB at a journal in a folder of yours.\n"), "\(run)")
        }
        chmod(folder, 0o700)
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func anOutputInAFolderThatIsNotWritableExits73() throws {
        guard let bound = try asBoundUser("anOutputInAFolderThatIsNotWritableExits73") else { return }
        defer { try? FileManager.default.removeItem(atPath: bound.shared) }
        let journalFolder = bound.shared + "/diary"
        try FileManager.default.createDirectory(atPath: journalFolder, withIntermediateDirectories: false)
        try own(journalFolder, mode: 0o700)
        sandbox.environment["JOURNAL_DB"] = journalFolder + "/journal.sqlite3"
        try #require(try bound.run(["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2"]).status == 0)
        let closed = bound.shared + "/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: false)
        try own(closed, mode: 0o555)
        defer { chmod(closed, 0o700) }
        for (command, file) in [
            (["backup"], "b.sqlite3"), (["export", "--output"], "e.csv"), (["report", "--output"], "r.txt"),
        ] {
            let run = try bound.run(command + [closed + "/" + file])
            #expect(run.status == 73, "\(command): \(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr == "journal: cannot write \(closed)/\(file): the folder \(closed) is not writable by you "
                    + "(its mode is 0555); choose a folder of yours; nothing was written there.\n", "\(run)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: closed) == [])
    }

    @Test func anOutputWhoseFolderIsMissingOrAFileExits73() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2")
        let missing = sandbox.directory + "/missing"
        let file = sandbox.directory + "/notes.txt"
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: file))
        for (command, name) in [
            (["backup"], "b.sqlite3"), (["export", "--output"], "e.csv"), (["report", "--output"], "r.txt"),
        ] {
            let run = try sandbox.run(command + [missing + "/" + name])
            #expect(run.status == 73, "\(command): \(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr == "journal: cannot write \(missing)/\(name): its folder \(missing) does not exist; make it "
                    + "first (`mkdir -p \(missing)`) or choose another; nothing was written there.\n", "\(run)")
            let through = try sandbox.run(command + [file + "/" + name])
            #expect(through.status == 73, "\(command): \(through)")
            #expect(
                through.stderr == "journal: cannot write \(file)/\(name): \(file) is a file, not a folder; nothing "
                    + "was written there.\n", "\(through)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "notes\n")
    }
}
