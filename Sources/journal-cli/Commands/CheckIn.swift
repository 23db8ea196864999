import ArgumentParser
import Foundation
import Journal

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Record how your back feels, apart from any exercise (say, each morning).",
        usage: """
            journal checkin --pain <0-10> [--at <when>] [--note <text>]
                            [--red-flag <id> ...] [--db <path>] [--json]
            """,
        discussion: """
            A morning check-in with more pain than you had before the previous day's first \
            exercise raises a next-morning finding.

            Record any red-flag symptom with --red-flag (`journal safety --red-flags` lists \
            them). journal then repeats what the NHS says for its tier, in the words of your \
            region's services (`journal config get region`; in the UK, 999, A&E, 111 and a GP): \
            for an emergency one (both-legs, saddle-numbness, bladder-bowel, sexual-function, \
            chest-pain, major-trauma), emergency care now; for a same-day one (fever, \
            weight-loss, back-lump, night-pain, cough-sneeze, upper-back), a doctor today; for \
            one-leg, or a pain of 8 or more, a doctor's appointment (not an emergency). The advice is printed before the check-in is saved, so it shows even \
            when saving fails, and before any error, so a mistyped option or value cannot silence it. A red flag stands until you record that a doctor has seen you: \
            `journal resume --red-flags`.

            Examples:
              journal checkin --pain 3
              journal checkin --pain 5 --at "2026-11-21 07:15" --note "stiff getting up"
              journal checkin --pain 6 --red-flag saddle-numbness
            """
    )

    @Option(help: ArgumentHelp("Your pain now, 0-10.", valueName: "0-10"), transform: Read.pain("pain"))
    var pain: PainLevel

    @Option(help: ArgumentHelp("When, as for `journal log --at`.", valueName: "when"))
    var at: String = "now"

    @Option(help: ArgumentHelp("Anything worth remembering; - reads it from standard input.", valueName: "text"))
    var note: String?

    @Option(
        name: .customLong("red-flag"),
        help: ArgumentHelp("A red-flag symptom you have (repeat for several).", valueName: "id"),
        transform: { try RedFlag(parsing: $0) })
    var redFlags: [RedFlag] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let now = try Clock.now()
        let checkIn = try CheckIn(
            pain: pain, note: NoteInput.read(note), redFlags: redFlags, at: at, now: now, timeZone: Clock.timeZone)
        // Advice that needs nothing stored comes first: a full disk or a locked journal cannot silence it.
        // Its words are the region's, read from the environment when the journal cannot be read;
        // a JOURNAL_REGION this version does not know is refused, after the advice in the generic words.
        let today = try Clock.today()
        let findings = Rules.evaluate(checkIn)
        let words = try store.printingAdvanceFirst { words in
            AdviceFirst.tell(findings, advice: words, today: today)
        }.words
        let logged = try store.write { try $0.checkIn(checkIn) }
        let told = Set(findings.map(\.rule))
        for finding in logged.findings where !told.contains(finding.rule) {
            Console.err(Describe.raised(finding, advice: words, today: today))
        }
        if output.json {
            try Console.json(CheckedInJSON(logged, advice: words))
        } else {
            let checkIn = logged.checkIn
            let flags =
                checkIn.redFlags.isEmpty
                ? "" : ", red flags: " + checkIn.redFlags.map(\.rawValue).joined(separator: ", ")
            try Console.out(
                "Checked in #\(checkIn.id ?? 0): pain \(checkIn.pain.value)\(flags), at \(Wording.time(checkIn.localTime))."
            )
        }
        // What stands, and the values journal never writes, read together once the check-in is saved.
        let after = try? store.openForReading()?.standingSnapshot(today: today, now: try Clock.now())
        if let standing = after?.value {
            Describe.printStanding(standing, advice: words) { $0.isAbout(checkIn: logged.checkIn.id) }
        }
        try StoredDamage.finish(problems: after?.problems ?? [])
    }
}
