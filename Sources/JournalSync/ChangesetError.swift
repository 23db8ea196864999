/// Why a changeset could not be recorded or applied: a damaged changeset, a table that does not
/// match, or a change the journal's constraints refuse.
///
/// When ``ChangesetApplier`` throws it, nothing of the changeset was applied.
///
/// ```swift
/// do { _ = try applier.apply(changeset: Changeset(bytes: [0x54, 0x01]), to: queue) }
/// catch let error as ChangesetError { error.kind == .damaged }  // true: a changeset cut short
/// ```
public struct ChangesetError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The bytes are not a well-formed SQLite changeset (cut short, or changed).
        case damaged
        /// The changeset changes a table that is not among the synced tables.
        case tableNotSynced(String)
        /// A synced table that is missing, has no declared primary key, or whose columns or primary
        /// key differ from the changeset's.
        case tableMismatch(String)
        /// A change breaks one of the table's constraints (NOT NULL, CHECK, UNIQUE).
        case constraint(String)
        /// The changes would leave rows whose foreign keys point at nothing.
        case foreignKey
        /// A new row of this table refers to a row another replica wrote that has not arrived here
        /// yet (nor its delete): the changeset waits, and merges once the parent's has.
        case missingParent(String)
        /// A local write to a row of this table whose key was deleted, here or on another replica.
        case deletedRow(String)
        /// A local write's clock reading is not later than a reading a field already holds.
        case staleReading
        /// SQLite failed with this result code for another reason (the database is busy, full, read-only…).
        case sqlite(Int32)
    }

    public let kind: Kind
    /// What was wrong, as a full sentence.
    public let reason: String

    init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}
