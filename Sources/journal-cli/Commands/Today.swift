import ArgumentParser
import Foundation
import Journal

struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "What your plan asks of today: the exercises due, those on hold, what you did.",
        discussion: """
            An exercise is due while this week's sessions (Monday to Sunday) fall short of the \
            pace that spreads what remains of its weekly count over the days left, never more \
            than a day's share of the week (one a day for up to 7 a week): sessions missed \
            earlier are not crammed into one day. A plan that starts during the week asks only \
            for its days; one that starts later is listed with its first day. Exercises come in \
            the plan's order (`journal plan set --order`). An exercise on hold is shown as held, \
            never as due.

            A red flag that no doctor has seen yet comes first, with its advice; everything \
            else that stands (`journal check`) follows, marked as already known. While an \
            emergency or same-day red flag stands, no exercise is due: today says what \
            `journal session` says, "No session while this stands."

            Exit status, for a shell prompt or a timer: 0 nothing is due; 1 something is; 3 an \
            urgent or see-doctor red flag stands (its advice comes first).

            `journal resume --red-flags` records that a doctor has seen you.

            Examples:
              journal today
              journal today --json
              journal today || notify-send "Back exercises are due"
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let today = try Clock.today()
        let snapshot = try store.openForScreen()?.todaySnapshot(
            today: today, environment: ProcessInfo.processInfo.environment, now: try Clock.now())
        let words = try StoreOptions.region(snapshot?.region).advice
        let routine = snapshot?.routine ?? DailyRoutine.make(plan: [], entries: [], holds: [], today: today)
        let standing = snapshot?.standing ?? Standing(date: today)
        // A red flag that needs a doctor today or now comes before anything the plan asks.
        let pressing = standing.redFlags.filter { $0.severity >= .seeDoctor }
        if output.json {
            try Console.json(
                TodayJSON(routine, standing: standing, advice: words, catalog: snapshot?.catalog ?? .builtIn))
        } else {
            for finding in pressing {
                try Console.out(
                    Describe.finding(finding, advice: words, style: .stdout, dated: true, today: today) + "\n")
            }
            if !routine.hasPlan {
                Console.err(TextTable.wrap(Wording.noPlanYet(held: Set(standing.holds.map(\.exerciseID))), width: 80))
            } else {
                for line in Self.describe(routine, due: routine.due(under: standing)) { try Console.out(line) }
                // A dose in force in the other measure than its exercise's, as `plan` names it.
                let catalog = snapshot?.catalog ?? .builtIn
                let otherMeasure = routine.items.compactMap { $0.measureNote(in: catalog) }
                if !otherMeasure.isEmpty { try Console.out("") }
                for said in otherMeasure { try Console.out(TextTable.wrap(said, width: 80)) }
            }
            // The plan's holds are listed above; the rest of what stands follows, as already known.
            let shown = Set(pressing)
            let listed = Set(routine.held.map(\.exerciseID))
            Describe.printStanding(standing, advice: words) { item in
                if case .finding(let finding) = item { return shown.contains(finding) }
                if case .hold(let hold) = item { return listed.contains(hold.exerciseID) }
                return false
            }
        }
        try StoredDamage.finish(
            problems: snapshot?.problems ?? [],
            status: !pressing.isEmpty ? 3 : routine.due(under: standing).isEmpty ? 0 : 1)
    }

    /// The day's lines: the exercises `due` (none while a red flag stops every session, which is
    /// then said in `session`'s words), those already done this week, the holds, later plans.
    static func describe(_ routine: DailyRoutine, due: [DailyRoutine.Item]) -> [String] {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        var lines = ["Today, \(weekdays[routine.date.weekdayIndex]) \(routine.date)"]
        func row(_ item: DailyRoutine.Item) -> [String] {
            [
                item.plan.exerciseID,
                Wording.dose(item.dose),
                "\(item.doneThisWeek) of \(item.plannedThisWeek) this week"
                    + (item.sessionsToday > 1 ? ", \(item.sessionsToday) today" : ""),
            ]
        }
        if due.isEmpty, !routine.due.isEmpty {
            lines.append(Wording.noSession())
        } else {
            lines.append(due.isEmpty ? "Nothing is due." : "Due (`journal session` walks you through them):")
        }
        if !due.isEmpty {
            lines += TextTable.render(header: [], rows: due.map(row)).split(separator: "\n").map { "  " + $0 }
        }
        let met = routine.items.filter { !$0.isDue }
        if !met.isEmpty {
            lines.append("Not due today:")
            lines += TextTable.render(header: [], rows: met.map(row)).split(separator: "\n").map { "  " + $0 }
        }
        for hold in routine.held {
            lines += TextTable.wrap(
                "On hold: \(hold.exerciseID) since \(hold.since.localTime.shortText) (\(hold.since.rule)); "
                    + Wording.seePhysiotherapistThenResume(hold.exerciseID) + ".", width: 80
            ).split(separator: "\n").map(String.init)
        }
        for item in routine.upcoming {
            let since = item.began.map { "\(weekdays[$0.weekdayIndex]) \($0)" } ?? ""
            lines.append("Starts later: \(item.exerciseID) on \(since).")
        }
        if !routine.doneToday.isEmpty {
            lines.append("Logged today: " + routine.doneToday.map { "#\($0)" }.joined(separator: ", "))
        }
        return lines
    }
}
