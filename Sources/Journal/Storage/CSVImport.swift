import Foundation
import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// What an import did.
public struct ImportResult: Sendable, Hashable {
    /// Entries added to the journal.
    public var added = 0
    /// Rows already in the journal, left as they were.
    public var skipped = 0
    /// Rows of a CSV that repeat an earlier row of the same file (its id and every value): skipped.
    public var repeated = 0
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
    /// Records that a doctor has seen the red flags added (a full export only).
    public var redFlagReviews = 0
    /// The region the journal stores, when the import set it (a full export's `settings`); `nil`
    /// when it stayed the same.
    public var region: RegionChange?

    public init(added: Int = 0, skipped: Int = 0) {
        self.added = added
        self.skipped = skipped
    }

    /// The records an undo or a restore names (``UndoResult``), counted by kind.
    public init(counting named: UndoResult) {
        self.init(added: named.entryIDs.count)
        checkIns = named.checkInIDs.count
        reviews = named.reviewIDs.count
        exercises = named.exerciseIDs.count
        planItems = named.planExerciseIDs.count
        activities = named.psfsActivityIDs.count
        ratings = named.psfsRatingIDs.count
        redFlagReviews = named.redFlagReviewIDs.count
    }
}

/// Importing entries from CSV (`journal import FILE.csv`).
enum CSVImport {
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
    ///
    /// Every entry added gets a uid and its reading (`recorded`) from the import's one stamp
    /// (``WriteStamp``, taken with the first entry added), and its number (alias) as today: the
    /// row's id, or the next one.
    static func add(from source: ByteSource, now: Int64, clock: StoreClock, _ db: Database) throws -> ImportResult {
        var reader = CSVReader(source: source)
        let exercises = try ExerciseQueries.catalog(db, includingArchived: true)
        var named = ExercisesNamed(catalog: exercises)
        var rows = try ImportedEntries(db, now: now, clock: clock)
        var record = CSVRecord()
        do {
            guard try reader.next(into: &record) else {
                throw JournalError.invalidImport(
                    line: 1, problem: "the file is empty; it needs at least the header row.")
            }
            guard record.fields == CSVFormat.columns else {
                // `journal export --format json` writes entries as a JSON array, which nothing imports.
                if record.fields.first?.trimmingWhitespace().hasPrefix("[") == true {
                    throw JournalError.invalidImport(
                        line: record.line,
                        problem: "this is a JSON array, which cannot be imported: "
                            + ExportFormat.importable + ".")
                }
                throw JournalError.invalidImport(
                    line: record.line, problem: "the header must be \(CSVFormat.columns.joined(separator: ",")).")
            }
            while try reader.next(into: &record) {
                guard record.count == CSVFormat.columns.count else {
                    throw JournalError.invalidImport(
                        line: record.line,
                        problem: "expected \(CSVFormat.columns.count) fields, found \(record.count).")
                }
                if let exercise = named.exercise(record.field(2)),
                    let entry = CSVFormat.exportedEntry(record, exercise: exercise, now: now)
                {
                    try rows.add(entry, line: record.line)
                } else {
                    try rows.add(Self.entry(record, exercises, now: now), line: record.line)
                }
            }
            try rows.finish()
            TestStop.at("import-written")
        } catch let error as CSVReadError {
            throw JournalError.invalidImport(line: error.line, problem: error.problem + ".")
        }
        return rows.result
    }

