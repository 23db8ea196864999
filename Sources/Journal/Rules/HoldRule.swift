/// Holds: after a stop finding on an exercise (``MorePainRule``, ``HighPainRule``,
/// ``RepeatedRule``) the exercise stands **on hold** until a physiotherapist has reviewed it.
///
/// The clinic guide says that if an exercise gives you more pain you should get advice from a
/// physiotherapist *before continuing*: a state that lasts until the advice was had, not one that
/// lifts itself. A ``Review`` (`journal resume`) answers every stop finding on the exercise's
/// sessions up to its time; a stop finding on a later session starts a new hold.
///
/// ```swift
/// HoldRule.hold(sessions: birdDog, review: nil)?.since.rule // "more-pain"
/// HoldRule.hold(sessions: birdDog, review: review.mark) // nil once reviewed
/// ```
public enum HoldRule {
    /// Whether `entry` may start a hold: the entries a storage query narrows down to before
    /// ``hold(sessions:review:)`` decides (schema.sql's `entries_stops` index holds the same
    /// condition).
    public static func mayStartHold(_ entry: Entry) -> Bool {
        MorePainRule.applies(to: entry) || HighPainRule.applies(to: entry)
    }

    /// The hold one exercise stands on: the first stop finding on a session the latest `review`
    /// does not cover (any session when `nil`), or `nil` when there is none.
    ///
    /// A review covers the sessions performed up to its time and recorded by a write it had seen
    /// (``Review/Mark/covers(performedAt:recorded:)``): a session logged afterwards, even dated
    /// earlier with `--at` or with the clock set back, was not part of what was reviewed.
    ///
    /// `sessions` are that exercise's sessions in any order; they must include the
    /// ``Thresholds/repeatedWindow`` − 1 sessions before each session that may start a hold, so
    /// that `repeated` can be told apart from `more-pain`.
    public static func hold(sessions: [Entry], review: Review.Mark?) -> Hold? {
        let ordered = sessions.sorted(by: Entry.precedes)
        for (index, session) in ordered.enumerated() {
            if let review,
                review.covers(performedAt: session.performedAt, recorded: session.recorded)
            {
                continue
            }
            guard mayStartHold(session) else { continue }
            let window = Array(ordered[max(0, index - Thresholds.repeatedWindow + 1)...index])
            let findings = Rules.sorted(
                Rules.evaluate(session) + RepeatedRule.findings(in: window).filter { $0.entryID == session.id })
            if let first = findings.first(where: { $0.severity == .stop }) {
                return Hold(since: first, reasons: findings.filter { $0.severity == .stop }, session: session)
            }
        }
        return nil
    }

    /// Whether `review` answers `finding`: a stop finding on a session it covers, the session
    /// recorded by the write whose reading is `recorded` (``Entry/recorded``; `nil`: not covered).
    public static func answers(_ review: Review.Mark?, _ finding: Finding, recorded: String?) -> Bool {
        guard let review, finding.severity == .stop, finding.entryID != nil else { return false }
        return review.covers(performedAt: finding.performedAt, recorded: recorded)
    }
}

/// An exercise on hold: the stop finding that began it, on the first session after the last review.
public struct Hold: Sendable, Hashable {
    /// The finding that began the hold, the most pressing of its session's (``reasons``).
    public var since: Finding
    /// Every stop finding on that session, most pressing first.
    public var reasons: [Finding]
    /// The session that began it.
    public var session: Entry

    public var exerciseID: String { since.exerciseID ?? "" }
}
