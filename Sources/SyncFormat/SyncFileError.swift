/// Why a sync file was refused, naming the file.
///
/// The module throws only this type; a refused file is never applied.
///
/// ```swift
/// do { _ = try SyncFile.open(bytes, name: "3f…/000000000002.jsync", key: key, folder: folder, previous: hash) }
/// catch let error as SyncFileError { error.kind == .replayed }  // the file says it is number 1
/// ```
public struct SyncFileError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The name is not `<replica id>/<sequence>.jsync` as the writer spells it.
        case badName
        /// The key given cannot open the file: another passphrase, identity or kind of key.
        case wrongKey
        /// A key that cannot be used to write (a recipient no key could open).
        case unusableKey
        /// The file is truncated or was changed: it does not decrypt, or its inside is malformed.
        case damaged
        /// The file decrypts but is not a sync file.
        case notSyncFile
        /// A sync file of a version this journal does not read.
        case unsupportedVersion(UInt8)
        /// The file belongs to another sync folder.
        case foreignFolder
        /// The file was written by another replica than the folder it lies in.
        case misplaced
        /// The file holds another sequence number than its name: an older file copied over a new name.
        case replayed
        /// The file does not follow the replica's previous file (a file between them is missing or
        /// was replaced).
        case brokenChain
    }

    public let kind: Kind
    /// The file's name in the sync folder (`<replica id>/<sequence>.jsync`).
    public let name: String
    /// What was wrong, as a full sentence.
    public let reason: String

    init(_ kind: Kind, _ name: String, _ reason: String) {
        self.kind = kind
        self.name = name
        self.reason = reason
    }
}
