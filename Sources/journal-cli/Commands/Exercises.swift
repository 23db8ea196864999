import ArgumentParser
import Foundation
import Journal

struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercises you can log, or show how to do one.",
        subcommands: [ListExercises.self, Show.self, Add.self, EditExercise.self, Remove.self],
        defaultSubcommand: ListExercises.self
    )

    struct ListExercises: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the exercises: id, name and category.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            // The exercises and the values journal never writes, in one read: a name changed from
            // outside is shown as every screen shows it, and named.
            let read = try store.openForReading()?.catalogSnapshot(now: try Clock.now())
            let exercises = (read?.value ?? Catalog.builtIn).exercises
            if output.json {
                try Console.json(exercises.map { ExerciseJSON($0) })
            } else {
                let rows = exercises.map { [$0.id, $0.name + ($0.isCustom ? " (yours)" : ""), $0.category.rawValue] }
                try Console.table(header: ["ID", "NAME", "CATEGORY"], rows: rows)
            }
            try StoredDamage.finish(problems: read?.problems ?? [])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one exercise and how to do it.",
            discussion: "Example: journal exercises show side-plank")

        @Argument(
            help: "The exercise id, such as side-plank.", completion: .custom { _, _, _ in ExerciseCompletion.ids() })
        var exercise: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let exercise = try store.resolveExercise(self.exercise, includingArchived: true)
            let (archived, problems) = try journalFacts(of: exercise)
            if output.json {
                try Console.json(ExerciseJSON(exercise, archived: archived))
                try StoredDamage.finish(problems: problems)
                return
            }
            let style = Style.stdout
            try Console.out(
                """
                \(style.bold(exercise.name)) (\(exercise.id))\(archived ? "\nArchived: it keeps its entries but can no longer be logged." : "")
                Category: \(exercise.category.rawValue)
                Measured: \(Wording.measure(exercise.measure))\
                \(exercise.perSide ? ", one side at a time (--side left|right|both)" : "")

                \(TextTable.wrap(exercise.howTo, width: 78))
                """)
            // An exercise of one's own without instructions: how to give them.
            if exercise.isCustom, exercise.givenHowTo == nil, !archived {
                try Console.out("Add them with: journal exercises edit \(exercise.id) --how-to \"…\"")
            }
            try StoredDamage.finish(problems: problems)
        }

        /// What the journal adds to the page: whether the exercise is archived (only one of your own
        /// can be), and the values journal never writes, named after it.
        ///
        /// A built-in exercise's page is the catalogue's and needs no journal: a journal that cannot
        /// be read (an empty file, a file you may not read) is said on standard error, as `safety`
        /// says it, and the page is shown all the same; one of your own is the journal's, so its error
        /// stands.
        private func journalFacts(of exercise: Exercise) throws -> (archived: Bool, problems: [StoredValueProblem]) {
            let now = try Clock.now()
            guard exercise.isCustom else {
                do {
                    return (false, try store.openForReading()?.catalogSnapshot(now: now).problems ?? [])
                } catch let error as JournalError {
                    Console.err(
                        "journal: could not read the journal (\(error.descriptionForReading)); a built-in exercise's page is the "
                            + "catalogue's and needs none.")
                    return (false, [])
                }
            }
            let journal = try store.openForReading()
            return (
                try journal?.isArchived(exerciseID: exercise.id) == true,
                try journal?.catalogSnapshot(now: now).problems ?? []
            )
        }
    }
}

