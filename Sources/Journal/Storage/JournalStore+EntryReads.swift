/// Reading entries in bulk: `list`, `report`, `check`, the rules after `log`, and `export`
/// (``EntryQueries``, each in one read transaction).
extension JournalStore {
    /// Entries newest first, optionally of one exercise and at most `limit` of them.
    public func entries(exerciseID: String? = nil, limit: Int? = nil) throws -> [Entry] {
        try reading { db in try EntryQueries.latest(db, exerciseID: exerciseID, limit: limit) }
    }

    /// Entries performed within `range` (Unix seconds), oldest first, optionally of one exercise.
    public func entries(performedIn range: Range<Int64>, exerciseID: String? = nil) throws -> [Entry] {
        try reading { db in try EntryQueries.entries(db, performedIn: range, exerciseID: exerciseID) }
    }

    /// Entries performed within `range` and the sessions just before it that the rules look back
    /// over (``EntryQueries/entriesForRules(_:performedIn:exerciseID:)``), in one read transaction.
    public func entriesForRules(performedIn range: Range<Int64>, exerciseID: String? = nil) throws -> [Entry] {
        try reading { db in try EntryQueries.entriesForRules(db, performedIn: range, exerciseID: exerciseID) }
    }

    /// Calls `body` with each entry performed within `range` (all when `nil`), oldest first,
    /// optionally of one exercise, one row at a time: memory stays flat however many there are.
    public func forEachEntry(
        performedIn range: Range<Int64>? = nil, exerciseID: String? = nil, _ body: (Entry) throws -> Void
    ) throws {
        try reading { db in try EntryQueries.forEach(db, performedIn: range, exerciseID: exerciseID, body) }
    }
}
