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

    /// Says `problems`, read with what the command showed (one snapshot), then `note` when there
    /// are any, and exits with the status they and `own` give; returns when that is 0.
    static func finish(problems: [StoredValueProblem], status own: Int32 = 0, note: String? = nil) throws {
        say(problems)
        if !problems.isEmpty, let note { Console.note(note) }
        let status = StoredValueProblem.exitStatus(own, damaged: !problems.isEmpty || schemaNamed)
        if status != 0 { throw ExitCode(status) }
    }

    /// For a change (edit, delete, resume, undo): the values from outside read in a read of its own
    /// once the change is saved, so that a failure of it never takes the change back; then as
    /// ``finish(problems:status:)``.
    static func finishAfterChange(_ store: StoreOptions, status own: Int32 = 0) throws {
        let now = try Clock.now()
        try finish(problems: (try? store.openForReading()?.storedValueProblems(now: now)) ?? [], status: own)
    }

    /// Says `problems` on standard error, the first ``listed`` of them.
    static func say(_ problems: [StoredValueProblem]) {
        guard !problems.isEmpty else { return }
        Console.err("")
        Console.note(
            "The journal holds \(StoredValueProblem.mayHoldMore(than: problems) ? "at least " : "")"
                + "\(Wording.count(problems.count, "value", "values")) journal never writes, put "
                + "in from outside; what is shown reads \(Wording.pronoun(problems.count)) as said:")
        for problem in problems.prefix(listed) {
            Console.note("- " + problem.description.terminalSafe)
        }
        if problems.count > listed { Console.err("- and \(problems.count - listed) more.") }
    }
}
