import ArgumentParser
import Journal

struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercises you can log, or show how to do one.",
        subcommands: [ListExercises.self, Show.self],
        defaultSubcommand: ListExercises.self
    )

    struct ListExercises: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the exercises: id, name and category.")

        @OptionGroup var output: JSONOption

        func run() throws {
            let exercises = Catalog.builtIn.exercises
            if output.json {
                try Console.json(exercises.map(ExerciseJSON.init))
                return
            }
            let rows = exercises.map { [$0.id, $0.name, $0.category.rawValue] }
            Console.out(TextTable.render(header: ["ID", "NAME", "CATEGORY"], rows: rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one exercise and how to do it.",
            discussion: "Example: journal exercises show side-plank")

        @Argument(help: "The exercise id, such as side-plank.")
        var exercise: String

        @OptionGroup var output: JSONOption

        func run() throws {
            let exercise = try Console.reportingErrors { try Catalog.builtIn.resolve(self.exercise) }
            if output.json {
                try Console.json(ExerciseJSON(exercise))
                return
            }
            let style = Style.stdout
            Console.out(
                """
                \(style.bold(exercise.name)) (\(exercise.id))
                Category: \(exercise.category.rawValue)
                Measured: \(exercise.measure == .reps ? "in repetitions" : "in seconds held")\
                \(exercise.perSide ? ", one side at a time (--side left|right|both)" : "")

                \(TextTable.wrap(exercise.howTo, width: 78))
                """)
        }
    }
}

/// `journal exercises --json`: id, name, category, per_side, measure, how_to.
struct ExerciseJSON: Encodable {
    var id: String
    var name: String
    var category: String
    var per_side: Bool
    var measure: String
    var how_to: String

    init(_ exercise: Exercise) {
        id = exercise.id
        name = exercise.name
        category = exercise.category.rawValue
        per_side = exercise.perSide
        measure = exercise.measure.rawValue
        how_to = exercise.howTo
    }
}
