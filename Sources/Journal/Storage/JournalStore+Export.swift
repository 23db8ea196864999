import Foundation
import GRDB

extension JournalStore {
    /// Writes the selected entries to `sink`, oldest first, streaming row by row; returns how many.
    ///
    /// ```swift
    /// let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
    /// try store.export(.csv, selection: ExportSelection(), to: sink)
    /// try sink.flush()
    /// ```
    @discardableResult
    public func export(
        _ format: ExportFormat, selection: ExportSelection, to sink: OutputSink, byteOrderMark: Bool = false
    ) throws -> Int {
        var count = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try Self.beginExport(format, to: sink, byteOrderMark: byteOrderMark)
        try forEachEntry(performedIn: selection.period?.widestUTCRange, exerciseID: selection.exerciseID) { entry in
            if let period = selection.period, !period.contains(entry.localTime.date) { return }
            switch format {
            case .csv:
                try sink.append { CSVFormat.append(entry, to: &$0) }
            case .json:
                try sink.write(count == 0 ? "\n" : ",\n")
                try sink.write(bytes: Array(try encoder.encode(EntryJSON(entry, includeDerived: true))))
            }
            count += 1
        }
        try Self.endExport(format, to: sink, count: count)
        return count
    }

    /// What an export of no journal at all holds: the CSV header, or an empty JSON array.
    public static func exportNothing(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool = false) throws {
        try beginExport(format, to: sink, byteOrderMark: byteOrderMark)
        try endExport(format, to: sink, count: 0)
    }

    /// Writes the whole journal as one JSON object (``JournalExport``), which `journal import` restores.
    ///
    /// Entries, the person's own exercises, check-ins, the plan, reviews, PSFS, red-flag reviews and
    /// settings are read in one
    /// transaction, so that they agree; entries stream row by row.
    ///
    /// The same journal always gives the same bytes: the file records no time of export.
    public func exportAll(to sink: OutputSink) throws {
        try reading { db in
            try Self.writeJournalExport(
                to: sink,
                entries: { body in
                    try EntryQueries.forEach(db, performedIn: nil, exerciseID: nil, body)
                },
                exercises: try ExerciseQueries.ownExercisesForExport(db),
                checkIns: try CheckIn.fetchAll(db, where: "1", arguments: []),
                plan: try ExerciseQueries.plan(db),
                reviews: try HoldQueries.reviews(db, in: Int64.min..<Int64.max),
                activities: try PSFSQueries.activities(db), ratings: try PSFSQueries.ratings(db),
                redFlagReviews: try RedFlagReviewQueries.reviews(db, where: "1 ORDER BY id", arguments: []),
                settings: try Row.fetchAll(db, sql: "SELECT name, value FROM settings ORDER BY name").map {
                    SettingJSON(name: $0["name"], value: $0["value"])
                })
        }
    }

    /// The full export of a journal that does not exist: every list empty.
    public static func exportAllOfNothing(to sink: OutputSink) throws {
        try writeJournalExport(
            to: sink, entries: { _ in }, exercises: [], checkIns: [], plan: [], reviews: [], activities: [],
            ratings: [],
            redFlagReviews: [], settings: [])
    }

    private static func writeJournalExport(
        to sink: OutputSink, entries: ((Entry) throws -> Void) throws -> Void, exercises: [OwnExerciseJSON],
        checkIns: [CheckIn], plan: [PlanItem], reviews: [Review], activities: [PSFSActivity], ratings: [PSFSRating],
        redFlagReviews: [RedFlagReview], settings: [SettingJSON]
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        func element(_ value: some Encodable) throws {
            try sink.write(count == 0 ? "\n" : ",\n")
            try sink.write(bytes: Array(try encoder.encode(value)))
            count += 1
        }
        func list(_ name: String, last: Bool = false, _ write: () throws -> Void) throws {
            count = 0
            try sink.write("\"\(name)\":[")
            try write()
            try sink.write((count == 0 ? "]" : "\n]") + (last ? "\n" : ",\n"))
        }
        try sink.write("{\"format\":\"\(JournalExport.format)\",\"version\":\(JournalExport.version),\n")
        try list("entries") { try entries { try element(EntryJSON($0, includeDerived: true)) } }
        try list("exercises") { for exercise in exercises { try element(exercise) } }
        try list("checkins") { for checkIn in checkIns { try element(CheckInJSON(checkIn)) } }
        try list("plan") { for item in plan { try element(PlanItemJSON(item)) } }
        try list("reviews") { for review in reviews { try element(ReviewJSON(review)) } }
        try list("psfs_activities") { for activity in activities { try element(PSFSActivityJSON(activity)) } }
        try list("psfs_ratings") { for rating in ratings { try element(PSFSRatingJSON(rating)) } }
        try list("red_flag_reviews") { for review in redFlagReviews { try element(RedFlagReviewJSON(review)) } }
        try list("settings", last: true) { for setting in settings { try element(setting) } }
        try sink.write("}\n")
    }

    private static func beginExport(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool) throws {
        switch format {
        case .csv:
            if byteOrderMark { try sink.write(bytes: CSVFormat.byteOrderMark) }
            try sink.write(CSVFormat.header)
        case .json:
            try sink.write("[")
        }
    }

    private static func endExport(_ format: ExportFormat, to sink: OutputSink, count: Int) throws {
        if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
    }
}
