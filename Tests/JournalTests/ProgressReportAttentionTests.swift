import Testing

@testable import Journal

/// Needs attention tells every finding that stood at any time in the period (issue #26): the pain
/// trend once for each stretch of days it stood, as of each day's end.
@Suite struct ProgressReportAttentionTests {
    /// One session a day on days 0–27 (20 Nov – 17 Dec, London winter), pain before 3 but 5 on
    /// days 14–16: the trend stands as of the ends of days 16–20, 6–10 Dec (``WorseningRuleTests``).
    static let entries = (0...27).map { day in
        let pain = (14...16).contains(day) ? 5 : 3
        return Fixture.entry(Int64(day + 1), day: day, hour: 18, before: pain, after: pain)
    }

    /// The report of `from`–`to` as the store makes it: the findings with the trend as of the last
    /// day, and the trend's stretches.
    func report(_ from: String, _ to: String) throws -> ProgressReport {
        let period = try #require(Period(from: Fixture.date(from), to: Fixture.date(to)))
        let worsening = [WorseningRule.finding(in: Self.entries, today: period.to)].compactMap { $0 }
        var report = ProgressReport.make(
            entries: Self.entries, period: period, region: Fixture.britain,
            findings: Rules.evaluate(entries: Self.entries, checkIns: []) + worsening)
        report.worsening = WorseningRule.stretches(in: Self.entries, over: period)
        return report
    }

    @Test func aTrendThatStoodInsideThePeriodIsToldWithItsDays() throws {
        let report = try report("2026-11-20", "2026-12-17")
        // It no longer stands on the last day: the findings alone hold nothing.
        #expect(report.findings.isEmpty)
        #expect(report.attention.map(\.stood) == [Fixture.date("2026-12-06")...Fixture.date("2026-12-10")])
        let text = ReportText.render(report)
        #expect(
            text.contains(
                """
                Needs attention
                SEE A GP pain trend, stood 6–10 Dec (5 days)
                        Mean pain before exercise over the last 7 days was 3.9, up from 3.0 in
                        the 7 days before (+0.9, +30%).
                        Contact a physiotherapist about the rise in your pain. Book a GP
                        appointment. This is not an emergency, but a doctor should see it, not
                        only a physiotherapist.

                Pain
                """), "\(text)")
        #expect(!text.contains("nothing, no holds or safety findings"))
    }

    @Test func aStretchEndingOnTheLastDayIsToldOnce() throws {
        let report = try report("2026-11-20", "2026-12-08")
        // The trend as of the last day is one of the period's findings, and the stretch tells it.
        #expect(report.findings.map(\.rule) == [WorseningRule.id])
        #expect(report.attention.map(\.stood) == [Fixture.date("2026-12-06")...Fixture.date("2026-12-08")])
        #expect(ReportText.heading(report.attention[0]) == "pain trend, stood 6–8 Dec (3 days)")
    }

    @Test func nothingOnlyWhenNothingStoodOnAnyDay() throws {
        let report = try report("2026-11-20", "2026-12-05")
        #expect(report.worsening.isEmpty)
        #expect(
            ReportText.render(report).contains("Needs attention: nothing, no holds or safety findings in this period."))
    }

    @Test func dayRangesNameTheMonthOnce() {
        #expect(Figures.dayRange(Fixture.date("2026-10-23")...Fixture.date("2026-10-27")) == "23–27 Oct")
        #expect(Figures.dayRange(Fixture.date("2026-10-30")...Fixture.date("2026-11-02")) == "30 Oct – 2 Nov")
        #expect(Figures.dayRange(Fixture.date("2026-10-27")...Fixture.date("2026-10-27")) == "27 Oct")
        #expect(Figures.dayRange(Fixture.date("2026-12-31")...Fixture.date("2027-01-01")) == "31 Dec – 1 Jan")
    }
}
