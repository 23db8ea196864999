import ArgumentParser
import Foundation
import Journal

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a week, a month or any days: what you did and how your pain went.",
        discussion: """
            First what needs attention: exercises on hold and every safety finding of the \
            period, each with its date. Then the pain picture: days active, mean pain before and \
            after, the highest pain after, check-in pain, and a comparison of mean pain before \
            with the previous period of the same length (a change of at least 2 points or 30% \
            counts as meaningful; docs/safety.md gives the source). Then the detail: per \
            exercise, sessions, sets, total reps, total hold seconds and pain; the plan's \
            sessions and dose against what was done; day by day; each session; check-ins; notes.

            When the journal began inside the period, days active and the plan are counted from \
            that day. The text report keeps every line within 80 columns (--width, or $COLUMNS \
            when wider, widens it).

            Examples:
              journal report                      # the 7 days ending today
              journal report --last 6w            # the 6 weeks ending today (also 10d, 3m)
              journal report --month --markdown > month.md
              journal report --from "2 weeks ago" --exercise glute-bridge --json
              journal report --month --format html --output report.html  # to print
              journal report --format html --recipient age1… --output report.html.age
            """
    )

    @Flag(help: "The 7 days ending today (the default).")
    var week = false

    @Flag(help: "The 30 days ending today.")
    var month = false

    @Option(
        help: ArgumentHelp(
            "The days ending today: 10d (10 days), 6w (6 weeks), 3m (3 months of 30 days) or 1y (12 such months).",
            valueName: "span"))
    var last: String?

    @Option(help: ArgumentHelp("The N weeks ending today (the same as --last Nw).", valueName: "n"))
    var weeks: Int?

    @Option(help: ArgumentHelp("The N months of 30 days ending today (the same as --last Nm).", valueName: "n"))
    var months: Int?

    @OptionGroup var days: DaysOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Print a Markdown document to paste into an email.")
    var markdown = false

    @Option(
        help: ArgumentHelp("text, json, markdown or html (a self-contained page with charts).", valueName: "format"),
        transform: Read.reportFormat)
    var format: ReportFormat?

    @Option(
        help: ArgumentHelp(
            "Write to this file (mode 0600, whole or not at all; a FIFO or device is written into) instead of standard output (- is standard output).",
            valueName: "file"))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Columns the text report may use (60-1000; default 80, or $COLUMNS when wider).", valueName: "n"),
        transform: Read.number("width", 60...1000))
    var width: Int?

    @OptionGroup var encryption: EncryptionOptions

    @OptionGroup var store: StoreOptions

    func validate() throws {
        // What was given, as typed: `--weeks 6 --week` names --weeks, not only --last.
        let spans = [
            last.map { "--last " + UsageCheck.typed($0) }, weeks.map { "--weeks \($0)" },
            months.map { "--months \($0)" },
        ]
        .compactMap { $0 }
        if spans.count > 1 {
            throw ValidationError("Choose one of --last, --weeks or --months; \(Wording.list(spans)) were given.")
        }
        // --from and --to together are one choice, named as typed: `--from "6 weeks ago"`.
        let range = [
            days.from.map { "--from " + UsageCheck.typed($0) }, days.to.map { "--to " + UsageCheck.typed($0) },
        ]
        .compactMap { $0 }
        let given = [week ? "--week" : nil, month ? "--month" : nil].compactMap { $0 } + spans + range
        if given.count - max(range.count - 1, 0) > 1 {
            throw ValidationError(
                "Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; "
                    + "\(Wording.list(given)) were given.")
        }
        if let weeks, Period.spanDays("\(weeks)w") == nil {
            throw ValidationError(Self.countRefusal("--weeks", String(weeks)))
        }
        if let months, Period.spanDays("\(months)m") == nil {
            throw ValidationError(Self.countRefusal("--months", String(months)))
        }
        let formats = [json ? "--json" : nil, markdown ? "--markdown" : nil, format.map { "--format \($0.rawValue)" }]
            .compactMap { $0 }
        if formats.count > 1 {
            throw ValidationError("Choose one of --json, --markdown or --format; \(Wording.list(formats)) were given.")
        }
        if force && output == nil { throw ValidationError("--force applies to --output only.") }
        if width != nil && chosenFormat != .text { throw ValidationError("--width applies to the text report only.") }
    }

    /// The refusal of `--weeks N` or `--months N` (`option`) for a number, as typed, outside what
    /// one report covers.
    static func countRefusal(_ option: String, _ typed: String) -> String {
        option == "--weeks"
            ? "--weeks \(typed): give a number of weeks from 1 to \(Period.maximumDays / 7)."
            : "--months \(typed): give a number of months (of 30 days) from 1 to \(Period.maximumDays / 30)."
    }

    /// The span asked for: --last, or --weeks N and --months N, its spellings.
    var span: String? { last ?? weeks.map { "\($0)w" } ?? months.map { "\($0)m" } }

    /// The file `--output` names; `nil` for standard output (none, or `-`).
    private var outputFile: String? { OutputFile.named(output) }

    /// The text report's width: --width, else $COLUMNS when writing to standard output and wider than 80.
    var textWidth: Int {
        if let width { return width }
        let columns = outputFile == nil ? ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } : nil
        return min(max(columns ?? ReportText.defaultWidth, ReportText.defaultWidth), 1000)
    }

    /// The chosen format: --format, or the --json and --markdown shortcuts.
    var chosenFormat: ReportFormat { format ?? (json ? .json : markdown ? .markdown : .text) }

    func run() throws {
        let encryption = try self.encryption.resolve()
        // A page of HTML is for a browser or a printer, never to read on a terminal.
        if chosenFormat == .html, encryption == nil, outputFile == nil || outputFile == "/dev/stdout",
            isatty(STDOUT_FILENO) == 1
        {
            throw ValidationError(
                "an HTML report is a page for a browser, and standard output is a terminal: "
                    + "give --output FILE (such as --output report.html), or redirect it.")
        }
        let now = try Clock.local()
        let asked = try Period.asked(from: days.from, to: days.to, today: now.date)
        let selection = try days.selection(store: store, asked: asked)
        let period: Period
        if month {
            period = .month(endingOn: now.date)
        } else if let span {
            period = try Period.last(span, endingOn: now.date)
        } else {
            period = selection.period ?? .week(endingOn: now.date)
        }
        let read = try store.openForScreen()?.reportSnapshot(
            for: period, today: now.date, exerciseID: selection.exerciseID,
            environment: ProcessInfo.processInfo.environment, now: try Clock.now())
        let region = try StoreOptions.region(read?.value.region)
        let report =
            read?.value
            ?? ProgressReport.withoutJournal(period: period, region: region, exerciseID: selection.exerciseID)
        let text: String
        switch chosenFormat {
        case .json: text = try JSONText.pretty(ReportJSON(report)) + "\n"
        case .markdown: text = ReportMarkdown.render(report)
        case .html: text = ReportHTML.render(report, generated: Wording.time(now))
        case .text:
            text =
                ReportText.render(
                    report, width: textWidth,
                    emphasis: outputFile == nil && encryption == nil ? Style.stdout.redSequence : { $0 })
                + "\n"
        }
        try OutputFile.writing(
            to: outputFile, force: force, journal: try store.resolvedPath(), encryption: encryption
        ) { try $0.write(text) }
        if let soFar = asked?.soFar { Console.err(soFar) }
        if let output = outputFile { Console.err("Wrote the report to \(output.terminalSafe).") }
        try StoredDamage.finish(problems: read?.problems ?? [])
    }

}
