import CSQLiteSession
import GRDB

/// Applies a ``Changeset`` from another replica to the synced tables, all of it or none of it.
///
/// Before anything is written the changeset is read whole: damaged bytes, a table that is not
/// synced, or a table whose columns or primary key differ from this journal's are refused
/// (``ChangesetError``). SQLite itself would skip a table it cannot match and apply the rest.
///
/// Conflicts are settled by one fixed rule, the same on every replica, and each is reported:
/// - a row changed here since the changeset's old values (an update or delete that finds other
///   values, `SQLITE_CHANGESET_DATA`): the incoming change wins, column by column for an update;
///   a delete beats an edit made without knowing of it;
/// - an insert whose primary key is already here (`SQLITE_CHANGESET_CONFLICT`): the incoming row
///   replaces it;
/// - an update or delete of a row that is not here (`SQLITE_CHANGESET_NOTFOUND`): skipped, since
///   the row was deleted here;
/// - a change that breaks a constraint or a foreign key: the whole changeset is refused and
///   rolled back, since applying part of it would leave a half-written entry.
///
/// Replicas merge with ``ChangesetMerger`` instead, which settles the first two by hybrid logical
/// clock, field by field, the same whatever order changesets arrive in; this applier's "incoming
/// wins" depends on that order.
///
/// ```swift
/// let report = try ChangesetApplier(tables: ["entries"]).apply(changeset: changeset, to: queue)
/// report.changeCount  // 3
/// ```
public struct ChangesetApplier: Sendable {
    /// The tables a changeset may change; a changeset naming any other is refused.
    public let tables: [String]

    public init(tables: [String]) {
        self.tables = tables
    }

    /// What applying a changeset did.
    public struct Report: Equatable, Sendable {
        /// How many changes the changeset held.
        public let changeCount: Int
        /// The conflicts met and how each was settled, in order.
        public let conflicts: [Conflict]
    }

    /// A change that did not meet the row it expected, and what was done.
    public struct Conflict: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// The row here has other values than the change's old ones.
            case changedHere
            /// An inserted row's primary key is already here.
            case alreadyHere
            /// The row to update or delete is not here.
            case missingHere
        }

        public enum Resolution: Equatable, Sendable {
            /// The incoming change was applied over the row here.
            case incomingWins
            /// The incoming change was skipped.
            case skipped
        }

        public let table: String
        public let operation: Changeset.Operation
        public let kind: Kind
        public let resolution: Resolution
    }

    /// Applies `changeset` to `writer` in one transaction; throws ``ChangesetError`` and applies
    /// nothing when it is damaged, names a table that does not match, or breaks a constraint.
    public func apply(changeset: Changeset, to writer: some DatabaseWriter) throws -> Report {
        let (changes, shapes) = try changeset.tables()
        return try writer.writeWithoutTransaction { db in
            let log = ConflictLog()
            try db.inTransaction(.immediate) {
                try SyncedTable.check(shapes, synced: tables, in: db)
                var bytes = changeset.bytes
                let code = withExtendedLifetime(log) {
                    bytes.withUnsafeMutableBytes { buffer in
                        sqlite3changeset_apply(
                            db.sqliteConnection, Int32(buffer.count), buffer.baseAddress, nil, settle,
                            Unmanaged.passUnretained(log).toOpaque())
                    }
                }
                guard code == SQLITE_OK else { throw log.refusal ?? Self.failure(code) }
                return .commit
            }
            return Report(changeCount: changes.count, conflicts: log.conflicts)
        }
    }

    private static func failure(_ code: Int32) -> ChangesetError {
        if code == SQLITE_CORRUPT || code == SQLITE_MISUSE { return Changeset.damaged }
        return ChangesetError(
            .sqlite(code), "SQLite could not apply the changes: \(String(cString: sqlite3_errstr(code))).")
    }
}

/// The conflicts met while one changeset is applied, and the refusal that stopped it, if any.
private final class ConflictLog {
    var conflicts: [ChangesetApplier.Conflict] = []
    var refusal: ChangesetError?
}

/// The conflict handler `sqlite3changeset_apply` calls: the rule ``ChangesetApplier`` documents.
private func settle(_ context: UnsafeMutableRawPointer?, _ conflict: Int32, _ iterator: OpaquePointer?) -> Int32 {
    guard let context else { return SQLITE_CHANGESET_ABORT }
    let log = Unmanaged<ConflictLog>.fromOpaque(context).takeUnretainedValue()
    if conflict == SQLITE_CHANGESET_FOREIGN_KEY {
        log.refusal = ChangesetError(
            .foreignKey,
            "The changes would leave rows that refer to rows this journal does not have, so none of them was applied.")
        return SQLITE_CHANGESET_ABORT
    }
    var name: UnsafePointer<CChar>?
    var columnCount: Int32 = 0
    var code: Int32 = 0
    var indirect: Int32 = 0
    guard sqlite3changeset_op(iterator, &name, &columnCount, &code, &indirect) == SQLITE_OK, let name,
        let operation = Changeset.operation(code)
    else { return SQLITE_CHANGESET_ABORT }
    let table = String(cString: name)
    let kind: ChangesetApplier.Conflict.Kind
    switch conflict {
    case SQLITE_CHANGESET_DATA: kind = .changedHere
    case SQLITE_CHANGESET_CONFLICT: kind = .alreadyHere
    case SQLITE_CHANGESET_NOTFOUND: kind = .missingHere
    default:
        log.refusal = ChangesetError(
            .constraint(table),
            "A change to \(table) breaks one of its constraints (NOT NULL, CHECK or UNIQUE), "
                + "so none of the changes was applied.")
        return SQLITE_CHANGESET_ABORT
    }
    let resolution: ChangesetApplier.Conflict.Resolution = kind == .missingHere ? .skipped : .incomingWins
    log.conflicts.append(.init(table: table, operation: operation, kind: kind, resolution: resolution))
    return resolution == .skipped ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_REPLACE
}
