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
    }

    /// Each damage, and what the screens and the export's refusal name.
    static let damages: [(sql: String, named: String)] = [
        ("UPDATE psfs_activities SET utc_offset = 99999;", "psfs_activities row 1, column utc_offset: 99999"),
        ("UPDATE psfs_activities SET retired_at = added_at - 60;", "psfs_activities row 1, column retired_at: "),
        ("INSERT INTO settings (name, value) VALUES ('region', 'ZZ');", "settings row region, column value: 'ZZ'"),
        ("INSERT INTO settings (name, value) VALUES ('colour', 'x');", "settings row 'colour', column name: 'colour'"),
        ("UPDATE entries SET id = 0;", "entries row 0, column id: 0"),
        ("UPDATE checkins SET id = -2;", "checkins row -2, column id: -2"),
        ("UPDATE entries SET sets = 0;", "entries row 1, column sets: 0"),
    ]

    @Test(arguments: damages.indices)
    func anExportEitherRefusesNamingItOrImportsAgain(_ index: Int) throws {
        let damage = Self.damages[index]
        try sandbox.damage(damage.sql)
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(damage.sql): \(check)")
        #expect(check.stderr.contains(damage.named), "\(damage.sql): \(check)")
        let file = sandbox.directory + "/all.json"
        let export = try sandbox.run("export", "--all", "--output", file)
        if export.status == 0 {
            let imported = try sandbox.run("import", file, "--db", sandbox.directory + "/again.sqlite3")
            #expect(imported.status == 0, "\(damage.sql): \(imported)")
        } else {
            #expect(export.status == 65, "\(damage.sql): \(export)")
            #expect(export.stderr.contains(damage.named), "\(damage.sql): \(export)")
            #expect(!FileManager.default.fileExists(atPath: file), "\(damage.sql)")
        }
    }

    /// The round trip the export refused before, each damage put right: the file imports again.
    @Test func aJournalInOrderExportsAndImportsAgain() throws {
        let file = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--output", file)
        let imported = try sandbox.run("import", file, "--db", sandbox.directory + "/again.sqlite3")
        #expect(imported.status == 0, "\(imported)")
    }
}
