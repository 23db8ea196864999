import Foundation

/// `journal sync --json` and `journal sync init --json`: what the sync did.
public struct SyncOutcomeJSON: Encodable {
    let initialized: String?
    let sent_changes: Int
    /// Changes made here that this sync could not send (this journal's next file was refused).
    let unsent_changes: Int
    let files_written: Int
    let received_changes: Int
    let received: [Received]
    let settled: [String]
    let waiting: [String]
    let refused: [String]

    struct Received: Encodable {
        let replica: String
        let changes: Int
    }

    public init(_ outcome: SyncOutcome, initialized: String? = nil) {
        self.initialized = initialized
        sent_changes = outcome.sent
        unsent_changes = outcome.unsent
        files_written = outcome.filesWritten
        received_changes = outcome.received.values.reduce(0, +)
        received = outcome.received.sorted { $0.key < $1.key }.map { Received(replica: $0.key, changes: $0.value) }
        settled = outcome.settled
        waiting = outcome.waiting
        refused = outcome.refused.map(\.description)
    }
}

/// `journal sync status --json`.
public struct SyncStatusJSON: Encodable {
    let replica: String
    let folder: String
    let key: String
    let key_file: String?
    let joined_at: String
    let last_sync: String?
    let files_written: Int64
    let unsent_changes: Int
    let replicas: [Replica]

    struct Replica: Encodable {
        let replica: String
        let files_merged: Int64
        let changes_merged: Int64
        let last_merged: String?
        let unread_files: Bool
    }

    public init(_ status: SyncStatus) {
        replica = status.replica
        folder = status.settings.folder
        key = status.settings.keyKind == .passphrase ? "passphrase" : "age-keys"
        key_file = status.settings.keyFile
        joined_at = SyncWords.utc(status.joinedAt)
        last_sync = status.lastSync.map(SyncWords.utc)
        files_written = status.filesWritten
        unsent_changes = status.unsent
        replicas = status.replicas.map {
            Replica(
                replica: $0.id, files_merged: $0.files, changes_merged: $0.changes,
                last_merged: $0.seenAt.map(SyncWords.utc),
                unread_files: $0.unread)
        }
    }
}
