import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The stop condition (``HoldQueries/stopCondition``): the SQL the hold queries run, and schema.sql's
/// `entries_stops` index read back from the file, select exactly the sessions ``HoldRule`` says may
/// start a hold, for every pair of pain levels.
@Suite struct StopConditionTests {
    let directory = TemporaryDirectory()

    /// Every (pain before, pain after) pair 0–10.
    static let pairs = (0...10).flatMap { before in (0...10).map { after in (before, after) } }

    /// An exercise of its own for `pair`, so that the hold queries answer for each pair alone.
    static func exerciseID(_ pair: (Int, Int)) -> String { "pair-\(pair.0)-\(pair.1)" }

    /// A journal with one session for each pair, each of its own exercise.
    func journal() throws -> JournalStore {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        for (index, pair) in Self.pairs.enumerated() {
            try store.addExercise(
                try Exercise.custom(
                    id: Self.exerciseID(pair), name: "Pair \(pair.0) \(pair.1)", category: .stability,
                    perSide: false, measure: .reps),
                now: Fixture.time(day: 0, hour: 8))
            _ = try store.add(
                Fixture.entry(
                    Int64(index + 1), Self.exerciseID(pair), day: 1, before: pair.0, after: pair.1))
        }
        return store
    }

    /// The pairs the Swift rule lets start a hold.
    static var ruleStops: Set<String> {
        Set(
            pairs.filter { HoldRule.mayStartHold(Fixture.entry(1, day: 1, before: $0.0, after: $0.1)) }.map(
                exerciseID))
    }

    @Test func theHoldQueriesSelectWhatTheRuleSelectsForEveryPair() throws {
        let journal = try journal()
        let expected = Self.ruleStops
        // Hand-counted: after > before in 55 pairs; after in 6...10 with after <= before in 5+4+3+2+1 = 15.
        #expect(expected.count == 70)
        let condition = try journal.reading { db in
            Set(try String.fetchAll(db, sql: "SELECT exercise_id FROM entries WHERE \(HoldQueries.stopCondition)"))
        }
        #expect(condition == expected)
        // The store's own queries: every exercise's holds in one read, and one exercise's hold.
        #expect(Set(try journal.holds().map(\.exerciseID)) == expected)
        let each = try journal.reading { db in
            try Set(
                Self.pairs.map(Self.exerciseID).filter {
                    try HoldQueries.hold(exerciseID: $0, review: nil, db) != nil
                })
        }
        #expect(each == expected)
    }

    @Test(arguments: ["entries_stops", "entries_stops_by_recording", "entries_stops_by_id"])
    func theIndexConditionReadBackFromTheFileIsTheQueriesCondition(index: String) throws {
        let journal = try journal()
        let (indexSQL, selected) = try journal.reading { db -> (String, Set<String>) in
            let sql = try #require(
                try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index]))
            let condition = try #require(sql.range(of: "WHERE ")).upperBound
            let whereClause = String(sql[condition...]).trimmingCharacters(in: .whitespacesAndNewlines)
            let rows = try String.fetchAll(db, sql: "SELECT exercise_id FROM entries WHERE \(whereClause)")
            return (whereClause, Set(rows))
        }
        // The same text, so that SQLite knows the queries' condition implies the index's.
        #expect(indexSQL == HoldQueries.stopCondition)
        #expect(selected == Self.ruleStops)
    }

    @Test func theHoldQueriesAreAnsweredFromTheIndex() throws {
        let journal = try journal()
        let seen = Fixture.seen(through: 1)
        let plans = try journal.reading { db in
            try [
                (HoldQueries.firstUncoveredStops, [nil] as StatementArguments),
                // A report of a past period: only the reviews dated by its last day count.
                (HoldQueries.firstUncoveredStops, [1_795_651_200] as StatementArguments),
                (HoldQueries.firstUncoveredStop, ["pair-0-1", nil, nil] as StatementArguments),
                (HoldQueries.firstUncoveredStop, ["pair-0-1", 5, seen] as StatementArguments),
            ].map { sql, arguments in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
                    $0["detail"] as String
                }
            }
        }
        // Each of the two kinds of session a review leaves is read through the stops index by time:
        // those performed after the review's time (one seek), and those up to it whose recording
        // the review had not seen (its `seen` checked on each); never a scan of the entries.
        let after = "SEARCH entries USING INDEX entries_stops (exercise_id=? AND performed_at>?)"
        let upTo = "SEARCH entries USING INDEX entries_stops (exercise_id=? AND performed_at<?)"
        // The latest reviews, dated by a report's last day or not: one seek per exercise, read
        // back from the bound.
        let byExercise = "SEARCH reviews USING INDEX reviews_by_exercise (exercise_id=? AND reviewed_at<?)"
        for plan in plans.prefix(2) {
            #expect(plan.filter { $0.contains(byExercise) }.count == 1, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN reviews") || $0.hasPrefix("SCAN r ") }, "\(plan)")
        }
        for plan in plans {
            #expect(plan.filter { $0.contains(after) }.count == 1, "\(plan)")
            #expect(plan.filter { $0.contains(upTo) }.count == 1, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN entries") || $0.hasPrefix("SCAN e ") }, "\(plan)")
        }
    }
}
