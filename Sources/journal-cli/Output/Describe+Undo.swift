import Journal

/// What `journal undo` says it reversed, naming the records in the words the other commands use.
extension Describe {
    /// The most records named one per line; more are named up to one fewer, then "and N more".
    static let undoneListed = 5

    /// What undo says it reversed: "Put back #1 glute-bridge, logged 2026-11-20 18:00 (deleted 2 minutes ago).".
    ///
    /// `when` is the change's time in words, for the changes named by their time (an import);
    /// `now` reads how long ago the change was made.
    ///
    /// The red flags and holds the undo lifted or began follow, one sentence each, in the words
    /// `checkins delete`, `checkins edit` and `delete` use: "The red flag of check-in #1 at
    /// 2026-11-20 18:00 is lifted: the change undone had it. …".
    static func undone(_ result: UndoResult, when: String, now: Int64) -> String {
        ([reversed(result, when: when, now: now)]
            + result.redFlagsLifted.map { lifted(redFlag: $0, by: "the change undone") }
            + result.redFlagsBegun.map { begun(redFlag: $0, by: "the undo") }
            + result.holdsLifted.map { lifted($0, by: "the change undone") })
            .joined(separator: "\n")
    }

    /// What a change lifted: "The hold on bird-dog since 2026-11-20 18:00 (pain-rise) is lifted: the
    /// change undone had begun it.", `cause` naming the change (`undo`, `delete`, `edit` say it).
    static func lifted(_ hold: Hold, by cause: String) -> String {
        "The hold on \(hold.exerciseID) since \(Wording.clockTime(hold.since.localTime, in: Clock.timeZone)) (\(hold.since.rule)) is lifted: "
            + "\(cause) had begun it."
    }

    /// What a change began: "The hold on bird-dog since 2026-10-21 18:30 (high-pain) begins now: the
    /// edit began it; see a physiotherapist, then `journal resume bird-dog`.".
    static func begun(_ hold: Hold, by cause: String) -> String {
        "The hold on \(hold.exerciseID) since \(Wording.clockTime(hold.since.localTime, in: Clock.timeZone)) (\(hold.since.rule)) begins now: "
            + "\(cause) began it; \(Wording.seePhysiotherapistThenResume(hold.exerciseID))."
    }

    /// What a deletion lifted, a red flag no doctor had seen.
    ///
    /// "The red flag of check-in #1 at 2026-11-20 18:00 is lifted: the check-in deleted had it.
    /// You recorded numbness or tingling around the genitals or buttocks."
    static func lifted(redFlag finding: Finding, by cause: String) -> String {
        "The red flag of check-in #\(finding.checkInID ?? 0) at \(Wording.clockTime(finding.localTime, in: Clock.timeZone)) "
            + "is lifted: \(cause) had it. \(finding.message)"
    }

    /// What an edit began, a red flag no doctor had seen.
    ///
    /// "The red flag of check-in #1 at 2026-11-20 18:00 begins now: the edit began it; it stands
    /// until a doctor has seen you, then record that with: journal resume --red-flags"
    static func begun(redFlag finding: Finding, by cause: String) -> String {
        "The red flag of check-in #\(finding.checkInID ?? 0) at \(Wording.clockTime(finding.localTime, in: Clock.timeZone)) "
            + "begins now: \(cause) began it; it stands until a doctor has seen you, then record that with: "
            + Advice.resumeRedFlags
    }

