import Foundation

/// Writing exports, row by row, into a sink the caller owns.
///
/// Entries as CSV or a JSON array, and the full export (``JournalExport``). The store reads; this
/// only writes.
///
/// ```swift
/// var writer = try ExportWriter(.csv, to: sink, byteOrderMark: false)
/// try writer.write(entry)
/// let count = try writer.finish()
/// ```
public struct ExportWriter {
    let format: ExportFormat
    let sink: OutputSink
    private let encoder: JSONEncoder
    /// The entries written so far.
    private(set) var count = 0

    /// Begins an export of entries in `format`: the CSV header (after a byte-order mark when asked),
    /// or a JSON array's opening.
    init(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool) throws {
        self.format = format
        self.sink = sink
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch format {
        case .csv:
            if byteOrderMark { try sink.write(bytes: CSVFormat.byteOrderMark) }
            try sink.write(CSVFormat.header)
        case .json:
            try sink.write("[")
        }
    }

    /// Writes one entry: a CSV row, or a JSON element with its derived fields.
    mutating func write(_ entry: Entry) throws {
        switch format {
        case .csv:
            try sink.append { CSVFormat.append(entry, to: &$0) }
        case .json:
            try sink.write(count == 0 ? "\n" : ",\n")
            try sink.write(
                bytes: JSONText.escapingControls(Array(try encoder.encode(EntryJSON(entry, includeDerived: true)))))
        }
        count += 1
    }

    /// Ends the export (a JSON array's closing); returns how many entries it holds.
    func finish() throws -> Int {
        if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }

    /// What an export of no journal at all holds: the CSV header, or an empty JSON array.
    public static func exportNothing(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool = false) throws {
        _ = try ExportWriter(format, to: sink, byteOrderMark: byteOrderMark).finish()
    }

    /// The full export of a journal that does not exist: every list empty; `aliases: false`: marked
    /// as written with `--no-aliases`, as the export of an empty journal is.
    public static func exportAllOfNothing(to sink: OutputSink, aliases: Bool = true) throws {
        try writeJournal(
            to: sink,
            uids: aliases
                ? nil : ExportUIDs(checkIns: [:], reviews: [:], redFlagReviews: [:], activities: [:], ratings: [:]),
            entries: { _ in }, exercises: [], checkIns: [], plan: [], reviews: [], activities: [],
            ratings: [], redFlagReviews: [], settings: [])
    }

    /// Writes the whole journal as one JSON object (``JournalExport``): the format, then each list
    /// in a fixed order, the entries streamed as `entries` calls back with them; `recordedAt`:
    /// with each entry's, check-in's, review's and red-flag review's `recorded_at`; `uids`
    /// (`export --all --no-aliases`): each record named by its uid, with no alias
    /// (``ExportUIDs``), the lists already in an order the same on every device.
    static func writeJournal(
        to sink: OutputSink, recordedAt: Bool = true, uids: ExportUIDs? = nil,
        entries: ((Entry) throws -> Void) throws -> Void,
        exercises: [OwnExerciseJSON], checkIns: [CheckIn], plan: [PlanItem], reviews: [Review],
        activities: [PSFSActivity], ratings: [PSFSRating], redFlagReviews: [RedFlagReview], settings: [SettingJSON]
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        func element(_ value: some Encodable) throws {
            try sink.write(count == 0 ? "\n" : ",\n")
            try sink.write(bytes: JSONText.escapingControls(Array(try encoder.encode(value))))
            count += 1
        }
        func list(_ name: String, last: Bool = false, _ write: () throws -> Void) throws {
            count = 0
            try sink.write("\"\(name)\":[")
            try write()
            try sink.write((count == 0 ? "]" : "\n]") + (last ? "\n" : ",\n"))
        }
        try sink.write(
            "{\"format\":\"\(JournalExport.format)\",\"version\":\(JournalExport.version),"
                + (uids == nil ? "" : "\"\(JournalExport.noAliasesMember)\":false,") + "\n")
        try list("entries") {
            try entries {
                try element(
                    EntryJSON($0, includeDerived: true, includeRecordedAt: recordedAt, namedByUID: uids != nil))
            }
        }
        try list("exercises") { for exercise in exercises { try element(exercise) } }
        try list("checkins") {
            for checkIn in checkIns {
                try element(
                    CheckInJSON(checkIn, includeRecordedAt: recordedAt, uid: uids?.uid(checkIn.id, \.checkIns)))
            }
        }
        try list("plan") { for item in plan { try element(PlanItemJSON(exported: item)) } }
        try list("reviews") {
            for review in reviews {
                try element(ReviewJSON(review, includeRecordedAt: recordedAt, uid: uids?.uid(review.id, \.reviews)))
            }
        }
        try list("psfs_activities") {
            for activity in activities {
                try element(PSFSActivityJSON(activity, uid: uids?.uid(activity.id, \.activities)))
            }
        }
        try list("psfs_ratings") {
            for rating in ratings {
                let named = uids.map {
                    (rating: $0.uid(rating.id, \.ratings), activity: $0.uid(rating.activityID, \.activities))
                }
                try element(PSFSRatingJSON(rating, uids: named))
            }
        }
        try list("red_flag_reviews") {
            for review in redFlagReviews {
                try element(
                    RedFlagReviewJSON(
                        review, includeRecordedAt: recordedAt, uid: uids?.uid(review.id, \.redFlagReviews)))
            }
        }
        try list("settings", last: true) { for setting in settings { try element(setting) } }
        try sink.write("}\n")
    }
}

/// The uids of the records a full export names by alias, by alias, for `export --all --no-aliases`
/// (entries carry their own: ``Entry/uid``): read in the export's transaction, from the
/// `<record>_ids` tables (schema.sql v26-record-ids).
struct ExportUIDs {
    var checkIns: [Int64: String]
    var reviews: [Int64: String]
    var redFlagReviews: [Int64: String]
    var activities: [Int64: String]
    var ratings: [Int64: String]

    /// The uid of the record whose alias is `id` in `table` (never missing: every record is read
    /// through the join with its alias, in the same transaction).
    func uid(_ id: Int64?, _ table: KeyPath<Self, [Int64: String]>) -> String? {
        id.flatMap { self[keyPath: table][$0] }
    }

}
