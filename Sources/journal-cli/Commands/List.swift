import ArgumentParser
import Journal

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show your entries, newest first.",
        discussion: """
            A "!" after the pain marks a session where pain rose. A time in the hour a clock set \
            back repeats shows its offset, "2026-11-01 01:30 (UTC-04:00)".

            Examples:
              journal list
              journal list --limit 5 --exercise glute-bridge
              journal list --json
            """
    )

    @Option(help: ArgumentHelp("Show at most this many entries.", valueName: "n"), transform: Read.limit)
    var limit: Int?

    @Option(help: ArgumentHelp("Only entries of this exercise.", valueName: "id"))
    var exercise: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let exerciseID = try exercise.map { try store.resolveExercise($0, includingArchived: true).id }
        let read = try store.openForScreen()?.listSnapshot(exerciseID: exerciseID, limit: limit, now: try Clock.now())
        let entries = read?.value ?? []
        let problems = read?.problems ?? []
        if output.json {
            try Console.json(entries.map { EntryJSON($0) })
            try StoredDamage.finish(problems: problems)
            return
        }
        guard !entries.isEmpty else {
            Console.err(
                exercise == nil
                    ? "No entries yet. Record one with: journal log glute-bridge --pain-before 4 --pain-after 3"
                    : "No entries for that exercise yet.")
            try StoredDamage.finish(problems: problems)
            return
        }
        let when = Wording.clockTimes(in: Clock.timeZone)
        let rows = entries.map { entry -> [String] in
            let flagged = !Rules.evaluate(entry).isEmpty
            return [
                String(entry.id ?? 0), when(entry.localTime), entry.exerciseID, Wording.dose(entry),
                Describe.pain(entry) + (flagged ? " !" : ""), (entry.note ?? "").terminalSafe,
            ]
        }
        try Console.table(header: ["ID", "WHEN", "EXERCISE", "DONE", "PAIN", "NOTE"], rows: rows)
        if rows.contains(where: { $0[4].hasSuffix("!") }) {
            Console.err(
                "! a stop finding on that session (pain rose, or pain after was above 5): stop that exercise and "
                    + "see a physiotherapist before continuing.")
        }
        try StoredDamage.finish(problems: problems)
    }
}
