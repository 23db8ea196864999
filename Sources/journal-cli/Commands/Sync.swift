import Age
import ArgumentParser
import Foundation
import Journal
import SyncFormat

/// `journal sync`: the same journal on every device, through a folder the person already syncs.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes with the other devices through a sync folder, end-to-end encrypted.",
        usage: """
            journal sync [--passphrase-file <file> | --identity <keyfile>] [--db <path>] [--json]
            journal sync init <folder> (--passphrase-file <file> | --recipient <age1…> ... --identity <keyfile>)
            journal sync status [--json]
            journal sync leave
            """,
        discussion: """
            The folder is any folder another tool already copies between your devices (Syncthing, \
            Dropbox, a network share, a USB stick, a git repository): journal never talks to a \
            server. Each device writes only its own files there, append-only, each encrypted \
            (age format) with the folder's key: a passphrase, or age keys. Nothing in the folder \
            shows a note, an exercise or a pain number. docs/sync.md has the set-up for each tool.

            `journal sync init FOLDER` makes FOLDER a sync folder, or joins the one there, and \
            syncs once. Then `journal sync` sends this device's changes and merges the others'. \
            Edits of one record on two devices are merged field by field, the later change \
            winning; a delete beats an edit made without knowing of it; each is named.

            The key: the journal remembers where it was read (the file), never the key itself, \
            so `journal sync` alone reads that file again; give --passphrase-file or --identity \
            when it has moved.

            Exit status: 0 synced; 65 a file in the folder was refused (damaged, foreign, replayed \
            or out of order; never applied: the rest was synced); 77 the key does not open the \
            folder (nothing changed); 75 the journal is busy; 78 no sync folder yet.

            Examples:
              journal sync init ~/Sync/journal --passphrase-file ~/.config/journal/sync-passphrase
              journal sync
              journal sync status --json
            """,
        subcommands: [SyncNow.self, SyncInit.self, SyncStatusCommand.self, SyncLeave.self],
        defaultSubcommand: SyncNow.self
    )

    /// An absolute path for `path`, so the journal finds it again from any folder.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let here = FileManager.default.currentDirectoryPath
        return here.hasSuffix("/") ? here + path : here + "/" + path
    }

    /// What stands and which region is set, read before a sync to tell what the sync changed.
    struct Before {
        let standing: Standing?
        let region: String?
    }

    /// What stands in `journal` today, and its region setting (`nil` when it cannot be read).
    static func before(_ journal: JournalStore) -> Before {
        let today = try? Clock.today()
        return Before(
            standing: today.flatMap { try? journal.standing(today: $0) }, region: (try? journal.storedRegion()) ?? nil)
    }

    /// Tells on standard error what the merged changes changed in what stands, as `undo` does:
    /// each finding, hold or red flag that now stands in full (with its advice), each that no
    /// longer stands in a line; and the region in force, when the sync changed the journal's.
    static func tellChanges(since before: Before, in store: StoreOptions) {
        guard let journal = try? store.openForReading(), let today = try? Clock.today(),
            let after = try? journal.standing(today: today)
        else { return }
        let region = (try? journal.storedRegion()) ?? nil
        if region != before.region, let words = try? Config.regionNow(stored: region) {
            Console.err("The region changed on another device. " + words)
        }
        guard let previous = before.standing else { return }
        guard let advice = try? Config.regionInForce(stored: region).advice else { return }
        // By what each item is: a hold whose session a merged edit changed, or whose reading
        // changed, neither begins nor lifts.
        let (stood, stands) = (Set(previous.items.map(\.identity)), Set(after.items.map(\.identity)))
        let begun = after.items.filter { !stood.contains($0.identity) }
        // A session's stop findings now part of a hold on its exercise still stand, as the hold.
        let held = Set(after.holds.map(\.exerciseID))
        let lifted = previous.items.filter { item in
            if case .session(let entry, _) = item, held.contains(entry.exerciseID) { return false }
            return !stands.contains(item.identity)
        }
        if !begun.isEmpty {
            Console.err("\nNow standing, from the changes merged:")
            Console.err(Describe.standing(begun, on: today, advice: advice, style: .stderr).joined(separator: "\n\n"))
        }
        for item in lifted {
            Console.err("No longer standing, after the changes merged: " + Self.short(item))
            // A red flag lifted by another device's change (a delete that won, a doctor's visit):
            // one that is still there is recorded again, as any other.
            if case .finding(let finding) = item, finding.checkInID != nil {
                let flags = RedFlag.allCases.filter { finding.message.contains($0.symptom) }
                if !flags.isEmpty {
                    Console.err(
                        TextTable.wrap(
                            "  If you still have it, record it again: `journal checkin --pain N "
                                + flags.map { "--red-flag \($0.rawValue)" }.joined(separator: " ") + "`.", width: 80))
                }
            }
        }
        // A hold begun on a session dated after this device's clock cannot be answered here until
        // that session's time is corrected: said now, not first at `journal resume`.
        let now = (try? Clock.now()) ?? .max
        for case .hold(let hold) in begun where hold.since.performedAt > now {
            guard let entry = hold.session.id else { continue }
            Console.err(
                TextTable.wrap(
                    "Note: "
                        + SyncWords.holdDatedAhead(
                            exerciseID: hold.exerciseID, entry: entry, dated: hold.since.localTime), width: 80))
        }
    }

    /// One item in a few words: what it was and since when.
    static func short(_ item: Standing.Item) -> String {
        switch item {
        case .finding(let finding):
            return "\(finding.message) (\(finding.rule), since \(finding.localTime.date))"
        case .hold(let hold):
            return "the hold on \(hold.exerciseID) since \(hold.since.localTime.date) (\(hold.since.rule))"
        case .session(let entry, let findings):
            return "\(entry.exerciseID) on \(entry.localTime.date) (\(findings.map(\.rule).joined(separator: ", ")))"
        }
    }

    /// Prints what a sync did: data on standard output (text or JSON), refusals after it.
    static func show(_ outcome: SyncOutcome, json: Bool, initialized: String? = nil) throws {
        if json {
            try Console.out(JSONText.pretty(SyncOutcomeJSON(outcome, initialized: initialized)))
        } else {
            if let initialized { try Console.out(initialized) }
            try Console.out(SyncWords.summary(of: outcome))
            for line in outcome.settled { try Console.out("  settled: \(line)") }
            for replica in outcome.waiting {
                try Console.out(
                    "  waiting: the changes of device \(replica) refer to a record another device has not sent yet; "
                        + "they are merged at a later sync.")
            }
        }
        if !outcome.refused.isEmpty { throw SyncError.filesRefused(outcome.refused) }
    }
}

