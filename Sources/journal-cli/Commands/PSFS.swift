import ArgumentParser
import Foundation
import Journal

struct PSFS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psfs",
        abstract: "The Patient-Specific Functional Scale: rate everyday activities your back makes hard.",
        discussion: """
            Name 3 to 5 activities your back problem makes hard, then rate each from 0 (unable \
            to do it) to 10 (able to do it as before the problem), and re-rate the same ones \
            every week or two. journal lists every rating of each activity, with its change from \
            the previous rating and from the first (baseline) one, and the average of those \
            rated at the baseline and since. A change of at least 3 \
            points for one activity, or 2 for the average, is more than the measure's error \
            (docs/outcomes.md). `journal undo` reverses an add, a remove or a rating.

            Examples:
              journal psfs add "putting on socks"
              journal psfs rate 1 4 --note "one foot on the bed"
              journal psfs rate            # at a terminal: asks for each activity in turn
              journal psfs --json
            """,
        subcommands: [Show.self, Add.self, Remove.self, Rate.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Every rating of each activity, its changes, and the average.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let read = try store.openForScreen()?.psfsSnapshot(now: try Clock.now())
            let summary = read?.value ?? PSFSSummary.make(activities: [], ratings: [])
            let problems = read?.problems ?? []
            if output.json {
                try Console.json(PSFSJSON(summary))
                try StoredDamage.finish(problems: problems)
                return
            }
            guard !summary.activities.isEmpty else {
                Console.err(#"No activities yet. Add one with: journal psfs add "putting on socks""#)
                try StoredDamage.finish(problems: problems)
                return
            }
            for line in Describe.psfs(summary) { try Console.out(line) }
            try StoredDamage.finish(problems: problems)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an activity to rate (at most 5 at once); prints its id.")

        @Argument(help: "The activity in your words, 1 to 80 characters, such as \"putting on socks\".")
        var activity: String

        @Option(help: ArgumentHelp("When, as for `journal log --at`.", valueName: "when"))
        var at: String = "now"

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let now = try Clock.now()
            let activity = try PSFSActivity(activity: activity, at: at, now: now, timeZone: Clock.timeZone)
            let saved = try store.write { try $0.addActivity(activity, now: now) }
            if output.json {
                try Console.json(AddedJSON(id: saved.id ?? 0))
            } else {
                // As `log` and `checkin`: the sentence with the id on standard output, how to go on on standard error.
                try Console.out("Added activity #\(saved.id ?? 0): \(saved.activity.terminalSafe).")
                Console.err("Rate it: journal psfs rate \(saved.id ?? 0) SCORE")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Stop rating an activity; its ratings stay in the history.")

        @Argument(help: "The activity's id (`journal psfs` shows them).", transform: Read.id)
        var id: Int64

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            guard try store.openForReading() != nil else { throw JournalError.activityNotFound(id) }
            let now = try Clock.now()
            let retired = try store.write { try $0.retireActivity(id: id, now: now) }
            if output.json {
                try Console.json(PSFSActivityJSON(retired))
            } else {
                try Console.out(
                    "Retired activity #\(id): \(retired.activity.terminalSafe). `journal undo` brings it back.")
            }
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rate",
            abstract: "Rate an activity from 0 (unable to do it) to 10 (able to do it as before the problem).",
            usage: """
                journal psfs rate [<id>] [<score>] [--at <when>] [--note <text>]
                                  [--db <path>] [--json]
                """,
            discussion: """
                With no arguments, at a terminal, asks for each active activity in turn (Enter \
                skips one); elsewhere give the id and the score.
                """)

        @Argument(help: "The activity's id (`journal psfs` shows them).", transform: Read.id)
        var id: Int64?

        @Argument(
            help: ArgumentHelp("0 unable to do it … 10 able to do it as before.", valueName: "score"),
            transform: { try PSFSActivity.score(parsing: $0) })
        var score: PainLevel?

        @Option(help: ArgumentHelp("When, as for `journal log --at`.", valueName: "when"))
        var at: String = "now"

        @Option(help: ArgumentHelp("Anything worth remembering; - reads it from standard input.", valueName: "text"))
        var note: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func validate() throws {
            if id != nil && score == nil { throw ValidationError("Give the score too, such as: journal psfs rate 1 6") }
            if id == nil && isatty(STDIN_FILENO) != 1 {
                throw ValidationError(
                    "Give the activity's id and the score, such as: journal psfs rate 1 6 "
                        + "(standard input is not a terminal to ask on).")
            }
            if id == nil && note != nil { throw ValidationError("--note goes with an id and a score.") }
            if id == nil && output.json { throw ValidationError("--json goes with an id and a score.") }
        }

        func run() throws {
            let now = try Clock.now()
            if let id, let score {
                let rating = try PSFSRating(
                    activityID: id, score: score, note: NoteInput.read(note), at: at, now: now, timeZone: Clock.timeZone
                )
                guard try store.openForReading() != nil else { throw JournalError.activityNotFound(id) }
                let saved = try store.write { try $0.rate(rating, now: now) }
                if output.json {
                    try Console.json(PSFSRatingJSON(saved))
                } else {
                    try Console.out("Rated activity #\(id): \(saved.score.value) at \(Wording.time(saved.localTime)).")
                }
                return
            }
            try askForEach(now: now)
        }

        /// Asks for a score for each active activity in turn; Enter skips one, and a bad answer is asked again.
        private func askForEach(now: Int64) throws {
            let active = try store.openForReading()?.psfs().activities.filter(\.activity.isActive) ?? []
            guard !active.isEmpty else {
                Console.err(#"No activities to rate. Add one with: journal psfs add "putting on socks""#)
                return
            }
            Console.err("Rate each activity from 0 (unable to do it) to 10 (able to do it as before); Enter skips.")
            var rated = 0
            for item in active {
                let last = item.latest.map { " (last \($0.score.value))" } ?? ""
                while true {
                    Console.prompt("#\(item.activity.id ?? 0) \(item.activity.activity.terminalSafe)\(last): ")
                    guard let answer = Questions.readAnswer()?.trimmingCharacters(in: .whitespaces) else {
                        Console.err("")
                        Console.err("Rated \(Wording.count(rated, "activity", "activities")).")
                        return
                    }
                    if answer.isEmpty { break }
                    let score: PainLevel
                    do {
                        score = try PSFSActivity.score(parsing: answer)
                    } catch let error as JournalError {
                        Console.err("journal: \(error)")
                        continue
                    }
                    // A time that cannot be used ends the command, with nothing saved for this answer.
                    let rating = try PSFSRating(
                        activityID: item.activity.id ?? 0, score: score, at: at, now: now, timeZone: Clock.timeZone)
                    _ = try store.write { try $0.rate(rating, now: now) }
                    rated += 1
                    break
                }
            }
            Console.err("Rated \(Wording.count(rated, "activity", "activities")).")
        }
    }
}
