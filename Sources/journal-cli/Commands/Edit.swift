import ArgumentParser
import Foundation
import Journal

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct an entry: the values you give replace the recorded ones.",
        discussion: """
            The same checks as `journal log`. Prints the entry before and after, and the safety \
            findings of the corrected entry. `journal undo` puts the old values back. --note "" \
            removes the note.

            Examples:
              journal edit 12 --pain-after 3
              journal edit 12 --at "yesterday 18:00" --note -
            """
    )

    @Argument(help: "The entry's id (`journal list` shows them).")
    var id: Int64

    @Option(help: ArgumentHelp("Pain just before, 0-10.", valueName: "0-10")) var painBefore: String?
    @Option(help: ArgumentHelp("Pain just after, 0-10.", valueName: "0-10")) var painAfter: String?
    @Option(help: ArgumentHelp("Number of sets.", valueName: "n")) var sets: String?
    @Option(help: ArgumentHelp("Repetitions in each set.", valueName: "n")) var reps: String?
    @Option(help: ArgumentHelp("Seconds each hold lasted.", valueName: "seconds")) var hold: String?
    @Option(help: ArgumentHelp("left, right or both.", valueName: "side")) var side: String?
    @Option(help: ArgumentHelp("The note; - reads it from standard input; \"\" removes it.", valueName: "text"))
    var note: String?
    @Option(help: ArgumentHelp("When you did it, as for `journal log --at`.", valueName: "when")) var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func validate() throws {
        if [painBefore, painAfter, sets, reps, hold, side, note, at].allSatisfy({ $0 == nil }) {
            throw ValidationError("Give at least one value to change, such as --pain-after 3.")
        }
    }

    func run() throws {
        let (before, after, findings) = try Console.reportingErrors { () -> (Entry, Entry, [Finding]) in
            let now = Int64(Date().timeIntervalSince1970)
            let journal = try store.openForWriting()
            guard let old = try journal.entry(id: id) else { throw JournalError.entryNotFound(id) }
            let exercise = try journal.catalog().exercise(id: old.exerciseID)
            let newSide = try side.map(Side.init(parsing:)) ?? old.side
            if side != nil, exercise?.perSide == false {
                throw JournalError.sideNotApplicable(exercise: old.exerciseID)
            }
            let time = try at.map { try DateInput.parse($0, now: now, timeZone: .current) }
            let edited = try Entry(
                id: old.id, exerciseID: old.exerciseID,
                performedAt: time?.unixSeconds ?? old.performedAt, utcOffset: time?.utcOffset ?? old.utcOffset,
                sets: sets.map { try Entry.parseNumber($0, field: "sets", range: Entry.Limits.sets) } ?? old.sets,
                reps: try reps.map { try Entry.parseNumber($0, field: "reps", range: Entry.Limits.reps) } ?? old.reps,
                holdSeconds: try hold.map {
                    try Entry.parseNumber($0, field: "hold (seconds)", range: Entry.Limits.holdSeconds)
                }
                    ?? old.holdSeconds,
                side: newSide,
                painBefore: try painBefore.map { try PainLevel(parsing: $0, field: "pain before") } ?? old.painBefore,
                painAfter: try painAfter.map { try PainLevel(parsing: $0, field: "pain after") } ?? old.painAfter,
                note: note == nil ? old.note : NoteInput.read(note), createdAt: old.createdAt)
            let before = try journal.replace(edited, now: now)
            return (before, edited, Rules.evaluate(edited))
        }
        for finding in findings { Console.err(Describe.finding(finding, style: .stderr)) }
        if output.json {
            try Console.json(
                EditJSON(before: EntryJSON(before), after: EntryJSON(after), findings: findings.map(FindingJSON.init)))
        } else {
            Console.out("Before #\(id): \(Describe.summary(before))")
            Console.out("After  #\(id): \(Describe.summary(after))")
        }
    }
}

struct EditJSON: Encodable {
    let before: EntryJSON
    let after: EntryJSON
    let findings: [FindingJSON]
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

    @Argument(help: "The ids of the entries to delete.")
    var ids: [Int64]

    @Flag(name: .shortAndLong, help: "Delete without asking.")
    var yes = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let deleted = try Console.reportingErrors { () -> [Entry] in
            let journal = try store.openForWriting()
            let entries = try ids.map { id in
                guard let entry = try journal.entry(id: id) else { throw JournalError.entryNotFound(id) }
                return entry
            }
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw JournalError.confirmationNeeded(
                        "deleting \(entries.count == 1 ? "an entry" : "\(entries.count) entries")")
                }
                for entry in entries { Console.err("  #\(entry.id ?? 0) \(Describe.summary(entry))") }
                FileHandle.standardError.write(
                    Data("Delete \(entries.count == 1 ? "this entry" : "these \(entries.count) entries")? [y/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                guard answer == "y" || answer == "yes" else {
                    Console.err("Nothing was deleted.")
                    return []
                }
            }
            return try journal.delete(ids: ids, now: Int64(Date().timeIntervalSince1970))
        }
        if !deleted.isEmpty {
            Console.out(
                "Deleted \(deleted.count) \(deleted.count == 1 ? "entry" : "entries"): \(deleted.map { "#\($0.id ?? 0)" }.joined(separator: ", ")). `journal undo` brings \(deleted.count == 1 ? "it" : "them") back."
            )
        }
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Reverse the latest delete, edit or import (repeat to go further back, up to 10).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try Console.reportingErrors { () -> UndoResult? in
            guard try store.openForReading() != nil else { return nil }
            return try store.openForWriting().undo()
        }
        guard let result else {
            Console.err("Nothing to undo.")
            return
        }
        let when = Describe.time(DateInput.at(result.madeAt, in: .current).local)
        var parts: [String] = []
        if result.restored > 0 {
            parts.append("put back \(result.restored) \(result.restored == 1 ? "entry" : "entries")")
        }
        if result.removed > 0 {
            parts.append("removed \(result.removed) imported \(result.removed == 1 ? "entry" : "entries")")
        }
        Console.out(
            "Undid the \(result.kind) of \(when): \(parts.isEmpty ? "nothing to change" : parts.joined(separator: ", "))."
        )
    }
}
