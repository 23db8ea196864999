import Testing

@testable import Journal

@Suite struct MorePainRuleTests {
    func entry(before: Int, after: Int, id: Int64 = 7) throws -> Entry {
        try Entry(
            id: id, exerciseID: "glute-bridge", performedAt: 1_795_600_800, utcOffset: 3600,
            painBefore: #require(PainLevel(before)), painAfter: #require(PainLevel(after)), createdAt: 0)
    }

    @Test func painOnePointHigherAfterIsAStop() throws {
        let findings = MorePainRule.findings(in: [try entry(before: 4, after: 5)])
        #expect(
            findings == [
                Finding(
                    rule: "more-pain", severity: .stop, entryID: 7, exerciseID: "glute-bridge",
                    performedAt: 1_795_600_800, utcOffset: 3600,
                    message: "Pain went up during glute-bridge, from 4 before to 5 after.",
                    note: "Stop doing glute-bridge and see a physiotherapist before you continue with it.")
            ])
    }

    @Test func itsAdviceNamesAnyExerciseForAReportToSayItOnce() throws {
        // The HTML report's Needs attention says each tier's advice once, the exercise "EXERCISE".
        let finding = try #require(MorePainRule.finding(for: try entry(before: 4, after: 5)))
        let advice = RegionalAdvice(region: nil)
        #expect(
            finding.recommendation(advice, naming: "EXERCISE")
                == "Stop doing EXERCISE and see a physiotherapist before you continue with it.")
        #expect(finding.recommendation(advice, naming: "glute-bridge") == finding.recommendation(advice))
        // A rule whose advice names no exercise says it as it is.
        let morning = Finding(
            rule: "next-morning", severity: .caution, checkInID: 3, exerciseID: nil, performedAt: 0, utcOffset: 0,
            message: "", note: "Do less.")
        #expect(morning.recommendation(advice, naming: "EXERCISE") == "Do less.")
    }

    @Test(arguments: [(4, 4), (4, 3), (0, 0), (10, 0)])
    func equalOrLowerPainFindsNothing(before: Int, after: Int) throws {
        #expect(MorePainRule.findings(in: [try entry(before: before, after: after)]).isEmpty)
    }

    @Test func rulesSortNewestFirstWithinASeverity() throws {
        var older = try entry(before: 1, after: 2, id: 1)
        older.performedAt -= 86_400
        let newer = try entry(before: 1, after: 3, id: 2)
        #expect(Rules.sorted(MorePainRule.findings(in: [older, newer])).map(\.entryID) == [2, 1])
    }
}
