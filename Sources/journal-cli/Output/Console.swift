import ArgumentParser
import Foundation
import Journal

/// Writes to stdout (data) and stderr (messages), with colour only where it helps.
enum Console {
    /// Prints data to standard output.
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// Prints a message to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a table on standard output, its header row in bold on a terminal.
    static func table(header: [String], rows: [[String]], alignRight: Set<Int> = []) {
        let text = TextTable.render(header: header, rows: rows, alignRight: alignRight)
        guard let newline = text.firstIndex(of: "\n") else {
            out(Style.stdout.bold(text))
            return
        }
        out(Style.stdout.bold(String(text[..<newline])) + String(text[newline...]))
    }

    /// Prints `value` as pretty JSON on standard output.
    static func json(_ value: some Encodable) throws {
        out(try jsonText(value))
    }

    /// `value` as pretty JSON with sorted keys.
    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// ANSI styling for one stream: on only for a terminal, and never with NO_COLOR or TERM=dumb.
struct Style {
    let enabled: Bool

    static let stderr = Style(descriptor: STDERR_FILENO)
    static let stdout = Style(descriptor: STDOUT_FILENO)

    init(descriptor: Int32) {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        enabled = isatty(descriptor) == 1 && !noColor && environment["TERM"] != "dumb"
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension JournalError {
    /// The sysexits status for this error (README, "Exit status").
    var exitStatus: Int32 {
        switch self {
        case .invalidPain, .missingValue, .invalidNumber, .unknownExercise, .unknownRedFlag, .sideNotApplicable,
            .invalidSide, .invalidChoice,
            .invalidExerciseID, .invalidExerciseName, .exerciseExists, .cannotRemoveBuiltIn, .exerciseInUse,
            .confirmationNeeded,
            .noteTooLong, .invalidNote, .invalidDate, .futureDate, .invalidPeriod:
            return 64  // EX_USAGE
        case .entryNotFound, .checkInNotFound, .notAJournal, .corruptDatabase, .newerDatabase, .invalidImport,
            .inputTooLarge:
            return 65  // EX_DATAERR
        case .noInput: return 66  // EX_NOINPUT
        case .cannotCreate, .outputExists: return 73  // EX_CANTCREAT
        case .io: return 74  // EX_IOERR
        case .databaseLocked: return 75  // EX_TEMPFAIL
        case .permissionDenied: return 77  // EX_NOPERM
        case .noDatabaseLocation: return 78  // EX_CONFIG
        }
    }
}

extension String {
    /// The text with terminal control characters removed and line breaks and tabs as spaces,
    /// so a note cannot move the cursor or change colours when printed.
    var terminalSafe: String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
