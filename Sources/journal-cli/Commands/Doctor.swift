import ArgumentParser
import Foundation
import Journal

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the journal file: permissions, schema version, size, contents and consistency.",
        discussion: """
            Makes a journal that others could read private again (mode 0600) and says so; so \
            too a -wal or -shm file that you could not write though the journal is writable (reading \
            the journal while it was read-only leaves them so, and every change then fails), and \
            names any hidden .journal-new-* or .journal-restore-* file a killed command left \
            beside it (every command removes them; doctor says so). Runs \
            SQLite's quick_check, or the slower, thorough integrity_check with --full. Exit status 0 \
            when healthy, 65 when the file is damaged (with how to rescue it), 66 when there is no \
            journal yet.

            Example: journal doctor --full
            """
    )

    @Flag(help: "Run the thorough integrity_check instead of quick_check.")
    var full = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let path = try store.resolvedPath()
        let leftovers = LeftoverFile.removeUnlocked(beside: path)
        for leftover in leftovers {
            Console.err(
                "Removed \(leftover.terminalSafe): left by a journal command that was killed while it made a "
                    + "journal (it may have held a copy of your entries).")
        }
        guard try JournalFileCheck.exists(path) else {
            throw JournalError.noInput(path: path, reason: "there is no journal there yet; `journal log` starts one")
        }
        // Opened first, so that a file that is not a journal is refused before its mode is touched;
        // opening makes a journal private, and doctor reports that itself.
        let busyTimeout = try StoreOptions.busyTimeout(ProcessInfo.processInfo.environment)
        guard let journal = try JournalStore.shown(at: path, busyTimeout: busyTimeout) else {
            throw JournalError.noInput(path: path, reason: "there is no journal there yet; `journal log` starts one")
        }
        let changes = journal.permissionsTightened + FilePermissions.tighten(path)
        let diagnosis = try journal.diagnose(full: full)
        if output.json {
            try Console.json(DoctorJSON(diagnosis, changes))
        } else {
            try show(diagnosis, changes)
        }
        if !diagnosis.isHealthy {
            Console.err("journal: " + JournalError.corruptDatabase(path: diagnosis.path).description)
            throw ExitCode(65)
        }
        // Said as every screen says them, with their fixes; the file is not damaged.
        if let problem = diagnosis.schemaProblem { Console.err("journal: \(problem.descriptionForReading)") }
        try StoredDamage.finish(problems: diagnosis.storedValues, status: diagnosis.schemaProblem == nil ? 0 : 65)
    }

    private func show(_ diagnosis: Diagnosis, _ changes: [PermissionChange]) throws {
        let mode =
            changes.isEmpty
            ? "private"
            : changes.map {
                "\(PathName.lastComponent(of: $0.path)) tightened from \(octal($0.from)) to \(octal($0.to))"
            }.joined(separator: "; ")
        let schema =
            diagnosis.isFromNewerVersion
            ? "written by a newer journal: read only"
            : (diagnosis.isUpToDate ? "up to date" : "needs upgrading")
        let readOnly = diagnosis.access == .immutable ? "read-only, as an unchanging file" : "read-only"
        // Why, and what to do, in the words a refused write uses (``ReadOnlyCause``).
        let access =
            diagnosis.access == .readWrite
            ? "read-write"
            : diagnosis.accessReason.map { "\(readOnly): \($0)".terminalSafe }
                ?? "\(readOnly) (its folder or the file was not writable, or the disk was full, when it was opened)"
        try Console.out(
            TextTable.render(
                header: ["Journal", diagnosis.path.terminalSafe],
                rows: (diagnosis.linkTarget.map { [["Link", "a symbolic link to \($0.terminalSafe)"]] } ?? []) + [
                    ["Size", "\(diagnosis.fileBytes) bytes, \(diagnosis.writeAheadLogBytes) in the write-ahead log"],
                    [
                        "Contents",
                        Wording.count(diagnosis.entries, "entry", "entries") + ", "
                            + Wording.count(diagnosis.checkIns, "check-in", "check-ins"),
                    ],
                    ["Schema", "\(diagnosis.appliedMigrations.last ?? "none"), \(schema)"],
                    ["Access", access],
                    ["Permissions", mode],
                    [
                        "Integrity",
                        diagnosis.integrity.prefix(10).joined(separator: "; ") + " (\(diagnosis.integrityCheck))",
                    ],
                ]))
        for change in changes {
            Console.err(
                "journal: \(change.path.terminalSafe) "
                    + (change.wasUnwritable ? "\(Wording.unwritableSideFile)" : "could be read by others")
                    + "; its mode is now \(octal(change.to)).")
        }
    }

    private func octal(_ mode: Int) -> String { "0" + String(mode, radix: 8) }
}
