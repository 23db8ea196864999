import ArgumentParser
import Foundation
import Journal

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a CSV, or restore a full export, written by `journal export`; all or nothing.",
        usage: """
            journal import [--format <format>] <file> [--identity <keyfile> ...]
                           [--passphrase-file <file>] [--db <path>] [--json]
            """,
        discussion: """
            Every row or element is checked as the command that records it checks its input. The \
            first problem stops the import with its line number, and nothing is imported.

            A CSV adds entries. A row with an id is matched by id alone: the same entry there is \
            skipped (importing a file again adds nothing); a different one stops the import; a \
            free id is used. Rows without an id are new entries. Rows are never dropped for \
            looking like another entry. pain_change and flagged are recomputed, not read. A CSV \
            holds no exercises of your own: add them first (`journal exercises add`), or restore \
            the full export.

            A full export (`journal export --all`, JSON) restores a whole journal, with its ids, \
            own exercises, check-ins, plan and reviews, into one that holds no entries, check-ins \
            or reviews yet. `journal undo` removes the entries, check-ins and reviews it added.

            The format is read from the file (a full export starts with {), or given by --format.

            An export encrypted in the age format (`journal export --encrypt` or --recipient, \
            or by age itself) is decrypted first, with --identity KEYFILE, --passphrase-file \
            FILE, or a passphrase asked at the terminal; a damaged, truncated or changed one is \
            refused whole (exit 65), and so is one no key given opens (exit 77).

            Examples:
              journal import journal.csv
              journal import - < journal.csv
              journal import journal-all.json --db new.sqlite3
              journal import journal.csv.age --identity ~/.config/journal/key.txt
            """
    )

    @Option(
        help: ArgumentHelp("csv or json (default: from the file).", valueName: "format"), transform: Read.exportFormat)
    var format: ExportFormat?

    @Argument(help: ArgumentHelp("The file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var keys: DecryptionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        try keys.refuseStandardInputTwice(input: file)
    }

    func run() throws {
        let input = try InputFile(file, keys: keys.keys)
        let now = try Clock.now()
        switch try format ?? ExportFormat.detect(input.bytes()) {
        case .csv:
            let result = try store.write { try $0.importCSV(from: input.bytes(), now: now) }
            if output.json {
                try Console.json(CSVImportJSON(result))
            } else {
                let repeated =
                    result.repeated > 0
                    ? " and \(result.repeated) repeating an earlier row of the file (the same id and values)" : ""
                try Console.out(
                    "Imported \(Wording.count(result.added, "entry", "entries")); "
                        + "skipped \(result.skipped) already in the journal\(repeated).")
            }
        case .json:
            let result = try store.write { try $0.restore(from: input.bytes, now: now) }
            // The region names the emergency numbers the advice gives: an import that set it says so.
            let region = try result.region.map { try Config.regionInForce(stored: $0.stored) }
            if output.json {
                try Console.json(FullImportJSON(result, region: region))
            } else {
                try Console.out("Restored \(Describe.counted(result)).")
                if let change = result.region {
                    try Console.out(TextTable.wrap(try Config.regionNow(stored: change.stored), width: 80))
                }
            }
            if result.region?.stored != nil, let note = Config.overrideNote() { Console.err(note) }
        }
    }
}
