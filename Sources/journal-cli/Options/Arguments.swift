import ArgumentParser
import Journal

/// Values people type, read at the edge by the library's own parsers: a bad value is refused
/// with the library's sentence (exit 64) before the command runs, the same in every command.
///
/// ```swift
/// @Option(transform: Read.pain("pain before")) var painBefore: PainLevel
/// ```
enum Read {
    /// A 0–10 pain reading.
    static func pain(_ field: String) -> @Sendable (String) throws -> PainLevel {
        { try PainLevel(parsing: $0, field: field) }
    }

    /// A whole number within `range`.
    static func number(_ field: String, _ range: ClosedRange<Int>) -> @Sendable (String) throws -> Int {
        { try Entry.parseNumber($0, field: field, range: range) }
    }

    /// Sets of an entry or a plan.
    static let sets = number("sets", Entry.Limits.sets)
    /// Repetitions in each set.
    static let reps = number("reps", Entry.Limits.reps)
    /// Seconds each hold lasts.
    static let hold = number("hold (seconds)", Entry.Limits.holdSeconds)

    /// left, right or both.
    @Sendable static func side(_ text: String) throws -> Side { try Side(parsing: text) }

    /// A report format.
    @Sendable static func reportFormat(_ text: String) throws -> ReportFormat { try ReportFormat(parsing: text) }

    /// An export format.
    @Sendable static func exportFormat(_ text: String) throws -> ExportFormat { try ExportFormat(parsing: text) }
}
