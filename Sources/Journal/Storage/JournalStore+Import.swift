import GRDB

/// What an import did.
public struct ImportResult: Sendable, Hashable {
    /// Entries added to the journal.
    public var added = 0
    /// Rows already in the journal, left as they were.
    public var skipped = 0
}

extension JournalStore {
    /// Reads a CSV in the export's format and adds its entries, all or nothing.
    ///
    /// Every row becomes an ``EntryDraft`` and is checked exactly as `journal log` checks input; the first bad row aborts the whole
    /// import with ``JournalError/invalidImport(line:problem:)`` and the journal is unchanged.
    /// Importing the same file twice adds nothing the second time: a row whose id holds the
    /// same entry, or whose entry is already in the journal under another id, is skipped; a
    /// row with a free id keeps it; a row whose id holds a different entry gets a new id.
    /// Rows without an id are always new entries. Derived columns (pain_change, flagged) are
    /// recomputed, not read.
    public func importCSV(from source: ByteSource, now: Int64) throws -> ImportResult {
        var reader = CSVReader(source: source)
        return try writing { db in
            let exercises = try Self.catalog(db, includingArchived: true)
            var result = ImportResult()
            var change: Int64?
            do {
                guard let header = try reader.next() else {
                    throw JournalError.invalidImport(
                        line: 1, problem: "the file is empty; it needs at least the header row.")
                }
                guard header.fields == CSVFormat.columns else {
                    throw JournalError.invalidImport(
                        line: header.line, problem: "the header must be \(CSVFormat.columns.joined(separator: ",")).")
                }
                while let record = try reader.next() {
                    guard record.fields.count == CSVFormat.columns.count else {
                        throw JournalError.invalidImport(
                            line: record.line,
                            problem: "expected \(CSVFormat.columns.count) fields, found \(record.fields.count).")
                    }
                    var entry: Entry
                    do {
                        let draft = try CSVFormat.draft(from: record.fields)
                        guard let exercise = exercises.exercise(id: draft.exercise) else {
                            throw JournalError.unknownExercise(
                                draft.exercise, suggestions: exercises.suggestions(for: Catalog.key(draft.exercise)))
                        }
                        entry = try draft.entry(exercise: exercise, now: now, timeZone: .gmt)
                    } catch let error as JournalError {
                        throw JournalError.invalidImport(line: record.line, problem: error.description)
                    }
                    if entry.id != nil, try Self.alreadyHolds(entry, db) {
                        result.skipped += 1
                        continue
                    }
                    if let id = entry.id, try Self.idIsTaken(id, db) { entry.id = nil }
                    let id = try Self.insert(entry, db)
                    let current = try change ?? Self.beginChange("import", db, now: now)
                    change = current
                    try Self.noteAdded(id, for: current, db)
                    result.added += 1
                }
            } catch let error as CSVReadError {
                throw JournalError.invalidImport(line: error.line, problem: error.problem + ".")
            }
            return result
        }
    }

    /// Whether an entry has this id (a cached statement: this runs once per imported row).
    private static func idIsTaken(_ id: Int64, _ db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM entries WHERE id = ?)")
        return try Bool.fetchOne(statement, arguments: [id]) ?? false
    }

    /// Whether the journal already has this entry: under its id, or under any id.
    private static func alreadyHolds(_ entry: Entry, _ db: Database) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM entries
                WHERE exercise_id = ? AND performed_at = ? AND utc_offset = ? AND sets = ? AND reps IS ?
                  AND hold_seconds IS ? AND side IS ? AND pain_before = ? AND pain_after = ? AND note IS ?)
                """)
        return try Bool.fetchOne(
            statement,
            arguments: [
                entry.exerciseID, entry.performedAt, entry.utcOffset, entry.sets, entry.reps, entry.holdSeconds,
                entry.side?.rawValue, entry.painBefore.value, entry.painAfter.value, entry.note,
            ]) ?? false
    }
}
