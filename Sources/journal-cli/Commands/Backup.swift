import ArgumentParser
import Foundation
import Journal

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Save a consistent copy of the journal (mode 0600), safe to take while journal runs.",
        discussion: """
            The copy is made with SQLite's VACUUM INTO, never by copying the live file, and is \
            itself a journal: open it with --db. Without FILE it goes beside the journal, named \
            with the date and time (and -2, -3… when several are made in the same second). An \
            existing FILE is never overwritten.

            Examples:
              journal backup
              journal backup ~/backups/journal-before-holiday.sqlite3
            """
    )

    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "file"))
    var file: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let journal = try store.openForReading() else {
            throw JournalError.noInput(
                path: try store.resolvedPath(), reason: "there is no journal there yet; `journal log` starts one")
        }
        let destination = try journal.backUp(to: file, now: Date(timeIntervalSince1970: TimeInterval(try Clock.now())))
        do {
            try Console.out(destination)
        } catch var failure as OutputFailure {
            failure.saved = "The backup was made: \(destination)."
            throw failure
        }
        Console.err("Backed up the journal to \(destination.terminalSafe).")
    }
}
