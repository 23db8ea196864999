import ArgumentParser
import Foundation
import Journal

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct an entry: the values you give replace the recorded ones.",
        usage: """
            journal edit <id> [--pain-before <0-10>] [--pain-after <0-10>]
                         [--sets <n>] [--reps <n>] [--hold <seconds>] [--side <side>]
                         [--note <text>] [--at <when>] [--db <path>] [--json]
            """,
        discussion: """
            The same checks as `journal log`. Prints the entry before and after, and the safety \
            findings of the corrected entry when the edit changed what they read (its pain or \
            time). `journal undo` puts the old values back. --note "" \
            removes the note. Values the entry already has change nothing: it says so and \
            records no change for undo.

            Examples:
              journal edit 12 --pain-after 3
              journal edit 12 --at "yesterday 18:00" --note -
            """
    )

    @Argument(help: "The entry's id (`journal list` shows them).", transform: Read.id)
    var id: Int64

    @Option(help: ArgumentHelp("Pain just before, 0-10.", valueName: "0-10"), transform: Read.pain("pain before"))
    var painBefore: PainLevel?
    @Option(help: ArgumentHelp("Pain just after, 0-10.", valueName: "0-10"), transform: Read.pain("pain after"))
    var painAfter: PainLevel?
    @Option(help: ArgumentHelp("Number of sets.", valueName: "n"), transform: Read.sets) var sets: Int?
    @Option(help: ArgumentHelp("Repetitions in each set.", valueName: "n"), transform: Read.reps) var reps: Int?
    @Option(
        help: ArgumentHelp("Seconds each hold lasted (30s or 1 min too).", valueName: "seconds"), transform: Read.hold)
    var hold: Int?
    @Option(help: ArgumentHelp("left, right or both.", valueName: "side"), transform: Read.side) var side: Side?
    @Option(help: ArgumentHelp("The note; - reads it from standard input; \"\" removes it.", valueName: "text"))
    var note: String?
    @Option(help: ArgumentHelp("When you did it, as for `journal log --at`.", valueName: "when")) var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if draft(note: note).isEmpty {
            throw ValidationError("Give at least one value to change, such as --pain-after 3.")
        }
    }

    /// The values given; the exercise is the entry's own.
    func draft(note: String?) -> EntryDraft {
        var draft = EntryDraft(exercise: "")
        draft.painBefore = painBefore
        draft.painAfter = painAfter
        draft.sets = sets
        draft.reps = reps
        draft.holdSeconds = hold
        draft.side = side
        draft.note = note
        draft.time = at.map(EntryDraft.Time.typed)
        return draft
    }

    func run() throws {
        let draft = draft(note: try NoteInput.read(note))
        let now = try Clock.now()
        let words = try store.regionSetting(fallingBack: false).advice
        let edited = try store.write { try $0.edit(id: id, with: draft, now: now, timeZone: Clock.timeZone) }
        let (before, after) = (edited.before, edited.after.entry)
        if !edited.changed {
            let said = "#\(id) already had what you gave; nothing changed."
            if output.json {
                try Console.json(
                    EditJSON(
                        before: EntryJSON(before), after: EntryJSON(after), findings: [], hold: nil, paused: nil,
                        changed: false))
                Console.err(said)
            } else {
                try Console.out(said)
            }
            try StoredDamage.finishAfterChange(store)
            return
        }
        if (after.painBefore, after.painAfter, after.performedAt) != (
            before.painBefore, before.painAfter, before.performedAt
        ) {
            Describe.printFindings(of: edited.after, advice: words)
        } else if let hold = edited.after.hold {
            // The rules read nothing the edit changed: what they found is not new. A hold standing is
            // named in one line, as already known.
            Console.err(Describe.holdLine(hold, style: .stderr))
        }
        if output.json {
            try Console.json(
                EditJSON(
                    before: EntryJSON(edited.before), after: EntryJSON(edited.after.entry),
                    findings: edited.after.findings.map { FindingJSON($0, advice: words) },
                    hold: edited.after.hold.map(HoldJSON.init),
                    paused: edited.after.holdBefore.map { FindingJSON($0.since, advice: words) },
                    holdLifted: edited.holdLifted.map(HoldJSON.init), holdBegun: edited.holdBegun.map(HoldJSON.init)))
        } else {
            try Console.out("Before #\(id): \(Describe.summary(edited.before))")
            try Console.out("After  #\(id): \(Describe.summary(edited.after.entry))")
            if let hold = edited.holdLifted { try Console.out(Describe.lifted(hold, by: "the entry before the edit")) }
            if let hold = edited.holdBegun { try Console.out(Describe.begun(hold, by: "the edit")) }
        }
        if edited.corrected { Console.err(Describe.corrected("#\(id)")) }
        try StoredDamage.finishAfterChange(store)
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete entries by id; `journal undo` brings them back.",
        discussion: """
            Asks for confirmation on a terminal; elsewhere (scripts, pipes) --yes is required.

            Example: journal delete 12 13 --yes
            """
    )

    @Argument(help: ArgumentHelp("The ids of the entries to delete.", valueName: "ids"))
    var idLists: [IDList]

    private var ids: [Int64] { idLists.flatMap(\.values) }

    @Flag(name: .shortAndLong, help: "Delete without asking.")
    var yes = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let ids = self.ids
        let entries = try store.openForReading()?.entries(ids: ids) ?? []
        guard entries.count == Set(ids).count else { throw JournalError.entryNotFound(ids.min() ?? 0) }
        let one = entries.count == 1
        guard
            try Confirm.ask(
                "Delete \(one ? "this entry" : "these \(entries.count) entries")?",
                action: "deleting \(one ? "an entry" : "\(entries.count) entries")",
                listing: entries.map { "#\($0.id ?? 0) \(Describe.summary($0))" }, yes: yes)
        else {
            Console.err(Wording.nothingDeleted)
            if output.json { try Console.json(DeletedJSON([EntryJSON](), holdsLifted: [])) }
            return
        }
        let now = try Clock.now()
        let deletion = try store.write { try $0.delete(ids: ids, now: now, today: try Clock.today()) }
        let deleted = deletion.records
        let cause = deleted.count == 1 ? "the entry deleted" : "an entry deleted"
        if output.json {
            try Console.json(DeletedJSON(deleted.map { EntryJSON($0) }, holdsLifted: deletion.holdsLifted))
        } else {
            try Console.out(
                "Deleted \(Wording.count(deleted.count, "entry", "entries")): "
                    + "\(deleted.map { "#\($0.id ?? 0)" }.joined(separator: ", ")). "
                    + Wording.undoBringsBack(deleted.count))
            for hold in deletion.holdsLifted { try Console.out(Describe.lifted(hold, by: cause)) }
        }
        try StoredDamage.finishAfterChange(store)
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Reverse the latest change (repeat to go further back, up to 10).",
        discussion: """
            Any change can be undone: log and check-in (the entry or check-in is removed), \
            delete, edit, import (and a full restore), resume, check-in edit and delete, PSFS \
            add, remove and rating, and restore --force (the journal it replaced comes back from \
            its kept copy, checked as a backup is). Each `journal undo` says what it reversed; \
            run it again to go one change further back, through the latest 10 changes.

            A plan set or removed, an exercise of your own added, edited or removed, and a \
            setting set or unset are undone too: undo puts back what was there before. Such a \
            change made by a journal from before undo could reverse it kept nothing to put \
            back: undo stops at it, undoes nothing, says how to change it back by hand and \
            exits 65, never reaching past it to an older change.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        if let restore = try store.openForReading()?.restoreToUndo() {
            try undoRestore(restore)
            return
        }
        let today = try Clock.today()
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let undone: UndoResult?
        do {
            undone = try store.openForReading() == nil ? nil : try store.write({ try $0.undo(today: today, now: now) })
        } catch let error as JournalError {
            // The one object `--json` promises, nothing undone, beside the message and exit status of the error.
            if output.json {
                try Console.json(
                    UndoJSON(
                        result: nil, message: error.description, timeZone: Clock.timeZone, today: try Clock.today()))
            }
            throw error
        }
        guard let result = undone else {
            var message = "Nothing to undo."
            if let journal = try store.openForReading(), let undone = try journal.undoDepthReached() {
                message =
                    "Nothing more to undo: the last \(Wording.count(undone, "change was", "changes were")) undone, "
                    + "and older changes cannot be (undo goes back through the latest "
                    + "\(ChangeLog.depth)). " + (try journal.oldestUndoKind() ?? .log).removeByHand
            }
            if output.json {
                try Console.json(UndoJSON(result: nil, message: message, timeZone: Clock.timeZone, today: today))
            } else {
                Console.err(message)
            }
            return
        }
        let when = Wording.time(DateInput.at(result.madeAt, in: Clock.timeZone).local)
        if result.stopped {
            let message =
                "The latest change, \(result.detail ?? result.kind.words) on \(when), cannot be undone: "
                + "\(result.kind.byHand(detail: result.detail) ?? "change it back by hand"); nothing was undone."
            if output.json {
                try Console.json(UndoJSON(result: result, message: message, timeZone: Clock.timeZone, today: today))
            }
            Console.err(message)
            throw ExitCode(65)
        }
        let message = Describe.undone(result, when: when, now: try Clock.now())
        // What stands is told in the region's words as the undo left them (it may have changed the region).
        let words = (try? store.regionSetting().advice) ?? RegionalAdvice(region: nil)
        do {
            let region = try result.region.map { try Config.regionInForce(stored: $0.stored) }
            if output.json {
                try Console.json(
                    UndoJSON(
                        result: result, message: message, timeZone: Clock.timeZone, today: today, advice: words,
                        region: region))
            } else {
                try Console.out(message)
            }
            if let change = result.region {
                if !output.json {
                    try Console.out(TextTable.wrap(try Config.regionNow(stored: change.stored), width: 80))
                }
                if change.stored != nil, let note = Config.overrideNote() { Console.err(note) }
            }
        } catch var failure as OutputFailure {
            failure.saved = result.putBack.map(Self.savedNote(after:))
            throw failure
        }
        if let standing = result.standing { Describe.printStanding(standing, advice: words) }
        // A read of its own once the undo is saved: in the undo's transaction, where its standing is
        // read, a failure of this read of what came from outside would take the undo back with it.
        try StoredDamage.finishAfterChange(store, saved: result.putBack.map(Self.savedNote(after:)))
    }

    /// ``savedNote`` for the undo of a plan, exercise or setting change: the command that shows what it put back.
    private static func savedNote(after putBack: PutBack) -> String {
        switch putBack {
        case .plan: doneNote(showing: "`journal plan` shows the plan now")
        case .exercise(let id, _?, _): doneNote(showing: "`journal exercises show \(id)` shows it now")
        case .exercise(_, nil, _): doneNote(showing: "`journal exercises` shows your exercises now")
        case .setting(let name, _): doneNote(showing: "`journal config get \(name)` shows it now")
        }
    }

    /// Puts back the journal a `journal restore --force` replaced, checked as a backup is.
    private func undoRestore(_ restore: JournalStore.RestoreChange) throws {
        let now = Date(timeIntervalSince1970: TimeInterval(try Clock.now()))
        let busyTimeout = try StoreOptions.busyTimeout(ProcessInfo.processInfo.environment)
        let undone: UndoResult
        let result: BackupRestoreResult
        do {
            (undone, result) = try SQLiteRestore.undoRestore(
                restore, at: try store.resolvedPath(), busyTimeout: busyTimeout, now: now)
        } catch let error as JournalError {
            // The one object `--json` promises, nothing undone, beside the message and exit status of the error.
            if output.json {
                try Console.json(
                    UndoJSON(
                        result: nil, message: error.description, timeZone: Clock.timeZone, today: try Clock.today()))
            }
            throw error
        }
        Console.changeSaved = true
        // What stands in the journal put back, read right after it is back.
        var undo = undone
        undo.standing = try? store.openForReading()?.standing(today: try Clock.today())
        let words = (try? store.regionSetting().advice) ?? RegionalAdvice(region: nil)
        let when = Wording.time(DateInput.at(undo.madeAt, in: Clock.timeZone).local)
        let records = ImportResult(counting: undo)
        let stored = try store.openForReading()?.storedRegion()
        let message =
            "Undid the restore of \(when): put back the journal it replaced, from \(restore.keptCopy.terminalSafe): "
            + "\(Describe.counted(records)); \(stored.map { "the region \($0.terminalSafe)" } ?? "no region set")."
        let region = try undo.region.map { try Config.regionInForce(stored: $0.stored) }
        if output.json {
            try Console.json(
                UndoJSON(
                    result: undo, message: message, timeZone: Clock.timeZone, today: try Clock.today(), advice: words,
                    region: region))
        } else {
            try Console.out(message)
            if let change = undo.region {
                try Console.out(TextTable.wrap(try Config.regionNow(stored: change.stored), width: 80))
            }
        }
        if let kept = result.keptCopy {
            Console.err("The restored journal it replaced is kept at \(kept.terminalSafe).")
        }
        if let folder = result.leftSyncFolder { Console.err(TextTable.wrap(SyncWords.leftFolder(folder), width: 80)) }
        if let standing = undo.standing { Describe.printStanding(standing, advice: words) }
    }
}
