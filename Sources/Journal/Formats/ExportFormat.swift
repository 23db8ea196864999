/// The formats `journal export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case json

    /// Reads `csv` or `json`, or throws ``JournalError/invalidChoice(field:text:choices:)``.
    public init(parsing text: String) throws {
        guard let format = Self(rawValue: text) else {
            throw JournalError.invalidChoice(field: "format", text: text, choices: Self.allCases.map(\.rawValue))
        }
        self = format
    }
}

/// What to export: all entries, or those of some local days and one exercise.
public struct ExportSelection: Sendable {
    public var period: Period?
    public var exerciseID: String?

    public init(period: Period? = nil, exerciseID: String? = nil) {
        self.period = period
        self.exerciseID = exerciseID
    }
}
