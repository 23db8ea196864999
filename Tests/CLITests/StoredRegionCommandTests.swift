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

        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 0, "\(get)")
        #expect(get.stdout == "Region: United Kingdom (GB), set with `journal config set region GB`.\n")
        let object = try json(try sandbox.run("config", "get", "region", "--json"))
        #expect(object["region"] as? String == "GB")
        #expect(object["source"] as? String == "config")

        // The fix the note names puts the code as journal writes it.
        try sandbox.change("config", "set", "region", "GB")
        #expect(try sandbox.sql("SELECT quote(value) FROM settings") == "'GB'\n")
        #expect(try sandbox.run("check").stderr == "")
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
