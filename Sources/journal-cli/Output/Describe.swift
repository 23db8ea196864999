import Journal

/// Short texts for people, shared by the commands.
enum Describe {
    /// A whole journal's records counted, as `journal import` of a full export names what it
    /// restored and `journal undo` what it put back of a restore: "2 entries, 1 check-in, 0 reviews,
    /// 1 exercise of your own, 2 plan items and 1 PSFS activity with 1 rating", then
    /// "; 1 record that a doctor saw the red flags" when there are any.
    static func counted(_ records: ImportResult) -> String {
        "\(Wording.count(records.added, "entry", "entries")), "
            + "\(Wording.count(records.checkIns, "check-in", "check-ins")), "
            + "\(Wording.count(records.reviews, "review", "reviews")), "
            + "\(Wording.count(records.exercises, "exercise", "exercises")) of your own, "
            + "\(Wording.count(records.planItems, "plan item", "plan items")) and "
            + "\(Wording.count(records.activities, "PSFS activity", "PSFS activities")) with "
            + "\(Wording.count(records.ratings, "rating", "ratings"))"
            + (records.redFlagReviews == 0
                ? ""
                : "; \(Wording.count(records.redFlagReviews, "record", "records")) that a doctor saw the red flags")
    }

    /// "glute-bridge, 3 × 10 reps, pain 4 → 3, 2026-11-20 07:30 (UTC+00:00), note: …".
    static func summary(_ entry: Entry) -> String {
        "\(entry.exerciseID), \(values(entry))"
    }

    /// An entry's values after its exercise, enough to log it again: "3 × 10 reps, pain 4 → 3,
    /// 2026-11-20 07:30 (UTC+00:00), note: …"; `time` words its time (by default with its offset).
    static func values(_ entry: Entry, time: (LocalDateTime) -> String = Wording.time) -> String {
        "\(Wording.dose(entry)), pain \(pain(entry)), \(time(entry.localTime))"
            + (entry.note.map { ", note: \($0.terminalSafe)" } ?? "")
    }

    /// "pain 3, red flags: fever, 2026-11-20 07:15 (UTC+00:00), note: …"; `time` words its time
    /// (by default with its offset).
    static func summary(_ checkIn: CheckIn, time: (LocalDateTime) -> String = Wording.time) -> String {
        "pain \(checkIn.pain.value)"
            + (checkIn.redFlags.isEmpty && checkIn.unknownRedFlags.isEmpty ? "" : ", red flags: " + redFlags(checkIn))
            + ", \(time(checkIn.localTime))" + (checkIn.note.map { ", note: \($0.terminalSafe)" } ?? "")
    }

    /// "fever, bogus (unknown)": the check-in's red flags by id, then those journal does not know,
    /// put in from outside, by their stored id made safe for a terminal.
    static func redFlags(_ checkIn: CheckIn) -> String {
        (checkIn.redFlags.map(\.rawValue) + checkIn.unknownRedFlags.map { "\($0.terminalSafe) (unknown)" })
            .joined(separator: ", ")
    }

    /// How an exercise is done: "one side at a time" or "both sides together".
    static func sides(_ exercise: Exercise) -> String {
        exercise.perSide ? "one side at a time" : "both sides together"
    }

    /// What `journal exercises edit` changed, one part each, in the order of its options:
    /// "name Knee hug (was Knee to chest)", "how-to changed", "one side at a time (was both sides together)",
    /// "measured in seconds held (was in repetitions)".
    static func changes(from before: Exercise, to after: Exercise) -> [String] {
        var changes: [String] = []
        if before.name != after.name {
            changes.append("name \(after.name.terminalSafe) (was \(before.name.terminalSafe))")
        }
        switch (before.givenHowTo, after.givenHowTo) {
        case (nil, _?): changes.append("how-to added")
        case (_?, nil): changes.append("how-to removed")
        case (let was?, let now?) where was != now: changes.append("how-to changed")
        default: break
        }
        if before.perSide != after.perSide { changes.append("\(sides(after)) (was \(sides(before)))") }
        if before.measure != after.measure {
            changes.append(
                "measured \(Wording.measure(after.measure)) (was \(Wording.measure(before.measure)))")
        }
        return changes
    }

