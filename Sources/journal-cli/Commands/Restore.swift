import ArgumentParser
import Foundation
import Journal

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup (`journal backup`, encrypted or not) back as the journal, checked first.",
        discussion: """
            FILE is decrypted when it is an age file (with --identity, --passphrase-file, or a \
            passphrase asked at the terminal), then checked before anything is replaced: it must \
            be a journal (its application id), whole (SQLite's integrity and foreign-key checks) \
            and of a schema this version reads (an older one is brought up to date). A damaged, \
            truncated or changed file is refused (exit 65), and so is one no key given opens \
            (exit 77): the journal is then left as it was.

            An existing journal is replaced only with --force, and a copy of it is kept first \
            beside it (JOURNAL.before-restore-DATE-TIME.backup, mode 0600). The replacement is \
            one SQLite transaction: a process using the journal meanwhile sees the old journal \
            or the restored one, never a mixture.

            Examples:
              journal restore journal-backup-2026-11-25-101500.sqlite3.age --force
              journal restore backup.age --identity ~/.config/journal/key.txt --db restored.sqlite3
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

    func run() throws {
        let path = try store.resolvedPath()
        if !force, try JournalStore.exists(path) { throw JournalError.journalExists(path: path) }
        let name = file == "-" ? "standard input" : file
        let source = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            if errno == EACCES { throw JournalError.permissionDenied(path: file) }
            throw JournalError.noInput(path: file, reason: String(cString: strerror(errno)))
        }
        defer { if source != STDIN_FILENO { close(source) } }
        let prefix = try KeyFiles.read(source, name: name, limit: 64)
        var bytes: [UInt8]
        if Age.isEncrypted(prefix) {
            let decryptor = try AgeDecryptor(
                prefix: prefix, descriptor: source, name: name, identities: keys.identities(),
                passphrase: keys.passphrase())
            bytes = []
            while let chunk = try decryptor.next() {
                bytes += chunk
                if bytes.count > Self.maximumBytes {
                    throw JournalError.inputTooLarge(path: name, limit: Self.maximumBytes)
                }
            }
        } else {
            bytes = prefix + (try KeyFiles.read(source, name: name, limit: Self.maximumBytes + 1))
            if bytes.count > Self.maximumBytes {
                throw JournalError.inputTooLarge(path: name, limit: Self.maximumBytes)
            }
        }
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let result = try JournalStore.restoreBackup(bytes, name: name, to: path, force: force, now: now)
        Console.changeSaved = true
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        try Console.out(
            "Restored \(count(result.entries, "entry", "entries")), \(count(result.checkIns, "check-in", "check-ins")) "
                + "and \(count(result.reviews, "review", "reviews")) into \(result.path.terminalSafe).")
        if let kept = result.keptCopy {
            Console.err("The journal it replaced is kept at \(kept.terminalSafe).")
        }
    }
}