extension Exercises {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an exercise of your own, to log like the built-in ones.",
            usage: """
                journal exercises add <id> --name <name> --category <category>
                                      [--sides] [--hold] [--how-to <text>]
                                      [--db <path>] [--json]
                """,
            discussion: """
                `journal session` and `journal exercises show ID` print the --how-to text.
                With --how-to -, the text is read from standard input (`< cat-cow.txt`).

                Examples:
                  journal exercises add wall-squat --name "Wall squat" --category stability
                  journal exercises add clam --name Clamshell --category stability --sides
                  journal exercises add knee-hug --name "Knee hug" --category stretch --hold
                  journal exercises add cat-cow --name Cat-cow --category stretch --how-to -
                """)

        @Argument(help: "Its id: lower-case letters, digits and dashes, such as wall-squat.")
        var id: String

        @Option(help: ArgumentHelp("Its display name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("stability, stretch or self-treatment.", valueName: "category"))
        var category: String

        @Flag(
            name: [.customLong("sides"), .customLong("per-side")],
            help: "Done on one side, then the other (takes --side when logged), as `exercises edit --sides`.")
        var perSide = false

        @Flag(help: "Measured in seconds held rather than repetitions.")
        var hold = false

        @Option(
            name: .customLong("how-to"),
            help: ArgumentHelp(
                "How to do it, in your physiotherapist's words; `journal session` shows it; - reads it from "
                    + "standard input.", valueName: "text"))
        var howTo: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func validate() throws {
            if Exercise.Category(rawValue: category) == nil {
                throw ValidationError("--category must be stability, stretch or self-treatment; got \"\(category)\".")
            }
        }

        func run() throws {
            let exercise = try Exercise.custom(
                id: id, name: name, category: Exercise.Category(rawValue: category) ?? .stability, perSide: perSide,
                measure: hold ? .hold : .reps, howTo: NoteInput.read(howTo, as: .howTo))
            let now = try Clock.now()
            try store.write { try $0.addExercise(exercise, now: now) }
            if output.json {
                try Console.json(ExerciseJSON(exercise))
            } else {
                try Console.out(
                    "Added \(exercise.id) (\(exercise.name)). "
                        + "Log it with: journal log \(exercise.id) --pain-before N --pain-after N")
            }
        }
    }

    struct EditExercise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract:
                "Change an exercise you added: its name, its how-to text, done on each side, or how it is measured.",
            usage: """
                journal exercises edit <id> [--name <name>] [--how-to <text>] [--sides]
                                       [--no-sides] [--hold | --reps] [--db <path>]
                                       [--json]
                """,
            discussion: """
                --hold measures it in seconds held from now on, --reps in repetitions. The entries \
                logged before keep the doses they recorded; a plan's dose in the other measure is \
                not read as this one's: journal plan names it until journal plan set sets it \
                again. journal undo puts the measure back.

                Examples:
                  journal exercises edit cat-cow --how-to "Arch, then round your back."
                  journal exercises edit clam --sides
                  journal exercises edit cat-cow --hold
                  journal exercises edit cat-cow --how-to - < cat-cow.txt
                  journal exercises edit cat-cow --how-to ""     # remove the text
                """)

        @Argument(help: "The id of an exercise you added.", completion: .custom { _, _, _ in ExerciseCompletion.ids() })
        var id: String

        @Option(help: ArgumentHelp("A new display name.", valueName: "name"))
        var name: String?

        @Option(
            name: .customLong("how-to"),
            help: ArgumentHelp(
                "How to do it; - reads it from standard input; \"\" removes the text.", valueName: "text"))
        var howTo: String?

        @Flag(
            name: [.customLong("sides"), .customLong("per-side")],
            inversion: .prefixedNo,
            help: "Done on one side, then the other (takes --side when logged).")
        var perSide: Bool?

        @Flag(help: "Measured in seconds held from now on, as with exercises add --hold.")
        var hold = false

        @Flag(help: "Measured in repetitions from now on.")
        var reps = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        /// The measure given, `nil` for none.
        var measure: Exercise.Measure? { hold ? .hold : reps ? .reps : nil }

        func validate() throws {
            if hold && reps { throw ValidationError("Give --hold or --reps, not both.") }
            if name == nil && howTo == nil && perSide == nil && measure == nil {
                throw ValidationError("Give what to change: --name, --how-to, --sides, --hold or --reps.")
            }
        }

        func run() throws {
            let text = try NoteInput.read(howTo, as: .howTo)
            let now = try Clock.now()
            guard
                let change = try store.write({
                    try $0.editExercise(
                        id: id, name: name, howTo: text, perSide: perSide, measure: measure, now: now)
                })
            else {
                let said = "\(id) already had what you gave; nothing changed."
                if output.json {
                    let exercise = try store.resolveExercise(id, includingArchived: true)
                    try Console.json(ExerciseEditJSON(before: exercise, after: exercise, changed: false))
                    Console.err(said)
                } else {
                    try Console.out(said)
                }
                return
            }
            let edited = change.after
            if output.json {
                try Console.json(ExerciseEditJSON(before: change.before, after: edited, changed: true))
                return
            }
            var said =
                "Changed \(edited.id) (\(edited.name.terminalSafe)): "
                + Describe.changes(from: change.before, to: edited).joined(separator: "; ")
                + ". `journal exercises show \(edited.id)` shows it."
            guard edited.measure != change.before.measure else {
                try Console.out(TextTable.wrap(said, width: 80))
                return
            }
            said += " The entries logged before keep the doses they recorded."
            try Console.out(TextTable.wrap(said, width: 80))
            // A plan's dose in the other measure, on a paragraph of its own as `journal plan` shows it.
            if let planned = try? store.openForReading()?.planItem(exerciseID: edited.id),
                let otherMeasure = Wording.planDoseInOtherMeasure(
                    edited, plan: (try? Clock.today()).map { planned.shown(on: $0) } ?? planned)
            {
                try Console.out(TextTable.wrap(otherMeasure, width: 80))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an exercise you added; with --force, archive one that entries still use.",
            discussion:
                "Built-in exercises cannot be removed. An archived exercise keeps its entries but can no longer be logged."
        )

        @Argument(help: "The id of an exercise you added.", completion: .custom { _, _, _ in ExerciseCompletion.ids() })
        var id: String

        @Flag(help: "Archive it if entries use it.")
        var force = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let now = try Clock.now()
            let result = try store.write { try $0.removeExercise(id: id, force: force, now: now) }
            let message = Self.message(id: id, result)
            if output.json {
                try Console.json(ExerciseRemovalJSON(id: id, result, message: message, today: try Clock.today()))
            } else {
                try Console.out(message)
            }
        }

        /// What the removal did, naming the plan item and the reviews it took with the exercise.
        ///
        /// A plan of one dose is named in the sentence; one of several, by their count, then each
        /// on a line of its own, as `plan remove` names them.
        static func message(id: String, _ result: ExerciseRemoval) -> String {
            var taken: [String] = []
            var doses: [String] = []
            let today = try? Clock.today()
            if let item = result.planItem {
                if let today, item.doses.count > 1 {
                    taken.append("its plan with its \(item.doses.count) doses")
                    doses = Describe.doseLines(item.doses, of: item, today: today)
                } else {
                    // The dose shown today, never one set ahead.
                    taken.append("its plan (\(Describe.plan(today.map { item.shown(on: $0) } ?? item)))")
                }
            }
            return ([sentence(id: id, result, taken: taken)] + doses).joined(separator: "\n")
        }

        /// The removal's sentence, naming what it took with the exercise.
        private static func sentence(id: String, _ result: ExerciseRemoval, taken: [String]) -> String {
            var taken = taken
            switch result.reviewIDs.count {
            case 0: break
            case 1: taken.append("its physiotherapist's review")
            case let count: taken.append("its \(count) physiotherapist's reviews")
            }
            let undo = "`journal undo` puts \(taken.count == 1 && result.reviewIDs.count < 2 ? "it" : "them") back."
            guard result.archived else {
                return taken.isEmpty
                    ? "Removed \(id)." : "Removed \(id), and with it \(taken.joined(separator: " and ")); \(undo)"
            }
            let archived =
                "Archived \(id): its \(Wording.count(result.entries, "entry stays", "entries stay")), and it can no longer be logged."
            return taken.isEmpty
                ? archived : archived + " Removed with it: \(taken.joined(separator: " and ")); \(undo)"
        }
    }
}

/// Exercise ids for shell completion: the catalogue, and the person's own when the journal can be read.
enum ExerciseCompletion {
    static func ids() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let custom = (try? DatabaseLocation.resolve(explicit: nil, environment: environment))
            .flatMap { try? JournalStore.existing(at: $0) }
            .flatMap { try? $0.catalog() }
        return (custom ?? Catalog.builtIn).exercises.map(\.id)
    }
}
