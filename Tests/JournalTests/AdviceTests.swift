import Foundation
import Testing

@testable import Journal

/// The tiers' words as findings, banners and labels carry them, region by region, against
/// docs/safety.md (``RegionalAdviceTests`` reads its table of each region's words).
@Suite struct AdviceTests {
    /// docs/safety.md with its whitespace folded, so that a wrapped line reads as one.
    static let safety: String = SafetyDoc.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")

    static let regions: [Region?] = [nil] + Region.known

    @Test(arguments: RedFlag.Tier.allCases)
    func aRedFlagFindingRecommendsWhatTheRegionsTableSaysInEveryRegion(_ tier: RedFlag.Tier) throws {
        let flag = try #require(RedFlag.of(tier).first)
        let finding = try #require(
            RedFlagRule.findings(for: Fixture.checkIn(1, day: 0, hour: 8, pain: 2, flags: [flag])).first)
        #expect(finding.tier == AdviceTier(tier))
        for region in Self.regions {
            let advice = RegionalAdvice(region: region)
            #expect(finding.recommendation(advice) == advice.recommendation(AdviceTier(tier)))
        }
    }

    @Test func theUKsAndCanadasRecommendationsWordForWord() throws {
        let both = Fixture.checkIn(1, day: 0, hour: 8, pain: 2, flags: [.bothLegs, .fever])
        let findings = RedFlagRule.findings(for: both)
        #expect(
            findings.map { $0.recommendation(Fixture.uk) } == [
                "Call 999 or go to A&E now. These symptoms are an emergency: they need emergency care now, not a "
                    + "physiotherapy appointment.",
                "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today, not a "
                    + "physiotherapy appointment.",
            ])
        let canada = RegionalAdvice(region: .canada)
        #expect(
            findings.map { $0.recommendation(canada) } == [
                "Call 911 or go to the nearest emergency department now. These symptoms are an emergency: they need "
                    + "emergency care now, not a physiotherapy appointment.",
                "Call your family doctor for a same-day appointment, go to a walk-in clinic, or call 811 (the health "
                    + "line in most provinces) to speak to a nurse. These symptoms need a doctor today, not a "
                    + "physiotherapy appointment.",
            ])
        for finding in findings {
            #expect(!finding.recommendation(canada).contains("999"))
            #expect(!finding.recommendation(canada).contains("111"))
        }
        let severe = try #require(SeverePainRule.finding(for: Fixture.checkIn(2, day: 0, hour: 8, pain: 9)))
        #expect(
            severe.recommendation(RegionalAdvice(region: .unitedStates))
                == "Make an appointment with your doctor. This is not an emergency, but a doctor should see it, not "
                + "only a physiotherapist.")
        #expect(
            severe.recommendation(RegionalAdvice(region: nil))
                == "Make an appointment with your doctor. This is not an emergency, but a doctor should see it, not "
                + "only a physiotherapist.")
    }

    @Test(arguments: RedFlag.allCases)
    func eachRedFlagHasItsRowWithItsTierAndTheSourceQuoted(_ flag: RedFlag) throws {
        // "| the source says … | `id` | `severity`: "symptom"; the tier in brief |"
        let row = try #require(
            Self.safety.components(separatedBy: " | ").firstIndex(of: "`\(flag.rawValue)`").map { index in
                Array(Self.safety.components(separatedBy: " | ")[(index - 1)...(index + 1)])
            }, "no row for \(flag.rawValue)")
        #expect(row[0].contains("NHS, *"), "\(flag.rawValue): the source is not quoted")
        let severity = RedFlagRule.severity(of: flag.tier).description
        #expect(
            row[2] == "`\(severity)`: \"\(flag.symptom)\"; \(AdviceTier(flag.tier).inBrief)", "\(row[2])")
    }

    @Test func theBannersAreTheRegionsHeadingsTodayOnlyForSomethingRecordedToday() throws {
        for region in Self.regions {
            let advice = RegionalAdvice(region: region)
            for severity in Finding.Severity.allCases {
                guard let tier = Advice.tier(of: severity) else {
                    #expect(Advice.banner(for: severity, recordedToday: true, advice: advice) == nil)
                    continue
                }
                #expect(Advice.banner(for: severity, recordedToday: true, advice: advice) == advice.heading(tier))
                let earlier = try #require(Advice.banner(for: severity, recordedToday: false, advice: advice))
                #expect(earlier.contains("TODAY") == false, "\(earlier)")
            }
        }
        #expect(
            Advice.banner(for: .seeDoctor, recordedToday: false, advice: Fixture.uk)
                == "SEE A DOCTOR: URGENT GP APPOINTMENT OR 111")
        #expect(
            Advice.banner(for: .seeDoctor, recordedToday: false, advice: RegionalAdvice(region: .canada))
                == "SEE A DOCTOR: FAMILY DOCTOR, WALK-IN CLINIC OR 811")
        #expect(
            Advice.banner(for: .seeDoctor, recordedToday: false, advice: RegionalAdvice(region: nil)) == "SEE A DOCTOR")
        #expect(Self.safety.contains("\"SEE A DOCTOR: URGENT GP APPOINTMENT OR 111\""))
    }

    @Test func theReportsLabelsAreTheRegions() throws {
        func labels(_ region: Region?) -> [String?] {
            [Finding.Severity.urgent, .seeDoctor, .seeGP].flatMap { severity in
                [true, false].map {
                    Advice.label(for: severity, recordedToday: $0, advice: RegionalAdvice(region: region))
                }
            }
        }
        #expect(
            labels(.unitedKingdom) == [
                "URGENT: SEEK EMERGENCY CARE NOW", "URGENT: SEEK EMERGENCY CARE NOW", "SEE A DOCTOR TODAY",
                "SEE A DOCTOR", "SEE A GP", "SEE A GP",
            ])
        #expect(
            labels(.unitedStates) == [
                "URGENT: CALL 911 OR GO TO THE EMERGENCY ROOM NOW", "URGENT: CALL 911 OR GO TO THE EMERGENCY ROOM NOW",
                "SEE A DOCTOR TODAY", "SEE A DOCTOR", "SEE YOUR DOCTOR", "SEE YOUR DOCTOR",
            ])
        #expect(Advice.label(for: .stop, recordedToday: true, advice: Fixture.uk) == nil)
    }

    @Test func legWeaknessIsRefusedWithAQuestionNamingBothIDs() throws {
        #expect(throws: JournalError.self) { try RedFlag(parsing: "leg-weakness") }
        do {
            _ = try RedFlag(parsing: "Leg-Weakness")
        } catch let error as JournalError {
            #expect(error.description.contains("both-legs (emergency care now)"))
            #expect(error.description.contains("one-leg (a doctor's appointment, not an emergency)"))
        }
        #expect(try RedFlag(parsing: "one-leg").tier == .seeGP)
        #expect(try RedFlag(parsing: "cough-sneeze").tier == .sameDay)
        #expect(try RedFlag(parsing: "upper-back").tier == .sameDay)
    }
}
