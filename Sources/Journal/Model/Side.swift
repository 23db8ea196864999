/// Which side an exercise done one side at a time was worked on.
public enum Side: String, Sendable, Hashable, CaseIterable {
    case left, right, both

    /// Reads `left`, `right` or `both` in any case, or throws ``JournalError/invalidSide(_:)``.
    public init(parsing text: String) throws {
        guard let side = Side(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw JournalError.invalidSide(text)
        }
        self = side
    }
}
