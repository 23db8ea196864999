import Testing

@testable import Journal

/// The holds and red flags that stood during a report's period, each with the days of the period
/// it stood (``ProgressReport/Stood``), and how Needs attention tells them; hand-worked days.
@Suite struct StoodTests {
    /// 10 Oct – 20 Nov 2026: 42 days.
    let period =
        Period(from: Fixture.date("2026-10-10"), to: Fixture.date("2026-11-20"))
        ?? .week(endingOn: Fixture.date("2026-11-20"))

    /// Unix seconds of `day` at `hour`:`minute` on a clock `offset` seconds east of UTC.
    static func time(_ day: String, _ hour: Int, _ minute: Int = 0, offset: Int = 0) -> Int64 {
        Fixture.date(day).daysSinceEpoch * 86_400 + Int64(hour * 3_600 + minute * 60 - offset)
    }

    static func session(_ id: Int64, _ day: String, _ hour: Int, before: Int, after: Int, offset: Int = 0) throws
        -> Entry
    {
        var session = try Entry(
            id: id, exerciseID: "bird-dog", performedAt: time(day, hour, offset: offset), utcOffset: offset, sets: 1,
            reps: 10, painBefore: #require(PainLevel(before)), painAfter: #require(PainLevel(after)), createdAt: 0)
        session.recorded = Fixture.recorded(id)
        return session
    }

    static func hold(_ session: Entry) throws -> Hold {
        let stops = Rules.evaluate(session).filter { $0.severity == .stop }
        return Hold(since: try #require(stops.first), reasons: stops, session: session)
    }

    static func review(_ id: Int64, _ day: String, _ hour: Int, _ minute: Int = 0, offset: Int = 0) throws -> Review {
        try Review(
            id: id, exerciseID: "bird-dog", reviewedAt: time(day, hour, minute, offset: offset), utcOffset: offset,
            createdAt: time(day, hour, minute, offset: offset), seen: Fixture.seen(through: 100))
    }

    /// Crossing the period's start, its end, both, and neither: each counts the days of the period only.
    @Test func aHoldStandsFromItsSessionToItsReview() throws {
        #expect(period.dayCount == 42)
        let before = try Self.hold(Self.session(1, "2026-10-01", 8, before: 3, after: 6))
        let inside = try Self.hold(Self.session(2, "2026-10-24", 9, before: 2, after: 4, offset: 3_600))
        let after = try Self.hold(Self.session(3, "2026-11-15", 8, before: 2, after: 5))
        let start = ProgressReport.Stood.hold(before, liftedBy: try Self.review(1, "2026-10-20", 10), in: period)
        #expect(
            (start.days.lowerBound.iso8601, start.days.upperBound.iso8601, start.dayCount) == (
                "2026-10-10", "2026-10-20", 11
            ))
        #expect(start.liftedAt?.iso8601 == "2026-10-20T10:00:00+00:00")
        // Sat 24 Oct 09:00 BST to Tue 27 Oct 09:00 GMT: 24, 25, 26 and 27 Oct, the clocks changed on the 25th.
        let neither = ProgressReport.Stood.hold(inside, liftedBy: try Self.review(2, "2026-10-27", 9), in: period)
        #expect(
            (neither.days.lowerBound.iso8601, neither.days.upperBound.iso8601, neither.dayCount) == (
                "2026-10-24", "2026-10-27", 4
            ))
        let end = ProgressReport.Stood.hold(after, liftedBy: nil, in: period)
        #expect(
            (end.days.lowerBound.iso8601, end.days.upperBound.iso8601, end.dayCount) == ("2026-11-15", "2026-11-20", 6))
        #expect(end.liftedAt == nil)
        let both = ProgressReport.Stood.hold(before, liftedBy: nil, in: period)
        #expect(
            (both.days.lowerBound.iso8601, both.days.upperBound.iso8601, both.dayCount) == (
                "2026-10-10", "2026-11-20", 42
            ))
    }

    /// A review's day is its own clock's: 23:30 UTC on 19 Oct is 00:30 on 20 Oct an hour east.
    @Test func theReviewCountsOnItsOwnLocalDay() throws {
        let hold = try Self.hold(Self.session(1, "2026-10-15", 8, before: 3, after: 6))
        let review = try Self.review(1, "2026-10-20", 0, 30, offset: 3_600)
        let stood = ProgressReport.Stood.hold(hold, liftedBy: review, in: period)
        #expect(
            (stood.days.lowerBound.iso8601, stood.days.upperBound.iso8601, stood.dayCount) == (
                "2026-10-15", "2026-10-20", 6
            ))
    }

    /// Red flags: one value per tier, each from the first check-in that recorded it.
    @Test func redFlagsStandByTier() throws {
        let pain = try #require(PainLevel(5))
        var first = try CheckIn(
            id: 1, performedAt: Self.time("2026-10-02", 8), utcOffset: 0, pain: pain, redFlags: [.saddleNumbness],
            createdAt: 0)
        first.recorded = Fixture.recorded(1)
        var second = try CheckIn(
            id: 2, performedAt: Self.time("2026-10-12", 8), utcOffset: 0, pain: pain,
            redFlags: [.saddleNumbness, .oneLeg], createdAt: 0)
        second.recorded = Fixture.recorded(2)
        let seen = try RedFlagReview(
            id: 1, reviewedAt: Self.time("2026-10-26", 10), utcOffset: 0, note: "gp", createdAt: 0,
            seen: Fixture.seen(through: 2))
        let stood = ProgressReport.Stood.redFlags([second, first], liftedBy: seen, in: period)
        #expect(stood.map(\.first.severity) == [.urgent, .seeGP])
        #expect(stood.map(\.findings.count) == [2, 1])
        #expect(stood.map(\.days.lowerBound.iso8601) == ["2026-10-10", "2026-10-12"])
        #expect(stood.map(\.days.upperBound.iso8601) == ["2026-10-26", "2026-10-26"])
        #expect(stood.map(\.dayCount) == [17, 15])
    }

    /// A hold begun and lifted inside the period is told once, with its days and its review, in
    /// place of its session's stop findings; one that stood at the end is the ON HOLD item, with its days.
    @Test func attentionTellsEachWithItsDays() throws {
        let rising = try Self.session(1, "2026-10-15", 8, before: 3, after: 6)
        let review = try Self.review(1, "2026-10-20", 10)
        var report = ProgressReport.make(
            entries: [rising], period: period, region: Fixture.britain, findings: Rules.evaluate(rising),
            reviews: [review])
        report.stood = [.hold(try Self.hold(rising), liftedBy: review, in: period)]
        let stops = report.attention.filter { $0.severity == .stop }
        #expect(stops.count == 1)
        let item = try #require(stops.first)
        #expect(ReportText.when(item) == "Thu 15 Oct 08:00, on hold 15–20 Oct (6 days)")
        #expect(
            ReportText.advice(item, in: Fixture.britain.advice)
                == "Reviewed by a physiotherapist on Tue 20 Oct 10:00: bird-dog resumed.")

        let standing = try Self.hold(Self.session(2, "2026-10-01", 8, before: 2, after: 5))
        var held = ProgressReport.make(
            entries: [], period: period, region: Fixture.britain, findings: [], holds: [standing])
        held.stood = [.hold(standing, liftedBy: nil, in: period)]
        let onHold = try #require(held.attention.first)
        #expect(ReportText.label(onHold, advice: Fixture.britain.advice) == "ON HOLD")
        #expect(ReportText.when(onHold) == "Thu 1 Oct 08:00, on hold 10 Oct – 20 Nov in this period (42 days)")
    }
}