    /// The records the undo reversed, in words.
    private static func reversed(_ result: UndoResult, when: String, now: Int64) -> String {
        let ago = Wording.ago(result.madeAt, now: now, timeZone: Clock.timeZone)
        if let putBack = result.putBack {
            var changed: [String] = []
            if let edited = result.replacedExercise, let exercise = result.putBackExercise {
                changed = changes(from: edited, to: exercise)
            }
            if let order = result.planOrder {
                changed.append("order \(order.place) (the change had \(order.replacedPlace))")
            }
            if result.kind == .exercise, !result.reviewIDs.isEmpty {
                changed.append(
                    "with its "
                        + (result.reviewIDs.count == 1
                            ? "physiotherapist's review"
                            : "\(result.reviewIDs.count) physiotherapist's reviews"))
            }
            let (head, doses) = describe(putBack, replacing: result.replacedPlanItem)
            let undid = "\(head) (undid \(result.detail ?? result.kind.words), \(ago))"
            guard !doses.isEmpty else { return undid + changedBack(changed) }
            // Several doses put back: one line each, in the words `plan set` names a replaced one with.
            return ([undid + (changed.isEmpty ? ":" : ": \(changed.joined(separator: "; ")); its doses:")] + doses)
                .joined(separator: "\n")
        }
        // What was removed, in the words `edit` and `delete` use, so that a mistaken undo can be typed again.
        let clock = { (local: LocalDateTime) in "at " + Wording.clockTime(local, in: Clock.timeZone) }
        if let entry = result.loggedEntry {
            return "Removed #\(entry.id ?? 0) \(entry.exerciseID) (\(values(entry, time: clock))), logged \(ago)."
        }
        if let checkIn = result.loggedCheckIn {
            return "Removed check-in #\(checkIn.id ?? 0) (\(summary(checkIn, time: clock))), recorded \(ago)."
        }
        switch result.kind {
        case .delete where !result.putBackEntries.isEmpty:
            return listed(
                "Put back", result.putBackEntries.map(named), noun: ("entry", "entries"), after: "(deleted \(ago))")
        case .edit where !result.putBackEntries.isEmpty:
            return result.putBackEntries.map { entry in
                let edited = result.replacedEntries.first { $0.id == entry.id }
                return "#\(entry.id ?? 0) \(entry.exerciseID) is as it was before you edited it \(ago)"
                    + changedBack(edited.map { changes(from: $0, to: entry) } ?? [])
            }.joined(separator: "\n")
        case .checkInDelete where !result.putBackCheckIns.isEmpty:
            return listed(
                "Put back", result.putBackCheckIns.map(named), noun: ("check-in", "check-ins"),
                after: "(deleted \(ago))", pinned: result.putBackCheckIns.map { !$0.redFlags.isEmpty })
                + result.putBackCheckIns.map { notPutBack(result, $0).map { "\n" + sentence($0) } ?? "" }.joined()
        case .checkInEdit where !result.putBackCheckIns.isEmpty:
            return result.putBackCheckIns.map { checkIn in
                let edited = result.replacedCheckIns.first { $0.id == checkIn.id }
                let named =
                    "Check-in #\(checkIn.id ?? 0) (pain \(checkIn.pain.value), \(Wording.clockTime(checkIn.localTime, in: Clock.timeZone)))"
                guard let dropped = notPutBack(result, checkIn) else {
                    return "\(named) is as it was before you edited it \(ago)"
                        + changedBack(edited.map { changes(from: $0, to: checkIn) } ?? [])
                }
                let known =
                    checkIn.redFlags.isEmpty
                    ? "no red flag" : "red flags: " + checkIn.redFlags.map(\.rawValue).joined(separator: ", ")
                return "\(named) is back as before you edited it \(ago), with \(known)"
                    + changedBack(edited.map { changes(from: $0, to: checkIn) } ?? []) + " \(sentence(dropped))"
            }.joined(separator: "\n")
        case .resume where !result.reviewedExerciseIDs.isEmpty:
            return result.reviewedExerciseIDs.map { id in
                let review = "Took back the physiotherapist's review of \(id), recorded \(ago)"
                guard let hold = result.holdsAgain.first(where: { $0.exerciseID == id }) else {
                    return "\(review); \(id) is not on hold."
                }
                return
                    "\(review): the hold since \(Wording.clockTime(hold.since.localTime, in: Clock.timeZone)) (\(hold.since.rule)) stands again."
            }.joined(separator: "\n")
        case .resume where !result.redFlagReviewIDs.isEmpty:
            return "Took back the record that a doctor has seen the red flags, made \(ago): they stand again."
        case .psfsAdd where !result.psfsActivities.isEmpty:
            return listed(
                "Removed", result.psfsActivities.map(named), noun: ("PSFS activity", "PSFS activities"),
                after: "(added \(ago))")
        case .psfsRemove where !result.psfsActivities.isEmpty:
            return listed(
                "Put back", result.psfsActivities.map(named), noun: ("PSFS activity", "PSFS activities"),
                after: "(retired \(ago)); it is rated again")
        case .psfsRate where !result.psfsRatings.isEmpty:
            return listed(
                "Removed",
                result.psfsRatings.map { rating in
                    "the rating \(rating.score.value) at \(Wording.clockTime(rating.localTime, in: Clock.timeZone)) of PSFS activity "
                        + "#\(rating.activityID): \((result.psfsRatedActivities[rating.activityID] ?? "").terminalSafe)"
                }, noun: ("PSFS rating", "PSFS ratings"), after: "(recorded \(ago))")
        default:
            return "Undid the \(result.kind.words) of \(when): \(counted(result))."
        }
    }

