import ArgumentParser
import Foundation
import Journal

/// `--from`, `--to` and `--exercise`: which days and which exercise a report or export covers.
struct DaysOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "First day, inclusive: 2026-11-01, yesterday, monday, last monday, 10 days ago, 6 weeks ago or 2 months ago.",
            valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, inclusive (default: today).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only this exercise.", valueName: "id"))
    var exercise: String?

    /// The days (`nil` period when neither --from nor --to is given) and the exercise's id.
    func selection(store: StoreOptions, today: LocalDate) throws -> ExportSelection {
        try selection(store: store, asked: Period.asked(from: from, to: to, today: today))
    }

    /// The days asked for (``Period/asked(from:to:today:)``) and the exercise's id.
    func selection(store: StoreOptions, asked: AskedPeriod?) throws -> ExportSelection {
        ExportSelection(
            period: asked?.period,
            exerciseID: try exercise.map { try store.resolveExercise($0, includingArchived: true).id })
    }
}
