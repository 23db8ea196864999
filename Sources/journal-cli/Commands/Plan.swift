import ArgumentParser
import Journal

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Your physiotherapist's plan: the dose of each exercise and sessions a week.",
        discussion: """
            With a plan, `journal report` shows, per planned exercise, sessions done against \
            sessions planned (per week × days counted / 7, rounded) and each session's sets, \
            reps and hold against the planned dose (under, as planned, over). Days are counted \
            from the day the exercise entered the plan (--since, default today), or from the day \
            the journal began or the period's first day when later. Setting an exercise's plan \
            again with another dose or sessions a week starts the new dose on its --since (default \
            today): the plan keeps the earlier dose, each day plans the sessions a week in force \
            that day, and each session is judged against the dose in force when it was done. The \
            same dose and sessions a week (typed again, or only to move it with --order) keeps its \
            start day unless --since is given. `journal plan remove` forgets every dose, naming \
            each: a plan set after it starts afresh. A plan set before journal recorded start days \
            has none ("-" in `journal plan`) and counts as in force since the journal began. A \
            dose in the other measure than the exercise's (reps of a held exercise, say) is set as \
            given and named, with what sets it again.

            The plan is listed, and `journal today` and `journal session` go through it, in its \
            order: the order exercises were added, or the place --order gives (1 first). Setting \
            an exercise again without --order keeps its place.

            Examples:
              journal plan set glute-bridge --sets 3 --reps 10 --per-week 5
              journal plan set side-plank --sets 2 --hold 30 --per-week 3 --since monday
              journal plan set bird-dog --sets 2 --reps 8 --per-week 3 --order 1
              journal plan
              journal plan remove side-plank
            """,
        subcommands: [Show.self, Set.self, Remove.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the plan.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let journal = try store.openForScreen()
            let snapshot = try journal?.planSnapshot(now: try Clock.now())
            let plan = snapshot?.value ?? []
            let problems = snapshot?.problems ?? []
            if output.json {
                let today = try Clock.today()
                try Console.json(plan.map { PlanItemJSON($0, today: today) })
                try StoredDamage.finish(problems: problems)
                return
            }
            guard !plan.isEmpty else {
                Console.err(TextTable.wrap(Wording.noPlanYet(), width: 80))
                try StoredDamage.finish(problems: problems)
                return
            }
            // Each exercise's dose in force today; the earlier ones, then those set ahead, below.
            let today = try Clock.today()
            try Console.table(
                header: ["EXERCISE", "SETS", "REPS", "HOLD S", "PER WEEK", "SINCE"],
                rows: plan.map {
                    let dose = $0.shown(on: today)
                    return [
                        $0.exerciseID, String(dose.sets), dose.reps.map(String.init) ?? "-",
                        dose.holdSeconds.map(String.init) ?? "-", String(dose.perWeek), dose.since?.iso8601 ?? "-",
                    ]
                },
                alignRight: Swift.Set(1...4))
            // A dose in the other measure than its exercise's, named with what sets it again.
            let catalog = try journal?.catalog(includingArchived: true) ?? Catalog.builtIn
            let otherMeasure = plan.compactMap { item in
                catalog.exercise(id: item.exerciseID).flatMap {
                    Wording.planDoseInOtherMeasure($0, plan: item.shown(on: today))
                }
            }
            if !otherMeasure.isEmpty {
                try Console.out("")
                for said in otherMeasure { try Console.out(TextTable.wrap(said, width: 80)) }
            }
            try Self.doses(
                "Earlier doses (the sessions done under each are judged by it):", of: plan, { $0.past(on: today) })
            try Self.doses("Coming doses (each takes over on its day):", of: plan, { $0.coming(after: today) })
            try StoredDamage.finish(problems: problems)
        }

        /// The doses `chosen` picks of each item, under `heading`, each until the day before the next
        /// dose's start; nothing when none is picked.
        private static func doses(_ heading: String, of plan: [PlanItem], _ chosen: (PlanItem) -> [PlanItem]) throws {
            guard plan.contains(where: { !chosen($0).isEmpty }) else { return }
            try Console.out("\n" + heading)
            for item in plan {
                let picked = chosen(item)
                let doses = item.doses
                for (dose, next) in zip(doses, doses.dropFirst().map(Optional.some) + [nil]) where picked.contains(dose)
                {
                    let until = next?.since.map { " until \($0.adding(days: -1))" } ?? ""
                    try Console.out("  \(item.exerciseID): \(Describe.plan(dose))\(until)")
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the plan for one exercise.",
            usage: """
                journal plan set <exercise> --sets <n> [--reps <n>] [--hold <seconds>]
                                 --per-week <n> [--since <date>] [--order <n>]
                                 [--db <path>] [--json]
                """)

        @Argument(help: "The exercise.", completion: .custom { _, _, _ in ExerciseCompletion.ids() })
        var exercise: String

        @Option(help: ArgumentHelp("Sets each session (1-50).", valueName: "n"), transform: Read.sets) var sets: Int
        @Option(help: ArgumentHelp("Repetitions each set (1-500).", valueName: "n"), transform: Read.reps)
        var reps: Int?
        @Option(
            help: ArgumentHelp("Seconds each hold (1-3600; 30s or 1 min too).", valueName: "seconds"),
            transform: Read.hold)
        var hold: Int?
        @Option(
            help: ArgumentHelp("Sessions a week (1-21).", valueName: "n"),
            transform: Read.number("per week", PlanItem.perWeekRange))
        var perWeek: Int
        @Option(
            help: ArgumentHelp(
                "The first day the plan applies, which may be ahead: 2026-11-10, 23 nov, today, tomorrow, next monday, "
                    + "next week (its Monday), yesterday, 3 days ago or a weekday, the most recent (default: today; "
                    + "a plan set again with the same dose and sessions a week keeps its start).",
                valueName: "date"))
        var since: String?
        @Option(
            help: ArgumentHelp(
                "Its place in the plan's order, 1 first (default: last for a new exercise, unchanged for one set again).",
                valueName: "n"),
            transform: Read.number("order", PlanItem.orderRange))
        var order: Int?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let exercise = try store.resolveExercise(self.exercise)
            let today = try Clock.today()
            let start = try since.map { try DateInput.parseStartDay($0, today: today) } ?? today
            let item = try PlanItem(
                exerciseID: exercise.id, sets: sets, reps: reps, holdSeconds: hold, perWeek: perWeek, since: start)
            let now = try Clock.now()
            let setting = try store.write {
                try $0.setPlan(item, order: order, startGiven: since != nil, now: now)
            }
            let planned = setting.item
            let plan = Describe.plan(planned)
            let moved = setting.previousPlace.map { setting.moved ? "; order \(setting.place) (was \($0))" : "" } ?? ""
            let said =
                !setting.changed
                ? "The plan for \(planned.exerciseID) was already \(plan); nothing changed."
                : setting.onlyMoved
                    ? "The plan for \(planned.exerciseID) stays \(plan)\(moved)."
                    : "Planned \(planned.exerciseID): \(plan)\(moved)."
                        + (setting.previous.flatMap { _ in Describe.earlierDose(of: planned, today: today) }.map {
                            " " + $0
                        } ?? "")
            for dose in setting.replaced {
                Console.err(Describe.replacedDose(dose, of: setting.previous, today: today))
            }
            // A dose in the other measure than the exercise's is set as given, and named as `plan` names it.
            Session.sayOtherMeasure(exercise, plan: item)
            if output.json {
                try Console.json(PlanSetJSON(planned, setting, today: today))
                if !setting.changed { Console.err(said) }
            } else {
                try Console.out(said)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Take an exercise off the plan.")

        @Argument(help: "The exercise.", completion: .custom { _, _, _ in ExerciseCompletion.ids() })
        var exercise: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let id: String
            do {
                id = try store.resolveExercise(exercise, includingArchived: true).id
            } catch JournalError.unknownExercise(let name, let suggestions) {
                // A plan row whose exercise has no row (put in or left from outside, named as
                // damage on every screen): taken off by the id the plan holds, as the notice says.
                guard try store.openForReading()?.plan().contains(where: { $0.exerciseID == exercise }) == true else {
                    throw JournalError.unknownExercise(name, suggestions: suggestions)
                }
                id = exercise
            }
            let removed =
                try store.openForReading() == nil
                ? nil : try store.write({ try $0.removePlan(exerciseID: id, now: try Clock.now()) })
            if output.json {
                try Console.json(PlanRemovedJSON(exercise: id, removed: removed, today: try Clock.today()))
            }
            if removed == nil {
                Console.err("\(id) was not in the plan.")
            } else if !output.json, let removed {
                try Console.out(Self.said(id: id, removed: removed, today: try Clock.today()))
            }
        }

        /// What `plan remove` says: "Took bird-dog off the plan."; with more than one dose, each it
        /// removed on a line of its own, named as `plan set` names those it replaces.
        static func said(id: String, removed: PlanItem, today: LocalDate) -> String {
            guard removed.doses.count > 1 else { return "Took \(id) off the plan." }
            return
                (["Took \(id) off the plan with its \(removed.doses.count) doses (a plan set again starts afresh):"]
                + Describe.doseLines(removed.doses, of: removed, today: today)).joined(separator: "\n")
        }
    }
}