    /// "#1 glute-bridge at 2026-11-20 18:00": the entry's own time ("logged …" says when it was recorded).
    private static func named(_ entry: Entry) -> String {
        "#\(entry.id ?? 0) \(entry.exerciseID) at \(Wording.clockTime(entry.localTime, in: Clock.timeZone))"
    }

    /// "check-in #1 (pain 4) at 2026-11-20 18:00", then "with red flags fever" when it has any: its own
    /// time ("recorded …" says when it was recorded).
    private static func named(_ checkIn: CheckIn) -> String {
        "check-in #\(checkIn.id ?? 0) (pain \(checkIn.pain.value)) at \(Wording.clockTime(checkIn.localTime, in: Clock.timeZone))"
            + (checkIn.redFlags.isEmpty
                ? "" : " with red flags " + checkIn.redFlags.map(\.rawValue).joined(separator: ", "))
    }

    /// "PSFS activity #1: putting on socks", as `journal psfs remove` names it.
    private static func named(_ activity: PSFSActivity) -> String {
        "PSFS activity #\(activity.id ?? 0): \(activity.activity.terminalSafe)"
    }

    /// One record on one line ("Put back #1 …, logged … (deleted 2 minutes ago)."), or their count
    /// and then one line each, the first few of many and "and N more".
    ///
    /// A record `pinned` marks (a check-in with red flags) is listed always, never counted in "and N more".
    private static func listed(
        _ verb: String, _ items: [String], noun: (String, String), after: String, pinned: [Bool] = []
    ) -> String {
        if items.count == 1 { return "\(verb) \(items[0]) \(after)." }
        let shown =
            items.count <= undoneListed
            ? items
            : items.enumerated().filter {
                $0.offset < undoneListed - 1 || pinned.indices.contains($0.offset) && pinned[$0.offset]
            }
            .map(\.element)
        var lines = ["\(verb) \(Wording.count(items.count, noun.0, noun.1)) \(after):"] + shown.map { "  \($0)" }
        if shown.count < items.count { lines.append("  and \(items.count - shown.count) more") }
        return lines.joined(separator: "\n")
    }

    /// The red flags journal does not know that `checkIn` had held and undo did not put back
    /// (``UndoResult/redFlagsNotPutBack``), in a clause; `nil` when there are none.
    private static func notPutBack(_ result: UndoResult, _ checkIn: CheckIn) -> String? {
        guard let flags = result.redFlagsNotPutBack[checkIn.id ?? 0], !flags.isEmpty else { return nil }
        let them = flags.count == 1 ? "it" : "them"
        return "\(Wording.count(flags.count, "red flag", "red flags")) journal does not know "
            + "(\(flags.joined(separator: ", ").terminalSafe), put in from outside) of check-in #\(checkIn.id ?? 0) "
            + "\(flags.count == 1 ? "was" : "were") not put back: journal never adopts \(them)"
    }

