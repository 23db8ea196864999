import ArgumentParser
import Foundation
import Journal

/// `--db PATH`, shared by every command that reads or writes the journal.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The journal file (default: $JOURNAL_DB, else $XDG_DATA_HOME/journal/journal.sqlite3).",
            valueName: "path"))
    var path: String?

    /// What every opening does with a journal file that is there but empty (0 bytes): set once, by
    /// `main`, from what the command does (``StartingCommand``), so that no command decides it alone.
    nonisolated(unsafe) static var emptyFile: JournalStore.EmptyFile = .refused

    /// The resolved path of the journal file.
    func resolvedPath() throws -> String {
        try DatabaseLocation.resolve(explicit: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Seconds a write waits for another process's lock: `$JOURNAL_BUSY_TIMEOUT`, else 10.
    ///
    /// Accepts 0 to 3600 seconds, written as digits with an optional decimal part (`2.5`); refuses
    /// anything else (`abc`, `-1`, `1e9`, `inf`) with exit status 64 rather than guessing.
    static func busyTimeout(_ environment: [String: String]) throws -> TimeInterval {
        guard let text = environment["JOURNAL_BUSY_TIMEOUT"], !text.isEmpty else {
            return BusyTimeout.defaultSeconds
        }
        let range = BusyTimeout.range
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDecimal =
            parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } && parts.contains { !$0.isEmpty }
        guard isDecimal, let seconds = TimeInterval(text), range.contains(seconds) else {
            throw JournalError.invalidSetting(
                name: "JOURNAL_BUSY_TIMEOUT", text: text,
                expected:
                    "a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound)), such as 10 or 2.5"
            )
        }
        return seconds
    }

    /// Runs a command's one change on the journal, which is created only if the change succeeds.
    ///
    /// Once it returns, the change is saved: ``Console/changeSaved`` says so to a later failure to print.
    /// A file there that is empty (0 bytes) is refused (exit 66, left as it is), unless the command
    /// adds a record (``emptyFile``): its change, if it succeeds, then starts a new journal in it, as
    /// docs/design.md says; since it may have been a journal that a sync tool truncated, a line on
    /// standard error says so, with how to put a backup back. Only the write that started it says
    /// so: one that found another command's journal there first says it saved its change in that.
    func write<T>(_ operation: (JournalStore) throws -> T) throws -> T {
        let busyTimeout = try Self.busyTimeout(ProcessInfo.processInfo.environment)
        let path = try resolvedPath()
        let wasEmpty = JournalFileCheck.isEmptyFile(path)
        let written = try JournalStore.written(at: path, busyTimeout: busyTimeout, emptyFile: Self.emptyFile) {
            try operation(announce($0, reading: false))
        }
        Console.changeSaved = true
        if wasEmpty, written.startedJournal {
            Console.err(
                "journal: \(path.terminalSafe) was an empty file (0 bytes) holding no journal; this change started a "
                    + "new journal in it. If it held a journal before, `journal restore BACKUP --force` puts a backup "
                    + "back (this journal is kept beside it).")
        } else if wasEmpty {
            Console.err(
                "journal: \(path.terminalSafe) was an empty file (0 bytes) holding no journal when this command began; "
                    + "another journal command put a journal in it meanwhile, and this change was saved in that one.")
        }
        return written.result
    }

    /// The journal if it exists: for commands that only read, and for what a change reads first.
    ///
    /// A file there that is empty (0 bytes) is refused, exit 66, unless the command adds a record
    /// (``emptyFile``): it then reads as no journal yet.
    func openForReading() throws -> JournalStore? {
        let busyTimeout = try Self.busyTimeout(ProcessInfo.processInfo.environment)
        return try JournalStore.existing(at: resolvedPath(), busyTimeout: busyTimeout, emptyFile: Self.emptyFile).map {
            announce($0, reading: true)
        }
    }

    /// The journal if a file is there, for a command that shows it (``JournalStore/shown(at:busyTimeout:)``):
    /// a file that holds no journal (empty) is refused, exit 66, as `journal doctor` refuses it.
    func openForScreen() throws -> JournalStore? {
        let busyTimeout = try Self.busyTimeout(ProcessInfo.processInfo.environment)
        return try JournalStore.shown(at: resolvedPath(), busyTimeout: busyTimeout).map {
            announce($0, reading: true)
        }
    }

    /// The exercise `text` names: built in, or one the person added (which needs the journal);
    /// an archived one too with `includingArchived`, for commands that read what was logged.
    func resolveExercise(_ text: String, includingArchived: Bool = false) throws -> Exercise {
        do {
            return try Catalog.builtIn.resolve(text)
        } catch JournalError.unknownExercise {
            guard let journal = try openForReading() else { return try Catalog.builtIn.resolve(text) }
            return
                try includingArchived
                ? journal.catalog(includingArchived: true).resolve(text) : journal.loggableExercise(text)
        }
    }

    /// Every exercise that can be logged: the catalogue and the person's own; archived ones too with `includingArchived`.
    func catalog(includingArchived: Bool = false) throws -> Catalog {
        try openForReading()?.catalog(includingArchived: includingArchived) ?? Catalog.builtIn
    }

    /// Says so on stderr when opening upgraded the file (and where the copy of the old one is) or
    /// made it private; makes the default location's folder private too.
    ///
    /// `reading`: for a command that only reads, says what the file holds that journal did not
    /// make (a write is refused with it).
    private func announce(_ store: JournalStore, reading: Bool) -> JournalStore {
        var tightened = store.permissionsTightened
        if store.access == .readWrite,
            DatabaseLocation.isDefault(explicit: path, environment: ProcessInfo.processInfo.environment),
            let folder = FilePermissions.tightenFolder(of: store.path)
        {
            tightened.append(folder)
        }
        for change in tightened {
            let modes = "(\(String(change.from, radix: 8)) → \(String(change.to, radix: 8)))"
            Console.err(
                change.wasUnwritable
                    ? "journal: made \(change.path.terminalSafe) writable again \(modes): it \(Wording.unwritableSideFile)."
                    : "journal: made \(change.path.terminalSafe) private \(modes): others could read your journal.")
        }
        // A read it refuses says so in its error instead.
        if reading, let problem = store.schemaProblem, !store.refusesReading {
            StoredDamage.say(schemaProblem: problem)
        }
        for backup in store.backupsMade {
            Console.err(
                "journal: upgraded \(store.path.terminalSafe) to this version; the file as it was is kept at \(backup.terminalSafe)."
            )
        }
        return store
    }
}

