import Testing

@testable import Journal

@Suite struct RepeatedRuleTests {
    func sessions(_ pains: [(Int, Int)], exercise: String = "bird-dog") -> [Entry] {
        pains.enumerated().map { index, pain in
            Fixture.entry(Int64(index + 1), exercise, day: index, before: pain.0, after: pain.1)
        }
    }

    @Test func twoRisesInThreeSessionsFireOnTheSecond() throws {
        let findings = RepeatedRule.findings(in: sessions([(3, 4), (3, 3), (3, 5)]))
        #expect(findings.map(\.entryID) == [3])
        #expect(findings.first?.message == "Pain rose in 2 of the last 3 sessions of bird-dog.")
        #expect(
            findings.first?.recommendation(Fixture.uk)
                == "Keep bird-dog on hold until a physiotherapist has assessed you.")
    }

    @Test func oneRiseIsNotRepeated() throws {
        #expect(RepeatedRule.findings(in: sessions([(3, 4), (3, 3), (3, 3)])).isEmpty)
    }

    @Test func twoRisesFourSessionsApartAreNotRepeated() throws {
        // Rises at sessions 1 and 4: never 2 within any 3 consecutive sessions.
        #expect(RepeatedRule.findings(in: sessions([(3, 4), (3, 3), (3, 3), (3, 4)])).isEmpty)
    }

    @Test func otherExercisesDoNotCount() throws {
        let mixed = [
            Fixture.entry(1, "bird-dog", day: 0, before: 2, after: 3),
            Fixture.entry(2, "side-plank", day: 1, before: 2, after: 3),
        ]
        #expect(RepeatedRule.findings(in: mixed).isEmpty)
    }
}
