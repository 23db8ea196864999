import Foundation
import Testing

/// Issue #27, "Everywhere advice appears": what `checkin`, `check`, `today`, `session`, `log` and
/// the reports print, in the words of the region in force, as docs/safety.md quotes them.
@Suite struct RegionalAdviceCommandTests {
    let sandbox = Sandbox()

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    /// Standard error with its line breaks and banner marks folded, so that a wrapped sentence reads as one.
    func folded(_ text: String) -> String {
        text.split(separator: "\n").map { $0.drop { $0 == "!" || $0 == "=" || $0 == "-" || $0 == " " } }
            .joined(separator: " ")
    }

    static let canadaEmergency =
        "Call 911 or go to the nearest emergency department now. These symptoms are an emergency: they need "
        + "emergency care now, not a physiotherapy appointment."

    @Test func aCheckInInCanadaSays911AndNever999() throws {
        sandbox.environment["JOURNAL_REGION"] = "CA"
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain", "--at", "2026-11-25 08:00")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("!! URGENT: CALL 911 OR GO TO THE EMERGENCY DEPARTMENT NOW\n"), "\(run)")
        #expect(folded(run.stderr).contains(Self.canadaEmergency), "\(run)")
        #expect(!run.stderr.contains("999") && !run.stderr.contains("A&E"), "\(run)")
    }

    @Test func theLocaleGivesTheRegionAndJournalRegionOverridesIt() throws {
        sandbox.environment["LANG"] = "en_CA.UTF-8"
        let canada = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain", "--at", "2026-11-25 08:00")
        #expect(folded(canada.stderr).contains(Self.canadaEmergency), "\(canada)")
        #expect(!canada.stderr.contains("999"))

        sandbox.environment["JOURNAL_REGION"] = "US"
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        #expect(check.stdout.contains("!! URGENT: CALL 911 OR GO TO THE EMERGENCY ROOM NOW\n"), "\(check)")
        #expect(folded(check.stdout).contains("Call 911 or go to the emergency room now."), "\(check)")

        sandbox.environment["JOURNAL_REGION"] = nil
        sandbox.environment["LANG"] = "en_GB.UTF-8"
        let uk = try sandbox.run("check")
        #expect(uk.stdout.contains("!! URGENT: SEEK EMERGENCY CARE NOW\n"), "\(uk)")
        #expect(folded(uk.stdout).contains("Call 999 or go to A&E now. These symptoms are an emergency"), "\(uk)")
        #expect(!uk.stdout.contains("911"))
    }

