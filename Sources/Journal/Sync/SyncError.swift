import Foundation

/// Why `journal sync` could not do what was asked, with what to do and the exit status (sysexits).
///
/// ```swift
/// SyncError.notSetUp.exitStatus  // 78
/// ```
public enum SyncError: Error, Equatable, CustomStringConvertible {
    /// The journal has no sync folder yet.
    case notSetUp
    /// `sync init` on a journal that already syncs with a folder.
    case alreadySetUp(folder: String)
    /// The folder cannot be made, read or written.
    case folderUnusable(path: String, reason: String)
    /// The key does not open the folder's files (another passphrase or identity).
    case wrongKey(name: String, reason: String)
    /// A file in the folder is damaged, foreign, replayed or out of its chain: not applied.
    case refusedFile(name: String, reason: String)
    /// Files in the folder were refused; the rest of the sync was done.
    case filesRefused([SyncError])
    /// The key given cannot be the folder's: an identity whose recipient is not among `--recipient`.
    case keyMismatch(reason: String)
    /// No key given and the one named at `sync init` cannot be read.
    case keyNeeded(reason: String)
    /// `sync leave` with `count` changes recorded here not yet sent: they would never reach the
    /// other devices (a rise among them would hold on this device only).
    case unsentChanges(count: Int)
    /// `sync init` of a folder that cannot be a sync folder (inside another one, or holding the
    /// journal itself), with why and what to give instead.
    case notASyncFolder(path: String, reason: String)

    public var exitStatus: Int32 {
        switch self {
        case .alreadySetUp, .keyMismatch, .unsentChanges, .notASyncFolder: return 64  // EX_USAGE
        case .refusedFile, .filesRefused: return 65  // EX_DATAERR
        case .folderUnusable: return 74  // EX_IOERR
        case .wrongKey, .keyNeeded: return 77  // EX_NOPERM
        case .notSetUp: return 78  // EX_CONFIG
        }
    }

    public var description: String {
        switch self {
        case .notSetUp:
            return "this journal has no sync folder: `journal sync init DIR --passphrase-file FILE` makes one "
                + "(or joins the one in DIR)."
        case .alreadySetUp(let folder):
            return "this journal already syncs with \(folder.terminalSafe) (`journal sync status` shows it); "
                + "a journal syncs with one folder."
        case .folderUnusable(let path, let reason):
            return "cannot use the sync folder \(path.terminalSafe): \(reason.terminalSafe). Nothing was changed "
                + "in the journal."
        case .wrongKey(let name, let reason):
            return "the key does not open \(name.terminalSafe) in the sync folder (\(reason.terminalSafe)): give the "
                + "folder's passphrase file or identity (--passphrase-file, --identity). Nothing was changed."
        case .refusedFile(let name, let reason):
            let said = reason.terminalSafe.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            return "refused \(name.terminalSafe) in the sync folder: \(said); nothing in it was applied."
        case .filesRefused(let errors):
            return errors.map(\.description).joined(separator: "\njournal: ")
                + "\nThe rest was synced. A file a sync tool has not finished copying is read at the next sync; "
                + "one that stays refused was damaged or changed in the folder, and its replica's later files "
                + "wait behind it (docs/sync.md, \"When a file is refused\")."
        case .keyMismatch(let reason):
            return reason.terminalSafe
        case .notASyncFolder(let path, let reason):
            return "\(path.terminalSafe) cannot be the sync folder: \(reason.terminalSafe). Nothing was changed."
        case .unsentChanges(let count):
            return
                "\(count == 1 ? "1 change made here has" : "\(count) changes made here have") not been sent, and the "
                + "other devices would never have \(count == 1 ? "it" : "them"): run `journal sync` first, or "
                + "`journal sync leave --drop-unsent` to leave without sending \(count == 1 ? "it" : "them"). "
                + "Nothing was changed."
        case .keyNeeded(let reason):
            return "the sync folder's key is needed: \(reason.terminalSafe). Give --passphrase-file FILE or "
                + "--identity KEYFILE."
        }
    }
}
