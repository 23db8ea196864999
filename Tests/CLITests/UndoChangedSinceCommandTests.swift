import Foundation
import Testing

/// Undo of a log, a check-in or a setting change removes or puts back only while the record or
/// setting is as the change left it.
///
/// Issue #25, an adversary with the release binary: `log` #1, its pain after changed from outside,
/// then `undo` removed the changed entry, exit 0, and said the hold it lifted from the changed row;
/// `config set region GB`, the setting changed from outside, then `undo` overwrote it. A log and a
/// check-in now keep the record they added beside the note that undo removes it, and a setting
/// change says in its detail what it left: anything else there is refused with exit 65, nothing
/// changed; put back as the change left it, undo goes ahead.
@Suite struct UndoChangedSinceCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
    }

    /// Runs `undo`: refused with `message`, every table in `unchanged` (and the change log) as it was.
    func expectRefused(_ message: String, unchanged tables: [String]) throws {
        let tables = tables + ["changes", "change_entries", "change_checkins", "change_settings"]
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
        let run = try sandbox.run("undo")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr == "journal: " + message + "\n", "\(run)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before)
    }

    @Test func aLoggedEntryChangedFromOutsideIsNotRemoved() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.damage("UPDATE entries SET pain_after = 9 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        try expectRefused(
            "cannot undo the latest change, the log of entry #1: #1 is no longer as the log left it (changed "
                + "from outside since, or its id given to another entry), and undo never removes what the log did "
                + "not write; nothing was changed. To remove #1 as it stands, `journal delete 1` (`journal list` "
                + "shows it).",
            unchanged: ["entries"])
        #expect(try sandbox.sql("SELECT id, pain_before, pain_after FROM entries_with_ids") == "1|3|9\n")

        // Put back as the log left it, the undo goes ahead.
        try sandbox.damage("UPDATE entries SET pain_after = 3 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stdout.hasPrefix("Removed #1 bird-dog ("), "\(undo)")
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "0\n")
    }

    @Test func aCheckInChangedFromOutsideIsNotRemoved() throws {
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-20 08:00")
        // A red flag more from outside: the check-in is not as recorded.
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_uid, red_flag) "
                + "VALUES ((SELECT uid FROM checkin_ids WHERE id = 1), 'night-pain');")
        try expectRefused(
            "cannot undo the latest change, the check-in of check-in #1: #1 is no longer as the check-in left "
                + "it (changed from outside since, or its id given to another check-in), and undo never removes "
                + "what the check-in did not write; nothing was changed. To remove #1 as it stands, "
                + "`journal checkins delete 1` (`journal checkins` shows it).",
            unchanged: ["checkins", "checkin_red_flags"])

        try sandbox.damage("DELETE FROM checkin_red_flags WHERE red_flag = 'night-pain';")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins; SELECT count(*) FROM checkin_red_flags") == "0\n0\n")
    }

    @Test func aSettingChangedFromOutsideIsNotOverwritten() throws {
        #expect(try sandbox.run("config", "set", "region", "GB").status == 0)
        try sandbox.damage("UPDATE settings SET value = 'US' WHERE name = 'region';")
        try expectRefused(
            "cannot undo the latest change, `journal config set region GB`: the journal holds region US, not "
                + "region GB as that change left it (changed from outside since), and undo never overwrites what "
                + "the change did not write; nothing was changed. To change it by hand, "
                + "`journal config set region VALUE` or `journal config unset region`.",
            unchanged: ["settings"])

        // Removed from outside: refused too.
        try sandbox.damage("DELETE FROM settings WHERE name = 'region';")
        try expectRefused(
            "cannot undo the latest change, `journal config set region GB`: the journal holds region unset, not "
                + "region GB as that change left it (changed from outside since), and undo never overwrites what "
                + "the change did not write; nothing was changed. To change it by hand, "
                + "`journal config set region VALUE` or `journal config unset region`.",
            unchanged: ["settings"])

        try sandbox.damage("INSERT INTO settings (name, value) VALUES ('region', 'GB');")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stdout.hasPrefix("Unset region again (undid config set region GB, just now).\n"), "\(undo)")
        #expect(try sandbox.sql("SELECT quote(value) FROM settings WHERE name = 'region'") == "NULL\n")
    }

    @Test func anUnsetSettingSetFromOutsideIsNotOverwritten() throws {
        #expect(try sandbox.run("config", "set", "region", "GB").status == 0)
        #expect(try sandbox.run("config", "unset", "region").status == 0)
        try sandbox.damage("INSERT OR REPLACE INTO settings (name, value) VALUES ('region', 'IE');")
        try expectRefused(
            "cannot undo the latest change, `journal config unset region`: the journal holds region IE, not "
                + "region unset as that change left it (changed from outside since), and undo never overwrites "
                + "what the change did not write; nothing was changed. To change it by hand, "
                + "`journal config set region VALUE` or `journal config unset region`.",
            unchanged: ["settings"])
    }

    /// A restore's kept copy replaced by a link or a folder is not put back.
    ///
    /// Issue #25, the same adversary: a symbolic link put at the name where `restore --force` kept
    /// the journal it replaced, leading to another journal; `undo` put that journal back. The kept
    /// copy is read only as a restore keeps it: a link, or a folder, is refused, exit 65, nothing
    /// changed; the copy itself back, undo goes ahead.
    @Test func aRestoresKeptCopyReplacedByALinkOrAFolderIsNotPutBack() throws {
        let folder = sandbox.directory
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        #expect(try sandbox.run("backup", folder + "/b.sqlite3").status == 0)
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 09:00")
        // Another journal, of one entry of its own.
        let journal = sandbox.database
        sandbox.environment["JOURNAL_DB"] = folder + "/other.sqlite3"
        try sandbox.log("superman", "--pain-before", "1", "--pain-after", "1", "--at", "2026-11-20 07:00")
        sandbox.environment["JOURNAL_DB"] = journal
        let restored = try sandbox.run("restore", folder + "/b.sqlite3", "--force")
        #expect(restored.status == 0, "\(restored)")
        let kept = try sandbox.sql("SELECT kept_copy FROM change_restores").trimmingCharacters(in: .newlines)
        let aside = folder + "/aside.backup"
        #expect(rename(kept, aside) == 0)

        func expectRefused(_ what: String) throws {
            let tables = ["entries", "changes", "change_restores"]
            let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
            let run = try sandbox.run("undo")
            #expect(run.status == 65, "\(run)")
            #expect(
                run.stderr
                    == "journal: cannot undo the latest change: what it kept to undo it was changed from outside "
                    + "(\(kept), where the restore kept the journal it replaced, is now \(what), not the file a "
                    + "restore keeps (a regular file of yours)), and journal never puts back what it did not keep; "
                    + "nothing was changed. `journal check` shows the journal as it stands.\n", "\(run)")
            #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before)
        }
        #expect(symlink(folder + "/other.sqlite3", kept) == 0)
        try expectRefused("a symbolic link")
        #expect(unlink(kept) == 0)
        #expect(mkdir(kept, 0o700) == 0)
        try expectRefused("not a regular file")
        #expect(rmdir(kept) == 0)

        // Gone: said as before, exit 66.
        let gone = try sandbox.run("undo")
        #expect(gone.status == 66, "\(gone)")

        #expect(rename(aside, kept) == 0)
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids ORDER BY id")
                == "1|bird-dog\n2|glute-bridge\n")
    }

    /// An import of a record at the largest id is refused.
    ///
    /// Issue #25: an import of a record with journal's largest id left a journal whose every later
    /// `log` was refused as changed from outside. Refused, naming the line and the limit, exit 65,
    /// nothing imported.
    @Test func anImportOfARecordAtTheLargestIDIsRefused() throws {
        let folder = sandbox.directory
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 08:00")
        let export = try sandbox.run("export", "--all")
        #expect(export.status == 0, "\(export)")
        let csv = try sandbox.run("export")
        #expect(csv.status == 0, "\(csv)")

        let imported = folder + "/imported.sqlite3"
        sandbox.environment["JOURNAL_DB"] = imported
        for (record, member) in [("entry", "entries"), ("check-in", "checkins")] {
            var lines = export.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let at = try #require(lines.firstIndex { $0 == "\"\(member)\":[" }, "\(export.stdout)") + 1
            #expect(lines[at].contains("\"id\":1,"), "\(export.stdout)")
            lines[at] = lines[at].replacingOccurrences(of: "\"id\":1,", with: "\"id\":9007199254740991,")
            let run = try sandbox.run("import", "-", stdin: lines.joined(separator: "\n"))
            #expect(run.status == 65, "\(run)")
            #expect(
                run.stderr.hasSuffix(
                    ": the \(record) has id 9007199254740991, the largest id journal gives, and would leave no id "
                        + "for the next \(record); give it a lower id free in this journal (`journal check` names "
                        + "the fix for a journal holding one). Nothing was imported.\n"), "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(!FileManager.default.fileExists(atPath: imported))
        }

        // A CSV row with that id: refused too, nothing imported; one below it leaves room for one more.
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 07:00")
        let records = csv.stdout.split(separator: "\r\n").map(String.init)
        let (header, row) = (try #require(records.first), try #require(records.dropFirst().first))
        let rest = row.drop { $0 != "," }
        let largest = try sandbox.run("import", "-", stdin: header + "\r\n9007199254740991" + rest + "\r\n")
        #expect(largest.status == 65, "\(largest)")
        #expect(
            largest.stderr
                == "journal: line 2: the entry has id 9007199254740991, the largest id journal gives, and would "
                + "leave no id for the next entry; give it a lower id free in this journal (`journal check` names "
                + "the fix for a journal holding one). Nothing was imported.\n", "\(largest)")
        #expect(
            try sandbox.sql(
                "SELECT id FROM entries_with_ids ORDER BY id; SELECT seq FROM sqlite_sequence WHERE name = 'entry_ids'")
                == "1\n1\n")
        let below = try sandbox.run("import", "-", stdin: header + "\r\n9007199254740990" + rest + "\r\n")
        #expect(below.status == 0, "\(below)")
        #expect(
            try sandbox.sql("SELECT seq FROM sqlite_sequence WHERE name = 'entry_ids'") == "9007199254740990\n")
    }
}