    /// The entry a record describes, read and checked exactly as `journal log` checks its input, or
    /// the first problem with the record's line.
    private static func entry(_ record: CSVRecord, _ exercises: Catalog, now: Int64) throws -> Entry {
        do {
            let draft = try CSVFormat.draft(from: record.fields)
            guard let exercise = exercises.exercise(id: draft.exercise) else {
                throw JournalError.invalidImport(
                    line: record.line, problem: Self.unknownExerciseProblem(draft.exercise, exercises))
            }
            return try draft.entry(exercise: exercise, now: now, timeZone: .gmt)
        } catch let error as JournalError {
            if case .invalidImport = error { throw error }
            throw JournalError.invalidImport(line: record.line, problem: error.description)
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

extension JournalStore {
    /// Reads a CSV in the export's format and adds its entries, all or nothing, in one transaction
    /// (``CSVImport/add(from:now:clock:_:)``).
    ///
    /// ```swift
    /// let result = try store.importCSV(from: ByteSource(bytes: csv), now: now)
    /// ```
    public func importCSV(from source: ByteSource, now: Int64) throws -> ImportResult {
        try writing(temporariesInMemory: true) { try CSVImport.add(from: source, now: now, clock: clock, $0) }
    }
}

/// The exercises an import's rows name, by the bytes of their exercise cell: a row costs no
/// `String` for its exercise once one row has named it.
private struct ExercisesNamed {
    let catalog: Catalog
    /// Cells seen and the exercise each names, at the same index; a few dozen at most.
    private var cells: [[UInt8]] = []
    private var exercises: [Exercise] = []

    init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The exercise `cell` names as ``CSVFormat/draft(from:)`` reads it, or `nil` when it names none.
    mutating func exercise(_ cell: ArraySlice<UInt8>) -> Exercise? {
        let found = cell.withUnsafeBytes { bytes in
            cells.firstIndex { known in
                known.count == bytes.count && known.withUnsafeBytes { $0.elementsEqual(bytes) }
            }
        }
        if let found { return exercises[found] }
        guard let exercise = catalog.exercise(id: CSVFormat.untextCell(String(decoding: cell, as: UTF8.self)))
        else { return nil }
        if cells.count < 64 {
            cells.append(Array(cell))
            exercises.append(exercise)
        }
        return exercise
    }
}

/// Adds an import's entries, keeping the identity rules, and notes them for `journal undo`.
///
/// Entries are inserted ``batchRows`` to a statement, as SQLite's own `INSERT … SELECT` would, each
/// batch's aliases first (`entry_ids`, schema.sql v26-record-ids: the row's id, or the next), and an
/// id is looked up in the journal only when it may be taken there. One above every id the
/// journal has used (the alias counter, `sqlite_sequence`, included) and this import has given cannot be; one this
/// import may have given is answered by ``GivenIDs`` while it is among the last 65,536, so the
/// ids of an export, which come in the order of when the sessions were done rather than of their
/// ids, cost no look-up either. Undo needs no row per entry as it goes: every entry above the
/// highest id before the import is one it added, so one `INSERT … SELECT` notes them at the end;
/// only an entry added under a free id below that is noted on its own.
private struct ImportedEntries {
    /// Rows to an `INSERT`: 256 × 12 values, well within SQLite's limit of parameters (32,766).
    static let batchRows = 256

    let db: Database
    let now: Int64
    let clock: StoreClock
    var result = ImportResult()
    private let batch: Statement
    /// The aliases of a full batch, given before its entries (``aliases(rows:)``).
    private let aliasBatch: Statement
    /// The import's one stamp, taken when the first entries are written.
    private var stamp: WriteStamp?
    /// Entries read but not yet inserted: fewer than ``batchRows``.
    private var pending: [Entry] = []
    /// The highest id used in the journal or given by this import so far: an entry without an id
    /// gets the next one (``JournalStore`` uses `AUTOINCREMENT`), an id above it names nothing yet.
    private var highest: Int64
    /// ``highest`` before the import: an id above it names an entry only if this import gave it.
    private let highestBefore: Int64
    /// Which of the latest ids up to ``highest`` this import gave.
    private var given: GivenIDs
    /// The change `journal undo` reverses, once the import has added something.
    private var change: Int64?
    /// The exercises whose row this import has made sure of (``StoredValues/keepExerciseRow(_:_:)``).
    private var kept: Set<String> = []

    init(_ db: Database, now: Int64, clock: StoreClock) throws {
        self.db = db
        self.now = now
        self.clock = clock
        try StoredValues.refuseChangedIDCounter("entries", db)
        batch = try db.makeStatement(sql: EntryColumns.insert(rows: Self.batchRows))
        aliasBatch = try db.makeStatement(sql: Self.aliases(rows: Self.batchRows))
        highest =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT max(
                        coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'entry_ids'), 0),
                        coalesce((SELECT max(id) FROM entry_ids), 0))
                    """) ?? 0
        highestBefore = highest
        given = GivenIDs(top: highest)
        pending.reserveCapacity(Self.batchRows)
    }

    /// Adds `entry` (read from `line`), skips it when the journal holds it already, or refuses it
    /// when its id names a different entry.
    mutating func add(_ entry: Entry, line: Int) throws {
        if kept.insert(entry.exerciseID).inserted { try StoredValues.keepExerciseRow(entry.exerciseID, db) }
        guard let id = entry.id else {
            if highest < Int64.max {
                highest += 1
                given.insert(highest)
            }
            try append(entry)
            return
        }
        if id > highest {
            try FullExportImport.refuseLargestID(id, of: "entry", line)
            highest = id
            given.insert(id)
            try append(entry)
            return
        }
        let held: Entry?
        if id > highestBefore, given.contains(id) == false {
            held = nil
        } else {
            held = try pending.last { $0.id == id } ?? EntryQueries.entry(id: id, db)
        }
        if let held {
            guard held.hasSameContent(as: entry) else {
                throw JournalError.invalidImport(
                    line: line,
                    problem: "id \(id) already names a different entry in this journal "
                        + "(\(held.exerciseID) at \(held.localTime.iso8601)); an id names one entry. "
                        + "To add the row as a new entry, empty its id cell.")
            }
            // An id above the journal's highest before, or one this import gave, came from the file.
            if id > highestBefore || given.contains(id) == true { result.repeated += 1 } else { result.skipped += 1 }
            return
        }
        given.insert(id)
        if id <= highestBefore {
            try ChangeLog(db).noteAdded(id, for: changeID())
            try append(try recordedAfterReviewsThatSawItsID(entry))
        } else {
            try append(entry)
        }
    }

    /// `entry`, added under a free id a review of its exercise may already have seen past (its
    /// through id, ``JournalExport/throughEntryIDSQL(review:seen:)``), dated after every such review,
    /// as an edit is: the review never saw this session, though its id says otherwise. (No review
    /// covers it whatever its date: its reading, the import's, is later than any review's `seen`.)
    private func recordedAfterReviewsThatSawItsID(_ entry: Entry) throws -> Entry {
        let through = JournalExport.throughEntryIDSQL(
            review: "(SELECT id FROM review_ids WHERE uid = reviews.uid)", seen: "reviews.seen")
        guard
            let reviewed = try Int64.fetchOne(
                db,
                sql: "SELECT max(created_at) FROM reviews WHERE exercise_id = ? AND \(through) >= ?",
                arguments: [entry.exerciseID, entry.id])
        else { return entry }
        var entry = entry
        entry.createdAt = max(entry.createdAt, reviewed + 1)
        return entry
    }

    /// Adds what is still pending and notes the added entries for `journal undo`.
    mutating func finish() throws {
        try flush()
        guard result.added > 0 else { return }
        try ChangeLog(db).noteAddedEntries(after: highestBefore, for: changeID())
    }

    private mutating func append(_ entry: Entry) throws {
        pending.append(entry)
        result.added += 1
        if pending.count == Self.batchRows { try flush() }
    }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        var stamp = try self.stamp ?? clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
        let uids = pending.map { _ in stamp.uid() }
        self.stamp = stamp
        if pending.count == Self.batchRows {
            try insert(pending, uids: uids, recorded: stamp.recorded, aliases: aliasBatch, entries: batch)
        } else {
            let aliases = try db.cachedStatement(sql: Self.aliases(rows: 1))
            let single = try db.cachedStatement(sql: EntryColumns.insert)
            for (entry, uid) in zip(pending, uids) {
                try insert([entry], uids: [uid], recorded: stamp.recorded, aliases: aliases, entries: single)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Gives `rows` uids their aliases in one statement, in order: ``EntryColumns/insertAlias`` for many rows.
    ///
    /// Each row's id and uid (`(?, ?)` each), a `NULL` id taking the next alias, as `AUTOINCREMENT`
    /// gives it. An id that names a deleted entry (its alias kept) is pointed at the new uid.
    static func aliases(rows: Int) -> String {
        "INSERT INTO entry_ids (id, uid) VALUES " + Array(repeating: "(?, ?)", count: rows).joined(separator: ", ")
            + " ON CONFLICT (id) DO UPDATE SET uid = excluded.uid"
            + " WHERE NOT EXISTS (SELECT 1 FROM entries WHERE entries.uid = entry_ids.uid)"
    }

    /// Runs `aliases`, then `entries`, the inserts of `list.count` entries' aliases and rows, each
    /// under its uid in `uids` and recorded at `recorded`.
    private func insert(
        _ list: [Entry], uids: [String], recorded: String, aliases: Statement, entries: Statement
    ) throws {
        try run(aliases) { handle in
            var code = SQLITE_OK
            for (index, (entry, uid)) in zip(list, uids).enumerated() where code == SQLITE_OK {
                let place = Int32(1 + 2 * index)
                code = entry.id.map { sqlite3_bind_int64(handle, place, $0) } ?? sqlite3_bind_null(handle, place)
                if code == SQLITE_OK { code = sqlite3_bind_text(handle, place + 1, uid, -1, Self.transient) }
            }
            return code
        }
        try run(entries) { handle in
            var code = SQLITE_OK
            for (index, (entry, uid)) in zip(list, uids).enumerated() where code == SQLITE_OK {
                code = EntryColumns.bind(
                    entry, uid: uid, recorded: recorded, to: handle,
                    from: Int32(1 + index * EntryColumns.parameterCount))
            }
            return code
        }
    }

    /// Binds `statement`'s parameters with `bind` and runs it, straight through SQLite's C API.
    private func run(_ statement: Statement, bind: (OpaquePointer?) -> Int32) throws {
        let handle = statement.sqliteStatement
        // A cached statement GRDB ran last is reset only when GRDB next binds it; SQLite refuses
        // bindings to a statement that has run and was not reset.
        sqlite3_reset(handle)
        var code = bind(handle)
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: it copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private mutating func changeID() throws -> Int64 {
        if let change { return change }
        let id = try ChangeLog(db).begin(.import, now: now)
        change = id
        return id
    }
}

/// Which of the ids from `top` − ``span`` + 1 to `top` an import gave, in a fixed 8 KiB: whether an
/// id below the highest is free is known without a look-up while it is among the latest.
struct GivenIDs {
    static let span: Int64 = 1 << 16
    /// The highest id the window reaches.
    private(set) var top: Int64
    private var bits = [UInt64](repeating: 0, count: Int(span / 64))

    init(top: Int64) {
        self.top = top
    }

    /// Whether the import gave `id`; `nil` when `id` is outside the window.
    func contains(_ id: Int64) -> Bool? {
        guard id <= top, id > top &- Self.span else { return nil }
        let (word, bit) = Self.place(id)
        return bits[word] & bit != 0
    }

    /// Notes that the import gave `id`, moving the window up to it when it is above `top`.
    mutating func insert(_ id: Int64) {
        if id > top {
            if id &- top >= Self.span {
                for index in bits.indices { bits[index] = 0 }
            } else {
                // The ids that leave the window share their places with those that enter it.
                var next = top
                while next < id {
                    next += 1
                    let (word, bit) = Self.place(next)
                    bits[word] &= ~bit
                }
            }
            top = id
        }
        guard id > top &- Self.span else { return }
        let (word, bit) = Self.place(id)
        bits[word] |= bit
    }

    private static func place(_ id: Int64) -> (word: Int, bit: UInt64) {
        let offset = Int(UInt64(bitPattern: id) % UInt64(span))
        return (offset / 64, 1 << UInt64(offset % 64))
    }
}
