public struct DoctorJSON: Encodable, Sendable {
    public struct Change: Encodable, Sendable {
        public let path: String
        public let from: String
        public let to: String
    }
    public let path: String
    public let link_target: String?
    public let access: String
    /// Why the journal is read but not written and what to do, in the words `journal doctor` prints
    /// (``ReadOnlyCause``); left out when it is read-write or nothing stops writing it now.
    public let access_reason: String?
    public let file_bytes: Int
    public let wal_bytes: Int
    public let entries: Int
    public let checkins: Int
    public let schema: [String]
    public let up_to_date: Bool
    public let newer_version: Bool
    public let integrity_check: String
    public let integrity: [String]
    public let healthy: Bool
    public let permissions_tightened: [Change]

    public init(_ diagnosis: Diagnosis, _ changes: [PermissionChange]) {
        path = diagnosis.path
        link_target = diagnosis.linkTarget
        access =
            switch diagnosis.access {
            case .readWrite: "read-write"
            case .readOnly: "read-only"
            case .immutable: "immutable"
            }
        access_reason = diagnosis.accessReason
        file_bytes = diagnosis.fileBytes
        wal_bytes = diagnosis.writeAheadLogBytes
        entries = diagnosis.entries
        checkins = diagnosis.checkIns
        schema = diagnosis.appliedMigrations
        up_to_date = diagnosis.isUpToDate
        newer_version = diagnosis.isFromNewerVersion
        integrity_check = diagnosis.integrityCheck
        integrity = diagnosis.integrity
        healthy = diagnosis.isHealthy
        permissions_tightened = changes.map {
            Change(path: $0.path, from: String($0.from, radix: 8), to: String($0.to, radix: 8))
        }
    }
}
