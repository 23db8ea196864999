import Foundation
import Testing

@testable import Journal

/// Each tier's words (``Advice``) against docs/safety.md, which quotes the NHS beside each rule:
/// the words journal prints are the words the page documents, row by row.
@Suite struct AdviceTests {
    /// docs/safety.md with its whitespace folded, so that a wrapped line reads as one.
    static let safety: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs").appendingPathComponent("safety.md").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }()

    @Test(arguments: RedFlag.Tier.allCases)
    func eachTiersRecommendationIsQuotedInSafetyMD(_ tier: RedFlag.Tier) throws {
        #expect(!Self.safety.isEmpty)
        #expect(Self.safety.contains("\"\(Advice.recommendation(for: tier))\""), "\(tier)")
        #expect(RedFlagRule.recommendation(for: tier) == Advice.recommendation(for: tier))
    }

    @Test(arguments: RedFlag.allCases)
    func eachRedFlagHasItsRowWithItsTierAndTheSourceQuoted(_ flag: RedFlag) throws {
        // "| the source says … | `id` | `severity`: "symptom"; what to do |"
        let row = try #require(
            Self.safety.components(separatedBy: " | ").firstIndex(of: "`\(flag.rawValue)`").map { index in
                Array(Self.safety.components(separatedBy: " | ")[(index - 1)...(index + 1)])
            }, "no row for \(flag.rawValue)")
        #expect(row[0].contains("NHS, *"), "\(flag.rawValue): the source is not quoted")
        let severity = RedFlagRule.severity(of: flag.tier).description
        let action = String(Advice.action(for: flag.tier).prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
        #expect(row[2].hasPrefix("`\(severity)`: \"\(flag.symptom)\"; \(action)"), "\(row[2])")
    }

    @Test func theBannerHeadingsAndTheGPLineAreTheDocumentedOnes() throws {
        for severity in Finding.Severity.allCases {
            for today in [true, false] {
                guard let banner = Advice.banner(for: severity, recordedToday: today) else { continue }
                #expect(Self.safety.contains("\"\(banner)\""), "\(banner)")
            }
        }
        #expect(Advice.banner(for: .seeDoctor, recordedToday: true)?.contains("TODAY") == true)
        #expect(Advice.banner(for: .seeDoctor, recordedToday: false)?.contains("TODAY") == false)
        #expect(Self.safety.contains("\"\(Advice.gpLine)\""))
        #expect(Advice.gpLine == "Book a GP appointment; this is not an emergency.")
    }

    @Test func legWeaknessIsRefusedWithAQuestionNamingBothIDs() throws {
        #expect(throws: JournalError.self) { try RedFlag(parsing: "leg-weakness") }
        do {
            _ = try RedFlag(parsing: "Leg-Weakness")
        } catch let error as JournalError {
            #expect(error.description.contains("both-legs (call 999"))
            #expect(error.description.contains("one-leg (book a GP appointment)"))
        }
        #expect(try RedFlag(parsing: "one-leg").tier == .seeGP)
        #expect(try RedFlag(parsing: "cough-sneeze").tier == .sameDay)
        #expect(try RedFlag(parsing: "upper-back").tier == .sameDay)
    }
}
