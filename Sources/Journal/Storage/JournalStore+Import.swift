import GRDB

/// What an import did.
public struct ImportResult: Sendable, Hashable {
    /// Entries added to the journal.
    public var added = 0
    /// Rows already in the journal, left as they were.
    public var skipped = 0
    /// Check-ins added (a full export only).
    public var checkIns = 0
    /// Reviews added (a full export only).
    public var reviews = 0
    /// Exercises of the person's own added (a full export only).
    public var exercises = 0
    /// Plan items added (a full export only).
    public var planItems = 0
    /// PSFS activities added (a full export only).
    public var activities = 0
    /// PSFS ratings added (a full export only).
    public var ratings = 0

    public init(added: Int = 0, skipped: Int = 0) {
        self.added = added
        self.skipped = skipped
    }
}

extension JournalStore {
    /// Reads a CSV in the export's format and adds its entries, all or nothing.
    ///
    /// Every row becomes an ``EntryDraft`` and is checked exactly as `journal log` checks input; the first bad row aborts the whole
    /// import with ``JournalError/invalidImport(line:problem:)`` and the journal is unchanged.
    ///
    /// A row with an id is matched by its id alone: the entry there has the same content (every value
    /// but when it was recorded): the row is skipped, so importing a file twice adds nothing the
    /// second time; a different entry: the import is refused with the row's line, since one id
    /// cannot name two sessions; no entry: the row is added under its id. A row without an id is
    /// always a new entry. Rows are never dropped for looking like another entry: two sessions done
    /// alike at the same minute are two entries. Derived columns (pain_change, flagged) are
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
                    let entry: Entry
                    do {
                        let draft = try CSVFormat.draft(from: record.fields)
                        guard let exercise = exercises.exercise(id: draft.exercise) else {
                            throw JournalError.invalidImport(
                                line: record.line, problem: Self.unknownExerciseProblem(draft.exercise, exercises))
                        }
                        entry = try draft.entry(exercise: exercise, now: now, timeZone: .gmt)
                    } catch let error as JournalError {
                        if case .invalidImport = error { throw error }
                        throw JournalError.invalidImport(line: record.line, problem: error.description)
                    }
                    if let id = entry.id, let held = try Self.entry(id: id, db) {
                        guard held.hasSameContent(as: entry) else {
                            throw JournalError.invalidImport(
                                line: record.line,
                                problem: "id \(id) already names a different entry in this journal "
                                    + "(\(held.exerciseID) at \(held.localTime.iso8601)); an id names one entry. "
                                    + "To add the row as a new entry, empty its id cell.")
                        }
                        result.skipped += 1
                        continue
                    }
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

    /// Why a row's exercise cannot be used: unknown here, with the closest ids, and, since a CSV
    /// carries entries only, how to bring a journal's own exercises along.
    private static func unknownExerciseProblem(_ id: String, _ exercises: Catalog) -> String {
        JournalError.unknownExercise(id, suggestions: exercises.suggestions(for: Catalog.key(id))).description
            + " A CSV holds entries only, not your own exercises: add it first with `journal exercises add`, "
            + "or restore the whole journal from `journal export --all --format json`."
    }
}
