import ArgumentParser
import Foundation
import Journal

/// Writes to stdout (data) and stderr (messages), with colour only where it helps.
///
/// Every text it prints is shown through the one rule for text on a terminal
/// (``Style/shown(_:)``): a stored exercise name, note or path cannot move the cursor, retitle the
/// window or clear the screen. JSON (``json(_:)``) is written as the encoder made it, exact.
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
        try data(Style.shown(text), terminator: terminator)
    }

    /// Prints `text` to standard output exactly as it is: JSON, whose encoder escapes controls.
    private static func data(_ text: String, terminator: String = "\n") throws {
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
        _ = write(Style.shown(text) + terminator, to: STDERR_FILENO)
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
        try data(try JSONText.pretty(value))
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

    /// `text` in bold red as escape sequences themselves, for a renderer that makes the text
    /// around it safe on its own (`ReportText`, whose output goes to a file or a pipe as it is).
    func redSequence(_ text: String) -> String { enabled ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }

    /// Styles `text` for ``Console``: marks that ``shown(_:)`` turns into escape sequences once the
    /// text around them is made safe, so a stored text's own escapes never pass as styling.
    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? Self.mark(code) + text + Self.mark("0") : text
    }

    /// The SGR codes ``wrap(_:_:)`` uses: bold, bold red, dim and reset.
    private static let codes = ["1", "1;31", "2", "0"]

    /// A random key per run, so that no stored text can carry a mark.
    private static let key = String(UInt64.random(in: .min ... .max), radix: 36)

    private static func mark(_ code: String) -> String { "\u{E000}\(key);\(code)\u{E001}" }

    /// `text` as a terminal shows it: made safe by the one rule for stored text on a screen
    /// (`String.terminalSafeLines`: controls but line breaks and tabs, DEL, C1 and bidirectional
    /// overrides removed), then this run's style marks turned into escape sequences.
    static func shown(_ text: String) -> String {
        var shown = text.terminalSafeLines
        // A byte scan (U+E000 is EE 80 80 in UTF-8): Foundation's `contains` folds clusters, and
        // every line a screen prints comes here.
        guard shown.utf8.contains(0xEE), shown.unicodeScalars.contains("\u{E000}") else { return shown }
        for code in codes { shown = shown.replacingOccurrences(of: mark(code), with: "\u{1B}[\(code)m") }
        return shown
    }
}

extension JournalError {
    /// The sysexits status for this error (README, "Exit status").
    var exitStatus: Int32 {
        switch self {
        case .invalidPain, .missingValue, .invalidNumber, .unknownExercise, .unknownRedFlag, .retiredRedFlag,
            .sideNotApplicable,
            .invalidSide, .invalidChoice, .invalidActivity, .invalidScore, .invalidDose, .tooManyActivities,
            .activityExists,
            .invalidExerciseID, .invalidExerciseName, .exerciseExists, .exerciseArchived, .exerciseNameTaken,
            .cannotRemoveBuiltIn,
            .cannotEditBuiltIn,
            .exerciseInUse, .sidesInUse,
            .confirmationNeeded, .invalidSetting, .keyNeeded, .invalidKey, .invalidPassphrase,
            .noteTooLong, .invalidNote, .howToTooLong, .invalidHowTo, .invalidDate, .futureDate, .skippedToCome,
            .timeToCome,
            .invalidSpan,
            .invalidPeriod:
            return 64  // EX_USAGE
        case .entryNotFound, .checkInNotFound, .activityNotFound, .activityRetired, .ratingBeforeActivity, .notAJournal,
            .corruptDatabase,
            .newerDatabase, .foreignSchema, .migrationRecordMissing,
            .invalidImport, .inputTooLarge, .storedValues, .undoRecordDamaged, .editedRecordChanged,
            .activityRatedSince, .recordDeletedSince, .mergedSince,
            .changedSettingChanged,
            .exerciseRowMissing,
            .idCounterChanged,
            .damagedEncryptedFile,
            .notARestorableJournal, .syncCannotRecord,
            .addedExerciseInUse:
            return 65  // EX_DATAERR
        case .noInput: return 66  // EX_NOINPUT
        case .cannotCreate, .outputExists, .outputIsJournal, .backupExists, .cannotWriteFile, .journalExists:
            return 73  // EX_CANTCREAT
        case .io: return 74  // EX_IOERR
        case .walUnreadable(_, let cause): return cause == .diskFull ? 74 : 77  // EX_IOERR, EX_NOPERM
        case .databaseLocked: return 75  // EX_TEMPFAIL
        case .permissionDenied, .unreadableInput, .wrongKey, .unsafePassphraseFile: return 77  // EX_NOPERM
        case .noDatabaseLocation, .unreadableTimeZone: return 78  // EX_CONFIG
        }
    }
}
