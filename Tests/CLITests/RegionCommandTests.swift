import Foundation
import Testing

@Suite struct RegionCommandTests {
    let sandbox = Sandbox()

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func configSetGetAndUnsetTheRegion() throws {
        sandbox.environment["LANG"] = "C.UTF-8"
        let set = try sandbox.run("config", "set", "region", "ca")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stdout == """
                Region set to CA (Canada): in an emergency, journal will say to call 911 or go
                to the nearest emergency department now.

                """)
        #expect(try sandbox.sql("SELECT name, value FROM settings") == "region|CA\n")

        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 0, "\(get)")
        #expect(get.stdout == "Region: Canada (CA), set with `journal config set region CA`.\n")
        let object = try json(try sandbox.run("config", "get", "region", "--json"))
        #expect(object["region"] as? String == "CA")
        #expect(object["name"] as? String == "Canada")
        #expect(object["source"] as? String == "config")
        #expect(object["stored"] as? String == "CA")

        let unset = try sandbox.run("config", "unset", "region")
        #expect(unset.status == 0, "\(unset)")
        #expect(unset.stdout.hasPrefix("Removed the region CA. Region now: none: no region is set and the locale"))
        #expect(try sandbox.sql("SELECT name, quote(value) FROM settings") == "region|NULL\n")
        let none = try json(try sandbox.run("config", "get", "region", "--json"))
        #expect(none["region"] is NSNull)
        #expect(none["source"] as? String == "none")
        #expect(none["locale"] as? String == "LANG=C.UTF-8")
    }

    @Test func anUnknownRegionIsRefusedWithTheKnownOnesAndNothingIsMade() throws {
        let run = try sandbox.run("config", "set", "region", "XX")
        #expect(run.status == 64, "\(run)")
        #expect(
            run.stderr
                == "journal: region must be one of GB, CA, US, IE, AU, NZ or EU (or an EU country's code, such as DE); "
                + "got \"XX\".\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))

        try sandbox.run("config", "set", "region", "GB")
        #expect(try sandbox.run("config", "set", "region", "Canada").status == 64)
        #expect(try sandbox.sql("SELECT value FROM settings WHERE name = 'region'") == "GB\n")

        sandbox.environment["JOURNAL_REGION"] = "XX"
        let safety = try sandbox.run("safety")
        #expect(safety.status == 64, "\(safety)")
        #expect(safety.stderr.hasPrefix("journal: JOURNAL_REGION must be one of GB, CA, US, IE, AU, NZ or EU"))
    }

    @Test func theLocaleNamesTheRegionWhenNoneIsSet() throws {
        sandbox.environment["LANG"] = "en_CA.UTF-8"
        let get = try sandbox.run("config", "get", "region")
        #expect(
            get.stdout == """
                Region: Canada (CA), from the locale (LANG=en_CA.UTF-8);
                `journal config set region CODE` sets another.

                """)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        sandbox.environment["LANG"] = "en_GB.UTF-8"
        #expect(try json(try sandbox.run("config", "get", "region", "--json"))["region"] as? String == "GB")
        sandbox.environment["LANG"] = "C.UTF-8"
        #expect(try json(try sandbox.run("config", "get", "region", "--json"))["region"] is NSNull)
    }

    @Test func journalRegionOverridesTheLocaleAndTheJournal() throws {
        sandbox.environment["LANG"] = "en_CA.UTF-8"
        try sandbox.run("config", "set", "region", "GB")
        sandbox.environment["JOURNAL_REGION"] = "NZ"
        let object = try json(try sandbox.run("safety", "--red-flags", "--json"))
        let region = try #require(object["region"] as? [String: Any])
        #expect(region["region"] as? String == "NZ")
        #expect(region["source"] as? String == "environment")
        #expect(region["stored"] as? String == "GB")
        let tiers = try #require(object["red_flag_tiers"] as? [[String: String]])
        #expect(tiers.first?["what_to_do"] == "call 111 or go to the nearest emergency department now")
        #expect(tiers.first?["severity"] == "urgent")
        let advice = try #require(object["advice"] as? [[String: String]])
        #expect(advice.map { $0["severity"] ?? "" } == ["urgent", "see-doctor", "see-gp"])
        #expect(advice.map { $0["tier"] ?? "" } == ["emergency", "same-day", "gp"])
        #expect(advice[1]["heading"] == "SEE A DOCTOR TODAY: YOUR GP, URGENT CARE OR HEALTHLINE 0800 611 116")
        #expect(
            advice[0]["recommendation"]
                == "Call 111 or go to the nearest emergency department now. These symptoms are an emergency: they "
                + "need emergency care now, not a physiotherapy appointment.")
    }

    @Test func safetyRedFlagsUsesTheRegionsWords() throws {
        sandbox.environment["LANG"] = "en_CA.UTF-8"
        let run = try sandbox.run("safety", "--red-flags")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.hasPrefix(
                """
                Red-flag symptoms and their ids for `journal checkin --red-flag`, in three tiers.

                Emergency: call 911 or go to the nearest emergency department now if you have
                any of these:
                """))
        #expect(
            run.stdout.contains(
                """
                Same day: call your family doctor for a same-day appointment, go to a walk-in
                clinic, or call 811 (the health line in most provinces) to speak to a nurse if
                you have any of these:
                """))
        #expect(
            run.stdout.hasSuffix(
                """
                Region: Canada (CA), from the locale (LANG=en_CA.UTF-8);
                `journal config set region CODE` sets another.

                """))
        #expect(!run.stdout.contains("999"))
    }

    @Test func safetyWithoutARegionListsTheCommonNumbersAndSaysHowToSetOne() throws {
        sandbox.environment["LANG"] = "C.UTF-8"
        let run = try sandbox.run("safety")
        #expect(run.status == 0, "\(run)")
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in [
            "Region: none: no region is set and the locale (LANG=C.UTF-8) names no country, so the advice names "
                + "the common emergency numbers. Set yours with `journal config set region CODE`",
            "Call your local emergency number (911 in North America, 999 in the UK, 112 in the EU, 000 in "
                + "Australia) or go to the nearest emergency department now.",
        ] {
            #expect(words.contains(phrase), "missing \(phrase)")
        }
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let object = try json(try sandbox.run("safety", "--json"))
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(
            (rules.first?["what_to_do"] as? String)?.hasPrefix("Call your local emergency number (911 in North") == true
        )
    }
}

