import Foundation
import Testing

/// `--output` and a backup's FILE that name the journal being read are refused (#25).
///
/// `export --output j.sqlite3 --force --db j.sqlite3` replaced the journal with the export, exit 0.
/// Every command that writes a file a person names refuses, exit 73, however the path spells the
/// journal or one of its files, and the journal and that file are left as they were.
@Suite struct OutputIsJournalCommandTests {
    let sandbox = Sandbox()

    /// A passphrase file for the encrypted outputs.
    var passphrase: String {
        let path = sandbox.directory + "/passphrase.txt"
        FileManager.default.createFile(atPath: path, contents: Data("correct horse battery staple\n".utf8))
        chmod(path, 0o600)
        return path
    }

    /// Each command that writes a file a person names, writing to `target`.
    func commands(_ target: String) -> [[String]] {
        [
            ["export", "--output", target, "--force"],
            ["export", "--format", "json", "--output", target, "--force"],
            ["export", "--all", "--output", target, "--force"],
            ["export", "--all", "--output", target, "--force", "--passphrase-file", passphrase],
            ["report", "--output", target, "--force"],
            ["report", "--format", "html", "--output", target, "--force"],
            ["backup", target],
            ["backup", target, "--passphrase-file", passphrase],
        ]
    }

    /// The journal's own path, spelled in each way that names it.
    func spellingsOfTheJournal() throws -> [String] {
        let journal = sandbox.database
        let folder = sandbox.directory
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/links", withIntermediateDirectories: true)
        try #require(symlink(journal, folder + "/links/symbolic.sqlite3") == 0)
        try #require(link(journal, folder + "/links/hard.sqlite3") == 0)
        try #require(symlink(folder, folder + "/links/folder") == 0)
        return [
            journal,
            folder + "/sub/../journal.sqlite3",
            folder + "/./journal.sqlite3",
            folder + "//journal.sqlite3",
            folder + "/links/folder/journal.sqlite3",
            folder + "/links/symbolic.sqlite3",
            folder + "/links/hard.sqlite3",
        ]
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func expectRefused(_ arguments: [String], target: String) throws {
        let journalBefore = try #require(contents(sandbox.database))
        let targetBefore = contents(target)
        let run = try sandbox.run(arguments)
        #expect(run.status == 73, "\(arguments): \(run)")
        #expect(run.stdout == "", "\(arguments)")
        #expect(
            run.stderr
                == "journal: \(target) is the journal \(sandbox.database), or one of its files (its -wal, -shm or "
                + "-journal, or a copy kept before a restore); writing there would replace the journal. Nothing was "
                + "written; choose another --output (for `journal backup`, another FILE).\n", "\(arguments)")
        #expect(contents(sandbox.database) == journalBefore, "\(arguments): the journal changed")
        #expect(contents(target) == targetBefore, "\(arguments): \(target) changed")
    }

    @Test func everyCommandRefusesTheJournalHoweverItIsSpelled() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24 08:00")
        for target in try spellingsOfTheJournal() {
            for arguments in commands(target) { try expectRefused(arguments, target: target) }
        }
        #expect(try sandbox.entryCount() == 1)
        #expect(try sandbox.run("list").stdout.contains("bird-dog"))
    }

    /// SQLite's files beside the journal, and the copy a restore keeps, whether or not they exist now.
    @Test func everyCommandRefusesTheJournalsOwnFiles() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24 08:00")
        let kept = sandbox.database + ".before-restore-2026-11-20-101500.backup"
        FileManager.default.createFile(atPath: kept, contents: Data("the journal as it was".utf8))
        let targets = ["-wal", "-shm", "-journal"].map { sandbox.database + $0 } + [kept]
        for target in targets {
            for arguments in commands(target) { try expectRefused(arguments, target: target) }
        }
        #expect(try sandbox.entryCount() == 1)
    }

    /// A name beside the journal that is none of its files is written as before.
    @Test func aNeighbourOfTheJournalIsWritten() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24 08:00")
        let neighbour = sandbox.directory + "/sub/../journal.sqlite3.csv"
        try FileManager.default.createDirectory(
            atPath: sandbox.directory + "/sub", withIntermediateDirectories: true)
        let run = try sandbox.run("export", "--output", neighbour)
        #expect(run.status == 0, "\(run)")
        #expect(contents(neighbour).map { String(decoding: $0, as: UTF8.self) } == (try sandbox.run("export").stdout))
    }
}
