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

    /// A line end stored after the code is spelled as SQL spells it, and named as a control
    /// character is named in an exercise's name (``Wording/hiddenCharacter(in:)``).
    @Test(arguments: [
        (
            "'GB' || char(10)", "'GB' || char(10)",
            ", and it holds the control character U+000A, which could change a terminal when printed"
        ),
        ("' GB'", "' GB'", ""), ("'gb'", "'gb'", ""),
    ])
    func aStoredRegionReadAsTypedGivesTheSameNumbersOnEveryScreen(stored: String, quoted: String, held: String) throws {
        // The environment's region would be the United States: 911, "emergency room".
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "09:00")
        try sandbox.damage("UPDATE settings SET value = \(stored) WHERE name = 'region'")
        let emergency = "Call 999 or go to A&E now."
        let sameDay = "Ask for an urgent GP appointment today or call 111."
        let note = "- settings row region, column value: \(quoted)"

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
                        + "(screens read it as GB)\(held); `journal config set region GB` corrects it."),
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
            #expect(said.contains("journal: the journal's region ' JP' is not one this version knows"), "\(arguments)")
            #expect(said.contains("(screens use the environment's region until it is corrected)"), "\(arguments)")
        }
    }

    /// `config get` with a stored code no region has says what every screen says of it, in the
    /// same words: the value, set aside for the environment's region, then the region in force,
    /// then the value named with its fix, exit 65 (a value from outside), never 64 (as if typed).
    @Test(arguments: [("'XX'", "'XX'"), ("' JP'", "' JP'"), ("5", "'5'")])
    func configGetNamesAStoredRegionNoRegionHas(stored: String, spelled: String) throws {
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.damage("UPDATE settings SET value = \(stored) WHERE name = 'region'")
        let setAside =
            "journal: the journal's region \(spelled) is not one this version knows; using the environment's "
            + "(`journal config set region CODE` sets another).\n"
        let named =
            "The journal holds 1 value journal never writes, put in from outside; what is shown reads it as said: "
            + "- settings row region, column value: \(spelled), where journal writes a region it knows, GB, CA, US, "
            + "IE, AU, NZ or EU (or an EU country's code, such as DE) (screens use the environment's region until "
            + "it is corrected); `journal config set region CODE` corrects it, `journal config unset region` "
            + "removes it."
        let check = try sandbox.run("check")
        #expect(check.stderr.hasPrefix(setAside), "\(check)")

        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 65, "\(get)")
        #expect(get.stderr.hasPrefix(setAside), "\(get)")
        #expect(words(get).hasSuffix(named), "\(get)")
        #expect(
            words(Run(status: 0, stdout: get.stdout, stderr: ""))
                == "Region: United States (US), from the locale (LANG=en_US.UTF-8); `journal config set region CODE` "
                + "sets another.", "\(get)")

        let json = try sandbox.run("config", "get", "region", "--json")
        #expect(json.status == 65, "\(json)")
        #expect(json.stderr.hasPrefix(setAside), "\(json)")
        let object = try self.json(json)
        #expect(object["region"] as? String == "US")
        #expect(object["source"] as? String == "locale")
        #expect(object["stored"] as? String == String(spelled.dropFirst().dropLast()))

        // What the note says to do puts it right.
        try sandbox.change("config", "set", "region", "GB")
        let fixed = try sandbox.run("config", "get", "region")
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.stderr == "", "\(fixed)")
    }

    /// A setting's name or value holding a control character (put in with sqlite3: a NUL, a tab, an
    /// escape) is spelled as SQL spells it, the NUL too (never cut there), and the character named as
    /// an exercise's name names it; the `sqlite3` fix spells it the same way, and works as printed.
    @Test(arguments: [
        ("'G' || char(0) || 'B'", "U+0000"), ("'G' || char(9) || 'B'", "U+0009"), ("char(27) || 'GB'", "U+001B"),
        ("'GB' || char(0)", "U+0000"),
    ])
    func aControlCharacterInASettingIsSpelledAndNamed(stored: String, code: String) throws {
        sandbox.environment["LANG"] = "en_US.UTF-8"
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.damage(
            "UPDATE settings SET value = \(stored) WHERE name = 'region'; "
                + "INSERT INTO settings (name, value) VALUES ('th' || char(0) || 'eme', 'dark')")
        let named =
            "- settings row region, column value: \(stored), where journal writes a region it knows, GB, CA, US, "
            + "IE, AU, NZ or EU (or an EU country's code, such as DE) (screens use the environment's region until "
            + "it is corrected), and it holds the control character \(code), which could change a terminal when "
            + "printed; `journal config set region CODE` corrects it, `journal config unset region` removes it."
        let other =
            "- settings row 'th' || char(0) || 'eme', column name: 'th' || char(0) || 'eme', where journal writes "
            + "only region, and it holds the control character U+0000, which could change a terminal when printed; "
            + "journal reads no other setting: `sqlite3 JOURNAL \"DELETE FROM settings WHERE name = 'th' || char(0) "
            + "|| 'eme'\"` removes it."
        for arguments in [["config", "get", "region"], ["check"], ["safety"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 65, "\(arguments): \(run)")
            #expect(
                run.stderr.hasPrefix(
                    "journal: the journal's region \(stored) is not one this version knows; using the environment's "
                        + "(`journal config set region CODE` sets another).\n"), "\(arguments): \(run)")
            #expect(words(run).contains(named), "\(arguments): \(run)")
            #expect(words(run).contains(other), "\(arguments): \(run)")
            #expect(!words(run).contains("Call 999"), "\(arguments): \(run)")
        }

        // Both fixes, as printed, put the journal right.
        let removed = try execute(
            try tool("sqlite3"), [sandbox.database, "DELETE FROM settings WHERE name = 'th' || char(0) || 'eme'"])
        #expect(removed.status == 0, "\(removed)")
        try sandbox.change("config", "set", "region", "GB")
        let fixed = try sandbox.run("config", "get", "region")
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.stderr == "", "\(fixed)")
        #expect(fixed.stdout == "Region: United Kingdom (GB), set with `journal config set region GB`.\n")
    }
}
