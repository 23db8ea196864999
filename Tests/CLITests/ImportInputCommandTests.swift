import Foundation
import Testing

/// What `restore` and `import` say of an input that is no backup or export they take: a folder, a
/// missing file (before anything about the journal there), the JSON array of `export --format json`.
@Suite struct ImportInputCommandTests {
    let sandbox = Sandbox()

    @Test func aFolderGivenAsTheInputIsNoInput() throws {
        let folder = sandbox.directory + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        for arguments in [["restore", folder], ["restore", folder, "--force"], ["import", folder]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 66, "\(arguments): \(run)")
            #expect(run.stderr == "journal: cannot read \(folder): it is a folder, not a file; name the file in it.\n")
        }
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func aMissingBackupIsSaidBeforeTheJournalThere() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let missing = sandbox.directory + "/no-such-backup.sqlite3"
        let run = try sandbox.run("restore", missing)
        #expect(run.status == 66, "\(run)")
        #expect(run.stderr == "journal: cannot read \(missing): No such file or directory.\n")
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func theArrayOfExportFormatJSONIsRefusedAsSuch() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let array = sandbox.directory + "/entries.json"
        #expect(try sandbox.shell("\"$JOURNAL\" export --format json > \"\(array)\"") == 0)
        let target = sandbox.directory + "/new.sqlite3"
        let run = try sandbox.run("import", array, "--db", target)
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stderr
                == "journal: line 1: this is a JSON array, which cannot be imported: journal imports a CSV, or the one "
                + "object of `journal export --all --format json` (not the array of `journal export --format "
                + "json`). Nothing was imported.\n")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
