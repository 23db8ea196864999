/// The kinds of change `journal undo` reverses: the `changes.kind` values schema.sql allows.
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
    /// An import or a full restore; undoing removes what it added.
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
        }
    }
}
