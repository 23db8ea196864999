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

    /// What `journal import` takes, for its refusals: never the JSON array of entries that
    /// `journal export --format json` writes for other programs.
    public static let importable =
        "journal imports a CSV, or the one object of `journal export --all --format json` (not the array of "
        + "`journal export --format json`)"

    /// The format of an input to import: JSON when its first character after any byte-order mark
    /// and whitespace is `{` (a full export), else CSV.
    public static func detect(_ source: ByteSource) -> ExportFormat {
        var source = source
        if source.peek() == 0xEF {
            for _ in 0..<3 { _ = source.next() }
        }
        while let byte = source.peek(), [0x20, 0x09, 0x0D, 0x0A].contains(byte) { _ = source.next() }
        return source.peek() == 0x7B ? .json : .csv
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
