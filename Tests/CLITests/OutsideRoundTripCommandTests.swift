import Foundation
import Testing

/// A full export must import again (issue #25): for each value journal never writes that an
/// import refuses, put in from outside, every screen names it and `export --all` refuses it
/// (exit 65, naming it, no file), or it writes a file that `import` takes.
@Suite struct OutsideRoundTripCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-23 08:00")
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00")
        try sandbox.change("psfs", "rate", "1", "4")
    }

    /// Each damage, and what the screens and the export's refusal name.
    static let damages: [(sql: String, named: String)] = [
        ("UPDATE psfs_activities SET utc_offset = 99999;", "psfs_activities row 1, column utc_offset: 99999"),
        ("UPDATE psfs_activities SET retired_at = added_at - 60;", "psfs_activities row 1, column retired_at: "),
        ("INSERT INTO settings (name, value) VALUES ('region', 'ZZ');", "settings row region, column value: 'ZZ'"),
        ("INSERT INTO settings (name, value) VALUES ('colour', 'x');", "settings row 'colour', column name: 'colour'"),
        ("UPDATE entry_ids SET id = 0;", "entries row 0, column id: 0"),
        ("UPDATE checkin_ids SET id = -2;", "checkins row -2, column id: -2"),
        ("UPDATE entries SET sets = 0;", "entries row 1, column sets: 0"),
        // A year ahead of JOURNAL_NOW (2026-11-25 12:00 UTC): typed input and an import refuse a time after now.
        (
            "UPDATE entries SET performed_at = performed_at + 31536000;",
            "entries row 1, column performed_at: 1826870400 (2027-11-22 08:00 (UTC+00:00)), dated ahead of now, "
                + "2026-11-25 12:00 (UTC+00:00)"
        ),
        (
            "UPDATE checkins SET performed_at = performed_at + 31536000;",
            "checkins row 1, column performed_at: 1826956800"
        ),
        ("UPDATE psfs_ratings SET rated_at = rated_at + 31536000;", "psfs_ratings row 1, column rated_at: 1827144000"),
        ("UPDATE psfs_activities SET added_at = added_at + 31536000;", "psfs_activities row 1, column added_at: "),
    ]

    /// `text` with the line breaks a screen wraps its notice at read as spaces.
    static func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    @Test(arguments: damages.indices)
    func anExportEitherRefusesNamingItOrImportsAgain(_ index: Int) throws {
        let damage = Self.damages[index]
        try sandbox.damage(damage.sql)
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(damage.sql): \(check)")
        #expect(Self.unwrapped(check.stderr).contains(damage.named), "\(damage.sql): \(check)")
        let file = sandbox.directory + "/all.json"
        let export = try sandbox.run("export", "--all", "--output", file)
        if export.status == 0 {
            let imported = try sandbox.run("import", file, "--db", sandbox.directory + "/again.sqlite3")
            #expect(imported.status == 0, "\(damage.sql): \(imported)")
        } else {
            #expect(export.status == 65, "\(damage.sql): \(export)")
            #expect(Self.unwrapped(export.stderr).contains(damage.named), "\(damage.sql): \(export)")
            #expect(!FileManager.default.fileExists(atPath: file), "\(damage.sql)")
        }
    }

    /// A session dated after it was recorded and ahead of now is named, never hidden: the rise it
    /// records still puts its exercise on hold today; once now passes it, it is named no more.
    @Test func aSessionDatedAheadIsNamedAndStillCounts() throws {
        try sandbox.damage(
            "INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, "
                + "created_at, recorded) VALUES ('\(RecordSQL.uid(1))', 'bird-dog', 1795608300, 0, 1, 3, 7, "
                + "1795608000, \(RecordSQL.latestReading));")
        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(check.stdout.contains("bird-dog"), "\(check)")
        #expect(
            Self.unwrapped(check.stderr).contains(
                "entries row 2, column performed_at: 1795608300 (2026-11-25 12:05 (UTC+00:00)), dated ahead of now"),
            "\(check)")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T13:00:00+00:00"
        let later = try sandbox.run("check")
        #expect(later.status == 2, "\(later)")
        #expect(!later.stderr.contains("dated ahead"), "\(later)")
    }

    /// A session recorded by a clock a few minutes ahead counts today and is not named.
    ///
    /// Another device's clock, or this one's before it was set back: it is dated no later than it
    /// was recorded, so journal wrote it, and it is no value from outside.
    @Test func aSessionFromAClockAheadIsNotNamed() throws {
        try sandbox.damage(
            "INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, "
                + "created_at, recorded) VALUES ('\(RecordSQL.uid(1))', 'bird-dog', 1795608300, 0, 1, 3, 7, "
                + "1795608300, \(RecordSQL.latestReading));")
        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr == "", "\(check)")
    }

    /// The round trip the export refused before, each damage put right: the file imports again.
    @Test func aJournalInOrderExportsAndImportsAgain() throws {
        let file = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--output", file)
        let imported = try sandbox.run("import", file, "--db", sandbox.directory + "/again.sqlite3")
        #expect(imported.status == 0, "\(imported)")
    }
}
