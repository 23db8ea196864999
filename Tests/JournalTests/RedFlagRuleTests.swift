import Testing

@testable import Journal

@Suite struct RedFlagRuleTests {
    @Test func anyRedFlagIsUrgentAndNamesTheSymptoms() throws {
        let checkIn = Fixture.checkIn(3, day: 0, hour: 8, pain: 2, flags: [.fever, .bladderBowel])
        let finding = try #require(RedFlagRule.finding(for: checkIn))
        #expect(finding.severity == .urgent)
        #expect(finding.checkInID == 3)
        #expect(
            finding.message
                == "You recorded new difficulty passing urine, or loss of bladder or bowel control; back pain with a fever."
        )
        #expect(finding.recommendation.hasPrefix("Seek emergency care now"))
    }

    @Test func noRedFlagNoFinding() throws {
        #expect(RedFlagRule.finding(for: Fixture.checkIn(3, day: 0, hour: 8, pain: 9)) == nil)
    }

    @Test func urgentComesBeforeEverythingElse() throws {
        let findings = Rules.evaluate(
            entries: [Fixture.entry(1, day: 0, before: 2, after: 8)],
            checkIns: [Fixture.checkIn(3, day: 1, hour: 8, pain: 5, flags: [.saddleNumbness])])
        #expect(findings.map(\.rule) == ["red-flag", "high-pain", "more-pain", "next-morning"])
        #expect(findings.map(\.severity) == [.urgent, .stop, .stop, .caution])
    }

    @Test func idsParseAndUnknownOnesListTheValidOnes() throws {
        #expect(try RedFlag(parsing: "Saddle-Numbness") == .saddleNumbness)
        #expect(throws: JournalError.unknownRedFlag("numb")) { try RedFlag(parsing: "numb") }
        #expect(
            JournalError.unknownRedFlag("numb").description
                == "unknown red flag \"numb\"; `journal safety --red-flags` lists the ids: bladder-bowel, saddle-numbness, leg-weakness, fever, weight-loss, major-trauma."
        )
    }
}
