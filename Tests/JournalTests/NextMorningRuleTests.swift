import Testing

@testable import Journal

@Suite struct NextMorningRuleTests {
    /// Exercise on day 0 starting at pain 3 (09:00), then 4 (18:00).
    let day = [
        Fixture.entry(1, day: 0, hour: 9, before: 3, after: 3), Fixture.entry(2, day: 0, hour: 18, before: 4, after: 4),
    ]

    @Test(arguments: [(3, false), (4, true), (6, true)])
    func aMorningAboveTheDaysFirstPainBeforeFires(pain: Int, fires: Bool) throws {
        let findings = NextMorningRule.findings(
            entries: day, checkIns: [Fixture.checkIn(9, day: 1, hour: 7, pain: pain)])
        #expect((findings.count == 1) == fires)
        if let finding = findings.first {
            #expect(finding.severity == .caution)
            #expect(finding.checkInID == 9)
            #expect(finding.exerciseID == nil)
            #expect(
                finding.message
                    == "The morning after exercising on 2026-11-20, pain was \(pain), higher than the 3 you started that day with."
            )
        }
    }

    @Test func theAfternoonIsNotTheMorning() throws {
        #expect(
            NextMorningRule.findings(entries: day, checkIns: [Fixture.checkIn(9, day: 1, hour: 12, pain: 8)]).isEmpty)
        #expect(
            NextMorningRule.findings(
                entries: day, checkIns: [Fixture.checkIn(9, day: 1, hour: 11, minute: 59, pain: 8)]
            ).count == 1)
    }

    @Test func theSameDayAndTwoDaysLaterDoNotCount() throws {
        #expect(
            NextMorningRule.findings(entries: day, checkIns: [Fixture.checkIn(9, day: 0, hour: 8, pain: 8)]).isEmpty)
        #expect(
            NextMorningRule.findings(entries: day, checkIns: [Fixture.checkIn(9, day: 2, hour: 8, pain: 8)]).isEmpty)
    }

    @Test func oneFindingPerMorning() throws {
        let checkIns = [Fixture.checkIn(9, day: 1, hour: 7, pain: 5), Fixture.checkIn(10, day: 1, hour: 8, pain: 6)]
        #expect(NextMorningRule.findings(entries: day, checkIns: checkIns).map(\.checkInID) == [9])
    }

    @Test func localDaysAcrossMidnightAndDaylightSaving() throws {
        // New York: exercise at 23:30 EDT on Saturday 2026-10-31 (03:30 UTC on 11-01); clocks go back at 02:00
        // on Sunday; a check-in at 07:00 EST on Sunday 2026-11-01 is that exercise's next morning.
        let evening = try Entry(
            id: 1, exerciseID: "bird-dog", performedAt: 1_793_503_800, utcOffset: -14400,
            painBefore: #require(PainLevel(2)), painAfter: #require(PainLevel(2)), createdAt: 0)
        let morning = try CheckIn(
            id: 5, performedAt: 1_793_534_400, utcOffset: -18000, pain: #require(PainLevel(4)), createdAt: 0)
        #expect(morning.localTime.iso8601 == "2026-11-01T07:00:00-05:00")
        let findings = NextMorningRule.findings(entries: [evening], checkIns: [morning])
        #expect(findings.map(\.checkInID) == [5])
        #expect(findings.first?.message.contains("exercising on 2026-10-31") == true)
        // The same evening entry read at its UTC date (11-01) would make a check-in on 11-02 the next morning: it is not.
        let dayAfter = try CheckIn(
            id: 6, performedAt: 1_793_534_400 + 86_400, utcOffset: -18000, pain: #require(PainLevel(9)), createdAt: 0)
        #expect(NextMorningRule.findings(entries: [evening], checkIns: [dayAfter]).isEmpty)
    }
}