    /// "4 → 3".
    static func pain(_ entry: Entry) -> String { "\(entry.painBefore.value) → \(entry.painAfter.value)" }

    /// Prints on standard error, one line each, what `journal log` notes about a saved entry
    /// (``LogNotice``): likely slips, which `journal undo` reverses.
    static func printNotices(of logged: LoggedEntry, now: Int64) {
        let entry = logged.entry
        for notice in logged.notices {
            switch notice {
            case .doseAbovePlan(let dose, let planned, let plan):
                // The dose without its side: the side is not part of the sum.
                let logged = Wording.dose(sets: entry.sets, reps: entry.reps, holdSeconds: entry.holdSeconds, side: nil)
                let holds = LogNotice.comparesHold(entry, plan)
                let unit = holds ? "s hold" : entry.reps != nil && plan.reps != nil ? "reps" : nil
                let sum = unit.map { "\(logged) is \(dose) \($0) in all, more" } ?? "\(logged) is more"
                // Seconds held carry their unit ("90 s"); reps and sets read as the plan's dose beside them.
                Console.err(
                    "Note: \(sum) than \(LogNotice.doseFactor) times the plan's "
                        + "\(planned)\(holds ? " s" : "") (\(Wording.dose(plan))); "
                        + Wording.undoRemovesSlip)
            case .doseUnitDiffers(let plan):
                let logged = Wording.dose(sets: entry.sets, reps: entry.reps, holdSeconds: entry.holdSeconds, side: nil)
                let planned = Wording.dose(plan)
                Console.err(
                    "Note: \(logged) is in another unit from the plan's \(planned), so it was not compared with it; "
                        + Wording.undoRemovesSlip)
            case .doseInOtherMeasure(let exercise):
                if let said = Wording.entryDoseInOtherMeasure(exercise, entry: entry) {
                    Console.err("Note: \(said); " + Wording.undoRemovesSlip)
                }
            case .duplicate(let id, let loggedAt):
                Console.err(
                    "Note: the same as #\(id), logged \(Wording.ago(loggedAt, now: now, timeZone: Clock.timeZone)); "
                        + "if it was logged twice, `journal undo` removes this one.")
            }
        }
    }

    /// Says that an edit replaced a value journal never writes, put into the file from outside
    /// (``Journal/StoredValueProblem``): "Before" showed it as screens read it, not as it was stored.
    static func corrected(_ record: String) -> String {
        "\(record) held a value journal never writes, put in from outside (\"Before\" shows it as screens "
            + "read it); it now holds what \"After\" shows, and `journal undo` puts back that reading."
    }

    /// Prints on standard error what the rules found in a saved entry: first the hold that stood
    /// before it, in one line; then, given `now`, the notes on likely slips (``printNotices(of:now:)``),
    /// so that a duplicate is explained before the rise it caused; then one block for the session
    /// (leaving out the rules in `told`, printed before it was saved: ``printAdvance(of:advice:)``);
    /// then how to lift a hold it began.
    static func printFindings(
        of logged: LoggedEntry, advice: RegionalAdvice, told: Set<String> = [], notingSlipsAt now: Int64? = nil
    ) {
        let style = Style.stderr
        if let hold = logged.holdBefore { Console.err(holdLine(hold, style: style)) }
        if let now { printNotices(of: logged, now: now) }
        guard !logged.findings.isEmpty else { return }
        let untold = logged.findings.filter { !told.contains($0.rule) }
        if !untold.isEmpty { Console.err(session(logged.entry, findings: untold, advice: advice, style: style)) }
        if let hold = logged.hold, hold.since.entryID == logged.entry.id {
            Console.err(
                TextTable.wrap(
                    "\(onHold(hold, movedFrom: logged.holdMovedEarlier)) Once a physiotherapist has seen you, "
                        + "record it with: journal resume \(hold.exerciseID)", width: 79))
        }
    }

