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

    /// Sets of an entry or a plan (``DoseInput``).
    @Sendable static func sets(_ text: String) throws -> Int { try DoseInput.sets(text) }
    /// Repetitions in each set; `3x10` is refused naming `--sets 3 --reps 10`.
    @Sendable static func reps(_ text: String) throws -> Int { try DoseInput.reps(text) }
    /// Seconds each hold lasts: `30`, `30s`, `30 seconds`, `1m`, `1 min`.
    @Sendable static func hold(_ text: String) throws -> Int { try DoseInput.holdSeconds(text) }
    /// How many rows a list shows at most.
    static let limit = number("limit", Entry.Limits.listed)

    /// left, right or both.
    @Sendable static func side(_ text: String) throws -> Side { try Side(parsing: text) }

    /// A report format.
    @Sendable static func reportFormat(_ text: String) throws -> ReportFormat { try ReportFormat(parsing: text) }

    /// An export format.
    @Sendable static func exportFormat(_ text: String) throws -> ExportFormat { try ExportFormat(parsing: text) }

    /// A record's id as people type it: a whole number from 1, bare or as journal prints it.
    ///
    /// `7` and `#7` name the same record; a word that is no id is refused before the command runs,
    /// with ``UsageCheck``'s hint (exit 64).
    @Sendable static func id(_ text: String) throws -> Int64 {
        guard let value = idValue(text) else { throw ValidationError("ids are whole numbers from 1.") }
        return value
    }

    /// The id `text` names (`7`, `#7`), or `nil`: 0, negatives, signs and other words name none.
    static func idValue(_ text: String) -> Int64? {
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int64(digits),
            value >= 1
        else { return nil }
        return value
    }
}

/// Ids typed as arguments (`journal delete 12 13`), read in linear time however many there are.
///
/// swift-argument-parser stores each value of an array argument by copying the whole array (and
/// the set of argument positions it came from) out of its type-erased box, appending one, and
/// storing it back: n ids cost n² copies (40,000 ids: 30 s). ``joined(_:)`` therefore hands it a
/// long run of ids as one argument, which ``IDList`` splits again; a short run is left as typed,
/// so its messages are swift-argument-parser's own.
struct IDList: ExpressibleByArgument {
    let values: [Int64]

    init?(argument: String) {
        var values: [Int64] = []
        for word in argument.split(separator: " ", omittingEmptySubsequences: false) {
            guard let value = Read.idValue(String(word)) else { return nil }
            values.append(value)
        }
        self.values = values
    }

    /// Runs of at least this many ids are joined.
    static let joinedRun = 64

    /// The commands whose arguments are ids, after the program's name.
    static let commands: [[String]] = [["delete"], ["checkins", "delete"]]

    /// `arguments` (without the program's name) with each run of ``joinedRun`` or more bare
    /// numbers given to an id-taking command joined by spaces into one argument.
    static func joined(_ arguments: [String]) -> [String] {
        guard arguments.count > joinedRun,
            let command = commands.first(where: { arguments.starts(with: $0) })
        else { return arguments }
        var result = Array(arguments.prefix(command.count))
        var run: [String] = []
        func endRun() {
            if run.count >= joinedRun {
                result.append(run.joined(separator: " "))
            } else {
                result += run
            }
            run.removeAll()
        }
        var afterTerminator = false
        for argument in arguments.dropFirst(command.count) {
            if argument == "--" { afterTerminator = true }
            let isNumber = !argument.isEmpty && argument.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if isNumber || (afterTerminator && Int64(argument) != nil) {
                run.append(argument)
            } else {
                endRun()
                result.append(argument)
            }
        }
        endRun()
        return result
    }
}
