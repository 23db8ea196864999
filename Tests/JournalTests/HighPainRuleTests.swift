import Testing

@testable import Journal

@Suite struct HighPainRuleTests {
    @Test(arguments: [(2, 5, false), (5, 5, false), (7, 6, true), (3, 10, true)])
    func firesOnlyAboveFiveWhetherOrNotPainRose(before: Int, after: Int, fires: Bool) throws {
        let finding = HighPainRule.finding(for: Fixture.entry(1, before: before, after: after))
        #expect((finding != nil) == fires)
        if let finding {
            #expect(finding.severity == .stop)
            #expect(
                finding.message
                    == "Pain after glute-bridge was \(after) out of 10: above 5 is more than exercise should cause.")
            #expect(
                finding.recommendation(Fixture.uk)
                    == "Stop doing glute-bridge and talk to a physiotherapist before you continue with it.")
        }
    }

    @Test func withMorePainBothFireHighPainFirst() throws {
        let findings = Rules.evaluate(Fixture.entry(1, before: 4, after: 6))
        #expect(findings.map(\.rule) == ["high-pain", "more-pain"])
        #expect(findings.allSatisfy { $0.severity == .stop && $0.entryID == 1 })
    }
}
