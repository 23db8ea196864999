/// Reads a dose typed in one word, as `journal session` asks for it.
///
/// `SETSxREPS` (`3x10`), `SETSxHOLDs` (`2x30s`) or `SETSxREPSxHOLDs` (`3x10x5s`: hold 5 seconds
/// in each of 10 repetitions), `×` or `x`, optionally followed by a side: `3x10 left`.
///
/// ```swift
/// try DoseInput.parse("2x30s right") // sets 2, hold 30, side right
/// ```
public struct DoseInput: Sendable, Hashable {
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var side: Side?

    /// The forms, for messages.
    public static let forms =
        "write it as 3x10, 2x30s or 3x10x5s (sets × reps, × seconds held), "
        + "optionally followed by left, right or both"

    /// Reads `text`, or throws ``JournalError/invalidDose(_:)``; the numbers are checked as `journal log` checks them.
    public static func parse(_ text: String) throws -> DoseInput {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var side: Side?
        if words.count == 2, let last = words.last, let parsed = Side(rawValue: last) {
            side = parsed
            words.removeLast()
        }
        guard words.count == 1 else { throw JournalError.invalidDose(text) }
        let parts = words[0].replacingOccurrences(of: "×", with: "x").split(
            separator: "x", omittingEmptySubsequences: false
        )
        .map(String.init)
        guard (2...3).contains(parts.count), let sets = Int(parts[0]) else { throw JournalError.invalidDose(text) }
        var reps: Int?
        var hold: Int?
        for part in parts.dropFirst() {
            if part.hasSuffix("s"), hold == nil, let seconds = Int(part.dropLast()) {
                hold = seconds
            } else if reps == nil, hold == nil, let count = Int(part) {
                reps = count
            } else {
                throw JournalError.invalidDose(text)
            }
        }
        try Entry.checkRange(sets, Entry.Limits.sets, field: "sets")
        if let reps { try Entry.checkRange(reps, Entry.Limits.reps, field: "reps") }
        if let hold { try Entry.checkRange(hold, Entry.Limits.holdSeconds, field: "hold (seconds)") }
        return DoseInput(sets: sets, reps: reps, holdSeconds: hold, side: side)
    }
}
