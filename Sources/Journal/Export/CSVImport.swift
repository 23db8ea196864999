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
    /// Every row is checked as `journal log` checks input; the first bad row aborts the whole
    /// import with ``JournalError/invalidImport(line:problem:)`` and the journal is unchanged.
    /// Importing the same file twice adds nothing the second time: a row whose id holds the
    /// same entry, or whose entry is already in the journal under another id, is skipped; a
    /// row with a free id keeps it; a row whose id holds a different entry gets a new id.
    /// Rows without an id are always new entries. Derived columns (pain_change, flagged) are
    /// recomputed, not read.
    public func importCSV(from source: ByteSource, now: Int64) throws -> ImportResult {
        var reader = CSVReader(source: source)
        return try writing { db in
            let exercises = try Self.knownExercises(db)
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
                        entry = try Self.entry(from: record.fields, exercises: exercises, now: now)
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

    /// Exercise ids the journal knows, with whether each is done per side.
    private static func knownExercises(_ db: Database) throws -> [String: Bool] {
        var known: [String: Bool] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, per_side FROM exercises") {
            known[try row.decode(forColumn: "id")] = try row.decode(forColumn: "per_side")
        }
        return known
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

    /// One CSV row as an entry, checked like `journal log` input.
    static func entry(from fields: [String], exercises: [String: Bool], now: Int64) throws -> Entry {
        let id: Int64?
        if fields[0].isEmpty {
            id = nil
        } else if let number = Int64(fields[0]), number > 0 {
            id = number
        } else {
            throw JournalError.invalidNumber(field: "id", text: fields[0], range: 1...Int.max)
        }
        guard let time = DateInput.parseTimestamp(fields[1]) else {
            throw JournalError.invalidDate(
                text: fields[1],
                reason: "performed_at must be a date, time and offset, such as 2026-11-20T07:30:00+01:00.")
        }
        if time.unixSeconds > now {
            throw JournalError.futureDate(
                text: fields[1], resolved: time.local.shortText + " " + DateInput.zoneText(time))
        }
        let exerciseText = CSVFormat.untextCell(fields[2])
        guard let perSide = exercises[exerciseText] else {
            let suggestions =
                (try? Catalog.builtIn.resolve(exerciseText)).map { [$0.id] }
                ?? Catalog.builtIn.suggestions(for: Catalog.key(exerciseText))
            throw JournalError.unknownExercise(exerciseText, suggestions: suggestions)
        }
        let side = fields[3].isEmpty ? nil : try Side(parsing: fields[3])
        if side != nil, !perSide { throw JournalError.sideNotApplicable(exercise: exerciseText) }
        func optional(_ text: String, _ field: String, _ range: ClosedRange<Int>) throws -> Int? {
            text.isEmpty ? nil : try Entry.parseNumber(text, field: field, range: range)
        }
        let note = CSVFormat.untextCell(fields[11])
        return try Entry(
            id: id, exerciseID: exerciseText, performedAt: time.unixSeconds, utcOffset: time.utcOffset,
            sets: Entry.parseNumber(fields[4], field: "sets", range: Entry.Limits.sets),
            reps: optional(fields[5], "reps", Entry.Limits.reps),
            holdSeconds: optional(fields[6], "hold_seconds", Entry.Limits.holdSeconds),
            side: side,
            painBefore: PainLevel(parsing: fields[7], field: "pain_before"),
            painAfter: PainLevel(parsing: fields[8], field: "pain_after"),
            note: note.isEmpty ? nil : note,
            createdAt: now)
    }
}
