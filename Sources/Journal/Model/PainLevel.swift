/// A reading on the 0–10 Numeric Pain Rating Scale: 0 is no pain, 10 the worst imaginable.
///
/// A `PainLevel` always holds a value in ``range``; build one from text with
/// ``init(parsing:field:)``, which explains what went wrong.
///
/// ```swift
/// let before = try PainLevel(parsing: "4", field: "pain before")
/// before.value // 4
/// ```
public struct PainLevel: Sendable, Hashable, Comparable {
    /// The values the scale allows.
    public static let range = 0...10

    /// The reading, within ``range``.
    public let value: Int

    /// A pain level, or `nil` when `value` is outside 0...10.
    public init?(_ value: Int) {
        guard Self.range.contains(value) else { return nil }
        self.value = value
    }

    /// The reading nearest `value` within ``range``: how a stored value journal never writes is read
    /// (``StoredValues``), so that 11 after 3 is still a rise.
    init(clamping value: Int) {
        self.value = min(max(value, Self.range.lowerBound), Self.range.upperBound)
    }

    /// Reads a whole number from 0 to 10, or throws ``JournalError/invalidPain(field:text:)``.
    public init(parsing text: String, field: String) throws {
        guard let number = Int(text.trimmingWhitespace()), let level = PainLevel(number) else {
            throw JournalError.invalidPain(field: field, text: text)
        }
        self = level
    }

    public static func < (lhs: PainLevel, rhs: PainLevel) -> Bool { lhs.value < rhs.value }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? endIndex
        return self[start..<max(start, end)]
    }
}
