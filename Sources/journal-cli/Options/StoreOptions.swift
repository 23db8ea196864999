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
            return JournalStore.defaultBusyTimeout
        }
        let range = JournalStore.busyTimeoutRange
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
    func write<T>(_ operation: (JournalStore) throws -> T) throws -> T {
        let busyTimeout = try Self.busyTimeout(ProcessInfo.processInfo.environment)
        let result = try JournalStore.write(at: resolvedPath(), busyTimeout: busyTimeout) {
            try operation(announce($0))
        }
        Console.changeSaved = true
        return result
    }

    /// The journal if it exists: for commands that only read.
    func openForReading() throws -> JournalStore? {
        let busyTimeout = try Self.busyTimeout(ProcessInfo.processInfo.environment)
        return try JournalStore.existing(at: resolvedPath(), busyTimeout: busyTimeout).map(announce)
    }

    /// The exercise `text` names: built in, or one the person added (which needs the journal).
    func resolveExercise(_ text: String) throws -> Exercise {
        do {
            return try Catalog.builtIn.resolve(text)
        } catch JournalError.unknownExercise {
            guard let journal = try openForReading() else { return try Catalog.builtIn.resolve(text) }
            return try journal.catalog().resolve(text)
        }
    }

    /// Every exercise that can be logged: the catalogue and the person's own.
    func catalog() throws -> Catalog {
        try openForReading()?.catalog() ?? Catalog.builtIn
    }

    /// Says so on stderr when opening upgraded the file (and where the copy of the old one is) or
    /// made it private; makes the default location's folder private too.
    private func announce(_ store: JournalStore) -> JournalStore {
        var tightened = store.permissionsTightened
        if store.access == .readWrite,
            DatabaseLocation.isDefault(explicit: path, environment: ProcessInfo.processInfo.environment),
            let folder = JournalStore.tightenFolder(of: store.path)
        {
            tightened.append(folder)
        }
        for change in tightened {
            Console.err(
                "journal: made \(change.path.terminalSafe) private (\(String(change.from, radix: 8)) → \(String(change.to, radix: 8))): "
                    + "others could read your journal.")
        }
        for backup in store.backupsMade {
            Console.err(
                "journal: upgraded \(store.path.terminalSafe) to this version; the file as it was is kept at \(backup.terminalSafe)."
            )
        }
        return store
    }
}

/// Reads `--note -` from standard input, so a note can stay out of shell history.
enum NoteInput {
    static func read(_ note: String?) throws -> String? {
        guard note == "-" else { return note }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError.io(path: "standard input", reason: String(cString: strerror(errno)))
            }
            bytes += buffer[0..<count]
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
