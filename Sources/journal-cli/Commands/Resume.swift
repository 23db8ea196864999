import ArgumentParser
import Journal

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Record that a physiotherapist has reviewed an exercise on hold, or a doctor your red flags.",
        usage: """
            journal resume [<exercise>] [--red-flags] [--note <text>] [--at <when>]
                           [--db <path>] [--json]
            """,
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
        let request: ResumeRequest
        do {
            request = try ResumeRequest(
                subject: exercise.map(ResumeRequest.Subject.exercise) ?? .redFlags, note: note, time: at,
                catalog: { try store.catalog(includingArchived: true) }, now: now, timeZone: Clock.timeZone)
        } catch JournalError.unknownExercise(let text, let suggestions) {
            // One of the person's own whose row is gone from the file is named as such, not as unknown.
            try store.openForReading()?.refuseMissingExerciseRow(text)
            throw JournalError.unknownExercise(text, suggestions: suggestions)
        }
        let words = { try store.regionSetting(fallingBack: false).advice }
        guard try store.openForReading() != nil else {
            try nothing(Standing(date: request.today), request, advice: try words())
            return
        }
        switch try store.write({ try $0.resume(request, now: now) }) {
        case .resumed(let resumed): try show(resumed)
        case .redFlagsSeen(let seen): try show(seen, advice: try words())
        case .nothingRecorded(let standing): try nothing(standing, request, advice: try words())
        }
    }

    /// Nothing was recorded (the exercise is not on hold, or no red flag stands): why, on
    /// standard error, and with `--json` the object saying so, with what stands.
    private func nothing(_ standing: Standing, _ request: ResumeRequest, advice words: RegionalAdvice) throws {
        if output.json { try Console.json(NothingResumedJSON(request: request, standing: standing, advice: words)) }
        Console.err(request.nothingRecorded)
        // A red flag journal does not know, which stands for no finding, is named here with the rest.
        try StoredDamage.finishAfterChange(store)
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
            let why: String
            switch resumed.whyHeld {
            case .laterReview(let counting):
                why =
                    "a review of \(exercise) dated later "
                    + "(\(LocalDateTime(unixSeconds: counting.reviewedAt, utcOffset: resumed.review.utcOffset).shortText)) "
                    + "is the one that counts, and that session was not part of it. Once a physiotherapist has seen "
                    + "that too, run `journal resume \(exercise)` again with a time after that."
            case .enteredAfter(let entered):
                why =
                    "that session was entered \(entered.shortText), after this review was recorded (by the clock, "
                    + "\(LocalDateTime(unixSeconds: resumed.review.createdAt, utcOffset: resumed.review.utcOffset).shortText)): "
                    + "the clock reads earlier than when the session was entered. Check the clock; running "
                    + "`journal resume \(exercise)` again will not lift the hold until it reads later than that."
            case .datedAfterToday:
                why =
                    "the review is dated \(resumed.review.localTime.date) on its own clock, after today, so it "
                    + "counts from that day, as a report of that day reads it. If it took place today, run "
                    + "`journal undo` and give --at on your own clock."
            case .datedAfter, nil:
                why =
                    "that session was after the review's time, so the review did not answer it. Once a "
                    + "physiotherapist has seen that too, run `journal resume \(exercise)` again."
            }
            Console.err(
                TextTable.wrap(
                    "\(exercise) is still on hold since \(still.since.localTime.shortText) (\(still.since.rule), "
                        + "#\(still.session.id ?? 0)): \(why)", width: 80))
        } else {
            try Console.out(
                "Resumed \(exercise): reviewed \(Wording.time(resumed.review.localTime)); the hold since "
                    + "\(resumed.hold.since.localTime.shortText) (\(resumed.hold.since.rule)) is lifted.")
        }
        if !output.json { Describe.printStanding(resumed.standing, advice: words) { $0.isAbout(exercise: exercise) } }
        try StoredDamage.finishAfterChange(store, status: resumed.stillHeld != nil ? resumed.standing.exitStatus : 0)
    }

    /// What `journal resume --red-flags` prints: the red-flag findings covered, and those that
    /// still stand after it (from what `journal check` reads) with why, exiting as `check` would
    /// while any stands.
    private func show(_ seen: RedFlagsSeen, advice words: RegionalAdvice) throws {
        if output.json {
            try Console.json(RedFlagsSeenJSON(seen: seen, advice: words))
        } else if seen.covered.isEmpty && !seen.stillStanding.isEmpty {
            try Console.out(
                "Recorded that a doctor has seen you, \(Wording.time(seen.review.localTime)); "
                    + "it covers none of the red flags that stand.")
        } else {
            try Console.out(
                "Recorded that a doctor has seen you, \(Wording.time(seen.review.localTime)): "
                    + Wording.count(
                        seen.covered.count, "red-flag finding no longer stands", "red-flag findings no longer stand")
                    + ".")
        }
        if !output.json {
            for finding in seen.stillStanding {
                Console.err(
                    TextTable.wrap(
                        "Still standing: the red flags recorded \(finding.localTime.shortText): "
                            + Self.why(seen.why(finding)) + " " + finding.recommendation(words), width: 80))
            }
        }
        try StoredDamage.finishAfterChange(store, status: seen.stillStanding.isEmpty ? 0 : seen.standing.exitStatus)
    }

    /// Why a red flag still stands after `journal resume --red-flags`, in a sentence, and what to do.
    private static func why(_ why: RedFlagsSeen.Why?) -> String {
        switch why {
        case .datedAfter(let record):
            "they are dated after the doctor's visit recorded for \(record.localTime.shortText), "
                + "so it did not cover them; once a doctor has seen them, run `\(Advice.resumeRedFlags)` again."
        case .datedAfterToday(let record):
            "the doctor's visit is dated \(record.localTime.date) on its own clock, after today, so it counts "
                + "from that day, as a report of that day reads it; if it took place today, run `journal undo` "
                + "and give --at on your own clock."
        case .laterRecord(let record):
            "the doctor's visit recorded for \(record.localTime.shortText) is the latest by its time, so it "
                + "is the one that counts, and it was recorded before these were; once a doctor has seen "
                + "them, run `\(Advice.resumeRedFlags)` with a time after that."
        case .enteredAfter(let record, let entered):
            "they were entered \(entered.shortText), after this record was made "
                + "(\(LocalDateTime(unixSeconds: record.createdAt, utcOffset: record.utcOffset).shortText) by the "
                + "clock): the clock reads earlier than when they were entered. Check the clock; "
                + "running `\(Advice.resumeRedFlags)` again will not cover them until it reads later than that."
        case nil: "."
        }
    }
}
