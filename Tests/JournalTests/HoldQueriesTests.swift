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

    /// The replicas whose readings the random journals hold: this journal's and another's, merged.
    static let replicas = [OutsideRecord.unsynced, String(repeating: "ab", count: 16)]

    /// A journal of random sessions and reviews written straight into the tables, so that recorded
    /// times, review times and the entries a review saw fall in every order, with many ties (times
    /// and readings are drawn from a few dozen values): each session's reading (`recorded`) is of
    /// one of two replicas, and each review's `seen` holds, for each replica, no reading, a
    /// reading of one of the latest three sessions of that replica written before it, or any
    /// reading; so sessions written after a review are often recorded (`created_at`) before it,
    /// as with the clock set back, and a reading it had not seen may be earlier than one it had.
    ///
    /// The reviews' clocks are 11:06:40, 11:21:40 or 11:36:40 behind UTC, so that they fall on
    /// ``reviewDay`` or the day before, for the reports of a past period (``AsOf``).
    func randomJournal(seed: UInt64) throws -> JournalStore {
        let store = try JournalStore(path: directory.file("journal-\(seed).sqlite3"))
        var random = SplitMix(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let base: Int64 = 1_795_000_000
        func reading(_ replica: String) -> String {
            OutsideRecord.reading(unixSeconds: base + Int64(pick(30)) * 60, counter: pick(3), replica: replica)
        }
        var written: [String: [String]] = [:]
        var records = 0
        try store.queue.write { db in
            for _ in 0..<(40 + pick(80)) {
                let exercise = Self.exercises[pick(Self.exercises.count)]
                records += 1
                if pick(8) == 0 {
                    var seen: [String: String] = [:]
                    for replica in Self.replicas {
                        switch pick(4) {
                        case 0: continue
                        case 1: seen[replica] = reading(replica)
                        default:
                            let latest = written[replica] ?? []
                            if !latest.isEmpty { seen[replica] = latest[max(0, latest.count - 1 - pick(3))] }
                        }
                    }
                    let minute = Int64(pick(30))
                    try db.execute(
                        sql: """
                            INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
                            VALUES (?, ?, ?, ?, NULL, ?, ?)
                            """,
                        arguments: [
                            OutsideRecord.uid(records), exercise, base + minute * 60, -40_000 - 900 * (minute % 3),
                            base + Int64(pick(30)) * 60,
                            String(
                                decoding: try JSONSerialization.data(withJSONObject: seen, options: [.sortedKeys]),
                                as: UTF8.self),
                        ])
                } else {
                    let replica = Self.replicas[pick(Self.replicas.count)]
                    let recorded = reading(replica)
                    written[replica, default: []].append(recorded)
                    try db.execute(
                        sql: """
                            INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds,
                                                 pain_before, pain_after, created_at, recorded)
                            VALUES (?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            OutsideRecord.uid(records), exercise, base + Int64(pick(30)) * 60,
                            exercise == "side-plank" ? nil : 10, exercise == "side-plank" ? 20 : nil,
                            pick(6), pick(8), base + Int64(pick(30)) * 60, recorded,
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
            db, sql: "SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) ORDER BY id", arguments: [])
        let reviews = try Row.fetchAll(
            db,
            sql: """
                SELECT exercise_id, reviewed_at, utc_offset, seen, created_at
                FROM reviews JOIN review_ids AS a USING (uid) ORDER BY a.id
                """)
        var latest: [String: (reviewedAt: Int64, id: Int, mark: Review.Mark)] = [:]
        for (index, row) in reviews.enumerated() {
            if let asOf, LocalDateTime(unixSeconds: row["reviewed_at"], utcOffset: row["utc_offset"]).date > asOf {
                continue
            }
            let mark = Review.Mark(
                reviewedAt: row["reviewed_at"], seen: Review.Mark.readings(row["seen"]), recordedAt: row["created_at"])
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
        // Across the seeds above: holds with and without a review; a hold begun by a session
        // performed before its review that it had not seen; one recorded in the same millisecond
        // as the reading the review had seen of its replica, but later; one of a replica the review
        // had seen nothing of; and one recorded (`created_at`) before the review, as with the clock
        // set back, that it had not seen.
        var withReview = 0
        var withoutReview = 0
        var recordedAfter = 0
        var sameWall = 0
        var otherReplica = 0
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
                    guard hold.session.performedAt <= review.reviewedAt, let recorded = hold.session.recorded else {
                        continue
                    }
                    recordedAfter += 1
                    if let latest = review.seen[String(recorded.suffix(32))] {
                        if latest.prefix(15) == recorded.prefix(15) { sameWall += 1 }
                    } else {
                        otherReplica += 1
                    }
                    if hold.session.createdAt < review.recordedAt { unseen += 1 }
                }
            }
        }
        #expect(withReview > 0)
        #expect(withoutReview > 0)
        #expect(recordedAfter > 0)
        #expect(sameWall > 0)
        #expect(otherReplica > 0)
        #expect(unseen > 0)
    }
}
