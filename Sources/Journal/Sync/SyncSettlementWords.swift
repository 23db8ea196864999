import GRDB
import JournalSync

/// A conflict `journal sync` settled, in words a person reads: which record (by the number they
/// type here), which field, and what stands now and why.
///
/// ```
/// entry #41: pain_after is 5 from another device (its change came later) over 3 here
/// check-in #7: deleted on another device; the change made here without knowing of it is dropped
/// ```
enum SyncSettlementWords {
    /// The record kinds, by table: their name in words and the table of the numbers people type.
    private static let kinds: [String: (noun: String, aliases: String)] = [
        "entries": ("entry", "entry_ids"), "checkins": ("check-in", "checkin_ids"),
        "reviews": ("review", "review_ids"), "red_flag_reviews": ("red-flag review", "red_flag_review_ids"),
        "psfs_activities": ("PSFS activity", "psfs_activity_ids"), "psfs_ratings": ("PSFS rating", "psfs_rating_ids"),
    ]

    /// Columns that say when a record was recorded, not what it holds: a conflict on them alone is
    /// not told (the record's values are).
    static let bookkeeping: Set<String> = ["recorded", "created_at", "seen"]

    /// The words of `settlement`, or `nil` for one about bookkeeping alone (``bookkeeping``).
    static func words(for settlement: ChangesetMerger.Settlement, in db: Database) throws -> String? {
        if let column = settlement.column, bookkeeping.contains(column) { return nil }
        let record = try name(of: settlement.table, key: settlement.key, in: db)
        let column = settlement.column ?? ""
        switch settlement.kind {
        case .incomingWon:
            return "\(record): \(column) is \(shown(settlement.incoming)) from another device (its change came later) "
                + "over \(shown(settlement.local)) here"
        case .incomingLost:
            return "\(record): \(column) stays \(shown(settlement.local)) (changed here later) over "
                + "\(shown(settlement.incoming)) from another device"
        case .ignoredAfterDelete:
            return "\(record): a change from another device was dropped, since the record was deleted "
                + "(a delete beats an edit made without knowing of it)"
        case .deletedEditedRow:
            return "\(record): deleted on another device; the change made here without knowing of it is dropped"
        }
    }

    private static func name(of table: String, key: [DatabaseValue], in db: Database) throws -> String {
        if let kind = kinds[table], let uid = String.fromDatabaseValue(key.first ?? .null) {
            let alias = try Int64.fetchOne(db, sql: "SELECT id FROM \(kind.aliases) WHERE uid = ?", arguments: [uid])
            return alias.map { "\(kind.noun) #\($0)" } ?? "\(kind.noun) (no longer in this journal)"
        }
        switch table {
        case "checkin_red_flags":
            let flag = String.fromDatabaseValue(key.count > 1 ? key[1] : .null) ?? ""
            let uid = String.fromDatabaseValue(key.first ?? .null) ?? ""
            let alias = try Int64.fetchOne(db, sql: "SELECT id FROM checkin_ids WHERE uid = ?", arguments: [uid])
            return "red flag \(flag) of check-in " + (alias.map { "#\($0)" } ?? uid)
        case "plan": return "the plan of \(String.fromDatabaseValue(key.first ?? .null) ?? "")"
        case "plan_history":
            return "the dose of \(String.fromDatabaseValue(key.first ?? .null) ?? "") since "
                + (String.fromDatabaseValue(key.count > 1 ? key[1] : .null) ?? "")
        case "exercises": return "exercise \(String.fromDatabaseValue(key.first ?? .null) ?? "")"
        case "settings": return "setting \(String.fromDatabaseValue(key.first ?? .null) ?? "")"
        default: return "\(table) \(key.map { shown($0) }.joined(separator: ", "))"
        }
    }

    private static func shown(_ value: DatabaseValue?) -> String {
        switch value?.storage {
        case nil, .null: return "empty"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "\"\(text.terminalSafe)\""
        case .blob(let bytes): return "\(bytes.count) bytes"
        }
    }
}
