import Testing

@testable import Journal

@Suite struct RedFlagRuleTests {
    // The UK's words (``Fixture/uk``), written out by hand.
    static let emergency =
        "Call 999 or go to A&E now. These symptoms are an emergency: they need emergency care now, not a "
        + "physiotherapy appointment."
    static let sameDay =
        "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today, not a "
        + "physiotherapy appointment."
    static let seeGP =
        "Book a GP appointment. This is not an emergency, but a doctor should see it, not only a physiotherapist."

    /// One red flag and what it should raise, written out by hand.
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let severity: Finding.Severity
        let recommendation: String
        let symptom: String

        init(_ id: String, _ severity: Finding.Severity, _ recommendation: String, _ symptom: String) {
            self.id = id
            self.severity = severity
            self.recommendation = recommendation
            self.symptom = symptom
        }

        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case("both-legs", .urgent, emergency, "pain, tingling, weakness or numbness in both legs"),
        Case("saddle-numbness", .urgent, emergency, "numbness or tingling around the genitals or buttocks"),
        Case("bladder-bowel", .urgent, emergency, "difficulty peeing, or loss of bladder or bowel control"),
        Case(
            "sexual-function", .urgent, emergency, "new loss of sexual function, such as problems getting an erection"),
        Case("chest-pain", .urgent, emergency, "chest pain"),
        Case(
            "major-trauma", .urgent, emergency,
            "back pain that started after a serious accident, such as a car accident"),
        Case("fever", .seeDoctor, sameDay, "a high temperature, or feeling hot and shivery"),
        Case("weight-loss", .seeDoctor, sameDay, "weight lost without trying"),
        Case("back-lump", .seeDoctor, sameDay, "a lump or swelling in the back, or the back changing shape"),
        Case("night-pain", .seeDoctor, sameDay, "pain that does not improve after resting, or is much worse at night"),
        Case("cough-sneeze", .seeDoctor, sameDay, "pain made worse by sneezing, coughing or pooing"),
        Case("upper-back", .seeDoctor, sameDay, "pain coming from the top of the back, between the shoulder blades"),
        Case("one-leg", .seeGP, seeGP, "sciatica, or weakness or numbness in one leg, that is getting worse"),
    ]

    @Test(arguments: cases)
    func eachRedFlagRaisesItsTiersFindingWithItsWords(_ expected: Case) throws {
        let flag = try RedFlag(parsing: expected.id)
        #expect(flag.rawValue == expected.id)
        #expect(flag.symptom == expected.symptom)
        let findings = RedFlagRule.findings(for: Fixture.checkIn(3, day: 0, hour: 8, pain: 2, flags: [flag]))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "red-flag")
        #expect(finding.severity == expected.severity)
        #expect(finding.checkInID == 3)
        #expect(finding.message == "You recorded \(expected.symptom).")
        #expect(finding.recommendation(Fixture.uk) == expected.recommendation)
    }

    @Test func everyIdHasACase() throws {
        #expect(Self.cases.map(\.id) == RedFlag.allCases.map(\.rawValue))
    }

    @Test func theTiersAreTheNHSsThree() throws {
        #expect(
            RedFlag.of(.emergency).map(\.rawValue)
                == ["both-legs", "saddle-numbness", "bladder-bowel", "sexual-function", "chest-pain", "major-trauma"])
        #expect(
            RedFlag.of(.sameDay).map(\.rawValue)
                == ["fever", "weight-loss", "back-lump", "night-pain", "cough-sneeze", "upper-back"])
        #expect(RedFlag.of(.seeGP).map(\.rawValue) == ["one-leg"])
        #expect(RedFlag.Tier.allCases.map(AdviceTier.init) == [.emergency, .sameDay, .gp])
    }

    @Test func legWeaknessIsRefusedNotReadAsBothLegs() throws {
        #expect(throws: JournalError.self) { try RedFlag(parsing: "leg-weakness") }
        #expect(throws: JournalError.self) { try RedFlag(parsing: " Leg-Weakness ") }
        #expect(RedFlag(rawValue: "leg-weakness") == nil)
        #expect(!RedFlag.allCases.map(\.rawValue).contains("leg-weakness"))
    }

    @Test func flagsOfBothTiersRaiseOneFindingEachWithTheirOwnSymptoms() throws {
        let checkIn = Fixture.checkIn(
            3, day: 0, hour: 8, pain: 2, flags: [.nightPain, .fever, .bladderBowel, .bothLegs])
        let findings = RedFlagRule.findings(for: checkIn)
        #expect(findings.map(\.severity) == [.urgent, .seeDoctor])
        #expect(findings.map(\.rule) == ["red-flag", "red-flag"])
        #expect(
            findings.map(\.message) == [
                "You recorded pain, tingling, weakness or numbness in both legs; difficulty peeing, or loss of bladder "
                    + "or bowel control.",
                "You recorded a high temperature, or feeling hot and shivery; pain that does not improve after "
                    + "resting, or is much worse at night.",
            ])
        #expect(findings.map { $0.recommendation(Fixture.uk) } == [Self.emergency, Self.sameDay])
    }

    @Test func noRedFlagNoFinding() throws {
        #expect(RedFlagRule.findings(for: Fixture.checkIn(3, day: 0, hour: 8, pain: 9)).isEmpty)
    }

    @Test func severitiesRankUrgentThenSeeDoctorThenStopThenSeeGPThenCaution() throws {
        #expect(Finding.Severity.urgent > .seeDoctor)
        #expect(Finding.Severity.seeDoctor > .stop)
        #expect(Finding.Severity.stop > .seeGP)
        #expect(Finding.Severity.seeGP > .caution)
        #expect(Finding.Severity.allCases.sorted(by: >) == [.urgent, .seeDoctor, .stop, .seeGP, .caution])
        #expect(
            Finding.Severity.allCases.map(\.description) == ["caution", "see-gp", "stop", "see-doctor", "urgent"])
    }

    @Test func urgentComesBeforeEverythingElse() throws {
        let findings = Rules.evaluate(
            entries: [Fixture.entry(1, day: 0, before: 2, after: 8)],
            checkIns: [Fixture.checkIn(3, day: 1, hour: 8, pain: 5, flags: [.saddleNumbness, .weightLoss])])
        #expect(findings.map(\.rule) == ["red-flag", "red-flag", "high-pain", "more-pain", "next-morning"])
        #expect(findings.map(\.severity) == [.urgent, .seeDoctor, .stop, .stop, .caution])
    }

    @Test func idsParseAndUnknownOnesListTheValidOnes() throws {
        #expect(try RedFlag(parsing: "Saddle-Numbness") == .saddleNumbness)
        #expect(throws: JournalError.unknownRedFlag("numb")) { try RedFlag(parsing: "numb") }
        #expect(
            JournalError.unknownRedFlag("numb").description
                == "unknown red flag \"numb\"; `journal safety --red-flags` lists the ids: both-legs, saddle-numbness, "
                + "bladder-bowel, sexual-function, chest-pain, major-trauma, fever, weight-loss, back-lump, night-pain, "
                + "cough-sneeze, upper-back, one-leg."
        )
    }
}
