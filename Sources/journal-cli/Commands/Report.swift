import ArgumentParser
import Foundation
import Journal

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a week, a month or any days: what you did and how your pain went.",
        discussion: """
            Per exercise: sessions, sets, total reps (sets × reps), total hold seconds, mean pain \
            before and after, mean change, and flagged sessions. Overall: days active, a \
            day-by-day line, every safety finding in the period, and a comparison of mean pain \
            before with the previous period of the same length (a change of at least 2 points \
            or 30% counts as meaningful; docs/safety.md gives the source).

            Examples:
              journal report                      # the 7 days ending today
              journal report --month --markdown > month.md
              journal report --from 2026-11-01 --to 2026-11-15 --exercise glute-bridge --json
            """
    )

    @Flag(help: "The 7 days ending today (the default).")
    var week = false

    @Flag(help: "The 30 days ending today.")
    var month = false

    @Option(help: ArgumentHelp("First day, inclusive (YYYY-MM-DD or today).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, inclusive (default: today).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only this exercise.", valueName: "id"))
    var exercise: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Print a Markdown document to paste into an email.")
    var markdown = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        let chosen = [week, month, from != nil || to != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("Choose one of --week, --month or --from/--to.") }
        if json && markdown { throw ValidationError("Choose one of --json or --markdown.") }
    }

    func run() throws {
        let report = try Console.reportingErrors {
            let today = DateInput.at(Int64(Date().timeIntervalSince1970), in: .current).local.date
            let period = try period(today: today)
            let exerciseID = try exercise.map { try Catalog.builtIn.resolve($0).id }
            return try store.openForReading()?.progressReport(for: period, exerciseID: exerciseID)
                ?? ProgressReport.make(entries: [], period: period, findings: [])
        }
        if json {
            try Console.json(ReportJSON(report))
        } else if markdown {
            Console.out(ReportMarkdown.render(report), terminator: "")
        } else {
            Console.out(ReportText.render(report, emphasis: Style.stdout.red))
        }
    }

    func period(today: LocalDate) throws -> Period {
        if month { return .month(endingOn: today) }
        return try Period.parse(from: from, to: to, today: today) ?? .week(endingOn: today)
    }
}
