import ArgumentParser
import Foundation
import Journal

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup (`journal backup`, encrypted or not) back as the journal, checked first.",
        usage: """
            journal restore <file> [--force] [--identity <keyfile> ...]
                            [--passphrase-file <file>] [--db <path>]
            """,
        discussion: """
            FILE is decrypted when it is an age file (with --identity, --passphrase-file, or a \
            passphrase asked at the terminal), then checked before anything is replaced: it must \
            be a journal (its application id), whole (SQLite's integrity and foreign-key checks) \
            and of a schema this version reads (an older one is brought up to date). A damaged, \
            truncated or changed file is refused (exit 65), and so is one no key given opens \
            (exit 77): the journal is then left as it was.

            The backup is read, never adopted: its rows go through the same checks as an \
            import into a new journal built by this version, and a file carrying anything \
            journal does not make (a trigger, a view, another table), a time outside the years \
            1-9999, or a FILE-wal beside it is refused. Its undo history is not carried over; \
            `journal undo` right after a --force restore puts back the journal it replaced, and \
            undo again goes on through that journal's own latest changes.

            An existing journal is replaced only with --force, in one SQLite transaction that \
            holds the journal's write lock throughout (a writer meanwhile waits, up to \
            $JOURNAL_BUSY_TIMEOUT): a change saved before the restore is in the kept copy \
            (JOURNAL.before-restore-DATE-TIME.backup, mode 0600, made only when the restore \
            succeeds), one saved after it is in the restored journal. An empty file (0 bytes) \
            holds no journal: it is filled without --force, and nothing is kept.

            Examples:
              journal restore journal-backup-2026-11-25-101500.sqlite3.age --force
              journal restore backup.age --identity key.txt --db restored.sqlite3
              journal restore backup.sqlite3 --db new.sqlite3
            """
    )

    /// The largest backup read: 4 GiB.
    static let maximumBytes = 1 << 32

    @Argument(help: ArgumentHelp("The backup, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Replace the journal that is there (a copy of it is kept beside it).")
    var force = false

    @OptionGroup var keys: DecryptionOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try keys.refuseStandardInputTwice(input: file)
    }

    func run() throws {
        let path = try store.resolvedPath()
        // The input first: a backup that is not there is said so, whatever the journal holds.
        let input = try InputSource(file)
        try input.refuseFolder()
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
        if !force, try JournalFileCheck.exists(path, writing: true), !JournalFileCheck.isEmptyFile(path) {
            throw JournalError.journalExists(path: path)
        }
        let name = input.name
        if file != "-" { try SQLiteRestore.refuseWriteAheadLog(beside: file) }
        var bytes: [UInt8] = []
        var headerChecked = false
        try input.plaintext(keys: keys.keys, limit: Self.maximumBytes) { block, encrypted in
            bytes += block
            // A plain input that is not SQLite is refused at its first bytes (`/dev/zero` is not read to the limit).
            if !encrypted, !headerChecked, bytes.count >= 16 {
                try SQLiteRestore.checkBackupHeader(bytes, name: name)
                headerChecked = true
            }
        }
        if !headerChecked { try SQLiteRestore.checkBackupHeader(bytes, name: name) }
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let busyTimeout = try StoreOptions.busyTimeout(ProcessInfo.processInfo.environment)
        let result = try SQLiteRestore.restoreBackup(
            bytes, name: name, to: path, force: force, busyTimeout: busyTimeout, now: now)
        Console.changeSaved = true
        try Console.out("Restored \(Describe.counted(result.records)) into \(result.path.terminalSafe).")
        // The region names the emergency numbers the advice gives: a restore that changed it says so.
        if let change = result.region {
            try Console.out(TextTable.wrap(try Config.regionNow(stored: change.stored), width: 80))
            if change.stored != nil, let note = Config.overrideNote() { Console.err(note) }
        }
        if let kept = result.keptCopy {
            Console.err("The journal it replaced is kept at \(kept.terminalSafe).")
        }
        if let folder = result.leftSyncFolder { Console.err(TextTable.wrap(SyncWords.leftFolder(folder), width: 80)) }
    }
}