    /// That the entry `hold` dates from put its exercise on hold: "glute-bridge is now on hold.";
    /// when it already was, since a later session (`earlier`, a `log --at` an earlier time), that
    /// the hold now dates from this entry: "glute-bridge was already on hold, since 2026-12-07
    /// 10:00 (#1); the hold now dates from this earlier session, 2026-12-06 19:00 (#2).".
    static func onHold(_ hold: Hold, movedFrom earlier: Hold?) -> String {
        guard let earlier else { return "\(hold.exerciseID) is now on hold." }
        return "\(hold.exerciseID) was already on hold, since \(earlier.since.localTime.shortText) "
            + "(#\(earlier.session.id ?? 0)); the hold now dates from this earlier session, "
            + "\(hold.since.localTime.shortText) (#\(hold.session.id ?? 0))."
    }

    /// Prints the findings `entry` raises alone (more-pain, high-pain) before it is saved.
    ///
    /// They need nothing stored, so a full disk or a locked journal cannot silence them. Returns
    /// their rules, for ``printFindings(of:told:)`` not to tell them twice.
    static func printAdvance(of entry: Entry?, advice: RegionalAdvice) -> Set<String> {
        guard let entry else { return [] }
        let findings = Rules.evaluate(entry)
        if !findings.isEmpty { Console.err(session(entry, findings: findings, advice: advice, style: .stderr)) }
        return Set(findings.map(\.rule))
    }

    /// One line naming a hold: since when, why, and the command that lifts it.
    static func holdLine(_ hold: Hold, style: Style) -> String {
        let text =
            "\(hold.exerciseID) is on hold since \(hold.since.localTime.shortText) (\(hold.since.rule), "
            + "#\(hold.session.id ?? 0)): see a physiotherapist, then run `journal resume \(hold.exerciseID)`."
        return TextTable.lines(TextTable.wrap(text, width: 71)).enumerated()
            .map { $0.offset == 0 ? "\(style.red("ON HOLD")) \($0.element)" : "        \($0.element)" }
            .joined(separator: "\n")
    }

