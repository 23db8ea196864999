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
    var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["JOURNAL_BUSY_TIMEOUT"].flatMap(TimeInterval.init)
            .map { max(0, $0) } ?? JournalStore.defaultBusyTimeout
    }

    /// Runs a command's one change on the journal, which is created only if the change succeeds.
    func write<T>(_ operation: (JournalStore) throws -> T) throws -> T {
        try JournalStore.write(at: resolvedPath(), busyTimeout: busyTimeout) { try operation(announce($0)) }
    }

    /// The journal if it exists: for commands that only read.
    func openForReading() throws -> JournalStore? {
        try JournalStore.existing(at: resolvedPath(), busyTimeout: busyTimeout).map(announce)
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
                "journal: made \(change.path) private (\(String(change.from, radix: 8)) → \(String(change.to, radix: 8))): "
                    + "others could read your journal.")
        }
        for backup in store.backupsMade {
            Console.err("journal: upgraded \(store.path) to this version; the file as it was is kept at \(backup).")
        }
        return store
    }
}

/// Reads `--note -` from standard input, so a note can stay out of shell history.
enum NoteInput {
    static func read(_ note: String?) throws -> String? {
        guard note == "-" else { return note }
        var text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
