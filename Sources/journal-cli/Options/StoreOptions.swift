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

    /// The journal, created if missing: for commands that write.
    func openForWriting() throws -> JournalStore {
        try JournalStore(path: resolvedPath())
    }

    /// The journal if it exists: for commands that only read.
    func openForReading() throws -> JournalStore? {
        try JournalStore.existing(at: resolvedPath())
    }
}
