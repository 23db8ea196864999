import ArgumentParser
import Foundation
import Journal

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record an exercise you did, with your pain before and after it.",
        usage: """
            journal log <exercise> [--pain-before <0-10>] [--pain-after <0-10>]
                        [--sets <n>] [--reps <n>] [--hold <seconds>] [--side <side>]
                        [--note <text>] [--at <when>] [--db <path>] [--json]
            """,
        discussion: """
            Pain is the 0-10 scale: 0 no pain, 10 the worst imaginable. If pain after is \
            higher than before, journal says so and recommends you stop that exercise and \
            see a physiotherapist before continuing; the entry is still saved.

            At a terminal, journal asks for whatever pain reading is missing, and, when no \
            --sets, --reps or --hold is given and the exercise is planned, offers the plan's dose \
            (Enter accepts it). Off a terminal nothing is asked: without a dose an entry is 1 set.

            Examples:
              journal log glute-bridge --pain-before 4 --pain-after 3 --sets 3 --reps 10
              journal log side-plank --pain-before 2 --pain-after 2 --hold 30 --side left
              journal log bird-dog --pain-before 3 --pain-after 3 --at "yesterday 7pm"
            """
    )

    @Argument(
        help: "An exercise id (`journal exercises` lists them), such as glute-bridge.",
        completion: .custom { _, _, _ in ExerciseCompletion.ids() })
    var exercise: String

    @Option(
        help: ArgumentHelp("Pain just before the exercise, 0-10.", valueName: "0-10"),
        transform: Read.pain("pain before"))
    var painBefore: PainLevel?

    @Option(
        help: ArgumentHelp("Pain just after the exercise, 0-10.", valueName: "0-10"), transform: Read.pain("pain after")
    )
    var painAfter: PainLevel?

    @Option(help: ArgumentHelp("Number of sets (1-50; default 1).", valueName: "n"), transform: Read.sets)
    var sets: Int?

    @Option(help: ArgumentHelp("Repetitions in each set (1-500).", valueName: "n"), transform: Read.reps)
    var reps: Int?

    @Option(
        help: ArgumentHelp("Seconds each hold lasted (1-3600; 30s or 1 min too).", valueName: "seconds"),
        transform: Read.hold)
    var hold: Int?

    @Option(
        help: ArgumentHelp("For exercises done one side at a time: left, right or both.", valueName: "side"),
        transform: Read.side)
    var side: Side?

    @Option(
        help: ArgumentHelp(
            "Anything worth remembering about this session; - reads it from standard input.", valueName: "text"))
    var note: String?

    @Option(
        help: ArgumentHelp(
            "When you did it, on your clock: now, 7pm, 18:00, yesterday 7pm, this morning, last monday, 2 days ago, "
                + "2026-11-20 (noon), 2026-11-20 07:30; quote a time of several words, as the examples do.",
            valueName: "when"))
    var at: String = "now"

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if (painBefore == nil || painAfter == nil) && isatty(STDIN_FILENO) != 1 {
            throw ValidationError(
                "Give --pain-before and --pain-after, each 0-10 (standard input is not a terminal to ask on).")
        }
    }

    func run() throws {
        // A side for an exercise not done one side at a time is refused before anything is asked.
        if side != nil {
            let resolved = try store.resolveExercise(exercise)
            if !resolved.perSide { throw JournalError.sideNotApplicable(exercise: resolved.id) }
        }
        var draft = EntryDraft(exercise: exercise)
        draft.painBefore = try painBefore ?? Self.ask("pain before")
        draft.side = side
        if sets == nil, reps == nil, hold == nil, Questions.atTerminal, let planned = try planned() {
            draft.applyDose(try Self.askDose(planned.exercise, plan: planned.plan), plan: planned.plan)
        } else {
            draft.sets = sets ?? 1
            draft.reps = reps
            draft.holdSeconds = hold
        }
        draft.painAfter = try painAfter ?? Self.ask("pain after")
        draft.note = try NoteInput.read(note)
        draft.time = .typed(at)
        let now = try Clock.now()
        // What the typed values mean comes first, as a check-in's red flags do: a journal that cannot
        // be opened (a full disk, a read-only folder) then fails the write, after the STOP.
        let typed = try? draft.entry(exercise: store.resolveExercise(exercise), now: now, timeZone: Clock.timeZone)
        let (words, told) = try store.printingAdvanceFirst(unread: .refused) {
            AdviceFirst.tell(sessionOf: typed, advice: $0)
        }
        let logged = try store.write { try $0.log(draft, now: now, timeZone: Clock.timeZone) }
        Describe.printFindings(of: logged, advice: words, told: told, notingSlipsAt: now)
        if output.json {
            try Console.json(LoggedJSON(logged, advice: words))
        } else {
            try Console.out(Self.loggedLine(logged.entry))
        }
        // What stands about this exercise is told above; everything else follows, as already known,
        // then the values journal never writes, read with it once the entry is saved.
        let today = try Clock.today()
        let after = try? store.openForReading()?.standingSnapshot(today: today, now: try Clock.now())
        if let standing = after?.value {
            Describe.printStanding(standing, advice: words) { $0.isAbout(exercise: logged.entry.exerciseID) }
        }
        try StoredDamage.finish(problems: after?.problems ?? [])
    }
}

extension Log {
    /// "Logged #1 glute-bridge: 3 × 10 reps, pain 4 → 3, at 2026-11-20 07:30 (UTC+00:00).": what `log` and
    /// `session` print for a saved entry.
    static func loggedLine(_ entry: Entry) -> String {
        "Logged #\(entry.id ?? 0) \(entry.exerciseID): \(Wording.dose(entry)), "
            + "pain \(Describe.pain(entry)), at \(Wording.time(entry.localTime))."
    }

    /// The exercise and its plan's dose in force today, when it is planned and the plan has begun.
    private func planned() throws -> (exercise: Exercise, plan: PlanItem)? {
        let exercise = try store.resolveExercise(self.exercise)
        let today = try Clock.today()
        return try store.openForReading()?.planItem(exerciseID: exercise.id)?.dose(on: today).map { (exercise, $0) }
    }

    /// Offers the plan's dose at the terminal, answering the dose typed, or `nil` (Enter) for the plan's.
    ///
    /// The end of input stops with nothing saved.
    static func askDose(_ exercise: Exercise, plan: PlanItem) throws -> DoseInput? {
        Session.sayOtherMeasure(exercise, plan: plan)
        guard case .value(let dose) = try Session.askDose(exercise, plan: plan, escapes: false) else {
            Console.err("")
            throw ExitCode(64)
        }
        return dose
    }

    /// Asks for a pain reading at the terminal; the end of input stops with nothing saved.
    static func ask(_ field: String) throws -> PainLevel {
        guard case .value(let pain) = try Questions.pain(field, escapes: false) else {
            Console.err("")
            throw ExitCode(64)
        }
        return pain
    }
}
