import ArgumentParser
import Foundation
import Journal

@main
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "A local pain and progress journal for lower back exercises.",
        discussion: """
            Record each exercise with your pain before and after (0-10). When pain goes up, \
            journal tells you to stop that exercise and see a physiotherapist before continuing.

            journal is a journal and a safety net, not a diagnosis or medical advice: it only \
            repeats what its rules and their cited sources say (docs/safety.md).

            Exit status: 0 ok (journal check: 1 cautions, 2 a stop, 3 a red flag, urgent or \
            see-doctor); 64 bad usage or input; 65 bad data (not a journal, a damaged file, a \
            newer journal's file, a bad import row); 66 no input file; 73 cannot create; 74 I/O \
            error or disk full; 75 still locked after the busy timeout ($JOURNAL_BUSY_TIMEOUT, \
            default 10 s); 77 permission denied or read-only; 78 no place for the journal (no \
            HOME and no --db). Nothing is saved when a command fails.
            """,
        version: "0.1.0",
        subcommands: [
            Log.self, Today.self, Session.self, CheckInCommand.self, CheckIns.self, List.self, Report.self, Check.self,
            Safety.self, Export.self,
            Import.self,
            Resume.self, PSFS.self, Edit.self, Delete.self, Undo.self, Exercises.self, Plan.self, Backup.self,
            Doctor.self,
        ]
    )

    /// Runs the command line; the one place where a ``JournalError`` becomes a message and an exit status.
    ///
    /// Every file the process creates is private to its owner, whatever the caller's umask.
    static func main() {
        umask(0o077)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as JournalError {
            Console.err("journal: \(error)")
            Foundation.exit(error.exitStatus)
        } catch {
            exit(withError: error)
        }
    }
}