    /// `clause` as a sentence: its first letter in capitals, a full stop after it.
    private static func sentence(_ clause: String) -> String {
        clause.prefix(1).uppercased() + clause.dropFirst() + "."
    }

    /// ": pain 4 → 3 (the edit had 4 → 6); …." for what undo changed back, or "." when nothing.
    private static func changedBack(_ changes: [String]) -> String {
        changes.isEmpty ? "." : ": \(changes.joined(separator: "; "))."
    }

    /// What differs between an entry as an edit left it and as undo put it back, in `journal edit`'s terms.
    private static func changes(from edited: Entry, to entry: Entry) -> [String] {
        var changes: [String] = []
        if pain(entry) != pain(edited) { changes.append("pain \(pain(entry)) (the edit had \(pain(edited)))") }
        if Wording.dose(entry) != Wording.dose(edited) {
            changes.append("\(Wording.dose(entry)) (the edit had \(Wording.dose(edited)))")
        }
        changes += timeAndNote((edited.localTime, entry.localTime), note: (edited.note, entry.note))
        return changes
    }

    /// What differs between a check-in as an edit left it and as undo put it back, in `journal checkins edit`'s terms.
    private static func changes(from edited: CheckIn, to checkIn: CheckIn) -> [String] {
        var changes: [String] = []
        if checkIn.pain != edited.pain {
            changes.append("pain \(checkIn.pain.value) (the edit had \(edited.pain.value))")
        }
        func flags(_ checkIn: CheckIn) -> String {
            checkIn.redFlags.isEmpty ? "none" : checkIn.redFlags.map(\.rawValue).joined(separator: ", ")
        }
        if flags(checkIn) != flags(edited) {
            changes.append("red flags: \(flags(checkIn)) (the edit had \(flags(edited)))")
        }
        changes += timeAndNote((edited.localTime, checkIn.localTime), note: (edited.note, checkIn.note))
        return changes
    }

    /// What differs between one of the person's own exercises as a change left it and as undo put
    /// it back, in `journal exercises edit`'s terms; an archiving (`exercises remove --force`) is
    /// "the removal".
    private static func changes(from edited: ExerciseState, to put: ExerciseState) -> [String] {
        let (before, after) = (put.exercise, edited.exercise)
        var changes: [String] = []
        if before.name != after.name {
            changes.append("name \(before.name.terminalSafe) (the edit had \(after.name.terminalSafe))")
        }
        switch (before.givenHowTo, after.givenHowTo) {
        case (nil, _?): changes.append("no how-to (the edit had added one)")
        case (_?, nil): changes.append("its how-to back (the edit had removed it)")
        case (let was?, let edited?) where was != edited: changes.append("its how-to as before the edit")
        default: break
        }
        if before.perSide != after.perSide { changes.append("\(sides(before)) (the edit had \(sides(after)))") }
        if before.measure != after.measure {
            changes.append(
                "measured \(Wording.measure(before.measure)) (the edit had \(Wording.measure(after.measure)))")
        }
        if edited.archived, !put.archived { changes.append("it can be logged again (the removal had archived it)") }
        return changes
    }

    /// The time and the note put back, for an entry or a check-in, when they differ from the edit's.
    private static func timeAndNote(
        _ time: (edited: LocalDateTime, before: LocalDateTime), note: (edited: String?, before: String?)
    ) -> [String] {
        var changes: [String] = []
        if time.before != time.edited {
            // The offsets when the clock times alone read the same, or when the offsets differ
            // (then the clock times alone do not say how far the time moved).
            let offsets =
                time.before.shortText == time.edited.shortText || time.before.utcOffset != time.edited.utcOffset
            func words(_ local: LocalDateTime) -> String {
                offsets ? Wording.time(local) : Wording.clockTime(local, in: Clock.timeZone)
            }
            changes.append("at \(words(time.before)) (the edit had \(words(time.edited)))")
        }
        switch (note.before, note.edited) {
        case (nil, _?): changes.append("no note (the edit had added one)")
        case (_?, nil): changes.append("its note back (the edit had removed it)")
        case (let before?, let edited?) where before != edited: changes.append("its note as before the edit")
        default: break
        }
        return changes
    }