@Suite struct RegionStorageCommandTests {
    let sandbox = Sandbox()

    @Test func aStoredRegionThisVersionDoesNotKnowNeverKeepsSafetyFromAdvising() throws {
        sandbox.environment["LANG"] = "C.UTF-8"
        try sandbox.run("config", "set", "region", "CA")
        _ = try sandbox.sql("UPDATE settings SET value = 'JP' WHERE name = 'region'")
        // The advice in the environment's words; the stored code named after it, as every screen names it.
        let safety = try sandbox.run("safety", "--red-flags")
        #expect(safety.status == 65, "\(safety)")
        #expect(safety.stdout.contains("Emergency: call your local emergency number (911 in North America"))
        #expect(
            safety.stderr.hasPrefix(
                "journal: the journal's region 'JP' is not one this version knows; using the environment's "
                    + "(`journal config set region CODE` sets another).\n\nThe journal holds 1 value"),
            "\(safety)")
        #expect(safety.stderr.contains("settings row region, column value: 'JP'"), "\(safety)")
        // `config get` says it in the same words, and exits as every screen naming it does.
        let get = try sandbox.run("config", "get", "region")
        #expect(get.status == 65, "\(get)")
        #expect(get.stderr.hasPrefix(String(safety.stderr.prefix { $0 != "\n" })), "\(get)")
        #expect(try sandbox.run("config", "unset", "region").status == 0)
        #expect(try sandbox.run("config", "get", "region").status == 0)
    }

    @Test func theJournalRefusesARegionThatIsNotTwoCapitalLetters() throws {
        try sandbox.run("config", "set", "region", "GB")
        _ = try sandbox.sql("UPDATE settings SET value = 'gb' WHERE name = 'region'")
        #expect(try sandbox.sql("SELECT value FROM settings") == "GB\n")
    }

    @Test func aJournalThatCannotBeReadNeverKeepsSafetyFromAdvising() throws {
        try Data("not a journal, just words in a file\n".utf8).write(to: URL(fileURLWithPath: sandbox.database))
        sandbox.environment["LANG"] = "en_IE.UTF-8"
        let safety = try sandbox.run("safety", "--red-flags")
        #expect(safety.status == 0, "\(safety)")
        #expect(safety.stdout.contains("Emergency: call 112 or 999 or go to the nearest emergency department (ED)"))
        #expect(safety.stderr.hasPrefix("journal: could not read the journal's region setting ("), "\(safety)")
        #expect(safety.stderr.hasSuffix("); using the environment's.\n"))
        #expect(
            try String(contentsOfFile: sandbox.database, encoding: .utf8) == "not a journal, just words in a file\n")
    }
}
