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

/// The dose typed after `--sets`, `--reps` and `--hold` (`log`, `edit`, `plan set`): the one
/// reader of each, so that every command takes the same words.
///
/// A hold may carry its unit: `30`, `30s`, `30 s`, `30sec`, `30 seconds`, `1m`, `1 min`,
/// `2 minutes` (seconds; a minute is 60). A whole dose in one word, as `journal session` takes it
/// (`3x10`, `3×10`, `2x30s`), is refused, never guessed at, naming the options that say it
/// (`--sets 3 --reps 10`).
///
/// ```swift
/// try DoseInput.holdSeconds("1 min")  // 60
/// try DoseInput.reps("3x10")          // throws: … For 3 × 10 reps, give --sets 3 --reps 10.
/// ```
extension DoseInput {
    /// Sets each session.
    public static func sets(_ text: String) throws -> Int {
        try count(text, field: "sets", range: Entry.Limits.sets)
    }

    /// Repetitions each set.
    public static func reps(_ text: String) throws -> Int {
        try count(text, field: "reps", range: Entry.Limits.reps)
    }

    /// Seconds each hold lasts: a whole number of seconds, or one with its unit (seconds or minutes).
    public static func holdSeconds(_ text: String) throws -> Int {
        let range = Entry.Limits.holdSeconds
        let seconds = seconds(in: text)
        if let seconds, range.contains(seconds) { return seconds }
        let number = seconds != nil || Int(text.trimmingWhitespace()) != nil
        throw JournalError.invalidNumber(
            field: "hold (seconds)", text: text, range: range,
            instead: wholeDose(text) ?? (number ? nil : "Give seconds, such as 30, 30s or 1 min."))
    }

    /// The words a hold's unit may take, and the seconds in one.
    static let holdUnits: [(words: Set<String>, seconds: Int)] = [
        (["", "s", "sec", "secs", "second", "seconds"], 1),
        (["m", "min", "mins", "minute", "minutes"], 60),
    ]

    /// The seconds `text` names (`30`, `30s`, `1 min`), whatever the bounds; `nil` for anything else.
    static func seconds(in text: String) -> Int? {
        let lower = DateInput.cleaned(text).lowercased()
        let digits = lower.prefix(while: \.isDigitASCII)
        let unit = String(String(lower.dropFirst(digits.count)).trimmingWhitespace())
        guard !digits.isEmpty, let number = Int(digits),
            let seconds = holdUnits.first(where: { $0.words.contains(unit) })?.seconds
        else { return nil }
        let (total, overflow) = number.multipliedReportingOverflow(by: seconds)
        return overflow ? nil : total
    }

    /// A whole number of sets or reps within `range`; a whole dose (`3x10`) is refused naming the options.
    private static func count(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int {
        if let number = Int(text.trimmingWhitespace()), range.contains(number) { return number }
        throw JournalError.invalidNumber(field: field, text: text, range: range, instead: wholeDose(text))
    }

    /// What to type for a whole dose in one word (``parse(_:)``: `3x10`, `2x30s`, `3x10x5s left`):
    /// "For 3 × 10 reps, give --sets 3 --reps 10."; `nil` when `text` is no dose.
    static func wholeDose(_ text: String) -> String? {
        guard let dose = try? parse(text) else { return nil }
        let options =
            ["--sets \(dose.sets)"]
            + [dose.reps.map { "--reps \($0)" }, dose.holdSeconds.map { "--hold \($0)" }]
            .compactMap { $0 } + [dose.side.map { "--side \($0.rawValue)" }].compactMap { $0 }
        let said = Wording.dose(sets: dose.sets, reps: dose.reps, holdSeconds: dose.holdSeconds, side: dose.side)
        return "For \(said), give \(options.joined(separator: " "))."
    }
}
