import ArgumentParser
import Foundation
import Journal

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a CSV written by `journal export`, all or nothing.",
        discussion: """
            Every row is checked as `journal log` checks its input. The first bad row stops the \
            import with its line number, and nothing is imported. Importing the same file again \
            adds nothing: rows already in the journal are skipped. Rows without an id are new \
            entries. pain_change and flagged are recomputed, not read.

            Examples:
              journal import journal.csv
              journal import - < journal.csv
            """
    )

    @Option(help: ArgumentHelp("The file's format: csv.", valueName: "format"), transform: Read.exportFormat)
    var format: ExportFormat = .csv

    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if format != .csv { throw ValidationError("--format must be csv; got \"\(format.rawValue)\".") }
    }

    func run() throws {
        let input = try InputFile(file)
        let now = try Clock.now()
        let result = try store.write { try $0.importCSV(from: input.bytes(), now: now) }
        if output.json {
            try Console.json(["added": result.added, "skipped": result.skipped])
        } else {
            try Console.out(
                "Imported \(result.added) \(result.added == 1 ? "entry" : "entries"); "
                    + "skipped \(result.skipped) already in the journal.")
        }
    }
}
