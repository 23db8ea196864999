import Testing

@testable import Journal

@Suite struct HoldRuleTests {
    /// A review at `reviewedAt` that had seen the sessions up to `id` (``Fixture/seen(through:)``).
    func mark(_ reviewedAt: Int64, through id: Int64) -> Review.Mark {
        Review.Mark(reviewedAt: reviewedAt, seen: Review.Mark.readings(Fixture.seen(through: id)), recordedAt: 0)
    }

    /// A review at `reviewedAt` that had seen `seen`, the reading of this journal's replica at
    /// `seenAt` (Unix seconds).
    func mark(_ reviewedAt: Int64, seenAt: Int64) -> Review.Mark {
        Review.Mark(
            reviewedAt: reviewedAt, seen: [OutsideRecord.unsynced: OutsideRecord.reading(unixSeconds: seenAt)],
            recordedAt: seenAt)
    }

    func sessions(_ pains: [(Int, Int)], exercise: String = "bird-dog") -> [Entry] {
        pains.enumerated().map { index, pain in
            Fixture.entry(Int64(index + 1), exercise, day: index, before: pain.0, after: pain.1)
        }
    }

    @Test func aRiseStartsAHoldThatCleanSessionsDoNotLift() throws {
        // The old pause lifted itself after clean sessions; a hold stands until a review.
        let history = sessions([(3, 3), (3, 4), (2, 2), (2, 2), (2, 1)])
        let hold = try #require(HoldRule.hold(sessions: history, review: nil))
        #expect(hold.since.entryID == 2)
        #expect(hold.since.rule == "more-pain")
        #expect(hold.session.painAfter.value == 4)
        #expect(hold.reasons.map(\.rule) == ["more-pain"])
    }

    @Test func noStopNoHold() throws {
        #expect(HoldRule.hold(sessions: sessions([(3, 3), (4, 2), (5, 5)]), review: nil) == nil)
    }

    @Test func highPainWithoutARiseStartsAHold() throws {
        // 7 → 6: no rise, but pain after is above 5.
        let hold = try #require(HoldRule.hold(sessions: sessions([(7, 6)]), review: nil))
        #expect(hold.since.rule == "high-pain")
    }

    @Test func theMostPressingReasonNamesTheHold() throws {
        // Session 3 is the second rise within three (repeated), above 5 (high-pain) and a rise (more-pain);
        // a review after session 1 answers the first rise, so the hold begins at session 3.
        let history = sessions([(3, 4), (3, 3), (3, 6)])
        let review = mark(history[0].performedAt, through: 1)
        let hold = try #require(HoldRule.hold(sessions: history, review: review))
        #expect(hold.since.entryID == 3)
        #expect(hold.reasons.map(\.rule) == ["repeated", "high-pain", "more-pain"])
        #expect(hold.since.rule == "repeated")
    }

    @Test func aReviewAnswersEverythingUpToItAndALaterRiseStartsANewHold() throws {
        let history = sessions([(3, 4), (3, 5), (2, 2)])
        // Reviewed after session 3: nothing stands.
        #expect(
            HoldRule.hold(
                sessions: history,
                review: mark(history[2].performedAt, through: 1000))
                == nil)
        // Reviewed exactly at session 2's time: session 2 is answered too (up to and including).
        #expect(
            HoldRule.hold(
                sessions: history,
                review: mark(history[1].performedAt, through: 1000))
                == nil)
        // Reviewed after session 1 only: session 2 holds.
        #expect(
            HoldRule.hold(
                sessions: history,
                review: mark(history[0].performedAt, through: 1000))?
                .since.entryID == 2)
        // A new rise after a review starts a new hold.
        let later = history + [Fixture.entry(4, "bird-dog", day: 3, before: 2, after: 3)]
        #expect(
            HoldRule.hold(
                sessions: later,
                review: mark(history[2].performedAt, through: 1000))?
                .since.entryID == 4)
    }

    @Test func aSessionRecordedAfterTheReviewIsNotCoveredEvenIfDatedBeforeIt() throws {
        // Session 1 rose; the review (through entry 1) is at day 2; session 2, a rise performed on
        // day 1 but recorded after the review (id 2), was not part of what the physiotherapist saw.
        let history = [
            Fixture.entry(1, "bird-dog", day: 0, before: 3, after: 4),
            Fixture.entry(2, "bird-dog", day: 1, before: 2, after: 7),
        ]
        let review = mark(Fixture.time(day: 2, hour: 9), through: 1)
        let hold = try #require(HoldRule.hold(sessions: history, review: review))
        #expect(hold.since.entryID == 2)
        #expect(
            HoldRule.hold(
                sessions: history, review: mark(review.reviewedAt, through: 2))
                == nil)
    }

    @Test(arguments: 0...10)
    func everySessionThatMayStartAHoldStartsOne(before: Int) throws {
        // The hold queries judge only the first session each review leaves that may start a hold,
        // since it always starts one. (StopConditionTests runs the SQL against mayStartHold.)
        for after in 0...10 {
            let entry = Fixture.entry(1, before: before, after: after)
            #expect(
                (HoldRule.hold(sessions: [entry], review: nil) != nil) == HoldRule.mayStartHold(entry),
                "\(before) → \(after)")
        }
    }

    @Test func answersOnlyStopFindingsOnSessionsUpToTheReview() throws {
        let rise = try #require(MorePainRule.finding(for: Fixture.entry(1, day: 2, before: 2, after: 3)))
        let recorded = Fixture.recorded(1)
        #expect(HoldRule.answers(mark(rise.performedAt, through: 1), rise, recorded: recorded))
        #expect(HoldRule.answers(mark(rise.performedAt + 1, through: 5), rise, recorded: recorded))
        #expect(!HoldRule.answers(mark(rise.performedAt - 1, through: 5), rise, recorded: recorded))
        // Recorded after the review, though dated before it: not reviewed.
        #expect(!HoldRule.answers(mark(rise.performedAt + 1, through: 0), rise, recorded: recorded))
        #expect(!HoldRule.answers(nil, rise, recorded: recorded))
        // Not saved (no reading): not reviewed.
        #expect(!HoldRule.answers(mark(rise.performedAt + 1, through: 5), rise, recorded: nil))
        // Recorded in a later second than the reading the review had seen (an import): not reviewed.
        #expect(
            !HoldRule.answers(
                mark(rise.performedAt + 1, seenAt: 10), rise, recorded: OutsideRecord.reading(unixSeconds: 11)))
        // Recorded in an earlier second, a reading the review had seen: reviewed.
        #expect(
            HoldRule.answers(
                mark(rise.performedAt + 1, seenAt: 10), rise, recorded: OutsideRecord.reading(unixSeconds: 9)))
        // Recorded in an earlier second on another device, whose readings the review had not seen
        // (merged after it): not reviewed.
        let other = String(repeating: "ab", count: 16)
        #expect(
            !HoldRule.answers(
                mark(rise.performedAt + 1, seenAt: 10), rise,
                recorded: OutsideRecord.reading(unixSeconds: 9, replica: other)))
        let morning = Fixture.checkIn(1, day: 3, hour: 8, pain: 6, flags: [.fever])
        let urgent = try #require(RedFlagRule.findings(for: morning).first)
        #expect(!HoldRule.answers(mark(.max, through: 1000), urgent, recorded: recorded))
    }
}
