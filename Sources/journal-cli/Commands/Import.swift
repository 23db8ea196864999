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

    @Option(help: ArgumentHelp("The file's format: csv.", valueName: "format"))
    var format: String = "csv"

    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if format != "csv" { throw ValidationError("--format must be csv; got \"\(format)\".") }
    }

    func run() throws {
        let result = try Console.reportingErrors { () -> ImportResult in
            let descriptor = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == EACCES { throw JournalError.permissionDenied(path: file) }
                throw JournalError.noInput(path: file, reason: String(cString: strerror(errno)))
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            let journal = try store.openForWriting()
            let source = ByteSource(descriptor: descriptor, name: file == "-" ? "standard input" : file)
            return try journal.importCSV(from: source, now: Int64(Date().timeIntervalSince1970))
        }
        if output.json {
            try Console.json(["added": result.added, "skipped": result.skipped])
        } else {
            Console.out(
                "Imported \(result.added) \(result.added == 1 ? "entry" : "entries"); "
                    + "skipped \(result.skipped) already in the journal.")
        }
    }
}
