import ArgumentParser
import Foundation
import Journal

/// Writes to stdout (data) and stderr (messages), with colour only where it helps.
///
/// Both are written with `write(2)`, retrying interruptions and partial writes, never through
/// `FileHandle`, whose failures end the process. Data that cannot be written (a full disk, a
/// closed pipe) throws ``OutputFailure``, which `main` turns into exit status 74 and a message
/// saying whether the change was saved; a message that cannot be written is dropped.
enum Console {
    /// Set once the command's change is committed to the journal (``StoreOptions/write(_:)``),
    /// so that a failure to print afterwards says the change was saved.
    nonisolated(unsafe) static var changeSaved = false

    /// Prints data to standard output; throws ``OutputFailure`` when it cannot be written.
    static func out(_ text: String, terminator: String = "\n") throws {
        if let failure = write(text + terminator, to: STDOUT_FILENO) {
            throw OutputFailure(destination: "standard output", errorNumber: failure)
        }
    }

    /// Asks a question on standard error, without a line break, for the answer to follow.
    static func prompt(_ text: String) {
        err(text, terminator: "")
    }

    /// Prints a message to standard error, as well as it can: one that cannot be written is dropped.
    static func err(_ text: String, terminator: String = "\n") {
        _ = write(text + terminator, to: STDERR_FILENO)
    }

    /// Prints a table on standard output, its header row in bold on a terminal.
    static func table(header: [String], rows: [[String]], alignRight: Set<Int> = []) throws {
        let text = TextTable.render(header: header, rows: rows, alignRight: alignRight)
        guard let newline = text.firstIndex(of: "\n") else {
            try out(Style.stdout.bold(text))
            return
        }
        try out(Style.stdout.bold(String(text[..<newline])) + String(text[newline...]))
    }

    /// Prints `value` as pretty JSON on standard output (``JSONText/pretty(_:)``).
    static func json(_ value: some Encodable) throws {
        try out(try JSONText.pretty(value))
    }

    /// Writes all of `text` to `descriptor`; the `errno` of a failure, or `nil` when every byte was written.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return nil }
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }
}

/// Data could not be written where it was going (standard output, a device, a pipe): exit status 74.
///
/// Unlike a ``JournalError``, this can come after the journal was changed; `main` then says that
/// the change was saved, so that nobody runs the command again to repeat it.
struct OutputFailure: Error {
    /// Where the data was going: "standard output", or a path.
    let destination: String
    /// Why it failed, as the system says it: "No space left on device", "Broken pipe".
    let reason: String
    /// What the command had saved, when it knows better than ``ChangingCommand/savedNote``.
    var saved: String?

    init(destination: String, reason: String, saved: String? = nil) {
        self.destination = destination
        self.reason = reason
        self.saved = saved
    }

    init(destination: String, errorNumber: Int32) {
        self.init(destination: destination, reason: String(cString: strerror(errorNumber)))
    }

    /// The message, followed by `saved` (what was saved, and how to see it) when something was.
    func message(saved: String?) -> String {
        let failure = "could not write to \(destination.terminalSafe): \(reason)."
        return (self.saved ?? saved).map { failure + " " + $0.terminalSafe } ?? failure
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
        case .invalidPain, .missingValue, .invalidNumber, .unknownExercise, .unknownRedFlag, .retiredRedFlag,
            .sideNotApplicable,
            .invalidSide, .invalidChoice, .invalidActivity, .invalidScore, .invalidDose, .tooManyActivities,
            .invalidExerciseID, .invalidExerciseName, .exerciseExists, .exerciseArchived, .exerciseNameTaken,
            .cannotRemoveBuiltIn,
            .cannotEditBuiltIn,
            .exerciseInUse, .sidesInUse,
            .confirmationNeeded, .invalidSetting, .keyNeeded, .invalidKey, .invalidPassphrase,
            .noteTooLong, .invalidNote, .howToTooLong, .invalidHowTo, .invalidDate, .futureDate, .invalidSpan,
            .invalidPeriod:
            return 64  // EX_USAGE
        case .entryNotFound, .checkInNotFound, .activityNotFound, .notAJournal, .corruptDatabase, .newerDatabase,
            .invalidImport, .inputTooLarge, .storedValues, .damagedEncryptedFile, .notARestorableJournal,
            .addedExerciseInUse:
            return 65  // EX_DATAERR
        case .noInput: return 66  // EX_NOINPUT
        case .cannotCreate, .outputExists, .backupExists, .cannotWriteFile, .journalExists: return 73  // EX_CANTCREAT
        case .io: return 74  // EX_IOERR
        case .databaseLocked: return 75  // EX_TEMPFAIL
        case .permissionDenied, .wrongKey, .unsafePassphraseFile: return 77  // EX_NOPERM
        case .noDatabaseLocation: return 78  // EX_CONFIG
        }
    }
}
