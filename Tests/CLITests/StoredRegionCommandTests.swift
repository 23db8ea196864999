import Foundation
import Testing

/// The journal's region setting changed from outside with stray whitespace or case: read the one
/// way a typed code is read (`Region.named(by:)`), by every screen's advice, `config get` and the
/// note that names the value alike.
@Suite struct StoredRegionCommandTests {
    let sandbox = Sandbox()

    /// What a run printed, as words: lines joined, banners' margins and wrapping taken out.
    func words(_ run: Run) -> String {
        (run.stdout + "\n" + run.stderr).split(whereSeparator: \.isNewline)
            .map { $0.hasPrefix("!! ") || $0.hasPrefix("== ") ? $0.dropFirst(3) : $0 }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test(arguments: [("'GB' || char(10)", "'GB\n'"), ("' GB'", "' GB'"), ("'gb'", "'gb'")])
    func aStoredRegionReadAsTypedGivesTheSameNumbersOnEveryScreen(stored: String, quoted: String) throws {
        // The environment's region would be the United States: 911, "emergency room".
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "09:00")
        try sandbox.damage("UPDATE settings SET value = \(stored) WHERE name = 'region'")
        let emergency = "Call 999 or go to A&E now."
        let sameDay = "Ask for an urgent GP appointment today or call 111."
        // The value as the note prints it on one line (a line end shown as a space).
        let note = "- settings row region, column value: \(quoted.replacingOccurrences(of: "\n", with: " "))"
            .split(separator: " ").joined(separator: " ")

        for (arguments, status) in [
            (["checkin", "--pain", "3", "--red-flag", "both-legs"], Int32(65)), (["check"], 3), (["today"], 3),
            (["report"], 65),
        ] {
            let run = try sandbox.run(arguments)
            #expect(run.status == status, "\(arguments): \(run)")
            let said = words(run)
            #expect(said.contains(emergency), "\(arguments): \(run)")
            #expect(said.contains(sameDay), "\(arguments): \(run)")
            #expect(!said.contains("911"), "\(arguments): \(run)")
            #expect(!said.contains("not one this version knows"), "\(arguments): \(run)")
            #expect(
                said.contains(
                    note + ", where journal writes the code as `journal config set region` does, GB "
                        + "(screens read it as GB); `journal config set region GB` corrects it."),
                "\(arguments): \(run)")
        }

        // `config get` is a screen like any other: it names the value too, and exits as they do.
        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 65, "\(get)")
        #expect(get.stdout == "Region: United Kingdom (GB), set with `journal config set region GB`.\n")
        #expect(words(get).contains(note + ", where journal writes the code"), "\(get)")
        let object = try json(try sandbox.run("config", "get", "region", "--json"))
        #expect(object["region"] as? String == "GB")
        #expect(object["source"] as? String == "config")

        // The fix the note names puts the code as journal writes it.
        try sandbox.change("config", "set", "region", "GB")
        #expect(try sandbox.sql("SELECT quote(value) FROM settings") == "'GB'\n")
        #expect(try sandbox.run("check").stderr == "")
    }

    /// Every screen that shows advice, and `config get`, names the value with the one note
    /// (``StoredValues``), `session` stopped by a red flag too, keeping its own exit status.
    @Test func sessionSafetyAndConfigGetNameAStoredRegionAsEveryScreenDoes() throws {
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "09:00")
        try sandbox.damage("UPDATE settings SET value = ' GB' WHERE name = 'region'")
        let note =
            "The journal holds 1 value journal never writes, put in from outside; what is shown reads it as said: "
            + "- settings row region, column value: ' GB', where journal writes the code as `journal config set "
            + "region` does, GB (screens read it as GB); `journal config set region GB` corrects it."
        for (arguments, status) in [
            (["session"], Int32(3)), (["session", "--json"], 3), (["safety"], 65), (["safety", "--red-flags"], 65),
            (["safety", "--json"], 65), (["config", "get", "region"], 65), (["config", "get", "region", "--json"], 65),
        ] {
            let run = try sandbox.run(arguments, stdin: "")
            #expect(run.status == status, "\(arguments): \(run)")
            #expect(words(run).hasSuffix(note), "\(arguments): \(run)")
            #expect(!run.stdout.contains("The journal holds"), "\(arguments): \(run)")
            #expect(!words(run).contains("911"), "\(arguments): \(run)")
        }
        #expect(try sandbox.run("safety").stdout.contains("Region: United Kingdom (GB), set with"))

        try sandbox.change("config", "set", "region", "GB")
        for arguments in [["safety"], ["config", "get", "region"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run)")
            #expect(run.stderr == "", "\(arguments): \(run)")
        }
    }

    /// `config get` names every value journal never writes, not only the region's, as every screen
    /// does ("Values put into the file from outside" in docs/usage.md), what it prints unchanged.
    @Test func configGetNamesEveryValueFromOutside() throws {
        try sandbox.change("config", "set", "region", "CA")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "09:00")
        try sandbox.damage("UPDATE entries SET pain_after = 11")
        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 65, "\(get)")
        #expect(get.stdout.hasPrefix("Region: Canada (CA), set with `journal config set region CA`."), "\(get)")
        #expect(
            words(get).hasSuffix(
                "- entries row 1, column pain_after: 11, where journal writes a whole number from 0 to 10 (screens "
                    + "read it as the nearest of those until it is corrected); `journal edit 1 --pain-after N` "
                    + "corrects it, `journal delete 1` removes it."), "\(get)")
        let object = try json(try sandbox.run("config", "get", "region", "--json"))
        #expect(object["region"] as? String == "CA")
    }

    @Test func aStoredCodeNoRegionHasIsSetAsideEverywhereAndSaidSo() throws {
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "both-legs", "--at", "09:00")
        try sandbox.damage("INSERT INTO settings (name, value) VALUES ('region', ' JP')")
        for arguments in [["check"], ["today"], ["report"]] {
            let said = words(try sandbox.run(arguments))
            #expect(said.contains("Call 911 or go to the emergency room now."), "\(arguments): \(said)")
            #expect(said.contains("journal: the journal's region JP is not one this version knows"), "\(arguments)")
            #expect(said.contains("(screens use the environment's region until it is corrected)"), "\(arguments)")
        }
        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 64, "\(get)")
        #expect(get.stderr.contains("got \" JP\""), "\(get)")
    }
}
