import ArgumentParser
import Foundation
import Journal

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every safety rule over your journal and show what stands today.",
        discussion: """
            Shows, most severe first and then newest first, each with its date: findings from \
            the last 7 days that still stand; every exercise on hold (a stop finding that no \
            physiotherapist review has answered yet, however old); every red flag no doctor \
            has seen yet; and a worsening trend.

            `journal resume EXERCISE` records a physiotherapist's review of a hold.
            A red flag stands until you record that a doctor has seen you:
              journal resume --red-flags

            Exit status, for scripts: 0 nothing stands; 1 cautions or see-GP findings only \
            (a doctor's appointment; not an emergency); 2 a stop or a hold stands (stop that \
            exercise and see a physiotherapist); 3 a red flag stands: an urgent finding \
            (emergency care now) or a see-doctor one (a doctor today); 65 the journal holds a \
            value journal never writes, put in from outside, and nothing of 2 or 3 stands (each \
            such value is named after what stands, with the command that corrects it).

            The advice names the services of your region: `journal config get region`. \
            With --json, each \
            finding's severity tells them apart: "urgent", "see-doctor" or "see-gp"; \
            "advice" is the region's words and "region" its code.

            Example: journal check || echo "read journal check before exercising"
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let today = try Clock.today()
        let snapshot = try store.openForScreen()?.checkSnapshot(
            today: today, environment: ProcessInfo.processInfo.environment, now: try Clock.now())
        let standing = snapshot?.standing ?? Standing(date: today)
        let words = try StoreOptions.region(snapshot?.region).advice
        if output.json {
            try Console.json(CheckJSON(standing: standing, advice: words))
        } else if standing.isEmpty {
            try Console.out("No safety findings stand today.")
        } else {
            try Console.out(Describe.standing(standing, advice: words, style: .stdout).joined(separator: "\n\n"))
        }
        if !output.json {
            for reminder in standing.reminders { Console.err("Reminder: " + reminder.terminalSafe) }
        }
        try StoredDamage.finish(problems: snapshot?.problems ?? [], status: standing.exitStatus)
    }
}
