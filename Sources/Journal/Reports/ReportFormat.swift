/// The forms `journal report` prints a report in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal.
    case text
    /// One JSON object (docs/report.md).
    case json
    /// A Markdown document to paste into an email.
    case markdown
    /// A self-contained page with charts, to print or send.
    case html

    /// Reads one of the formats by name, or throws ``JournalError/invalidChoice(field:text:choices:)``.
    public init(parsing text: String) throws {
        guard let format = Self(rawValue: text) else {
            throw JournalError.invalidChoice(field: "format", text: text, choices: Self.allCases.map(\.rawValue))
        }
        self = format
    }
}