    /// One block for the findings of one session: the session (exercise, time, pain before →
    /// after), each rule's reason, and one recommendation, the most pressing.
    ///
    /// A single finding is shown as a finding alone, unless `named`: then the session heads it too.
    static func session(
        _ entry: Entry, findings: [Finding], advice: RegionalAdvice, style: Style, named: Bool = false
    ) -> String {
        guard let first = findings.first else { return "" }
        guard findings.count > 1 || named else { return finding(first, advice: advice, style: style) }
        let label = first.severity.description.uppercased()
        let indent = String(repeating: " ", count: label.count + 1)
        func wrapped(_ text: String, prefix: String = "") -> [String] {
            TextTable.lines(TextTable.wrap(text, width: 79 - indent.count - prefix.count)).enumerated()
                .map { indent + ($0.offset == 0 ? prefix : String(repeating: " ", count: prefix.count)) + $0.element }
        }
        // The session's heading within 80 columns, however long the exercise's id.
        let heading = TextTable.lines(
            TextTable.wrap(
                "\(entry.exerciseID), \(Wording.time(entry.localTime)), pain \(pain(entry))\(entry.id.map { " (#\($0))" } ?? "")",
                width: 79 - indent.count)
        )
        .enumerated().map { ($0.offset == 0 ? "\(style.red(label)) " : indent) + style.bold(String($0.element)) }
        return
            (heading + findings.flatMap { wrapped($0.message, prefix: "- ") } + wrapped(first.recommendation(advice)))
            .joined(separator: "\n")
    }

    /// A finding for the terminal: a severity label, what happened and what to do.
    ///
    /// A red flag is set apart in a banner unlike any other finding: an urgent one (emergency care
    /// now) between rows of `!`, a see-doctor one (a doctor today) between rows of `=`, a see-GP one
    /// between rows of `-`; the headings and the recommendation are in the words of `advice`'s
    /// region (``Advice/banner(for:recordedToday:advice:)``), "today" only for something recorded `today`.
    ///
    /// With `dated` (`journal check`, which lists findings of several days) the finding's date
    /// and subject come first; a red flag's also says that no doctor has seen it yet.
    static func finding(
        _ finding: Finding, advice: RegionalAdvice, style: Style, dated: Bool = false, today: LocalDate? = nil
    ) -> String {
        let recordedToday = today.map { finding.localTime.date == $0 } ?? true
        var when = "Recorded \(finding.localTime.shortText) (\(finding.subject))."
        if finding.rule == RedFlagRule.id {
            when =
                "Recorded \(finding.localTime.shortText), not yet seen by a doctor: once one has, run "
                + "`\(Advice.resumeRedFlags)`."
        }
        if let title = Advice.banner(for: finding.severity, recordedToday: recordedToday, advice: advice),
            finding.rule == RedFlagRule.id || finding.severity > .stop
        {
            let mark: Character =
                switch finding.severity {
                case .urgent: "!"
                case .seeDoctor: "="
                default: "-"
                }
            return banner(
                finding, advice: advice, mark: mark, title: title,
                style: finding.severity == .urgent ? style.red : style.bold,
                when: dated ? when : nil)
        }
        let label =
            Advice.label(for: finding.severity, recordedToday: true, advice: advice)
            ?? finding.severity.description.uppercased()
        let indent = String(repeating: " ", count: label.count + 1)
        // Dated: when and of what on lines of their own, within 80 columns however long the exercise's id.
        let dateLine =
            dated
            ? TextTable.lines(
                TextTable.wrap("\(finding.localTime.shortText), \(finding.subject)", width: 79 - indent.count)
            )
            .enumerated().map { ($0.offset == 0 ? "\(style.red(label)) " : indent) + style.bold(String($0.element)) }
            : []
        let message = TextTable.lines(TextTable.wrap(finding.message, width: 79 - indent.count))
            .enumerated()
            .map {
                $0.offset == 0 && !dated
                    ? "\(style.red(label)) \(style.bold(String($0.element)))" : indent + style.bold(String($0.element))
            }
        let recommendation = TextTable.lines(TextTable.wrap(finding.recommendation(advice), width: 79 - indent.count))
            .map { indent + $0 }
        return (dateLine + message + recommendation).joined(separator: "\n")
    }

    /// A finding just raised, for standard error: headed "today" only when it happened `today`,
    /// and dated as `journal check` dates it when it did not.
    static func raised(_ finding: Finding, advice: RegionalAdvice, today: LocalDate) -> String {
        Self.finding(finding, advice: advice, style: .stderr, dated: finding.localTime.date != today, today: today)
    }

    /// A finding between two rows of `mark`, each line starting with two marks: the title, what
    /// happened and what to do.
    private static func banner(
        _ finding: Finding, advice: RegionalAdvice, mark: Character, title: String, style: (String) -> String,
        when: String?
    ) -> String {
        let rule = String(repeating: mark, count: 78)
        let prefix = String(repeating: mark, count: 2) + " "
        let body = ([title] + (when.map { [$0] } ?? []) + [finding.message, finding.recommendation(advice)])
            .flatMap { TextTable.lines(TextTable.wrap($0, width: 75)) }
            .map { prefix + $0 }
        return ([rule] + body + [rule]).map(style).joined(separator: "\n")
    }
}

extension Describe {
    /// The PSFS table and the average, as lines of at most 80 columns.
    static func psfs(_ summary: PSFSSummary) -> [String] {
        func rated(_ rating: PSFSRating?) -> String {
            rating.map { "\($0.score.value) (\($0.localTime.date))" } ?? "-"
        }
        // Whether a `*` is shown anywhere, for the legend.
        var marked = summary.activities.contains(where: \.detectable)
        let rows = summary.activities.map { item -> [String] in
            let name = item.activity.activity.terminalSafe + (item.activity.isActive ? "" : " (retired)")
            let change = item.change.map { ($0 > 0 ? "+" : "") + String($0) + (item.detectable ? " *" : "") } ?? "-"
            return [
                String(item.activity.id ?? 0), TextTable.truncate(name, to: 28), rated(item.baseline),
                rated(item.latest),
                change,
            ]
        }
        var lines = TextTable.render(
            header: ["ID", "ACTIVITY", "BASELINE", "LATEST", "CHANGE"], rows: rows, alignRight: [0]
        ).split(separator: "\n").map(String.init)
        // Each activity with more than the table shows: every rating, a note, or a name the table cuts,
        // under a heading with its full name, wrapped.
        for item in summary.activities
        where item.ratings.count > 1 || item.ratings.contains(where: { $0.note != nil })
            || TextTable.displayWidth(item.activity.activity.terminalSafe) > 28
        {
            let heading = "#\(item.activity.id ?? 0) \(item.activity.activity.terminalSafe)"
            lines += [""] + TextTable.lines(TextTable.wrap(heading, width: 80)).map(String.init)
            // A change of at least the measure's error, from the previous rating or from the baseline, is marked.
            let signed = { (change: Int?) in
                change.map {
                    ($0 > 0 ? "+" : "") + String($0) + (abs($0) >= PSFSSummary.activityDetectableChange ? " *" : "")
                } ?? "-"
            }
            marked =
                marked
                || (item.changesFromPrevious + item.changesFromBaseline).contains {
                    $0.map { abs($0) >= PSFSSummary.activityDetectableChange } == true
                }
            // Right-aligned: an unmarked change leaves room for a mark, so the figures line up.
            let previousMarked = item.changesFromPrevious.contains {
                $0.map { abs($0) >= PSFSSummary.activityDetectableChange } == true
            }
            let history = zip(item.ratings, zip(item.changesFromPrevious, item.changesFromBaseline)).map {
                (rating: PSFSRating, changes: (Int?, Int?)) -> [String] in
                let (previous, baseline) = changes
                let previousText = signed(previous)
                return [
                    "  " + rating.localTime.date.iso8601, String(rating.score.value),
                    previousText + (previousMarked && !previousText.hasSuffix("*") ? "  " : ""),
                    signed(baseline),
                ]
            }
            let table = TextTable.render(
                header: ["  RATED", "SCORE", "FROM PREVIOUS", "FROM BASELINE"], rows: history, alignRight: [1, 2]
            ).split(separator: "\n").map(String.init)
            lines.append(table[0])
            // Each rating's note, on one line under it.
            for (row, rating) in zip(table.dropFirst(), item.ratings) {
                lines.append(row)
                if let note = rating.note {
                    lines.append(TextTable.truncate("    note: " + note.terminalSafe, to: 80))
                }
            }
        }
        if let average = ReportPSFS.average(summary) {
            lines += ["", TextTable.wrap(average, width: 80)]
        }
        if marked {
            lines.append(ReportPSFS.detectableMark)
        }
        return lines
    }
}

extension Describe {
    /// `journal check`'s blocks: each item that stands (``Standing/items``), most severe first,
    /// each with its date.
    static func standing(_ standing: Standing, advice: RegionalAdvice, style: Style) -> [String] {
        Describe.standing(standing.items, on: standing.date, advice: advice, style: style)
    }