    @Test func withoutARegionTheGenericWordsListTheCommonNumbers() throws {
        sandbox.environment["LANG"] = "C.UTF-8"
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 08:00")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("== SEE A DOCTOR TODAY\n"), "\(run)")
        #expect(
            folded(run.stderr).contains(
                "Ask your doctor for an urgent appointment today, or call your local health advice line. These "
                    + "symptoms need a doctor today"), "\(run)")
        let emergency = try sandbox.run("checkin", "--pain", "4", "--red-flag", "both-legs")
        #expect(
            folded(emergency.stderr).contains(
                "Call your local emergency number (911 in North America, 999 in the UK, 112 in the EU, 000 in "
                    + "Australia) or go to the nearest emergency department now."), "\(emergency)")
    }

    @Test func theAdviceBeforeSavingNeedsNoJournal() throws {
        try Data("not a journal\n".utf8).write(to: URL(fileURLWithPath: sandbox.database))
        sandbox.environment["LANG"] = "en_AU.UTF-8"
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
        #expect(run.status != 0, "\(run)")
        #expect(run.stderr.contains("!! URGENT: CALL 000 OR GO TO THE EMERGENCY DEPARTMENT NOW\n"), "\(run)")
        #expect(try String(contentsOfFile: sandbox.database, encoding: .utf8) == "not a journal\n")
    }

    @Test func anUnknownJournalRegionStillPrintsTheAdviceInTheGenericWordsThenRefuses() throws {
        sandbox.environment["JOURNAL_REGION"] = "XX"
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
        #expect(run.status == 64, "\(run)")
        #expect(folded(run.stderr).contains("Call your local emergency number (911 in North America"), "\(run)")
        #expect(run.stderr.contains("journal: JOURNAL_REGION must be one of GB, CA, US, IE, AU, NZ or EU"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// With no region in force (the generic words), `checkin --json` writes `"region": null`, as
    /// `log --json` and `check --json` do: the key is always there.
    @Test func jsonWritesANullRegionWhenNoneIsInForce() throws {
        sandbox.environment["LANG"] = "C.UTF-8"
        let checkin = try sandbox.run("checkin", "--pain", "3", "--at", "2026-11-25 08:00", "--json")
        #expect(checkin.status == 0, "\(checkin)")
        let object = try json(checkin)
        #expect(Set(object.keys) == ["checkin", "findings", "region"], "\(checkin)")
        #expect(object["region"] is NSNull, "\(checkin)")
        let log = try json(
            try sandbox.run(
                "log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-25 09:00",
                "--json"))
        #expect(log["region"] is NSNull)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
    }

    @Test func jsonKeepsItsKeysAndAddsAdviceAndRegion() throws {
        sandbox.environment["JOURNAL_REGION"] = "NZ"
        let checkin = try json(
            try sandbox.run("checkin", "--pain", "9", "--red-flag", "night-pain", "--at", "2026-11-25 08:00", "--json"))
        #expect(checkin["region"] as? String == "NZ")
        let findings = try #require(checkin["findings"] as? [[String: Any]])
        let keys: Set<String> = [
            "rule", "severity", "entry_id", "checkin_id", "exercise", "performed_at", "message", "recommendation",
            "advice", "region",
        ]
        #expect(findings.map { Set($0.keys) } == [keys, keys])
        #expect(findings.map { $0["severity"] as? String } == ["see-doctor", "see-gp"])
        #expect(
            findings.map { $0["advice"] as? String } == [
                "see your GP today or go to an urgent care clinic, or call Healthline on 0800 611 116",
                "make an appointment with your GP",
            ])
        #expect(findings.allSatisfy { $0["region"] as? String == "NZ" })

        let check = try json(try sandbox.run("check", "--json"))
        #expect(check["region"] as? String == "NZ")
        #expect(Set(check.keys) == ["findings", "holds", "reminders", "red_flags_seen", "region", "exit_status"])
        let standing = try #require(json(try sandbox.run("today", "--json"))["standing"] as? [String: Any])
        #expect(standing["region"] as? String == "NZ")
        #expect(
            (standing["findings"] as? [[String: Any]])?.first?["advice"] as? String == findings[0]["advice"] as? String)

        let log = try json(
            try sandbox.run(
                "log", "glute-bridge", "--pain-before", "2", "--pain-after", "7", "--at", "2026-11-25 09:00", "--json"))
        #expect(log["region"] as? String == "NZ")
        let logged = try #require(log["findings"] as? [[String: Any]])
        #expect(logged.first?["severity"] as? String == "stop")
        #expect(logged.first?["advice"] is NSNull)

        let report = try json(try sandbox.run("report", "--json"))
        #expect(report["region"] as? String == "NZ")
        #expect(report["region_explanation"] as? String == "New Zealand (NZ), from JOURNAL_REGION=NZ.")
        let flags = try #require(report["flags"] as? [[String: Any]])
        #expect(flags.contains { $0["advice"] as? String == "make an appointment with your GP" })
        #expect((report["standing"] as? [String: Any])?["region"] as? String == "NZ")
    }

    @Test func aReportUsesTheRegionInForceWhenItIsMadeAndSaysWhich() throws {
        try sandbox.run("config", "set", "region", "CA")
        try sandbox.run("checkin", "--pain", "4", "--red-flag", "both-legs", "--at", "2026-11-24 08:00")
        let text = try sandbox.run("report")
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains("Advice in this report is for Canada (CA), the region in force when it was made."),
            "\(text)")
        #expect(text.stdout.contains("URGENT: CALL 911 OR GO TO THE EMERGENCY DEPARTMENT NOW"), "\(text)")
        #expect(!text.stdout.contains("999"))
        let markdown = try sandbox.run("report", "--markdown")
        #expect(markdown.stdout.contains("Advice in this report is for Canada (CA)"))
        #expect(markdown.stdout.contains("Call 911 or go to the nearest emergency department now."))
        let html = try sandbox.run("report", "--format", "html")
        #expect(html.stdout.contains("Advice in this report is for Canada (CA)"), "\(html)")
        #expect(html.stdout.contains("Call 911 or go to the nearest emergency department now."))
        #expect(!markdown.stdout.contains("999") && !html.stdout.contains("A&amp;E"))

        try sandbox.run("config", "set", "region", "IE")
        let irish = try sandbox.run("report")
        #expect(irish.stdout.contains("Advice in this report is for Ireland (IE)"), "\(irish)")
        #expect(irish.stdout.contains("URGENT: CALL 112 OR 999 OR GO TO THE ED NOW"), "\(irish)")
    }

    @Test func todayAndTheSessionsGateSpeakTheRegionsWords() throws {
        sandbox.environment["JOURNAL_REGION"] = "AU"
        try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.run("checkin", "--pain", "4", "--red-flag", "bladder-bowel", "--at", "2026-11-25 08:00")
        let today = try sandbox.run("today")
        #expect(today.status == 3, "\(today)")
        #expect(today.stdout.contains("!! URGENT: CALL 000 OR GO TO THE EMERGENCY DEPARTMENT NOW\n"), "\(today)")
        let session = try sandbox.run("session", stdin: "")
        #expect(session.status == 3, "\(session)")
        #expect(session.stderr.contains("!! URGENT: CALL 000 OR GO TO THE EMERGENCY DEPARTMENT NOW\n"), "\(session)")
        #expect(
            folded(session.stderr).contains(
                "Call triple zero (000) and ask for an ambulance, or go to the nearest emergency department now."),
            "\(session)")
        let redFlags = try sandbox.run("safety", "--red-flags")
        #expect(redFlags.stdout.contains("Emergency: call triple zero (000)"), "\(redFlags)")
    }
}
