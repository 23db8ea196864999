import Foundation
import Testing

@testable import Journal

/// docs/safety.md's tables of regional words, read from the file itself.
enum SafetyDoc {
    static let text: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/safety.md"), encoding: .utf8)) ?? ""
    }()

    /// The cells of each row of the table whose header row is `header`, quotes and backticks removed.
    static func table(header: String) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: header) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            line.split(separator: "|").map { cell in
                var text = cell.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                    text = String(text.dropFirst().dropLast())
                }
                return text.replacingOccurrences(of: "`", with: "")
            }
        }
    }
}

@Suite struct RegionalAdviceTests {
    @Test func everyTierOfEveryRegionIsWordForWordWhatSafetyMDQuotes() throws {
        let rows = SafetyDoc.table(header: "| region | tier | action | heading |")
        let regions: [Region?] = [nil] + Region.known
        #expect(rows.count == regions.count * AdviceTier.allCases.count, "\(rows)")
        for region in regions {
            let advice = RegionalAdvice(region: region)
            for tier in AdviceTier.allCases {
                let matching = rows.filter {
                    $0.first == (region?.code ?? "none") && $0.dropFirst().first == tier.rawValue
                }
                let row = try #require(matching.count == 1 ? matching.first : nil, "\(region?.code ?? "none") \(tier)")
                if row[2].hasPrefix("(none") {
                    #expect(!advice.hasOwnWords(tier), "\(region?.code ?? "none") \(tier)")
                    #expect(advice.words(tier) == RegionalAdvice(region: nil).words(tier))
                } else {
                    #expect(region == nil || advice.hasOwnWords(tier), "\(region?.code ?? "none") \(tier)")
                    #expect(advice.action(tier) == row[2])
                    #expect(advice.heading(tier) == row[3])
                }
            }
        }
    }

    @Test func eachTiersReasonAndSeverityAreWhatSafetyMDQuotes() throws {
        let rows = SafetyDoc.table(header: "| tier | severity | reason |")
        #expect(rows.map { $0[0] } == AdviceTier.allCases.map(\.rawValue))
        for (row, tier) in zip(rows, AdviceTier.allCases) {
            #expect(row[1] == tier.severityID)
            #expect(row[2] == tier.reason)
        }
    }

    @Test func theRecommendationIsTheActionAsASentenceThenTheReason() {
        #expect(
            RegionalAdvice(region: .canada).recommendation(.emergency)
                == "Call 911 or go to the nearest emergency department now. These symptoms are an emergency: they "
                + "need emergency care now, not a physiotherapy appointment.")
        #expect(
            RegionalAdvice(region: .unitedKingdom).recommendation(.sameDay)
                == "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today, not a "
                + "physiotherapy appointment.")
        #expect(
            RegionalAdvice(region: .australia).listHeading(.sameDay)
                == "Same day: see your GP today, or call healthdirect on 1800 022 222 to speak to a nurse if you "
                + "have any of these:")
    }

    @Test func aRegionWithoutWordsForATierGetsTheGenericWordsNeverAnotherCountrys() {
        let eu = RegionalAdvice(region: .europeanUnion)
        #expect(eu.action(.emergency) == "call 112 or go to the nearest emergency department now")
        #expect(
            eu.action(.sameDay)
                == "ask your doctor for an urgent appointment today, or call your local health advice line")
        #expect(eu.heading(.gp) == "SEE A DOCTOR: MAKE AN APPOINTMENT, NOT AN EMERGENCY")
        // Each region's own words name only its own numbers.
        let numbers = ["999", "111", "112", "911", "811", "000", "1800 022 222", "0800 611 116"]
        let own: [String: Set<String>] = [
            "GB": ["999", "111"], "CA": ["911", "811"], "US": ["911"], "IE": ["112", "999"],
            "AU": ["000", "1800 022 222"], "NZ": ["111", "0800 611 116"], "EU": ["112"],
        ]
        for region in Region.known {
            let advice = RegionalAdvice(region: region)
            let text = AdviceTier.allCases.filter(advice.hasOwnWords).map { advice.action($0) + advice.heading($0) }
                .joined()
            for number in numbers where text.contains(number) {
                #expect(own[region.code]?.contains(number) == true, "\(region.code) names \(number)")
            }
        }
    }

    @Test func theGenericEmergencyWordsListTheCommonNumbers() {
        #expect(
            RegionalAdvice(region: nil).action(.emergency)
                == "call your local emergency number (911 in North America, 999 in the UK, 112 in the EU, 000 in "
                + "Australia) or go to the nearest emergency department now")
    }

    @Test func aRegionCodeIsReadInAnyCaseWithUKAndEUCountries() throws {
        #expect(try Region(parsing: "ca") == .canada)
        #expect(try Region(parsing: " GB ") == .unitedKingdom)
        #expect(try Region(parsing: "uk") == .unitedKingdom)
        #expect(try Region(parsing: "DE") == .europeanUnion)
        #expect(try Region(parsing: "ie") == .ireland)
        #expect(Region.ofCountry("IN") == nil)
    }

    @Test func anUnknownRegionIsRefusedWithTheKnownOnes() {
        #expect(
            throws: JournalError.invalidSetting(
                name: "region", text: "XX",
                expected: "one of GB, CA, US, IE, AU, NZ or EU (or an EU country's code, such as DE)")
        ) { try Region(parsing: "XX") }
        #expect(
            "\(JournalError.invalidSetting(name: "region", text: "XX", expected: "one of \(Region.accepted)"))"
                == "region must be one of GB, CA, US, IE, AU, NZ or EU (or an EU country's code, such as DE); got \"XX\"."
        )
    }
}
