import Foundation
import Testing

/// The first change to a journal that does not exist yet creates it only when it succeeds: an
/// import stopped by Ctrl-C, Ctrl-\ or `kill` leaves no journal, no half-made file and no folder.
@Suite struct NewJournalCommandTests {
    let sandbox = Sandbox()

    /// A CSV of `count` entries, which takes a while to import.
    func largeCSV(_ count: Int) throws -> String {
        let path = sandbox.directory + "/large.csv"
        var text =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        text.reserveCapacity(count * 60)
        for index in 0..<count {
            text += ",2026-11-\(10 + index % 10)T07:\(10 + index % 50):00Z,bird-dog,left,1,10,,3,2,,,\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An import into a new journal stopped, by `signal`, once it has written every row into the
    /// journal being made and before that journal takes its place (the stop point
    /// `new-journal-made`): the signal removes the file and the folder it made, and ends the import
    /// with 128 + its number and nothing on standard error (SIGQUIT too: no crash report, no core).
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func anImportStoppedBySignalLeavesNothing(signal: Int32) throws {
        let input = try largeCSV(1000)
        let folder = sandbox.directory + "/new"
        let child = try Child(
            sandbox, ["import", input, "--db", folder + "/journal.sqlite3"], stopAt: "new-journal-made")
        try #require(child.waitForStop(), "the import ended (\(child.wait())) before its stop point: \(child.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.contains { $0.hasPrefix(".journal-new-") }, "\(names)")
        child.kill(signal)
        child.resume()
        #expect(child.wait() == 128 + signal, "the import did not end by the signal: \(child.stderr)")
        #expect(child.stderr == "")
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory) == ["large.csv"])
    }

    /// kill -9 leaves the journal being made, until the next command in that folder removes it.
    ///
    /// SIGKILL cannot be caught: the file stays, whole and private (plaintext even when the input
    /// was encrypted); `journal doctor` removes it and names it.
    @Test func anImportKilledLeavesAFileTheNextCommandRemoves() throws {
        let input = try largeCSV(1000)
        let folder = sandbox.directory + "/new"
        sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
        let child = try Child(sandbox, ["import", input], stopAt: "new-journal-made")
        try #require(child.waitForStop(), "the import ended (\(child.wait())) before its stop point: \(child.stderr)")
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".journal-new-") }
        #expect(!left.isEmpty)
        let doctor = try sandbox.run("doctor")
        #expect(doctor.status == 66, "\(doctor)")
        for name in left where name.hasSuffix(".sqlite3") {
            #expect(
                doctor.stderr.contains(
                    "Removed \(folder)/\(name): left by a journal command that was killed while it made a journal"),
                "\(doctor)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    /// A second import killed the same way is cleaned by the next `journal log`, which then makes the journal.
    @Test func theNextChangeRemovesWhatAKilledImportLeft() throws {
        let input = try largeCSV(10)
        let folder = sandbox.directory + "/new"
        sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
        let child = try Child(sandbox, ["import", input], stopAt: "new-journal-made")
        try #require(child.waitForStop())
        child.kill(SIGKILL)
        child.wait()
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["journal.sqlite3"])
        #expect(try sandbox.entryCount() == 1)
    }

    /// Under `nohup`, SIGHUP is ignored: the import carries on through it and the journal is made.
    @Test func anImportIgnoringSIGHUPCarriesOnThroughIt() throws {
        let input = try largeCSV(1000)
        let folder = sandbox.directory + "/new"
        let child = try Child(
            sandbox,
            [
                "-c", "trap '' HUP; exec \"$0\" import \"$1\" --db \"$2\"", Sandbox.binary.path, input,
                folder + "/journal.sqlite3",
            ],
            stopAt: "new-journal-made", executable: try tool("sh"))
        try #require(child.waitForStop(), "the import ended (\(child.wait())) before its stop point: \(child.stderr)")
        child.kill(SIGHUP)
        child.resume()
        #expect(child.wait() == 0, "\(child.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["journal.sqlite3"])
        sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
        #expect(try sandbox.entryCount() == 1000)
    }
}