    /// The blocks of `items`, as `journal check` prints them on `date`.
    static func standing(_ items: [Standing.Item], on date: LocalDate, advice: RegionalAdvice, style: Style)
        -> [String]
    {
        items.map { item in
            switch item {
            case .finding(let finding):
                Describe.finding(finding, advice: advice, style: style, dated: true, today: date)
            case .hold(let hold):
                holdLine(hold, style: style) + "\n"
                    + session(hold.session, findings: hold.reasons, advice: advice, style: style, named: true)
            case .session(let entry, let findings):
                session(entry, findings: findings, advice: advice, style: style, named: true)
            }
        }
    }

    /// One short line per item that stands and that `skipping` does not leave out, each marked as
    /// already known ("Still on hold since …", "Still standing, recorded …"): what `today`,
    /// `session`, `log` and `checkin` print after their own output, never as a new alarm.
    static func standingLines(
        _ standing: Standing, advice: RegionalAdvice, skipping: (Standing.Item) -> Bool = { _ in false }
    ) -> [String] {
        standing.items.filter { !skipping($0) }.flatMap { item -> [String] in
            let text: String
            switch item {
            case .finding(let finding) where finding.rule == RedFlagRule.id:
                text =
                    "Still standing, \(Advice.notYetSeen(recorded: finding.localTime.date)): \(finding.message) "
                    + "\(finding.recommendation(advice)) Once a doctor has seen you: \(Advice.resumeRedFlags)."
            case .finding(let finding):
                text =
                    "Still standing since \(finding.localTime.date) (\(finding.subject), \(finding.rule)): "
                    + "\(finding.message) \(finding.recommendation(advice))"
            case .hold(let hold):
                text =
                    "Still on hold since \(hold.since.localTime.date): \(hold.exerciseID) (\(hold.since.rule), "
                    + "#\(hold.session.id ?? 0)); \(Wording.seePhysiotherapistThenResume(hold.exerciseID))."
            case .session(let entry, let findings):
                text =
                    "Still standing since \(entry.localTime.date): \(entry.exerciseID), pain \(pain(entry)) "
                    + "(#\(entry.id ?? 0), \(findings.map(\.rule).joined(separator: ", ")))."
            }
            // Each line after the first indented, within 80 columns with its indent.
            return TextTable.lines(TextTable.wrap(text, width: 80, indent: 2)).map(String.init)
        }
    }

