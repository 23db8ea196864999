import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The hold queries (``HoldQueries``) against the rule itself.
///
/// ``HoldRule`` runs over every session of every exercise, with its latest review, read whole. The queries seek only the first sessions a
/// review leaves uncovered; whatever the times, the order of recording and the reviews, they must
/// find the same holds.
@Suite struct HoldQueriesTests {
    let directory = TemporaryDirectory()

    static let exercises = ["bird-dog", "glute-bridge", "pelvic-tilt", "side-plank", "superman"]

    /// The local day about half the reviews fall on; the others fall the day before
    /// (``randomJournal(seed:)``).
    static let reviewDay = LocalDate(daysSinceEpoch: 20_775)

    /// A journal of random sessions and reviews written straight into the tables, so that recorded
    /// times, review times and the entries a review saw fall in every order, with many ties to the
    /// second (times are drawn from a few dozen values): sessions written after a review, with ids
    /// above its through id, are often recorded (`created_at`) before it, as with the clock set back.
    ///
    /// The reviews' clocks are 11:06:40, 11:21:40 or 11:36:40 behind UTC, so that they fall on
    /// ``reviewDay`` or the day before, for the reports of a past period (``AsOf``).
    func randomJournal(seed: UInt64) throws -> JournalStore {
        let store = try JournalStore(path: directory.file("journal-\(seed).sqlite3"))
        var random = SplitMix(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let base: Int64 = 1_795_000_000
        try store.queue.write { db in
            for _ in 0..<(40 + pick(80)) {
                let exercise = Self.exercises[pick(Self.exercises.count)]
                if pick(8) == 0 {
                    let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM entries") ?? 0
                    let minute = Int64(pick(30))
                    try db.execute(
                        sql: """
                            INSERT INTO reviews (exercise_id, reviewed_at, utc_offset, note, created_at, through_entry_id)
                            VALUES (?, ?, ?, NULL, ?, ?)
                            """,
                        arguments: [
                            exercise, base + minute * 60, -40_000 - 900 * (minute % 3), base + Int64(pick(30)) * 60,
                            max(0, newest - Int64(pick(3))),
                        ])
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO entries (exercise_id, performed_at, utc_offset, sets, reps, hold_seconds,
                                                 pain_before, pain_after, created_at)
                            VALUES (?, ?, 0, 1, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            exercise, base + Int64(pick(30)) * 60,
                            exercise == "side-plank" ? nil : 10, exercise == "side-plank" ? 20 : nil,
                            pick(6), pick(8), base + Int64(pick(30)) * 60,
                        ])
                }
            }
        }
        return store
    }

    /// The holds the rule finds given every session and every exercise's latest review; with
    /// `asOf`, of the reviews whose local day is that day or before.
    static func ruleHolds(_ db: Database, asOf: LocalDate? = nil) throws -> [Hold] {
        let entries = try EntryQueries.fetch(
            db, sql: "SELECT \(EntryColumns.selectList) FROM entries ORDER BY id", arguments: [])
        let reviews = try Row.fetchAll(
            db,
            sql: "SELECT exercise_id, reviewed_at, utc_offset, through_entry_id, created_at FROM reviews ORDER BY id")
        var latest: [String: (reviewedAt: Int64, id: Int, mark: Review.Mark)] = [:]
        for (index, row) in reviews.enumerated() {
            if let asOf, LocalDateTime(unixSeconds: row["reviewed_at"], utcOffset: row["utc_offset"]).date > asOf {
                continue
            }
            let mark = Review.Mark(
                reviewedAt: row["reviewed_at"], throughEntryID: row["through_entry_id"], recordedAt: row["created_at"])
            let exercise: String = row["exercise_id"]
            if let known = latest[exercise], (known.reviewedAt, known.id) > (mark.reviewedAt, index) { continue }
            latest[exercise] = (mark.reviewedAt, index, mark)
        }
        return try String.fetchAll(db, sql: "SELECT id FROM exercises ORDER BY id").compactMap { exercise in
            HoldRule.hold(sessions: entries.filter { $0.exerciseID == exercise }, review: latest[exercise]?.mark)
        }
    }

