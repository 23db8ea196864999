import ArgumentParser
import Foundation
import Journal

struct CheckIns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkins",
        abstract: "List, correct or delete check-ins; `journal undo` reverses a change.",
        discussion: """
            Deleting a check-in that recorded a red flag by mistake withdraws its finding, so \
            `journal check` and the reports no longer show it.

            Examples:
              journal checkins --limit 5
              journal checkins edit 3 --pain 4 --note "stiff, eased by lunch"
              journal checkins edit 3 --no-red-flags
              journal checkins delete 3 --yes
            """,
        subcommands: [List.self, Edit.self, Delete.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show check-ins, newest first.")

        @Option(
            help: ArgumentHelp("Show at most this many.", valueName: "n"), transform: Read.limit)
        var limit: Int?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let read = try store.openForScreen()?.checkInsSnapshot(limit: limit, now: try Clock.now())
            let checkIns = read?.value ?? []
            let problems = read?.problems ?? []
            if output.json {
                try Console.json(checkIns.map(CheckInJSON.init))
                try StoredDamage.finish(problems: problems)
                return
            }
            guard !checkIns.isEmpty else {
                Console.err("No check-ins yet. Record one with: journal checkin --pain 3")
                try StoredDamage.finish(problems: problems)
                return
            }
            let when = Wording.clockTimes(in: Clock.timeZone)
            try Console.table(
                header: ["ID", "WHEN", "PAIN", "RED FLAGS", "NOTE"],
                rows: checkIns.map {
                    [
                        String($0.id ?? 0), when($0.localTime), String($0.pain.value),
                        Describe.redFlags($0), ($0.note ?? "").terminalSafe,
                    ]
                })
            try StoredDamage.finish(problems: problems)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Correct a check-in: the values you give replace the recorded ones.",
            usage: """
                journal checkins edit <id> [--pain <0-10>] [--note <text>] [--at <when>]
                                      [--red-flag <id> ...] [--no-red-flags]
                                      [--db <path>] [--json]
                """)

        @Argument(help: "The check-in's id (`journal checkins` shows them).", transform: Read.id)
        var id: Int64

        @Option(help: ArgumentHelp("Your pain then, 0-10.", valueName: "0-10"), transform: Read.pain("pain"))
        var pain: PainLevel?

        @Option(help: ArgumentHelp("The note; - reads it from standard input; \"\" removes it.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("When, as for `journal log --at`.", valueName: "when"))
        var at: String?

        @Option(
            name: .customLong("red-flag"),
            help: ArgumentHelp(
                "The red flags it records, replacing those it had (repeat for several).", valueName: "id"),
            transform: { try RedFlag(parsing: $0) })
        var redFlags: [RedFlag] = []

        @Flag(help: "Remove every red flag it recorded.")
        var noRedFlags = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func validate() throws {
            if noRedFlags && !redFlags.isEmpty { throw ValidationError("Give --red-flag or --no-red-flags, not both.") }
            if pain == nil && note == nil && at == nil && redFlags.isEmpty && !noRedFlags {
                throw ValidationError("Give at least one value to change, such as --pain 3.")
            }
        }

        func run() throws {
            let note = try NoteInput.read(note)
            let flags: [RedFlag]? = noRedFlags ? [] : redFlags.isEmpty ? nil : redFlags
            let now = try Clock.now()
            let today = try Clock.today()
            guard let journal = try store.openForReading() else { throw JournalError.checkInNotFound(id) }
            let words = try store.regionSetting(fallingBack: false).advice
            // What the edit raises that needs nothing stored comes first, so a full disk or a locked
            // journal cannot silence it; only what the edit changed is told as new.
            let advice = try advance(journal, note: note, flags: flags, now: now)
            AdviceFirst.tell(advice, advice: words, today: today)
            let edit = try store.write {
                try $0.editCheckIn(
                    id: id, pain: pain, note: note, time: at, redFlags: flags, now: now, timeZone: Clock.timeZone,
                    today: today)
            }
            let (before, after, corrected) = (edit.before, edit.after, edit.corrected)
            guard edit.changed else {
                let said = "Check-in #\(id) already had what you gave; nothing changed."
                if output.json {
                    try Console.json(
                        CheckInEditJSON(
                            before: CheckInJSON(before), after: CheckInJSON(before), findings: [], changed: false))
                    Console.err(said)
                } else {
                    try Console.out(said)
                }
                return
            }
            let told = Set(advice.map(\.rule))
            let raised = after.findings.filter { after.checkIn.raisedByEdit($0, from: before) }
            for finding in raised where !told.contains(finding.rule) {
                Console.err(Describe.raised(finding, advice: words, today: today))
            }
            if output.json {
                try Console.json(
                    CheckInEditJSON(
                        before: CheckInJSON(before), after: CheckInJSON(after.checkIn),
                        findings: after.findings.map { FindingJSON($0, advice: words) },
                        redFlagsLifted: edit.redFlagsLifted.map { FindingJSON($0, advice: words) },
                        redFlagsBegun: edit.redFlagsBegun.map { FindingJSON($0, advice: words) }))
            } else {
                try Console.out("Before #\(id): \(Describe.summary(before))")
                try Console.out("After  #\(id): \(Describe.summary(after.checkIn))")
                for finding in edit.redFlagsLifted {
                    try Console.out(Describe.lifted(redFlag: finding, by: "the check-in before the edit"))
                }
                for finding in edit.redFlagsBegun { try Console.out(Describe.begun(redFlag: finding, by: "the edit")) }
            }
            if corrected { Console.err(Describe.corrected("Check-in #\(id)")) }
            // What the edit left as it was, and still stands, follows as already known.
            Describe.printStanding(store, today: today, advice: words) {
                !(advice + raised).isEmpty && $0.isAbout(checkIn: id)
            }
            try StoredDamage.finishAfterChange(store)
        }

        /// The findings the edit raises that need nothing stored (red flags added or moved, a very
        /// severe pain newly given), from the check-in as read before the edit; when it cannot be
        /// read, the red flags given.
        private func advance(_ journal: JournalStore, note: String?, flags: [RedFlag]?, now: Int64) throws
            -> [Finding]
        {
            let before: CheckIn
            do {
                before = try journal.checkIns(ids: [id])[0]
            } catch {
                if let error = error as? JournalError, case .checkInNotFound = error { throw error }
                guard let flags, let pain = pain ?? PainLevel(0) else { return [] }
                let given = try CheckIn(
                    pain: pain, redFlags: flags, at: at ?? "now", now: now, timeZone: Clock.timeZone)
                return RedFlagRule.findings(for: given)
            }
            let after = try before.edited(
                pain: pain, note: note, time: at, redFlags: flags, now: now, timeZone: Clock.timeZone)
            return Rules.evaluate(after).filter { after.raisedByEdit($0, from: before) }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete check-ins by id; `journal undo` brings them back.")

        @Argument(help: ArgumentHelp("The ids of the check-ins to delete.", valueName: "ids"))
        var idLists: [IDList]

        private var ids: [Int64] { idLists.flatMap(\.values) }

        @Flag(name: .shortAndLong, help: "Delete without asking.")
        var yes = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let ids = self.ids
            guard let journal = try store.openForReading() else { throw JournalError.checkInNotFound(ids.min() ?? 0) }
            let checkIns = try journal.checkIns(ids: ids)
            let one = checkIns.count == 1
            guard
                try Confirm.ask(
                    "Delete \(one ? "this check-in" : "these \(checkIns.count) check-ins")?",
                    action: "deleting \(one ? "a check-in" : "\(checkIns.count) check-ins")",
                    listing: checkIns.map { "#\($0.id ?? 0) \(Describe.summary($0))" }, yes: yes)
            else {
                Console.err(Wording.nothingDeleted)
                if output.json { try Console.json(DeletedJSON([CheckInJSON](), redFlagsLifted: [])) }
                return
            }
            let now = try Clock.now()
            let deletion = try store.write { try $0.deleteCheckIns(ids: ids, now: now, today: try Clock.today()) }
            let deleted = deletion.records
            let cause = deleted.count == 1 ? "the check-in deleted" : "a check-in deleted"
            if output.json {
                let words = try store.regionSetting(fallingBack: false).advice
                try Console.json(
                    DeletedJSON(
                        deleted.map { CheckInJSON($0) },
                        redFlagsLifted: deletion.redFlagsLifted.map { FindingJSON($0, advice: words) }))
            } else {
                try Console.out(
                    "Deleted \(Wording.count(deleted.count, "check-in", "check-ins")): "
                        + deleted.map { "#\($0.id ?? 0)" }.joined(separator: ", ")
                        + ". " + Wording.undoBringsBack(deleted.count))
                for finding in deletion.redFlagsLifted {
                    try Console.out(Describe.lifted(redFlag: finding, by: cause))
                }
            }
            try StoredDamage.finishAfterChange(store)
        }
    }
}

/// Asks on a terminal before a destructive change; elsewhere `--yes` is required.
enum Confirm {
    /// Whether to go on with `action` ("deleting 2 entries"): `yes`, or the person's answer to
    /// `question` after the items listed; off a terminal without `yes`, a refusal.
    static func ask(_ question: String, action: String, listing items: [String], yes: Bool) throws -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else { throw JournalError.confirmationNeeded(action) }
        for item in items { Console.err("  " + item) }
        Console.err("\(question) [y/N] ", terminator: "")
        let answer = Questions.readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }
}