    /// What undoing an import reversed, counted by kind: "removed 2 imported entries, …".
    private static func counted(_ result: UndoResult) -> String {
        var parts: [String] = []
        if result.restored > 0 {
            parts.append("put back \(Wording.count(result.restored, "entry", "entries"))")
        }
        if result.removed > 0 {
            parts.append("removed \(Wording.count(result.removed, "imported entry", "imported entries"))")
        }
        if result.checkInsRestored > 0 {
            parts.append("put back \(Wording.count(result.checkInsRestored, "check-in", "check-ins"))")
        }
        if result.checkInsRemoved > 0 {
            parts.append(
                "removed \(Wording.count(result.checkInsRemoved, "imported check-in", "imported check-ins"))")
        }
        // Activities and ratings counted apart: "removed 1 imported PSFS activity and 1 rating".
        let ratings = Wording.count(result.psfsRatingIDs.count, "rating", "ratings")
        switch (result.psfsActivityIDs.count, result.psfsRatingIDs.count) {
        case (0, 0): break
        case (0, let count):
            parts.append("removed \(Wording.count(count, "imported PSFS rating", "imported PSFS ratings"))")
        case (let activities, 0):
            parts.append("removed \(Wording.count(activities, "imported PSFS activity", "imported PSFS activities"))")
        case (let activities, _):
            parts.append(
                "removed \(Wording.count(activities, "imported PSFS activity", "imported PSFS activities")) and \(ratings)"
            )
        }
        if result.reviewsRemoved > result.redFlagReviewsRemoved {
            parts.append(
                "removed "
                    + Wording.count(
                        result.reviewsRemoved - result.redFlagReviewsRemoved, "imported review", "imported reviews"))
        }
        if result.redFlagReviewsRemoved > 0 {
            parts.append(
                "removed "
                    + Wording.count(
                        result.redFlagReviewsRemoved, "imported record that a doctor saw the red flags",
                        "imported records that a doctor saw the red flags"))
        }
        if result.exercisesRemoved > 0 {
            parts.append(
                "removed \(Wording.count(result.exercisesRemoved, "imported exercise", "imported exercises")) of your own"
            )
        }
        if result.planItemsRemoved > 0 {
            parts.append(
                "removed \(Wording.count(result.planItemsRemoved, "imported plan item", "imported plan items"))")
        }
        // The region by its code, as `config unset region` names it: "unset the imported region IE".
        let region = result.settingNames.contains("region") ? result.region?.replaced : nil
        if let region { parts.append("unset the imported region \(region.terminalSafe)") }
        let settings = result.settingsRemoved - (region == nil ? 0 : 1)
        if settings > 0 {
            parts.append("unset \(Wording.count(settings, "imported setting", "imported settings"))")
        }
        return parts.isEmpty ? "nothing to change" : parts.joined(separator: ", ")
    }

