import ArgumentParser
import Journal

/// What a command says, after what it showed, about the values in the journal that journal never
/// writes (``StoredValueProblem``): each on standard error, with its table, row, column, value and
/// fix; then the exit status ``StoredValueProblem/exitStatus(_:damaged:)`` gives.
enum StoredDamage {
    /// The most problems listed; more are counted.
    static let listed = 10

    /// Whether opening the journal named objects journal did not make (``JournalStore/schemaProblem``):
    /// damage as a value from outside is, so a screen that goes on reading exits as it would for one.
    nonisolated(unsafe) static var schemaNamed = false

    /// Whether the command changes the journal (``ChangingCommand``), set once by `main`.
    ///
    /// Its write is refused with what the file holds that journal did not make, so what a read of
    /// it found is held back (``heldSchemaProblem``) and said once.
    nonisolated(unsafe) static var changing = false

    /// What a changing command's read found that journal did not make, not said yet: said by
    /// ``sayHeldSchemaProblem()``, unless the command's refusal is that very error
    /// (``refusedForSchemaProblem()``).
    nonisolated(unsafe) static var heldSchemaProblem: JournalError?

    /// Whether the command's refusal says what the file holds that journal did not make: a read
    /// after it (the advice before the refusal) holds nothing back.
    nonisolated(unsafe) static var schemaProblemRefused = false

    /// Notes that the command's refusal says what the file holds that journal did not make, so that
    /// nothing says it again.
    static func refusedForSchemaProblem() {
        heldSchemaProblem = nil
        schemaProblemRefused = true
    }

    /// Says what opening the journal found that journal did not make, now for a command that only
    /// reads, once the command ends or is refused for a changing one.
    static func say(schemaProblem problem: JournalError) {
        schemaNamed = true
        if changing {
            if !schemaProblemRefused { heldSchemaProblem = problem }
        } else {
            Console.err("journal: \(problem.descriptionForReading)")
        }
    }

    /// Says the problem held back (``heldSchemaProblem``), once.
    static func sayHeldSchemaProblem() {
        guard let problem = heldSchemaProblem else { return }
        heldSchemaProblem = nil
        Console.err("journal: \(problem.descriptionForReading)")
    }

    /// What the command says once its change is saved (``JournalCommand/savedNote(of:)``), set once by `main`.
    nonisolated(unsafe) static var savedNote = JournalCommand.savedNote(of: nil)

    /// Says `problems`, read with what the command showed (one snapshot), then `note` when there
    /// are any, and exits with the status they and `own` give; returns when that is 0.
    ///
    /// When there are any and the command's change is saved (``Console/changeSaved``), it says so
    /// last, in the words a failure to print it would (`saved`, else ``savedNote``): the command
    /// fails, 65, for the journal needs fixing, but running it again would repeat the change.
    static func finish(
        problems: [StoredValueProblem], status own: Int32 = 0, note: String? = nil, saved: String? = nil
    ) throws {
        say(problems)
        if !problems.isEmpty, let note { Console.err(TextTable.wrap(note, width: 80)) }
        if !problems.isEmpty, Console.changeSaved { Console.err(TextTable.wrap(saved ?? savedNote, width: 80)) }
        let status = StoredValueProblem.exitStatus(own, damaged: !problems.isEmpty || schemaNamed)
        if status != 0 { throw ExitCode(status) }
    }

    /// For a change (edit, delete, resume, undo): the values from outside read in a read of its own
    /// once the change is saved, so that a failure of it never takes the change back; then as
    /// ``finish(problems:status:note:saved:)``.
    static func finishAfterChange(_ store: StoreOptions, status own: Int32 = 0, saved: String? = nil) throws {
        let now = try Clock.now()
        try finish(
            problems: (try? store.openForReading()?.storedValueProblems(now: now)) ?? [], status: own, saved: saved)
    }

    /// Says `problems` on standard error, the first ``listed`` of them.
    static func say(_ problems: [StoredValueProblem]) {
        guard !problems.isEmpty else { return }
        Console.err("")
        Console.err(
            TextTable.wrap(
                "The journal holds \(StoredValueProblem.mayHoldMore(than: problems) ? "at least " : "")"
                    + "\(Wording.count(problems.count, "value", "values")) journal never writes, put "
                    + "in from outside; what is shown reads \(Wording.pronoun(problems.count)) as said:",
                width: 80))
        for problem in problems.prefix(listed) {
            Console.err(TextTable.wrap("- " + problem.description.terminalSafe, width: 80))
        }
        if problems.count > listed { Console.err("- and \(problems.count - listed) more.") }
    }
}
