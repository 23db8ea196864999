import ArgumentParser
import Foundation
import Journal

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record an exercise you did, with your pain before and after it.",
        discussion: """
            Pain is the 0-10 scale: 0 no pain, 10 the worst imaginable. If pain after is \
            higher than before, journal says so and recommends you stop that exercise and \
            see a physiotherapist before continuing; the entry is still saved.

            Examples:
              journal log glute-bridge --pain-before 4 --pain-after 3 --sets 3 --reps 10
              journal log side-plank --pain-before 2 --pain-after 2 --hold 30 --side left
              journal log bird-dog --pain-before 3 --pain-after 3 --reps 8 --at "2026-11-20 07:30"
            """
    )

    @Argument(
        help: "The exercise id, such as glute-bridge (`journal exercises` lists them).",
        completion: .custom { _, _, _ in ExerciseCompletion.ids() })
    var exercise: String

    @Option(help: ArgumentHelp("Pain just before the exercise, 0-10.", valueName: "0-10"))
    var painBefore: String

    @Option(help: ArgumentHelp("Pain just after the exercise, 0-10.", valueName: "0-10"))
    var painAfter: String

    @Option(help: ArgumentHelp("Number of sets (1-50).", valueName: "n"))
    var sets: String = "1"

    @Option(help: ArgumentHelp("Repetitions in each set (1-500).", valueName: "n"))
    var reps: String?

    @Option(help: ArgumentHelp("Seconds each hold lasted (1-3600).", valueName: "seconds"))
    var hold: String?

    @Option(help: ArgumentHelp("For exercises done one side at a time: left, right or both.", valueName: "side"))
    var side: String?

    @Option(
        help: ArgumentHelp(
            "Anything worth remembering about this session; - reads it from standard input.", valueName: "text"))
    var note: String?

    @Option(
        help: ArgumentHelp(
            "When you did it, on your clock: now, yesterday 18:00, 2 days ago, monday, 2026-11-20 (noon), 2026-11-20 07:30, 2026-11-20T07:30+01:00.",
            valueName: "when"))
    var at: String = "now"

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let logged = try Console.reportingErrors {
            let entry = try makeEntry(
                now: Int64(Date().timeIntervalSince1970), timeZone: .current, exercise: store.resolveExercise(exercise),
                note: NoteInput.read(note))
            return try store.openForWriting().log(entry)
        }
        let style = Style.stderr
        if let paused = logged.pausedBefore {
            Console.err(Describe.pause(paused, style: style))
        }
        for finding in logged.findings {
            Console.err(Describe.finding(finding, style: style))
        }
        if output.json {
            try Console.json(LoggedJSON(logged))
        } else {
            let entry = logged.entry
            Console.out(
                "Logged #\(entry.id ?? 0) \(entry.exerciseID): \(Describe.dosage(entry)), "
                    + "pain \(Describe.pain(entry)), at \(Describe.time(entry.localTime)).")
        }
    }

    /// Checks every value and builds the entry; throws the first problem found.
    func makeEntry(now: Int64, timeZone: TimeZone, exercise: Exercise, note: String?) throws -> Entry {
        let painBefore = try PainLevel(parsing: self.painBefore, field: "pain before")
        let painAfter = try PainLevel(parsing: self.painAfter, field: "pain after")
        let sets = try Entry.parseNumber(self.sets, field: "sets", range: Entry.Limits.sets)
        let reps = try self.reps.map { try Entry.parseNumber($0, field: "reps", range: Entry.Limits.reps) }
        let hold = try self.hold.map {
            try Entry.parseNumber($0, field: "hold (seconds)", range: Entry.Limits.holdSeconds)
        }
        let side = try self.side.map(Side.init(parsing:))
        if side != nil, !exercise.perSide { throw JournalError.sideNotApplicable(exercise: exercise.id) }
        let time = try DateInput.parse(at, now: now, timeZone: timeZone)
        return try Entry(
            exerciseID: exercise.id, performedAt: time.unixSeconds, utcOffset: time.utcOffset,
            sets: sets, reps: reps, holdSeconds: hold, side: side,
            painBefore: painBefore, painAfter: painAfter, note: note, createdAt: now)
    }
}

/// `journal log --json`: the saved entry and the findings it raised.
struct LoggedJSON: Encodable {
    var entry: EntryJSON
    var findings: [FindingJSON]
    var paused: FindingJSON?

    init(_ logged: LoggedEntry) {
        entry = EntryJSON(logged.entry)
        findings = logged.findings.map(FindingJSON.init)
        paused = logged.pausedBefore.map(FindingJSON.init)
    }

    enum CodingKeys: CodingKey { case entry, findings, paused }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry, forKey: .entry)
        try container.encode(findings, forKey: .findings)
        try container.encode(paused, forKey: .paused)
    }
}
