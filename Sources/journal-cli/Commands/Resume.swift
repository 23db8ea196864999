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
        guard let exercise else { return try resumeRedFlags(note: note, now: now) }
        // Everything given is checked whether or not the exercise turns out to be on hold.
        let id = try store.catalog(includingArchived: true).resolve(exercise).id
        if let at { _ = try DateInput.parse(at, now: now, timeZone: Clock.timeZone) }
        guard
            try store.openForReading() != nil,
            let resumed = try store.write({
                try $0.resume(exercise, note: note, time: at, now: now, timeZone: Clock.timeZone)
            })
        else {
            Console.err("\(id) is not on hold; nothing was recorded.")
            return
        }
        let review = resumed.review
        if output.json {
            try Console.json(ResumeJSON(resumed: resumed))
        } else {
            try Console.out(
                "Resumed \(review.exerciseID): reviewed \(Describe.time(review.localTime)); the hold since "
                    + "\(resumed.hold.since.localTime.shortText) (\(resumed.hold.since.rule)) is lifted.")
            if let still = resumed.stillHeld {
                Console.err(
                    TextTable.wrap(
                        "\(still.exerciseID) is still on hold: a session after the review, on "
                            + "\(still.since.localTime.shortText) (\(still.since.rule), #\(still.session.id ?? 0)), "
                            + "was not part of it. Once a physiotherapist has seen that too, run `journal resume "
                            + "\(still.exerciseID)` again.", width: 80))
            }
        }
    }
}

extension Resume {
    /// `journal resume --red-flags`: records that a doctor has seen the red flags that stand.
    func resumeRedFlags(note: String?, now: Int64) throws {
        if let at { _ = try DateInput.parse(at, now: now, timeZone: Clock.timeZone) }
        guard
            try store.openForReading() != nil,
            let seen = try store.write({
                try $0.resumeRedFlags(note: note, time: at, now: now, timeZone: Clock.timeZone)
            })
        else {
            Console.err("No red flag stands; nothing was recorded.")
            return
        }
        let words = try store.regionSetting(fallingBack: false).advice
        if output.json {
            try Console.json(RedFlagsSeenJSON(seen: seen, advice: words))
            return
        }
        try Console.out(
            "Recorded that a doctor has seen you, \(Describe.time(seen.review.localTime)): "
                + (seen.covered.count == 1
                    ? "1 red-flag finding no longer stands."
                    : "\(seen.covered.count) red-flag findings no longer stand."))
        for finding in seen.stillStanding {
            Console.err(
                TextTable.wrap(
                    "Still standing: the red flags recorded \(finding.localTime.shortText), after that time. "
                        + finding.recommendation(words), width: 80))
        }
    }
}

/// `journal resume --red-flags --json`: `id`, `reviewed_at`, `note`, `covered` and `still_standing`
/// (findings, as in `journal check --json`).
struct RedFlagsSeenJSON: Encodable {
    let seen: RedFlagsSeen
    let advice: RegionalAdvice

    enum Keys: String, CodingKey { case id, reviewed_at, note, covered, still_standing }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(seen.review.id, forKey: .id)
        try container.encode(seen.review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(seen.review.note, forKey: .note)
        try container.encode(seen.covered.map { FindingJSON($0, advice: advice) }, forKey: .covered)
        try container.encode(seen.stillStanding.map { FindingJSON($0, advice: advice) }, forKey: .still_standing)
    }
}

/// `journal resume --json`: the review and the hold it lifted.
struct ResumeJSON: Encodable {
    let resumed: Resumed

    enum Keys: String, CodingKey { case id, exercise, reviewed_at, note, lifted, still_held }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(resumed.review.id, forKey: .id)
        try container.encode(resumed.review.exerciseID, forKey: .exercise)
        try container.encode(resumed.review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(resumed.review.note, forKey: .note)
        try container.encode(HoldJSON(resumed.hold), forKey: .lifted)
        try container.encode(resumed.stillHeld.map(HoldJSON.init), forKey: .still_held)
    }
}