    /// What undoing a plan, exercise or setting change put back: "Put back the plan for glute-bridge: …".
    ///
    /// A plan put back is named by the dose shown today (``PlanItem/shown(on:)``), never one set
    /// ahead, when that is the only dose it names; `replaced` is the plan item as the undone change
    /// had left it. When undo puts back more doses than today's (those `replaced` does not hold, a
    /// plan set that had replaced doses set ahead), the head names none and `doses` lists each
    /// named, one line each (``doseLines(_:of:today:)``): today's and those put back.
    private static func describe(_ putBack: PutBack, replacing replaced: PlanItem?) -> (
        head: String, doses: [String]
    ) {
        let today = try? Clock.today()
        func plan(_ item: PlanItem) -> String { Describe.plan(today.map { item.shown(on: $0) } ?? item) }
        func lines(_ item: PlanItem) -> [String] {
            guard let today else { return [] }
            let shown = item.shown(on: today)
            let named = item.doses.filter { $0 == shown || !(replaced?.doses.contains($0) ?? false) }
            return named.count > 1 ? doseLines(named, of: item, today: today) : []
        }
        switch putBack {
        case .plan(let id, let item?):
            let doses = lines(item)
            return doses.isEmpty
                ? ("Put back the plan for \(id): \(plan(item))", []) : ("Put back the plan for \(id)", doses)
        case .plan(let id, nil): return ("Took \(id) off the plan again", [])
        case .exercise(let id, nil, _): return ("Removed your exercise \(id) again", [])
        case .exercise(let id, let exercise?, let item):
            let head = "Put back your exercise \(id), \(exercise.name.terminalSafe)"
            let doses = item.map(lines) ?? []
            guard doses.isEmpty else { return (head + ", and its plan", doses) }
            return (head + (item.map { ", and its plan: \(plan($0))" } ?? ""), [])
        case .setting(let name, let value?): return ("Put back \(name) \(value.terminalSafe)", [])
        case .setting(let name, nil): return ("Unset \(name) again", [])
        }
    }

    /// A plan item in a sentence: "3 × 10 reps, 5 sessions a week, from 2026-11-20".
    static func plan(_ item: PlanItem) -> String {
        "\(Wording.dose(item)), \(Wording.count(item.perWeek, "session", "sessions")) a week"
            + (item.since.map { ", from \($0)" } ?? "")
    }

    /// A dose that `plan set` replaced, as it says it on standard error, named by ``which(_:of:today:)``.
    ///
    /// "Replaced the dose set ahead: 4 × 10 reps, 5 sessions a week, from 2026-12-14 (`journal undo`
    /// puts it back)."; "Replaced the dose in force today: …"; "Replaced the earlier dose: …".
    static func replacedDose(_ dose: PlanItem, of item: PlanItem?, today: LocalDate) -> String {
        "Replaced \(which(dose, of: item, today: today)): \(plan(dose)) (`journal undo` puts it back)."
    }

    /// Which of `item`'s doses `dose` is on `today`: "the dose set ahead" only for one starting after
    /// `today`; "the dose in force today" (``PlanItem/dose(on:)``), else "the earlier dose".
    ///
    /// The one place these words are chosen: `plan set` names the doses it replaced with them,
    /// `plan remove` those it removed and `undo` those it put back.
    static func which(_ dose: PlanItem, of item: PlanItem?, today: LocalDate) -> String {
        dose.since.map { $0 > today } ?? false
            ? "the dose set ahead" : item?.dose(on: today) == dose ? "the dose in force today" : "the earlier dose"
    }

    /// `doses` of `item`, one indented line each, oldest first, as `plan remove` and `undo` list them:
    /// "  the dose in force today: 3 × 10 reps, 5 sessions a week, from 2026-11-23".
    static func doseLines(_ doses: [PlanItem], of item: PlanItem, today: LocalDate) -> [String] {
        doses.map { "  \(which($0, of: item, today: today)): \(plan($0))" }
    }

    /// What a new dose leaves of the one before it, as `plan set` says it: "Until then it was 3 × 10
    /// reps, 3 sessions a week, from 2026-11-02: the sessions done before 2026-11-05 stay judged by
    /// that dose."; "Until then it stays …" for a dose set ahead of `today`; `nil` when the item has no
    /// earlier dose or no start day.
    static func earlierDose(of item: PlanItem, today: LocalDate) -> String? {
        guard let last = item.earlier.last, let since = item.since else { return nil }
        return "Until then it \(since > today ? "stays" : "was") \(plan(last)): the sessions done before \(since) "
            + "stay judged by that dose."
    }
}
