import ArgumentParser
import Foundation
import Journal

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Save a consistent copy of the journal (mode 0600), safe to take while journal runs.",
        usage: """
            journal backup [<file>] [--encrypt] [--passphrase-file <file>]
                           [--recipient <age1…> ...] [--recipients-file <file> ...]
                           [--armor] [--db <path>] [--json]
            """,
        discussion: """
            The copy is made with SQLite's VACUUM INTO, never by copying the live file, and is \
            itself a journal: open it with --db. Without FILE it goes beside the journal, named \
            with the date and time (then -2, -3 and so on, when several are made in the same second). An \
            existing FILE is never overwritten.

            Encrypted (age format, docs/privacy.md): --encrypt asks for a passphrase twice at \
            the terminal, --passphrase-file reads it from a private file's first line, and \
            --recipient or --recipients-file encrypt to age public keys (age-keygen) instead. The \
            copy is then made in memory and encrypted from there, so no plaintext copy touches \
            the disk; the default name ends in .age.

            `journal restore` and `age -d` read it.

            Examples:
              journal backup
              journal backup ~/backups/journal-before-holiday.sqlite3
              journal backup --encrypt
              journal backup --recipients-file recipients.txt   # age1… keys, one a line
            """
    )

    @Argument(help: ArgumentHelp("Where to write the copy (- for standard output).", valueName: "file"))
    var file: String?

    @OptionGroup var encryption: EncryptionOptions

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    /// Whether the copy goes to standard output (FILE is `-`).
    private var toStandardOutput: Bool { file != nil && OutputFile.named(file) == nil }

    func validate() throws {
        guard toStandardOutput else { return }
        if output.json {
            throw ValidationError(
                "the backup goes to standard output (-), so --json cannot go there too: leave out --json, or name a FILE."
            )
        }
        if isatty(STDOUT_FILENO) != 0, !(encryption.isRequested && encryption.armor) {
            throw ValidationError(
                "a backup is binary and standard output is a terminal: redirect it "
                    + "(`journal backup - | journal restore - --db copy.sqlite3`), name a FILE, "
                    + "or encrypt it with --armor.")
        }
    }

    func run() throws {
        guard let journal = try store.openForScreen() else {
            throw JournalError.noInput(
                path: try store.resolvedPath(), reason: "there is no journal there yet; `journal log` starts one")
        }
        let encryption = try self.encryption.resolve()
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let destination =
            if toStandardOutput {
                try Self.standardOutputBackup(of: journal, encryption: encryption)
            } else if let encryption {
                try Self.encryptedBackup(of: journal, to: file, encryption: encryption, now: now)
            } else {
                try journal.backUp(to: file, now: now)
            }
        // Standard output that holds the copy is not given its name after it.
        if !toStandardOutput { try Self.name(destination, json: output.json, encrypted: encryption != nil) }
        Console.err("Backed up the journal\(encryption == nil ? "" : ", encrypted,") to \(destination.terminalSafe).")
        // A backup is what you keep: it is made whole, values from outside and all, and they are named
        // as screens name them, with the status a write has then (65), since `restore` refuses them.
        try StoredDamage.finish(
            problems: try journal.storedValueProblems(now: try Clock.now()), note: Self.copiedValuesNote)
    }

    /// Prints where the backup went: its path, or the JSON that says so.
    private static func name(_ destination: String, json: Bool, encrypted: Bool) throws {
        do {
            if json {
                try Console.json(BackupJSON(path: destination, encrypted: encrypted))
            } else {
                try Console.out(destination)
            }
        } catch var failure as OutputFailure {
            failure.saved = "The backup was made: \(destination)."
            throw failure
        }
    }

    /// Said after the values from outside a backup copied: restore refuses them.
    static let copiedValuesNote =
        "The backup holds them as the journal does, and `journal restore` refuses it until they are corrected "
        + "in it: correct them in the journal with the commands above, then back up again."

    /// Copies the journal into memory and writes it to standard output, encrypted when asked;
    /// returns how messages name standard output.
    static func standardOutputBackup(of journal: JournalStore, encryption: Encryption?) throws -> String {
        let copy = try journal.serializedCopy()
        try OutputFile.writing(to: nil, force: false, journal: journal.path, encryption: encryption) { sink in
            try write(copy, to: sink)
        }
        return "standard output"
    }

    /// Writes `copy` in blocks, so an encryptor holds one block at a time, not a second whole copy.
    private static func write(_ copy: [UInt8], to sink: OutputSink) throws {
        for start in stride(from: 0, to: copy.count, by: OutputSink.blockSize) {
            try sink.write(bytes: Array(copy[start..<min(copy.count, start + OutputSink.blockSize)]))
        }
    }

    /// Copies the journal into memory and writes it encrypted to `file`, or beside the journal
    /// under the default name with `.age` (numbered when taken); an existing file is never replaced.
    static func encryptedBackup(
        of journal: JournalStore, to file: String?, encryption: Encryption, now: Date
    ) throws -> String {
        let copy = try journal.serializedCopy()
        let base = journal.defaultBackupPath(now: now)
        for number in 1...999 {
            let path = file ?? (number == 1 ? base : BackupFile.numbered(base, number)) + ".age"
            do {
                try OutputFile.writing(to: path, force: false, journal: journal.path, encryption: encryption) { sink in
                    try write(copy, to: sink)
                }
                return path
            } catch JournalError.outputExists {
                if file != nil { throw JournalError.backupExists(path: path) }
            }
        }
        throw JournalError.backupExists(path: base + ".age")
    }
}
