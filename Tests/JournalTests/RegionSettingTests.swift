import TestSupport
import Testing

@testable import Journal

@Suite struct RegionSettingTests {
    func resolve(_ environment: [String: String], stored: String? = nil) throws -> RegionSetting {
        try RegionSetting.resolve(stored: stored, environment: environment)
    }

    @Test func theLocalesCountryNamesTheRegionWhenNothingIsSet() throws {
        let canada = try resolve(["LANG": "en_CA.UTF-8"])
        #expect(canada.region == .canada)
        #expect(canada.source == .locale(variable: "LANG", value: "en_CA.UTF-8"))
        #expect(
            canada.explanation
                == "Canada (CA), from the locale (LANG=en_CA.UTF-8); `journal config set region CODE` sets another.")
        #expect(try resolve(["LANG": "en_GB"]).region == .unitedKingdom)
        #expect(try resolve(["LANG": "fr_FR.UTF-8@euro"]).region == .europeanUnion)
        #expect(try resolve(["LANG": "en_AU.UTF-8"]).region == .australia)
    }

    @Test func cPosixAndALocaleWithoutACountryLeaveNoRegion() throws {
        for locale in ["C", "POSIX", "C.UTF-8", "en", "en_IN.UTF-8"] {
            let setting = try resolve(["LANG": locale])
            #expect(setting.region == nil, "\(locale)")
            #expect(setting.source == .none(locale: ("LANG", locale)))
            #expect(setting.advice == RegionalAdvice(region: nil))
        }
        #expect(try resolve([:]).source == .none(locale: nil))
        #expect(
            try resolve(["LANG": "C.UTF-8"]).explanation
                == "none: no region is set and the locale (LANG=C.UTF-8) names no country, so the advice names the "
                + "common emergency numbers. Set yours with `journal config set region CODE`, CODE one of GB, CA, US, "
                + "IE, AU, NZ or EU (or an EU country's code, such as DE).")
        #expect(
            try resolve(["LANG": "en_IN.UTF-8"]).explanation.hasPrefix(
                "none: no region is set and the locale (LANG=en_IN.UTF-8) names IN, which journal has no words for,"))
    }

    @Test func theLocaleIsReadAsPOSIXReadsIt_LC_ALLThenLC_MESSAGESThenLANG() throws {
        // LC_ALL=C wins over LANG, even though it names no country.
        #expect(try resolve(["LC_ALL": "C", "LANG": "en_CA.UTF-8"]).region == nil)
        #expect(try resolve(["LC_MESSAGES": "en_NZ.UTF-8", "LANG": "en_GB.UTF-8"]).region == .newZealand)
        // Set but empty is unset.
        let setting = try resolve(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_IE.UTF-8"])
        #expect(setting.region == .ireland)
        #expect(setting.source == .locale(variable: "LANG", value: "en_IE.UTF-8"))
    }

    @Test func theJournalsSettingBeatsTheLocale() throws {
        let setting = try resolve(["LANG": "en_GB.UTF-8"], stored: "US")
        #expect(setting.region == .unitedStates)
        #expect(setting.source == .journal)
        #expect(setting.explanation == "United States (US), set with `journal config set region US`.")
    }

    @Test func journalRegionOverridesTheJournalsSettingAndTheLocale() throws {
        let setting = try resolve(["JOURNAL_REGION": "nz", "LANG": "en_CA.UTF-8"], stored: "GB")
        #expect(setting.region == .newZealand)
        #expect(setting.source == .environment(overrides: "GB"))
        #expect(setting.stored == "GB")
        #expect(
            setting.explanation
                == "New Zealand (NZ), from JOURNAL_REGION=NZ, which overrides the journal's setting (GB).")
        #expect(try resolve(["JOURNAL_REGION": "", "LANG": "en_CA.UTF-8"]).region == .canada)
    }

    @Test func aStoredCodeIsReadAsATypedOneIsWhitespaceAndCaseAside() throws {
        for stored in ["GB\n", " GB", "gb", "\tGb\r\n"] {
            #expect(Region.named(by: stored) == .unitedKingdom, "\(stored)")
            let setting = try RegionSetting.inForce(stored: stored, environment: ["LANG": "en_US.UTF-8"])
            #expect(setting.region == .unitedKingdom, "\(stored)")
            #expect(setting.setAside == nil, "\(stored)")
            #expect(try resolve(["LANG": "en_US.UTF-8"], stored: stored).region == .unitedKingdom, "\(stored)")
        }
        let unknown = try RegionSetting.inForce(stored: " JP", environment: ["LANG": "en_US.UTF-8"])
        #expect(unknown.region == .unitedStates)
        #expect(unknown.setAside == " JP")
        #expect(Region.named(by: "G B") == nil)
    }

    @Test func anUnknownRegionInTheEnvironmentOrTheJournalIsRefused() {
        #expect(throws: JournalError.self) { try resolve(["JOURNAL_REGION": "XX"]) }
        #expect(throws: JournalError.self) { try resolve([:], stored: "ZZ") }
    }

    @Test func theCountryOfALocaleName() {
        #expect(RegionSetting.country(ofLocale: "en_CA.UTF-8") == "CA")
        #expect(RegionSetting.country(ofLocale: "de_DE@euro") == "DE")
        #expect(RegionSetting.country(ofLocale: "en_gb") == "GB")
        #expect(RegionSetting.country(ofLocale: "C.UTF-8") == nil)
        #expect(RegionSetting.country(ofLocale: "POSIX") == nil)
        #expect(RegionSetting.country(ofLocale: "sr_RS.UTF-8@latin") == "RS")
        #expect(RegionSetting.country(ofLocale: "es_419") == nil)
    }

    @Test func theRegionIsStoredInTheJournalAndRemoved() throws {
        let directory = TemporaryDirectory()
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        #expect(try store.storedRegion() == nil)
        try store.setRegion(.canada)
        try store.setRegion(.australia)
        #expect(try store.storedRegion() == "AU")
        #expect(try JournalStore(path: directory.file("j.sqlite3")).storedRegion() == "AU")
        #expect(try store.unsetRegion() == "AU")
        #expect(try store.unsetRegion() == nil)
        #expect(try store.storedRegion() == nil)
    }
}