    @Test(arguments: 0..<40) func theQueriesFindTheHoldsTheRuleFindsInEverySession(index: Int) throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"] ?? "") ?? UInt64(9_100 + index)
        print("HoldQueriesTests seed \(seed) (JOURNAL_TEST_SEED=\(seed) replays it)")
        let journal = try randomJournal(seed: seed)
        let (expected, found, each) = try journal.reading { db in
            let reviews = try HoldQueries.latestReviews(db)
            return (
                try Self.ruleHolds(db), try HoldQueries.holds(db),
                try Self.exercises.sorted().compactMap { try HoldQueries.hold(exerciseID: $0, review: reviews[$0], db) }
            )
        }
        #expect(found == expected, "seed \(seed)")
        #expect(each == expected, "seed \(seed)")
    }

    /// As of a past day (a report's last), only the reviews dated by its end count: the day before
    /// every review, the day before half of them, and the day of the rest.
    @Test(arguments: 0..<40) func asOfADayTheQueriesFindTheHoldsTheRuleFindsWithTheReviewsDatedByIt(index: Int)
        throws
    {
        let seed = UInt64(ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"] ?? "") ?? UInt64(9_100 + index)
        print("HoldQueriesTests seed \(seed) (JOURNAL_TEST_SEED=\(seed) replays it)")
        let journal = try randomJournal(seed: seed)
        for day in [Self.reviewDay.adding(days: -2), Self.reviewDay.adding(days: -1), Self.reviewDay] {
            let (expected, found, each) = try journal.reading { db in
                let reviews = try HoldQueries.latestReviews(db, asOf: day)
                return (
                    try Self.ruleHolds(db, asOf: day), try HoldQueries.holds(db, asOf: day),
                    try Self.exercises.sorted().compactMap {
                        try HoldQueries.hold(exerciseID: $0, review: reviews[$0], db)
                    }
                )
            }
            #expect(found == expected, "seed \(seed), as of \(day.iso8601)")
            #expect(each == expected, "seed \(seed), as of \(day.iso8601)")
        }
    }

    @Test func theRandomJournalsHaveHoldsThatAReviewDatedAfterTheDayChanged() throws {
        // Across the seeds above: as of the day before ``reviewDay``, holds stand that a review dated
        // on it answered (none now, or a later session's), and as of two days before (no review
        // counts), holds stand that a review dated the day before answered.
        var answeredLater = 0
        var answeredByThen = 0
        for index in 0..<40 {
            let journal = try randomJournal(seed: UInt64(9_100 + index))
            try journal.reading { db in
                let now = try HoldQueries.holds(db)
                let before = try HoldQueries.holds(db, asOf: Self.reviewDay.adding(days: -1))
                let none = try HoldQueries.holds(db, asOf: Self.reviewDay.adding(days: -2))
                answeredLater += before.filter { !now.contains($0) }.count
                answeredByThen += none.filter { !before.contains($0) }.count
            }
        }
        #expect(answeredLater > 0)
        #expect(answeredByThen > 0)
    }

    @Test func theRandomJournalsReachEveryCaseTheQueriesTell() throws {
        // Across the seeds above: holds with and without a review, a hold begun by a session
        // performed before its review but recorded after it, one in the review's own second, and
        // one recorded before the review (the clock set back) that it had not seen: an id above
        // its through id.
        var withReview = 0
        var withoutReview = 0
        var recordedAfter = 0
        var sameSecond = 0
        var unseen = 0
        for index in 0..<40 {
            let journal = try randomJournal(seed: UInt64(9_100 + index))
            try journal.reading { db in
                let reviews = try HoldQueries.latestReviews(db)
                for hold in try HoldQueries.holds(db) {
                    guard let review = reviews[hold.exerciseID] else {
                        withoutReview += 1
                        continue
                    }
                    withReview += 1
                    if hold.session.performedAt <= review.reviewedAt { recordedAfter += 1 }
                    if hold.session.performedAt <= review.reviewedAt, hold.session.createdAt == review.recordedAt {
                        sameSecond += 1
                    }
                    if hold.session.performedAt <= review.reviewedAt, hold.session.createdAt < review.recordedAt,
                        (hold.session.id ?? 0) > review.throughEntryID
                    {
                        unseen += 1
                    }
                }
            }
        }
        #expect(withReview > 0)
        #expect(withoutReview > 0)
        #expect(recordedAfter > 0)
        #expect(sameSecond > 0)
        #expect(unseen > 0)
    }
}
