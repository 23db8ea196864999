/// The kinds of change `journal undo` reverses, or stops at: the `changes.kind` values schema.sql allows.
///
/// ```swift
/// try store.undo()?.kind // .log, after `journal log`
/// ```
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    /// An entry logged; undoing it removes the entry.
    case log
    /// A check-in recorded; undoing it removes the check-in.
    case checkIn = "checkin"
    /// Entries deleted; undoing puts them back.
    case delete
    /// An entry corrected; undoing puts the old values back.
    case edit
    /// An import of a CSV or of a full export; undoing removes what it added, and for a full export
    /// (since schema.sql's v16) puts back the plan, exercises and settings it kept.
    case `import`
    /// A physiotherapist's review (`journal resume`); undoing takes it back.
    case resume
    /// A check-in corrected.
    case checkInEdit = "checkin-edit"
    /// Check-ins deleted.
    case checkInDelete = "checkin-delete"
    /// A PSFS activity added.
    case psfsAdd = "psfs-add"
    /// A PSFS activity retired.
    case psfsRemove = "psfs-remove"
    /// A PSFS rating recorded.
    case psfsRate = "psfs-rate"
    /// A journal replaced by `journal restore --force`; undoing it puts back the journal it replaced.
    case restore
    /// A plan set or removed; undoing it puts back the plan as it was.
    case plan
    /// One of the person's own exercises added, edited or removed; undoing it puts back the exercise
    /// as it was (removes it, for one added).
    case exercise
    /// A setting set or unset (`journal config`); undoing it puts back the value before.
    case config

    /// Whether undoing the change needs the state it replaced, kept when the change was made.
    ///
    /// schema.sql's v15 keeps it (`changes.subject` and its tables); such a change recorded before
    /// then kept nothing, and undo stops at it.
    public var keepsStateBefore: Bool {
        switch self {
        case .plan, .exercise, .config: true
        default: false
        }
    }

    /// How to remove by hand a record like those a change of this kind touched, when undo cannot
    /// reach it any more: a check-in for the check-in kinds, an entry for the others.
    public var removeByHand: String {
        switch self {
        case .checkIn, .checkInEdit, .checkInDelete:
            "To remove a check-in, `journal checkins delete ID` (`journal checkins` shows the ids)."
        default: "To remove an entry, `journal delete ID` (`journal list` shows the ids)."
        }
    }

    /// How to reverse by hand a change of a kind that ``keepsStateBefore``, when it kept nothing; `nil` for the others.
    public var byHand: String? {
        switch self {
        case .plan: "set the plan again with `journal plan set EXERCISE …`, or `journal plan remove EXERCISE`"
        case .exercise: "change it with `journal exercises edit ID …`, `add` or `remove`"
        case .config: "set it again with `journal config set NAME VALUE`, or `journal config unset NAME`"
        default: nil
        }
    }

    /// ``byHand`` for the change `detail` names ("exercises add knee-to-chest"): for an exercise
    /// added, the one step that reverses it, `journal exercises remove ID`.
    public func byHand(detail: String?) -> String? {
        let added = "exercises add "
        if self == .exercise, let detail, detail.hasPrefix(added) {
            return "remove it with `journal exercises remove \(detail.dropFirst(added.count))`"
        }
        return byHand
    }

    /// The tables where a change of this kind always keeps at least one row undoing it needs.
    ///
    /// Each with the action of the rows (`nil`: any). Empty where a change may keep none: an
    /// import, a plan, exercise or setting change that added what it changed.
    var alwaysKeeps: [(table: String, action: String?)] {
        switch self {
        case .log: [("change_entries", "remove")]
        case .checkIn: [("change_checkins", "remove")]
        case .delete, .edit: [("change_entries", "restore")]
        case .checkInEdit, .checkInDelete: [("change_checkins", "restore")]
        case .resume: [("change_reviews", nil), ("change_red_flag_reviews", nil)]
        case .psfsAdd, .psfsRemove, .psfsRate: [("change_psfs", nil)]
        case .restore: [("change_restores", nil)]
        case .import, .plan, .exercise, .config: []
        }
    }

    /// ``words`` after its article: "an edit", "a log".
    public var withArticle: String { ("aeiou".contains(words.prefix(1)) ? "an " : "a ") + words }

    /// The change in words: "log", "check-in edit", "PSFS rating".
    public var words: String {
        switch self {
        case .log: "log"
        case .checkIn: "check-in"
        case .delete: "delete"
        case .edit: "edit"
        case .import: "import"
        case .resume: "resume"
        case .checkInEdit: "check-in edit"
        case .checkInDelete: "check-in delete"
        case .psfsAdd: "PSFS add"
        case .psfsRemove: "PSFS remove"
        case .psfsRate: "PSFS rating"
        case .restore: "restore"
        case .plan: "plan change"
        case .exercise: "exercise change"
        case .config: "setting change"
        }
    }
}