/// The text of `--note`: as typed, or read from standard input for `--note -`, so a note can stay
/// out of shell history.
///
/// `--how-to -` (`exercises add` and `edit`) reads an exercise's how-to text the same way (``Field/howTo``).
///
/// The bytes must be UTF-8 (never silently decoded into U+FFFD); standard input that is closed,
/// cannot be read or holds nothing is an error, so that a command never records or removes a note
/// it did not get. The note's own rule (``Note``) is the library's.
enum NoteInput {
    /// What a `-` reads: a note, or an exercise's how-to text, which a note's limits bound too.
    enum Field {
        case note, howTo

        var option: String { self == .note ? "--note" : "--how-to" }
        var noun: String { self == .note ? "note" : "how-to text" }

        /// The error for text that cannot be kept, in this field's words.
        func invalid(_ reason: String) -> JournalError {
            self == .note ? .invalidNote(reason) : .invalidHowTo(reason)
        }
    }

    static func read(_ note: String?, as field: Field = .note) throws -> String? {
        guard let note else { return nil }
        guard note == "-" else {
            try requireUTF8Argument(note, field)
            return note
        }
        do {
            return try Note.decode(standardInput(field))
        } catch JournalError.invalidNote(let reason) {
            throw field.invalid(reason)
        }
    }

    /// Standard input to its end: at most enough bytes for the longest note and its line end.
    private static func standardInput(_ field: Field) throws -> [UInt8] {
        try InputSource.requireReadableStandardInput()
        let limit = Note.maximumBytes + 2
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let count = block.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError.noInput(path: "standard input", reason: String(cString: strerror(errno)))
            }
            bytes += block[0..<count]
            if bytes.count > limit {
                throw field.invalid(
                    "standard input holds more than \(limit) bytes, more than a \(field.noun) of \(Note.maximumLength) "
                        + "characters can take")
            }
        }
        // Blank input (only spaces, tabs and line ends) is refused as empty input is: a blank text is
        // no text, so taking it would remove one without a word.
        guard !String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace) else {
            let what = bytes.isEmpty ? "it is empty" : "it holds only spaces and line ends"
            throw JournalError.noInput(
                path: "standard input",
                reason:
                    "\(what); \(field.option) - reads the \(field.noun) from it (\(field.option) \"\" removes one)"
            )
        }
        return bytes
    }

    /// Refuses a note typed on the command line that was not UTF-8: Swift's arguments replace such
    /// bytes by U+FFFD, so the raw arguments are looked at when the note holds one.
    private static func requireUTF8Argument(_ note: String, _ field: Field) throws {
        guard note.unicodeScalars.contains("\u{FFFD}") else { return }
        for index in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument)).bindMemory(to: UInt8.self)
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let repaired = String(decoding: bytes, as: UTF8.self)
            if repaired == note || repaired == field.option + "=" + note {
                throw field.invalid("it is not valid UTF-8 text")
            }
        }
    }
}
