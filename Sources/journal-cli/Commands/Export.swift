import ArgumentParser
import Foundation
import Journal

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your entries as CSV (for spreadsheets) or JSON, oldest first; or the whole journal.",
        discussion: """
            CSV columns: id, performed_at, exercise, side, sets, reps, hold_seconds, pain_before, \
            pain_after, pain_change, flagged, note (RFC 4180, CRLF, UTF-8). Notes and exercise \
            names that a spreadsheet could run as a formula get a leading ' (undone by import). \
            `journal import` reads the CSV back.

            --all writes the whole journal as one JSON object: entries, your own exercises, \
            check-ins, the plan and the physiotherapist's reviews. `journal import` restores it \
            into a new journal exactly. The same journal always gives the same bytes.

            --all --no-aliases names every record by its uid instead of the numbers you type \
            (which differ from device to device): after every device has synced twice with \
            nothing new, it is byte-identical on each. `journal import` does not read it.

            With --output the file is written whole or not at all (mode 0600); an existing file \
            is replaced only with --force. A FIFO or a device (/dev/stdout) is written into, \
            never replaced; a folder is refused, and so is the journal itself or one of its \
            files (its -wal, a copy kept before a restore), however the path spells it.

            --encrypt (a passphrase asked at the terminal), --passphrase-file or --recipient \
            write the export encrypted in the age format (docs/privacy.md); the plaintext never \
            touches the disk. `journal import` and `age -d` read it.

            Examples:
              journal export --output journal.csv
              journal export --format json --from 2026-11-01 --to 2026-11-30 > nov.json
              journal export --excel --output journal-for-excel.csv
              journal export --all --output journal-all.json
              journal export --all --no-aliases | sha256sum
              journal export --all --recipient age1… --output journal-all.json.age
            """
    )

    @Option(
        help: ArgumentHelp("csv or json (default: csv; json with --all).", valueName: "format"),
        transform: Read.exportFormat)
    var format: ExportFormat?

    @Flag(help: "The whole journal (JSON only), to restore whole: `journal import FILE`.")
    var all = false

    @Flag(
        help: "With --all: name each record by its uid, not by the number you type (the same on every synced device).")
    var noAliases = false

    @Option(
        help: ArgumentHelp("Write to this file instead of standard output (- is standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark, so Excel reads accents and emoji correctly.")
    var excel = false

    @OptionGroup var days: DaysOptions

    @OptionGroup var encryption: EncryptionOptions

    @OptionGroup var store: StoreOptions

    /// The file `--output` names; `nil` for standard output (none, or `-`).
    private var outputFile: String? { OutputFile.named(output) }

    func validate() throws {
        if all && format == .csv {
            throw ValidationError("--all writes JSON: a CSV holds entries only. Use --all --format json.")
        }
        if all && (days.from != nil || days.to != nil || days.exercise != nil) {
            throw ValidationError("--all exports the whole journal; leave out --from, --to and --exercise.")
        }
        if noAliases && !all {
            throw ValidationError(
                "--no-aliases applies to the whole journal only: use `journal export --all --no-aliases`.")
        }
        if excel && (all || format == .json) { throw ValidationError("--excel applies to CSV only.") }
        if force && output == nil { throw ValidationError("--force applies to --output only.") }
    }

    func run() throws {
        let encryption = try self.encryption.resolve()
        if all { return try exportAll(encryption) }
        let format = format ?? .csv
        let selection = try days.selection(store: store, today: Clock.today())
        let journal = try store.openForScreen()
        let count = try OutputFile.writing(
            to: outputFile, force: force, journal: try store.resolvedPath(), encryption: encryption
        ) { sink in
            guard let journal else {
                try ExportWriter.exportNothing(format, to: sink, byteOrderMark: excel)
                return 0
            }
            return try journal.export(
                format, selection: selection, to: sink, byteOrderMark: excel, now: try Clock.now())
        }
        if let output = outputFile {
            Console.err("Exported \(Wording.count(count, "entry", "entries")) to \(output.terminalSafe).")
        }
    }

    /// `--all`: the full export.
    private func exportAll(_ encryption: Encryption?) throws {
        let journal = try store.openForScreen()
        try OutputFile.writing(
            to: outputFile, force: force, journal: try store.resolvedPath(), encryption: encryption
        ) { sink in
            guard let journal else { return try ExportWriter.exportAllOfNothing(to: sink, aliases: !noAliases) }
            try journal.exportAll(to: sink, now: try Clock.now(), aliases: !noAliases)
        }
        if let output = outputFile { Console.err("Exported the whole journal to \(output).") }
    }
}