    /// Prints on standard error the short lines of what stands on `today` (``standingLines(_:advice:skipping:)``).
    ///
    /// What stands is read after the command's own work; a journal that cannot be read here says
    /// nothing more, since the command itself has succeeded.
    static func printStanding(
        _ store: StoreOptions, today: LocalDate, advice: RegionalAdvice,
        skipping: (Standing.Item) -> Bool = { _ in false }
    ) {
        guard let standing = try? store.openForReading()?.standing(today: today) else { return }
        printStanding(standing, advice: advice, skipping: skipping)
    }

    /// Prints on standard error the short lines of `standing` (``standingLines(_:advice:skipping:)``).
    static func printStanding(
        _ standing: Standing, advice: RegionalAdvice, skipping: (Standing.Item) -> Bool = { _ in false }
    ) {
        let lines = standingLines(standing, advice: advice, skipping: skipping)
        guard !lines.isEmpty else { return }
        Console.err("")
        for line in lines { Console.err(line) }
    }
}

extension Standing.Item {
    /// Whether this is a finding on the check-in `id`.
    func isAbout(checkIn id: Int64?) -> Bool {
        if case .finding(let finding) = self { return finding.checkInID != nil && finding.checkInID == id }
        return false
    }

    /// Whether this is about `exercise`: its hold, a session of it, a finding on it.
    func isAbout(exercise: String) -> Bool {
        switch self {
        case .finding(let finding): finding.exerciseID == exercise
        case .hold(let hold): hold.exerciseID == exercise
        case .session(let entry, _): entry.exerciseID == exercise
        }
    }
}
