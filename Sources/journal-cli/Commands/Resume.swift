import ArgumentParser
import Journal

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Record that a physiotherapist has reviewed an exercise on hold, or a doctor your red flags.",
        discussion: """
            After pain rose during an exercise (or was above 5 after it), the exercise stays on \
            hold: `journal log` reminds you and `journal check` lists it, until you record that \
            a physiotherapist has seen you about it. That lifts the hold; a later rise starts a \
            new one. Reports keep the findings, with the review beside them. `journal undo` \
            takes a resume back.

            A red flag (`journal checkin --red-flag`) stands the same way until you record that \
            a doctor has seen you: `journal resume --red-flags`. It covers the red flags \
            recorded before it; `journal check`, `today` and `session` stop showing them as \
            standing, and reports show it beside them.

            Examples:
              journal resume bird-dog --note "fewer reps, stop at mild discomfort"
              journal resume bird-dog --at "yesterday 15:00"
              journal resume --red-flags --note "GP: no concerns" --at "today 10:30"
            """
    )

    @Argument(
        help: "The exercise on hold (`journal check` lists them).",
        completion: .custom { _, _, _ in ExerciseCompletion.ids() })
    var exercise: String?

    @Flag(help: "Record that a doctor has seen you about the red flags that stand.")
    var redFlags = false

    @Option(
        help: ArgumentHelp(
            "What the physiotherapist said; - reads it from standard input.", valueName: "text"))
    var note: String?

    @Option(
        help: ArgumentHelp("When the review took place, as for `journal log --at` (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if redFlags == (exercise != nil) {
            throw ValidationError("Name an exercise on hold, or give --red-flags (not both).")
        }
    }

    func run() throws {
        let note = try NoteInput.read(note)
        let now = try Clock.now()
        // Everything given is checked whether or not the exercise turns out to be on hold.
        let request = try ResumeRequest(
            subject: exercise.map(ResumeRequest.Subject.exercise) ?? .redFlags, note: note, time: at,
            catalog: { try store.catalog(includingArchived: true) }, now: now, timeZone: Clock.timeZone)
        guard
            try store.openForReading() != nil,
            let outcome = try store.write({ try $0.resume(request, now: now) })
        else {
            Console.err(request.nothingRecorded)
            return
        }
        switch outcome {
        case .resumed(let resumed): try show(resumed)
        case .redFlagsSeen(let seen): try show(seen, advice: try store.regionSetting(fallingBack: false).advice)
        }
    }

    /// What `journal resume EXERCISE` prints: the hold lifted, or, when the exercise is still on
    /// hold after the review (``Resumed/stillHeld``, from what `journal check` reads), that it is
    /// and why, exiting as `check` would; then what else stands, as `log` prints it.
    private func show(_ resumed: Resumed) throws {
        let words = try store.regionSetting(fallingBack: false).advice
        let exercise = resumed.review.exerciseID
        if output.json {
            try Console.json(ResumeJSON(resumed: resumed, advice: words))
        } else if let still = resumed.stillHeld {
            try Console.out(
                "Recorded the review of \(exercise), \(Wording.time(resumed.review.localTime)); "
                    + "\(exercise) is still on hold.")
            let why =
                still.since.performedAt > resumed.review.reviewedAt
                ? "that session was after the review's time, so the review did not answer it"
                : "a review of \(exercise) dated later is the one that counts, and that session was not part of it"
            Console.err(
                TextTable.wrap(
                    "\(exercise) is still on hold since \(still.since.localTime.shortText) (\(still.since.rule), "
                        + "#\(still.session.id ?? 0)): \(why). Once a physiotherapist has seen that too, run "
                        + "`journal resume \(exercise)` again.", width: 80))
        } else {
            try Console.out(
                "Resumed \(exercise): reviewed \(Wording.time(resumed.review.localTime)); the hold since "
                    + "\(resumed.hold.since.localTime.shortText) (\(resumed.hold.since.rule)) is lifted.")
        }
        if !output.json { Describe.printStanding(resumed.standing, advice: words) { $0.isAbout(exercise: exercise) } }
        if resumed.stillHeld != nil { throw ExitCode(resumed.standing.exitStatus) }
    }

    /// What `journal resume --red-flags` prints: the red-flag findings covered, and those still standing.
    private func show(_ seen: RedFlagsSeen, advice words: RegionalAdvice) throws {
        if output.json {
            try Console.json(RedFlagsSeenJSON(seen: seen, advice: words))
            return
        }
        try Console.out(
            "Recorded that a doctor has seen you, \(Wording.time(seen.review.localTime)): "
                + Wording.count(
                    seen.covered.count, "red-flag finding no longer stands", "red-flag findings no longer stand")
                + ".")
        for finding in seen.stillStanding {
            Console.err(
                TextTable.wrap(
                    "Still standing: the red flags recorded \(finding.localTime.shortText), after that time. "
                        + finding.recommendation(words), width: 80))
        }
    }
}
