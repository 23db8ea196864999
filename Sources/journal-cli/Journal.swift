import Age
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

            Exit status: 0 ok (journal check: 1 cautions, 2 a stop or a hold, 3 a red flag, urgent or \
            see-doctor); 64 bad usage or input; 65 bad data (not a journal, a damaged file, a \
            newer journal's file, a bad import row, an unknown id, a value journal never \
            writes put into the file from outside: named after what the command showed, and a \
            stop, a hold or a red flag keeps its 2 or 3); 66 no input file; 73 cannot \
            create; 74 I/O error or disk full, or the output cannot be written; 75 still locked \
            after the busy timeout ($JOURNAL_BUSY_TIMEOUT, 0-3600 s, default 10 s); 77 permission \
            denied or read-only, or no key given opens an encrypted file (65 when it is \
            damaged); 78 no place for the journal (no HOME and no --db), or a $TZ journal cannot read. Nothing is saved when \
            a command fails, except when only its output could not be written (74: a \
            full disk, a closed pipe), or when the read after its change names values from \
            outside (65): the message then says the change was saved.
            """,
        version: "0.1.0",
        subcommands: [
            Log.self, Today.self, Session.self, CheckInCommand.self, CheckIns.self, List.self, Report.self, Check.self,
            Safety.self, Export.self,
            Import.self,
            Resume.self, PSFS.self, Edit.self, Delete.self, Undo.self, Exercises.self, Plan.self, Backup.self,
            Restore.self,
            Doctor.self, Config.self, Sync.self,
        ]
    )

    /// Runs the command line; the one place where a ``JournalError`` (and an age failure, through
    /// ``JournalError/init(_:)``) becomes a message and an exit status.
    ///
    /// Every file the process creates is private to its owner, whatever the caller's umask. A closed
    /// pipe on standard output is a write error (exit 74, with a message), not a silent end. The
    /// signals that stop a command all end it one way (``StopSignals``), Ctrl-\ too.
    static func main() {
        umask(0o077)
        signal(SIGPIPE, SIG_IGN)
        StopSignals.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        var parsed: (any ParsableCommand)?
        if let message = UsageCheck.helpMessage(for: arguments) {
            Console.err(message.terminalSafeLines)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(IDList.joined(arguments))
            if let message = UsageCheck.repeatedOption(in: arguments) {
                refuse(message.terminalSafeLines, status: ExitCode.validationFailure.rawValue)
            }
            parsed = command
            StoreOptions.emptyFile = emptyFile(for: type(of: command))
            // `safety` tells no time: it shows its advice whatever `$TZ` holds.
            if !(command is Safety) { try Clock.checkTimeZone() }
            // A write that takes no reading of its own is recorded for sync at the command's time.
            SyncRecording.now = { Date(timeIntervalSince1970: TimeInterval((try? Clock.now()) ?? 0)) }
            StoredDamage.changing = command is any ChangingCommand
            StoredDamage.savedNote = savedNote(of: command)
            try command.run()
            StoredDamage.sayHeldSchemaProblem()
        } catch let error as JournalError {
            // A write refused for what the journal holds from outside says it: a read held it back.
            if case .foreignSchema = error { StoredDamage.refusedForSchemaProblem() }
            refuse("journal: \(Self.message(for: error, from: parsed))", status: error.exitStatus)
        } catch let error as AgeError {
            let error = JournalError(error)
            refuse("journal: \(error)", status: error.exitStatus)
        } catch let error as SyncError {
            refuse("journal: \(error)", status: error.exitStatus)
        } catch let failure as OutputFailure {
            fail(failure, command: parsed)
        } catch {
            if parsed == nil, exitCode(for: error) == .validationFailure,
                let message = UsageCheck.message(for: arguments) ?? UsageCheck.repeatedOption(in: arguments)
            {
                refuse(message.terminalSafeLines, status: ExitCode.validationFailure.rawValue)
            }
            finish(error)
        }
    }

    /// Ends a refused command: the advice its typed values give alone first (``AdviceFirst``), so
    /// that no mistake elsewhere on the command line silences it, then `message`, exit `status`.
    static func refuse(_ message: String, status: Int32) -> Never {
        sayBeforeRefusal()
        Console.err(message)
        Foundation.exit(status)
    }

    /// What a refusal says before its own message: the advice the typed values give alone, then
    /// what the journal holds from outside, if a read held it back (``StoredDamage``).
    static func sayBeforeRefusal() {
        AdviceFirst.tellBeforeRefusal(Array(CommandLine.arguments.dropFirst()))
        StoredDamage.sayHeldSchemaProblem()
    }

    /// What every opening does with an empty journal file for a command of `type` (``StartingCommand``).
    static func emptyFile(for type: any ParsableCommand.Type) -> JournalStore.EmptyFile {
        type is any StartingCommand.Type ? .startsJournal : .refused
    }

    /// What `error` says for the command run: a reading command's own words, a command that takes
    /// only days the plain ones, any other the ones that name it.
    static func message(for error: JournalError, from parsed: (any ParsableCommand)?) -> String {
        guard let parsed else { return error.description }
        if case .unknownExercise = error, let acting = type(of: parsed) as? any ExistingExerciseCommand.Type {
            return error.description(actingOn: acting.existingExercises)
        }
        if parsed is any ReadingCommand { return error.descriptionForReading }
        if parsed is any DayCommand { return error.description }
        return error.description(command: UsageCheck.path(to: type(of: parsed)).joined(separator: " "))
    }

    /// Says that data could not be written and, when the command's change was saved before that,
    /// says so (and how to see it), so that nobody repeats the command; exits 74.
    static func fail(_ failure: OutputFailure, command: (any ParsableCommand)?) -> Never {
        let saved = Console.changeSaved ? savedNote(of: command) : nil
        refuse("journal: " + failure.message(saved: saved), status: 74)
    }

    /// What `command` says when it fails once its change is saved, so that nobody runs it again.
    ///
    /// Its ``ChangingCommand/savedNote``, or "The change was saved.": said after a failure to
    /// print (74) and after the values from outside the read after the change names (65).
    static func savedNote(of command: (any ParsableCommand)?) -> String {
        (command.map { type(of: $0) } as? any ChangingCommand.Type)?.savedNote ?? "The change was saved."
    }

    /// Ends as swift-argument-parser would, writing as ``Console`` does: help and version on
    /// standard output (exit 74 when it cannot be written), other messages on standard error with
    /// the values they echo made safe to print.
    static func finish(_ error: any Error) -> Never {
        let status = exitCode(for: error)
        let text = fullMessage(for: error)
        if status == .success {
            if !text.isEmpty {
                do { try Console.out(text) } catch let failure as OutputFailure { fail(failure, command: nil) } catch {}
            }
        } else {
            sayBeforeRefusal()
            if !text.isEmpty { Console.err(text.terminalSafeLines) }
        }
        Foundation.exit(status.rawValue)
    }
}

/// A command that changes the journal.
protocol ChangingCommand {
    /// What was saved and how to see it, said when the change was saved but the command's output
    /// could not be written: "The entry was saved; `journal list` shows it."
    static var savedNote: String { get }
}

/// A command that adds a record: an entry, a check-in, an activity, a plan, an exercise, a setting, an import.
///
/// A journal file that is there but empty (0 bytes) reads as no journal yet for such a command, and
/// its change, if it succeeds, starts a journal in it and says so. Every other command refuses such
/// a file, exit 66, and leaves it 0 bytes: one that shows the journal, and one that changes a record
/// the journal would hold (`edit`, `delete`, `undo`, `resume`, …) (``StoreOptions/emptyFile``).
protocol StartingCommand {}

extension Log: StartingCommand {}
extension CheckInCommand: StartingCommand {}
extension PSFS.Add: StartingCommand {}
extension Plan.Set: StartingCommand {}
extension Exercises.Add: StartingCommand {}
extension Import: StartingCommand {}
extension ConfigSet: StartingCommand {}

/// A command that only reads the journal: a storage failure does not say that nothing was saved
/// (``JournalError/descriptionForReading``).
protocol ReadingCommand {}

extension Check: ReadingCommand {}
extension Today: ReadingCommand {}
extension List: ReadingCommand {}
extension Report: ReadingCommand {}
extension Doctor: ReadingCommand {}
extension Exercises.ListExercises: ReadingCommand {}
extension Exercises.Show: ReadingCommand {}
extension Safety: ReadingCommand {}
extension ConfigGet: ReadingCommand {}
extension CheckIns.List: ReadingCommand {}
extension Plan.Show: ReadingCommand {}
extension PSFS.Show: ReadingCommand {}

/// A command that acts only on an exercise already there: an unknown one's message names the
/// command that lists those it takes, never how to add one (``JournalError/description(actingOn:)``).
protocol ExistingExerciseCommand {
    static var existingExercises: JournalError.ExistingExercises { get }
}

extension Plan.Remove: ExistingExerciseCommand {
    static var existingExercises: JournalError.ExistingExercises { .planned }
}
extension Exercises.Show: ExistingExerciseCommand {
    static var existingExercises: JournalError.ExistingExercises { .known }
}
extension Exercises.EditExercise: ExistingExerciseCommand {
    static var existingExercises: JournalError.ExistingExercises { .known }
}
extension Exercises.Remove: ExistingExerciseCommand {
    static var existingExercises: JournalError.ExistingExercises { .known }
}
extension Resume: ExistingExerciseCommand { static var existingExercises: JournalError.ExistingExercises { .known } }

/// A command that takes days, never a moment to record: a day still to come is refused without
/// saying what the command records (``JournalError/description(command:)``).
protocol DayCommand {}

extension Export: DayCommand {}
extension Plan.Set: DayCommand {}