/// `--passphrase-file` / `--identity`: the folder's key, for a sync.
struct SyncKeyOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The folder's passphrase, on this file's first line (the file must be private: mode 0600).",
            valueName: "file"))
    var passphraseFile: String?

    @Option(
        help: ArgumentHelp(
            "Read the folder with the age identity in this file (AGE-SECRET-KEY-1…, from age-keygen).",
            valueName: "keyfile"))
    var identity: String?

    func validate() throws {
        if passphraseFile != nil && identity != nil {
            throw ValidationError(
                "a sync folder has one key: give --passphrase-file (a passphrase) or --identity (age keys), not both.")
        }
    }

    func identities(_ path: String) throws -> [AgeIdentity] {
        try AgeKeyFile.identities(in: try KeyFiles.bytes(of: path, holding: "identity"), name: path)
    }

    /// Whether the key for a folder set up as `settings` says is a passphrase given for this sync
    /// (`--passphrase-file`, or typed at the terminal), not the file named at `sync init`: checked
    /// against the folder even when nothing is to be sealed or read.
    func passphraseGivenHere(for settings: SyncSettings) -> Bool {
        settings.keyKind == .passphrase && (passphraseFile != nil || settings.keyFile == nil)
    }

    /// The key for a folder set up as `settings` says: the one given, else the file named at init.
    func key(for settings: SyncSettings) throws -> SyncKey {
        let recipients = try settings.recipients.map {
            try AgeRecipient(parsing: $0, source: "the journal's recipient")
        }
        if let passphraseFile {
            guard settings.keyKind == .passphrase else {
                throw SyncError.keyMismatch(
                    reason: "this sync folder is sealed with age keys, not a passphrase: give --identity KEYFILE.")
            }
            return .passphrase(try Passphrase.read(from: passphraseFile, decrypting: true))
        }
        if let identity {
            guard settings.keyKind == .x25519 else {
                throw SyncError.keyMismatch(
                    reason: "this sync folder is sealed with a passphrase, not age keys: give --passphrase-file FILE.")
            }
            return .x25519(recipients: recipients, identities: try identities(identity))
        }
        do {
            switch settings.keyKind {
            case .passphrase:
                if let file = settings.keyFile { return .passphrase(try Passphrase.read(from: file, decrypting: true)) }
                guard Passphrase.hasTerminal else { throw SyncError.keyNeeded(reason: "no passphrase file was named") }
                return .passphrase(try Passphrase.askOnce())
            case .x25519:
                guard let file = settings.keyFile else {
                    throw SyncError.keyNeeded(reason: "no identity file was named")
                }
                return .x25519(recipients: recipients, identities: try identities(file))
            }
        } catch let error as JournalError {
            throw SyncError.keyNeeded(
                reason: "the key file named at `journal sync init` cannot be read (\(error.description))")
        }
    }
}

struct SyncNow: ParsableCommand, ChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "now", abstract: "Send this device's changes and merge the others' (what `journal sync` does).")
    static let savedNote = "What was merged was saved; `journal sync status` shows it."

    @OptionGroup var keys: SyncKeyOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        var before: Sync.Before?
        let outcome = try store.write { journal in
            guard let settings = try journal.syncSettings() else { throw SyncError.notSetUp }
            let key = try keys.key(for: settings)
            before = Sync.before(journal)
            return try journal.sync(
                key: key, now: now, checkingPassphrase: keys.passphraseGivenHere(for: settings))
        }
        if let before { Sync.tellChanges(since: before, in: store) }
        try Sync.show(outcome, json: output.json)
    }
}

struct SyncInit: ParsableCommand, ChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a folder a sync folder, or join the one there, and sync once.",
        discussion: """
            With --passphrase-file, the folder's files are sealed with that passphrase (scrypt); \
            every device gives the same passphrase. With --recipient (repeat for each device's \
            age key) and --identity (this device's secret key), they are sealed to those keys. \
            The journal records the folder and where the key file is, never the key.

            Examples:
              journal sync init ~/Sync/journal --passphrase-file ~/.config/journal/sync-passphrase
              journal sync init /media/usb/journal --recipient age1… --recipient age1… --identity ~/.config/journal/key.txt
            """)
    static let savedNote = "The sync folder was set up; `journal sync status` shows it."

    @Argument(help: ArgumentHelp("The folder to sync through.", valueName: "folder"))
    var folder: String

    @Option(
        help: ArgumentHelp(
            "Seal with the passphrase on this file's first line (the file must be private: mode 0600).",
            valueName: "file"))
    var passphraseFile: String?

    @Option(help: ArgumentHelp("Seal to this age public key (age1…); repeat for each device.", valueName: "age1…"))
    var recipient: [String] = []

    @Option(
        help: ArgumentHelp("This device's age identity (AGE-SECRET-KEY-1…), to read the folder.", valueName: "keyfile"))
    var identity: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if folder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the sync folder's path is empty: give the folder to sync through.")
        }
        if passphraseFile != nil && (!recipient.isEmpty || identity != nil) {
            throw ValidationError(
                "a sync folder has one key: give --passphrase-file, or --recipient keys with --identity, not both.")
        }
        if passphraseFile == nil && recipient.isEmpty && identity == nil && !Passphrase.hasTerminal {
            throw ValidationError(
                "give the folder's key: --passphrase-file FILE, or --recipient age1… (each device's) with --identity KEYFILE."
            )
        }
        if !recipient.isEmpty && identity == nil {
            throw ValidationError(
                "with --recipient, give --identity KEYFILE too: this device's key to read the folder.")
        }
        if identity != nil && recipient.isEmpty {
            throw ValidationError(
                "with --identity, give --recipient age1… for each device (this one's too): the keys files are sealed to."
            )
        }
    }

    func run() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let path = Sync.absolute(folder)
        let key: SyncKey
        let kind: SyncSettings.KeyKind
        var keyFile: String?
        if let identity {
            let identities = try AgeKeyFile.identities(
                in: try KeyFiles.bytes(of: identity, holding: "identity"), name: identity)
            let recipients = try recipient.map { try AgeRecipient(parsing: $0, source: "--recipient") }
            guard identities.contains(where: { recipients.contains($0.recipient) }) else {
                throw SyncError.keyMismatch(
                    reason:
                        "the identity in \(identity) is none of the --recipient keys, so this device could not read "
                        + "its own files: add its key (age-keygen -y \(identity)) as a --recipient.")
            }
            key = .x25519(recipients: recipients, identities: identities)
            kind = .x25519
            keyFile = Sync.absolute(identity)
        } else if let passphraseFile {
            key = .passphrase(try Passphrase.read(from: passphraseFile))
            kind = .passphrase
            keyFile = Sync.absolute(passphraseFile)
        } else {
            key = .passphrase(try Passphrase.askTwice())
            kind = .passphrase
        }
        var before: Sync.Before?
        let outcome = try store.write { journal in
            before = Sync.before(journal)
            return try journal.syncInit(
                folder: path, key: key, keyKind: kind, keyFile: keyFile, recipients: recipient, now: now)
        }
        if let before { Sync.tellChanges(since: before, in: store) }
        try Sync.show(outcome, json: output.json, initialized: "This journal syncs through \(path.terminalSafe).")
    }
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show this device's replica id, the other devices seen, the last sync.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        guard let journal = try store.openForReading() else { throw SyncError.notSetUp }
        let status = try journal.syncStatus()
        if output.json {
            try Console.out(JSONText.pretty(SyncStatusJSON(status)))
        } else {
            try Console.out(SyncWords.status(status))
        }
    }
}

struct SyncLeave: ParsableCommand, ChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Stop syncing this journal: it keeps every record; the folder keeps this device's files.",
        discussion: """
            While changes made here wait to be sent it refuses (64): sync first, or give \
            --drop-unsent to leave without sending them. The other devices keep what they merged. To take this device's files out of the folder, see docs/sync.md \
            ("Removing a device"). `journal sync init` joins a folder again.
            """)
    static let savedNote = "This journal no longer syncs; `journal sync status` says so."

    @Flag(help: "Leave even though changes made here have not been sent: they are dropped, never sent.")
    var dropUnsent = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let left = try store.write { journal in try journal.syncLeave(droppingUnsent: dropUnsent) }
        try Console.out(
            "This journal no longer syncs through \(left.folder.terminalSafe)."
                + (left.unsent == 0
                    ? ""
                    : " \(left.unsent == 1 ? "1 change not sent was" : "\(left.unsent) changes not sent were") dropped from the outbox.")
        )
    }
}
