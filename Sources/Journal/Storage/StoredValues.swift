import GRDB

/// A value in the journal's file that journal never writes: put there from outside (another
/// program, the sqlite3 shell with its checks turned off), read but never adopted.
///
/// Every screen reads such a row as far as it can (``StoredValues/clamped(_:to:)``), so that it
/// never hides a hold or a red flag, and says what is wrong with it after what it shows; an
/// export refuses it (``JournalError/storedValues(_:)``).
///
/// ```swift
/// let problem = try store.storedValueProblems().first
/// problem?.description
/// // entries row 7, column pain_after: 11, where journal writes a whole number from 0 to 10 (screens read it
/// // as the nearest of those until it is corrected); `journal edit 7 --pain-after N` corrects it, …
/// ```
public struct StoredValueProblem: Sendable, Hashable, CustomStringConvertible {
    /// The table, as schema.sql names it.
    public var table: String
    /// The row, by the id a person types (an exercise id for the plan, a check-in's id for its red flags).
    public var row: String
    /// The column, as schema.sql names it.
    public var column: String
    /// The value as SQLite quotes it: `11`, `'bogus'`, `NULL`.
    public var value: String
    /// What journal writes there, and how screens read the value meanwhile: "where journal writes …".
    public var expected: String
    /// The command that corrects or removes the row.
    public var fix: String

    public var description: String {
        "\(table) row \(row), column \(column): \(value), \(expected); \(fix)"
    }

    /// The most rows of one table one read names: a journal may hold more (``mayHoldMore(than:)``).
    public static let rowsReadPerTable = 20

    /// Whether `problems`, as one read found them, may be fewer than the journal holds: a table
    /// gave as many rows as one read names.
    public static func mayHoldMore(than problems: [StoredValueProblem]) -> Bool {
        Dictionary(grouping: problems, by: \.table).values.contains { Set($0.map(\.row)).count >= rowsReadPerTable }
    }

    /// The exit status of a screen that read a journal holding such values, given the status it
    /// has of its own (`journal check`'s 1 to 3, `today`'s 1 and 3, 0 for the others).
    ///
    /// A stop, a hold or a red flag (2 and 3) keeps its status: a script that acts on them must
    /// never miss one for a damaged row elsewhere, and the damage is still said on standard
    /// error. Anything less yields to 65 (data error), so that damage is never taken for a
    /// journal in order.
    public static func exitStatus(_ own: Int32, damaged: Bool) -> Int32 {
        damaged && own < 2 ? 65 : own
    }
}

/// The values journal never writes, table by table, found in one read: the one place that knows
/// what each column may hold and how to correct a row (``StoredValueProblem``).
///
/// The ranges are those of the types that check typed input (``PainLevel``, ``Entry/Limits``,
/// ``PlanItem``, ``RedFlag``, ``PSFSActivity``); large tables are searched in SQL with them, the
/// small ones read whole and checked by the same initialisers as typed input.
enum StoredValues {
    /// The most rows with problems one read reports, of each table.
    static let limitPerTable = StoredValueProblem.rowsReadPerTable

    /// The record tables keyed by uid (schema.sql `v26-record-ids`), each with its table of the
    /// aliases people type, `(id, uid)`, whose counter (`sqlite_sequence`) gives them.
    static let aliasTables: [String: String] = [
        "entries": "entry_ids", "checkins": "checkin_ids", "reviews": "review_ids",
        "red_flag_reviews": "red_flag_review_ids", "psfs_activities": "psfs_activity_ids",
        "psfs_ratings": "psfs_rating_ids",
    ]

    /// The alias of the row of record table `table` that a statement reads as `row`, as an SQL
    /// expression (NULL for a uid no alias names): one seek of the alias table's uid index.
    static func alias(_ table: String, row: String? = nil) -> String {
        "(SELECT id FROM \(aliasTables[table] ?? table) WHERE uid = \(row ?? table).uid)"
    }

    /// The SQL that names the row of record table `table` whose alias is `id` in a write, for a
    /// person to run: `uid = (SELECT uid FROM entry_ids WHERE id = 7)`.
    static func byAlias(_ table: String, _ id: String, column: String = "uid") -> String {
        "\(column) = (SELECT uid FROM \(aliasTables[table] ?? table) WHERE id = \(id))"
    }

    /// `value` brought within `range`: how a screen reads a stored value out of range, so that a
    /// pain of 11 after 3 is still a rise, and 11 still above ``Thresholds/highPainAbove``.
    static func clamped(_ value: Int, to range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// The pain before and after of one session as screens read them: each brought within 0–10
    /// (``PainLevel/init(clamping:)``), but a pain after above its pain before, both 0 or below
    /// (−3 → −1), reads as 0 → 1: the SQL stop condition (``HoldQueries/stopCondition``) counts it
    /// a rise, and so must every rule, so that the hold it begins is never hidden.
    static func pains(before: Int, after: Int) -> (before: PainLevel, after: PainLevel) {
        let lowest = PainLevel.range.lowerBound
        guard after > before, after <= lowest else { return (PainLevel(clamping: before), PainLevel(clamping: after)) }
        return (PainLevel(clamping: before), PainLevel(clamping: lowest + 1))
    }

    /// The SQL condition of a session that ``pains(before:after:)`` reads as 0 → 1, and the value its pain after reads as.
    private static let riseBelowZero = (
        condition: "pain_after > pain_before AND pain_after <= \(PainLevel.range.lowerBound)",
        value: "\(PainLevel.range.lowerBound + 1)"
    )

    /// Whether the entry's row holds exactly the values `entry` was read with: `false` when
    /// ``clamped(_:to:)`` brought one within its range, an unknown side was read as none, or a
    /// blank note as none.
    static func storedAsRead(_ entry: Entry, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM entries_with_ids WHERE id = ? AND sets IS ? AND reps IS ? AND hold_seconds IS ?
                               AND side IS ? AND pain_before IS ? AND pain_after IS ? AND utc_offset IS ?
                               AND (\(note.valid)))
                """,
            arguments: [
                entry.id, entry.sets, entry.reps, entry.holdSeconds, entry.side?.rawValue, entry.painBefore.value,
                entry.painAfter.value, entry.utcOffset,
            ]) ?? false
    }

    /// Whether the check-in's rows hold exactly what `checkIn` was read with: its pain and UTC
    /// offset, a note journal could have written, and no red flag journal does not know.
    static func storedAsRead(_ checkIn: CheckIn, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM checkins_with_ids WHERE id = ?1 AND pain IS ?2 AND utc_offset IS ?4
                               AND (\(note.valid)))
                   AND (SELECT count(*) FROM checkin_red_flags_with_ids WHERE checkin_id = ?1) = ?3
                """,
            arguments: [checkIn.id, checkIn.pain.value, checkIn.redFlags.count, checkIn.utcOffset]) ?? false
    }

    /// One column's check: the SQL condition its values meet, what journal writes, the flag of
    /// the command that sets it, and the SQL that reads a value as screens read it.
    private struct Column {
        var name: String
        var valid: String
        var expected: String
        var flag: String?
        /// The value brought within what journal writes: the nearest whole number in range, or
        /// `NULL` (a side journal does not know is read as none).
        var nearest: String
        /// A condition on the row under which screens read the column otherwise, and the value they read then.
        var readOtherwise: (condition: String, value: String)? = nil
        /// The SQL of the value a problem shows: quoted, or said in words when quoting would be long (a note).
        var shown: String? = nil

        /// What journal writes there, without how screens read another value: "where journal writes
        /// a whole number from 0 to 10".
        var written: String { expected.components(separatedBy: " (").first ?? expected }

        /// The column as screens read it: the stored value where journal could have written it, else
        /// ``nearest``; ``readOtherwise`` first.
        var asRead: String {
            let read = "CASE WHEN (\(valid)) IS 1 THEN \(name) ELSE \(nearest) END"
            guard let otherwise = readOtherwise else { return read }
            return "CASE WHEN \(otherwise.condition) THEN \(otherwise.value) ELSE \(read) END"
        }
    }

    /// The columns of `table` (entries or check-ins) as a copy puts them back (undo of an edit or a
    /// delete): the values journal could have written as they are, the others as screens read them,
    /// since journal never writes a value out of range (the schema's checks would refuse it).
    static func asRead(_ name: String, of table: String) -> String {
        let columns =
            table == "entries"
            ? entryColumns + offsetColumns + entryTimeColumns
            : table == "checkins" ? checkInColumns + checkInTimeColumns : []
        return columns.first { $0.name == name }?.asRead ?? name
    }

    private static func range(
        _ name: String, _ range: ClosedRange<Int>, optional: Bool = false, flag: String?, also: String = "",
        readOtherwise: (condition: String, value: String)? = nil
    ) -> Column {
        Column(
            name: name,
            valid: (optional ? "\(name) IS NULL OR " : "")
                + "(typeof(\(name)) = 'integer' AND \(name) BETWEEN \(range.lowerBound) AND \(range.upperBound))",
            expected: "where journal writes a whole number from \(range.lowerBound) to \(range.upperBound)"
                + (optional ? " or none" : "")
                + " (screens read it as the nearest of those until it is corrected\(also))",
            flag: flag,
            nearest: (optional ? "CASE WHEN \(name) IS NULL THEN NULL ELSE " : "")
                + "min(max(CAST(\(name) AS INTEGER), \(range.lowerBound)), \(range.upperBound))"
                + (optional ? " END" : ""),
            readOtherwise: readOtherwise)
    }

    private static let entryColumns = [
        range(
            EntryColumns.painBefore.name, PainLevel.range, flag: "--pain-before N",
            also: ", and a pain after above it of 0 or below as 1, so that the rise stands"),
        range(EntryColumns.painAfter.name, PainLevel.range, flag: "--pain-after N", readOtherwise: riseBelowZero),
        range(EntryColumns.sets.name, Entry.Limits.sets, flag: "--sets N"),
        range(EntryColumns.reps.name, Entry.Limits.reps, optional: true, flag: "--reps N"),
        range(EntryColumns.holdSeconds.name, Entry.Limits.holdSeconds, optional: true, flag: "--hold S"),
        Column(
            name: EntryColumns.side.name,
            valid: "side IS NULL OR side IN (\(Side.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))",
            expected: "where journal writes left, right, both or none (screens read it as none until it is corrected)",
            flag: "--side SIDE", nearest: "NULL"),
    ]

    /// An entry's UTC offset: searched apart from ``entryColumns``, through its own index (schema.sql `v20-outside-kinds`).
    private static let offsetColumns = [range(EntryColumns.utcOffset.name, LocalDateTime.utcOffsets, flag: "--at WHEN")]

    /// When a row says it happened: within local years 1 to 9999 at every offset
    /// (``LocalDateTime/representableSeconds``), as typed input and an import take it.
    private static func time(_ name: String, flag: String?) -> Column {
        let times = LocalDateTime.representableSeconds
        return Column(
            name: name,
            valid: "typeof(\(name)) = 'integer' AND \(name) BETWEEN \(times.lowerBound) AND \(times.upperBound)",
            expected: "where journal writes a time within the years 1 to 9999 (screens read it as the nearest such "
                + "time until it is corrected)",
            flag: flag, nearest: "min(max(\(name), \(times.lowerBound)), \(times.upperBound))")
    }

    /// When a row was recorded: never before 1970, as an import takes it.
    private static let createdAt = Column(
        name: "created_at", valid: "typeof(created_at) = 'integer' AND created_at >= 0",
        expected: "where journal writes when the row was recorded, 1970 or later (screens show it as stored)",
        flag: nil, nearest: "created_at")

    /// A note as typed input makes it (``Note``): none, or 1 to ``Note/maximumLength`` code points,
    /// not blank; journal writes none for a blank note, never ''.
    ///
    /// A NUL in a note is no such value: screens read it whole, each NUL as U+FFFD (``StoredText``),
    /// and the schema's length check counts only up to it. Undo puts a blank note back as none.
    private static let note = Column(
        name: "note",
        valid: "note IS NULL OR (trim(note, char(32, 9, 10, 13)) <> '' AND length(note) <= \(Note.maximumLength))",
        expected: "where journal writes none, or 1 to \(Wording.count(Note.maximumLength, "character", "characters")), "
            + "never a blank one (screens show it as stored, a blank one as none, until it is corrected)",
        flag: "--note TEXT", nearest: "CASE WHEN trim(note, char(32, 9, 10, 13)) = '' THEN NULL ELSE note END",
        shown: "CASE WHEN length(CAST(note AS BLOB)) > 40 THEN 'a note of ' || length(CAST(note AS BLOB)) || ' bytes' "
            + "ELSE quote(note) END")

    /// An entry's times and note: searched apart from ``entryColumns``, through their own index
    /// (schema.sql `v21-outside-times`).
    private static let entryTimeColumns = [time(EntryColumns.performedAt.name, flag: "--at WHEN"), createdAt, note]

    /// A check-in's UTC offset, times and note: searched apart from ``checkInColumns``, through
    /// their own index (schema.sql `v21-outside-times`).
    private static let checkInTimeColumns = [
        range("utc_offset", LocalDateTime.utcOffsets, flag: "--at WHEN"), time("performed_at", flag: "--at WHEN"),
        createdAt, note,
    ]

    /// A PSFS rating's UTC offset, through its own index (schema.sql `v21-outside-times`).
    private static let ratingOffsetColumns = [range("utc_offset", LocalDateTime.utcOffsets, flag: nil)]

    /// A review's UTC offset (of an exercise's hold or of the red flags): small tables, read whole.
    private static let reviewOffsetColumns = [range("utc_offset", LocalDateTime.utcOffsets, flag: nil)]

    /// Every value journal never writes, up to ``limitPerTable`` of each table, table by table;
    /// with `now` (the command's), the times dated ahead of it too (``ahead(_:now:)``), and with
    /// `forExport` the times of recording ahead of it (``recordedAhead(_:now:)``).
    static func problems(_ db: Database, now: Int64? = nil, forExport: Bool = false) throws -> [StoredValueProblem] {
        let entryFix = { (id: String, column: Column) in
            guard let flag = column.flag else {
                return "journal cannot correct when a row was recorded: `journal delete \(id)` removes it."
            }
            return "`journal edit \(id) \(flag)` corrects it, `journal delete \(id)` removes it."
        }
        let checkInFix = { (id: String, column: Column) in
            guard let flag = column.flag else {
                return "journal cannot correct when a row was recorded: `journal checkins delete \(id)` removes it."
            }
            return "`journal checkins edit \(id) \(flag)` corrects it, `journal checkins delete \(id)` removes it."
        }
        let ratingFix = { (_: String, _: Column) in Self.ratingFix }
        let reviewFix = { (_: String, _: Column) in Self.reviewFix }
        var found = try search(db, table: "entries", id: alias("entries"), columns: entryColumns, fix: entryFix)
        found += try search(db, table: "entries", id: alias("entries"), columns: offsetColumns, fix: entryFix)
        found += try search(db, table: "entries", id: alias("entries"), columns: entryTimeColumns, fix: entryFix)
        found += try search(db, table: "checkins", id: alias("checkins"), columns: checkInColumns, fix: checkInFix)
        found += try search(db, table: "checkins", id: alias("checkins"), columns: checkInTimeColumns, fix: checkInFix)
        found += try search(
            db, table: "psfs_ratings", id: alias("psfs_ratings"), columns: ratingColumns, fix: ratingFix)
        found += try search(
            db, table: "psfs_ratings", id: alias("psfs_ratings"), columns: ratingOffsetColumns, fix: ratingFix)
        found += try search(db, table: "reviews", id: alias("reviews"), columns: reviewOffsetColumns, fix: reviewFix)
        found += try search(
            db, table: "red_flag_reviews", id: alias("red_flag_reviews"), columns: reviewOffsetColumns, fix: reviewFix)
        found += try search(db, table: "exercises", id: "id", columns: exerciseColumns) { id, column in
            if let flag = column.flag, Catalog.builtIn.exercise(id: id) == nil {
                return "`journal exercises edit \(id) \(flag)` corrects it."
            }
            return "journal cannot correct an exercise's row: restore a backup made before it was changed "
                + "(`journal restore`)."
        }
        found += try ids(db, table: "entries", fix: "`journal delete` cannot reach it")
        found += try ids(db, table: "checkins", fix: "`journal checkins delete` cannot reach it")
        found += try missingExercises(db)
        found += try redFlags(db)
        found += try activities(db)
        found += try search(db, table: "psfs_activities", id: alias("psfs_activities"), columns: activityTimeColumns) {
            _, _ in
            activityFix
        }
        found += try settings(db)
        found += try orphanRatings(db)
        found += try plan(db)
        found += try planHistory(db)
        found += try planAndReviewExercises(db)
        found += try reviewsBeyondTheClock(db)
        found += try idCounters(db)
        found += try exerciseTexts(db)
        if let now { found += try ahead(db, now: now) + (forExport ? recordedAhead(db, now: now) : []) }
        return found
    }

    /// The times dated ahead of `now` that typed input would have refused when the row was
    /// recorded (`--at`: no later than now, ``DateInput/parse(_:now:timeZone:)``), and so does an
    /// import now: an entry's, a check-in's, a review's, a PSFS rating's and a PSFS activity's.
    ///
    /// Ahead of `now` and after the row's own `created_at`: a row journal wrote while the clock
    /// was ahead (set back since, or another device's a few minutes ahead) is dated no later than
    /// it was recorded, and is no value from outside. Every such row is shown and counted as any
    /// other (an entry from a clock ahead counts in today's standing); one named here an export
    /// refuses, since the import would. A time beyond the years journal shows is named by
    /// ``time(_:flag:)`` alone. Entries and check-ins: one seek of `entries_by_time` and
    /// `checkins_by_time` each, empty in a journal in order; the others are small tables, read whole.
    private static func ahead(_ db: Database, now: Int64) throws -> [StoredValueProblem] {
        let searches: [(table: String, column: String, fix: (String) -> String)] = [
            (
                "entries", "performed_at",
                { "`journal edit \($0) --at WHEN` corrects it, `journal delete \($0)` removes it." }
            ),
            (
                "checkins", "performed_at",
                { "`journal checkins edit \($0) --at WHEN` corrects it, `journal checkins delete \($0)` removes it." }
            ),
            ("reviews", "reviewed_at", { _ in reviewFix }),
            ("red_flag_reviews", "reviewed_at", { _ in reviewFix }),
            ("psfs_ratings", "rated_at", { _ in ratingFix }),
            ("psfs_activities", "added_at", { _ in activityFix }),
        ]
        let shownAsOf = Wording.time(LocalDateTime(unixSeconds: now, utcOffset: 0))
        return try searches.flatMap { search in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(alias(search.table)) AS id, \(search.column) AS time, utc_offset FROM \(search.table)
                    WHERE \(search.column) > ?1 AND \(search.column) <= ?2 AND \(search.column) > created_at
                    ORDER BY \(search.column) LIMIT ?3
                    """,
                arguments: [now, LocalDateTime.representableSeconds.upperBound, limitPerTable]
            ).map { row in
                let id = (row["id"] as Int64?).map(String.init) ?? ""
                let time: Int64 = row["time"]
                let offset = clamped(row["utc_offset"] ?? 0, to: LocalDateTime.utcOffsets)
                return StoredValueProblem(
                    table: search.table, row: id, column: search.column,
                    value: "\(time) (\(Wording.time(LocalDateTime(unixSeconds: time, utcOffset: offset))))",
                    expected: "dated ahead of now, \(shownAsOf), and after it was recorded, where journal writes a "
                        + "time no later than when it is recorded (screens show it as stored and count it on its day)",
                    fix: search.fix(id))
            }
        }
    }

    /// The times of recording (`created_at`) ahead of `now`, which an export refuses: an import
    /// refuses a time of recording to come (more than ``JournalExport/recordedAfterNow`` ahead).
    ///
    /// Screens do not name them: a clock set back leaves journal's own rows recorded ahead of now
    /// (the rules hold what was recorded after a review whatever the clock says), and a row put in
    /// from outside so cannot be told from those; the export alone must not write what the import
    /// refuses.
    ///
    /// Entries and check-ins: one seek of `entries_by_recording` and `checkins_by_recording`
    /// (schema.sql `v23-outside-ids`); the others are small tables, read whole.
    private static func recordedAhead(_ db: Database, now: Int64) throws -> [StoredValueProblem] {
        let searches: [(table: String, fix: (String) -> String)] = [
            ("entries", { "journal cannot correct when a row was recorded: `journal delete \($0)` removes it." }),
            (
                "checkins",
                { "journal cannot correct when a row was recorded: `journal checkins delete \($0)` removes it." }
            ),
            ("reviews", { _ in reviewFix }),
            ("red_flag_reviews", { _ in reviewFix }),
            ("psfs_ratings", { _ in ratingFix }),
            ("psfs_activities", { _ in activityFix }),
        ]
        let shownAsOf = Wording.time(LocalDateTime(unixSeconds: now, utcOffset: 0))
        return try searches.flatMap { search in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(alias(search.table)) AS id, created_at, utc_offset FROM \(search.table)
                    WHERE created_at > ?1 AND created_at <= ?2 ORDER BY created_at LIMIT ?3
                    """,
                arguments: [
                    now + JournalExport.recordedAfterNow, LocalDateTime.representableSeconds.upperBound, limitPerTable,
                ]
            ).map { row in
                let id = (row["id"] as Int64?).map(String.init) ?? ""
                let time: Int64 = row["created_at"]
                let offset = clamped(row["utc_offset"] ?? 0, to: LocalDateTime.utcOffsets)
                return StoredValueProblem(
                    table: search.table, row: id, column: "created_at",
                    value: "\(time) (\(Wording.time(LocalDateTime(unixSeconds: time, utcOffset: offset))))",
                    expected: "recorded ahead of now, \(shownAsOf), where journal writes the time it records the row "
                        + "(screens show the row as any other, as after a clock set back)",
                    fix: search.fix(id))
            }
        }
    }

    /// The exercises whose name or how-to typed input refuses (``Exercise/checkedName(_:)``,
    /// ``Exercise/checkedHowTo(_:)``): a control character, say, that would change a terminal.
    ///
    /// Own exercises and built-in ones; an empty one, or one holding a NUL, is the search of
    /// ``exerciseColumns``'s. Screens show such a text made safe for a terminal. A small table, read whole.
    private static func exerciseTexts(_ db: Database) throws -> [StoredValueProblem] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, how_to, quote(name) AS quoted_name, quote(how_to) AS quoted_how_to FROM exercises
                WHERE typeof(name) = 'text' AND name <> '' AND instr(CAST(name AS BLOB), x'00') = 0 ORDER BY id
                """
        ).flatMap { row -> [StoredValueProblem] in
            let id: String = row["id"] ?? ""
            let builtIn = Catalog.builtIn.exercise(id: id)
            let fix =
                builtIn == nil
                ? { (flag: String) in "`journal exercises edit \(id) \(flag)` corrects it." }
                : { (_: String) in
                    "journal cannot correct an exercise's row: restore a backup made before it was changed "
                        + "(`journal restore`)."
                }
            var found: [StoredValueProblem] = []
            do {
                _ = try Exercise.checkedName(row["name"] ?? "")
            } catch {
                // A built-in exercise's name is journal's catalogue's: put back as it is there.
                let nameFix = builtIn.map { exercise in
                    "journal cannot correct an exercise's row; `sqlite3 JOURNAL \"UPDATE exercises SET name = "
                        + "'\(exercise.name.replacingOccurrences(of: "'", with: "''"))' WHERE id = '\(id)'\"` puts "
                        + "back the catalogue's name."
                }
                found.append(
                    StoredValueProblem(
                        table: "exercises", row: id, column: "name", value: Wording.sqlLiteral(row["name"] ?? ""),
                        expected: "which typed input refuses: \(refusal(error))"
                            + (builtIn.map { " (screens show the catalogue's name, \($0.name))" } ?? ""),
                        fix: nameFix ?? fix("--name NAME")))
            }
            if let howTo: String = row["how_to"], !howTo.isEmpty, !howTo.utf8.contains(0) {
                do {
                    _ = try Exercise.checkedHowTo(howTo)
                } catch {
                    found.append(
                        StoredValueProblem(
                            table: "exercises", row: id, column: "how_to", value: row["quoted_how_to"] ?? "NULL",
                            expected: "which typed input refuses: \(refusal(error))", fix: fix("--how-to TEXT")))
                }
            }
            return found
        }
        .prefix(limitPerTable).map { $0 }
    }

    /// Why typed input refuses a value, as its error says it, without the closing full stop.
    private static func refusal(_ error: any Error) -> String {
        let sentence = String(describing: error)
        return sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
    }

    /// What corrects a physiotherapist's or a doctor's review journal cannot correct.
    private static let reviewFix =
        "journal cannot correct a review's row (screens show its time at the nearest offset): restore a backup "
        + "made before it was changed (`journal restore`)."

    /// What corrects a PSFS rating.
    private static let ratingFix =
        "a rating cannot be corrected in journal: rate the activity again (`journal psfs rate ID SCORE`), "
        + "and the new rating counts from then."

    /// What corrects a PSFS activity's times.
    private static let activityFix =
        "journal cannot correct a PSFS activity's times: restore a backup made before it was changed "
        + "(`journal restore`), or retire it (`journal psfs remove ID`) and add it again."

    /// The rows of `table` with a value `columns` do not allow: one read, ordered by `id` (of a
    /// record table, its alias: ``alias(_:row:)``).
    ///
    /// For entries, check-ins and PSFS ratings, schema.sql's `*_outside_values` indexes are partial
    /// on exactly this condition, keyed by uid, so the read finds such rows without reading the
    /// others, and each row's alias in one seek of its alias table (`StoredValuesTests` asks
    /// SQLite's query plan).
    private static func search(
        _ db: Database, table: String, id: String, columns: [Column], also: String? = nil,
        fix: (String, Column) -> String
    ) throws -> [StoredValueProblem] {
        let rows = try Row.fetchAll(
            db, sql: searchSQL(table: table, id: id, columns: columns, also: also), arguments: [limitPerTable])
        return rows.flatMap { row -> [StoredValueProblem] in
            let rowID = shownID(row[0])
            return columns.enumerated().compactMap { index, column in
                guard row[1 + index * 2] as Bool? == true else { return nil }
                return StoredValueProblem(
                    table: table, row: rowID, column: column.name,
                    value: row[2 + index * 2] as String? ?? "NULL", expected: column.expected,
                    fix: fix(rowID, column))
            }
        }
    }

    /// A row's id as a problem names it: an alias or a kept copy's id as its digits, an exercise's
    /// id or an earlier dose's name as its text; "" for none (a uid no alias names).
    private static func shownID(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: ""
        }
    }

    /// The statement of ``search(_:table:id:columns:also:fix:)``: each row's id, then, for each column, whether
    /// its value is not allowed and the value quoted; at most `?` rows (`also`: a further condition on
    /// the rows, its parameters after the limit).
    private static func searchSQL(table: String, id: String, columns: [Column], also: String? = nil) -> String {
        let flags = columns.map { "(\($0.valid)) IS NOT 1, \($0.shown ?? "quote(\($0.name))")" }.joined(separator: ", ")
        let rows = also.map { "(\($0)) AND " } ?? ""
        return "SELECT \(id), \(flags) FROM \(table) WHERE \(rows)\(outside(columns)) ORDER BY 1 "
            + "LIMIT ?"
    }

    // MARK: What a change kept

    /// The first value that change `change`, of `kind` on `subject`, kept to put back and that typed
    /// input would refuse, said as a reason for ``JournalError/undoRecordDamaged(reason:)``; `nil`
    /// when every value it kept is one journal writes.
    ///
    /// ```swift
    /// try StoredValues.keptValueRefused(of: 4, kind: .delete, subject: nil, db)
    /// // "change_entries holds a copy of entry #2 whose pain_after is 11, where journal writes a whole number from 0 to 10"
    /// ```
    ///
    /// The same columns as the search of the journal's own tables (``problems(_:)``), over the copies
    /// a change keeps: journal keeps a copy as screens read the row (``asRead(_:of:)``), so a value
    /// out of what journal writes there was put in from outside, and undo never puts it back. The
    /// plan and exercise of a plan or exercise change are checked for its subject alone (the rows of
    /// others stay as they are), an exercise by the initialiser typed input goes through too.
    static func keptValueRefused(of change: Int64, kind: ChangeKind, subject: String?, _ db: Database) throws
        -> String?
    {
        let restored = "change_id = ? AND action = 'restore'"
        let searches: [(table: String, record: String, columns: [Column], rows: String)] = [
            ("change_entries", "a copy of entry #", entryColumns + offsetColumns + entryTimeColumns, restored),
            ("change_checkins", "a copy of check-in #", checkInColumns + checkInTimeColumns, restored),
            ("change_plan", "the plan row of ", planColumns, "change_id = ? AND exercise_id IS ?"),
            (
                "change_plan_history", "the plan's earlier dose of ", earlierDoseColumns,
                "change_id = ? AND exercise_id IS ?"
            ),
            ("change_exercises", "the exercise ", exerciseColumns, "change_id = ? AND id IS ?"),
            (
                "change_exercise_reviews", "a copy of the physiotherapist's review #",
                reviewOffsetColumns + [createdAt, note], "change_id = ? AND exercise_id IS ?"
            ),
        ]
        for search in searches {
            let id =
                search.table == "change_plan"
                ? "exercise_id" : search.table == "change_plan_history" ? earlierDoseRow() : "id"
            // The rows' parameters come first in the statement, then its limit of one row.
            let arguments: StatementArguments = search.rows == restored ? [change, 1] : [change, subject, 1]
            guard
                let row = try Row.fetchOne(
                    db, sql: searchSQL(table: search.table, id: id, columns: search.columns, also: search.rows),
                    arguments: arguments),
                let index = search.columns.indices.first(where: { row[1 + $0 * 2] as Bool? == true })
            else { continue }
            let column = search.columns[index]
            let value: String = row[2 + index * 2] ?? "NULL"
            return "\(search.table) holds \(search.record)\(shownID(row[0]).terminalSafe) whose "
                + "\(column.name) is \(value.terminalSafe), \(column.written)"
        }
        return try keptExerciseRefused(of: change, subject: subject, db)
    }

    /// The exercise an exercise change kept, through the initialiser typed input goes through
    /// (``Exercise/custom(id:name:category:perSide:measure:howTo:)``): its name and how-to as
    /// `exercises add` takes them; `nil` when it takes them.
    private static func keptExerciseRefused(of change: Int64, subject: String?, _ db: Database) throws -> String? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, name, category, per_side, measure, how_to, quote(id) AS quoted_id,
                           quote(name) AS quoted_name, quote(how_to) AS quoted_how_to
                    FROM change_exercises WHERE change_id = ? AND id IS ?
                    """,
                arguments: [change, subject]),
            let id: String = row["id"], Catalog.builtIn.exercise(id: id) == nil,
            let category = Exercise.Category(rawValue: row["category"] ?? ""),
            let measure = Exercise.Measure(rawValue: row["measure"] ?? "")
        else { return nil }
        do {
            _ = try Exercise.custom(
                id: id, name: row["name"] ?? "", category: category, perSide: row["per_side"] == 1, measure: measure,
                howTo: row["how_to"])
            return nil
        } catch let error as JournalError {
            let column =
                switch error {
                case .invalidHowTo, .howToTooLong: "how_to"
                case .invalidExerciseID: "id"
                default: "name"
                }
            let value: String = row["quoted_\(column)"] ?? "NULL"
            return "change_exercises holds the exercise \(id.terminalSafe) whose \(column) is \(value.terminalSafe), "
                + "which typed input refuses: \(error.description.terminalSafe)"
        }
    }

    /// The SQL condition that a row holds a value `columns` do not allow.
    private static func outside(_ columns: [Column]) -> String {
        "(" + columns.map { "(\($0.valid))" }.joined(separator: " AND ") + ") IS NOT 1"
    }

    /// The searches an index of schema.sql answers: the index, and the search's statement.
    static var indexedSearches: [(index: String, sql: String)] {
        [
            ("entries_outside_values", searchSQL(table: "entries", id: alias("entries"), columns: entryColumns)),
            ("checkins_outside_values", searchSQL(table: "checkins", id: alias("checkins"), columns: checkInColumns)),
            (
                "psfs_ratings_outside_values",
                searchSQL(table: "psfs_ratings", id: alias("psfs_ratings"), columns: ratingColumns)
            ),
            ("entries_outside_offsets", searchSQL(table: "entries", id: alias("entries"), columns: offsetColumns)),
            ("entries_outside_times", searchSQL(table: "entries", id: alias("entries"), columns: entryTimeColumns)),
            (
                "checkins_outside_times",
                searchSQL(table: "checkins", id: alias("checkins"), columns: checkInTimeColumns)
            ),
            (
                "psfs_ratings_outside_offsets",
                searchSQL(table: "psfs_ratings", id: alias("psfs_ratings"), columns: ratingOffsetColumns)
            ),
        ]
    }

    private static let checkInColumns = [range("pain", PainLevel.range, flag: "--pain N")]
    private static let ratingColumns = [range("score", PainLevel.range, flag: nil)]

    /// The SQL condition of an exercise id journal writes (the schema's check): a row without one
    /// is no exercise to screens, which find its entries by the id journal wrote.
    static let validExerciseID = "id <> '' AND id = lower(id) AND id NOT GLOB '*[^a-z0-9-]*'"

    /// An exercise's row as typed input makes it (``Exercise/custom(id:name:category:perSide:measure:howTo:)``).
    private static let exerciseColumns = [
        Column(
            name: "id", valid: validExerciseID,
            expected: "where journal writes lower-case letters, digits and hyphens (entries that name the exercise "
                + "as journal wrote it find no exercise until it is corrected)",
            flag: nil, nearest: "lower(id)"),
        Column(
            name: "category",
            valid: "category IN (\(Exercise.Category.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))",
            expected: "where journal writes stability, stretch or self-treatment",
            flag: nil, nearest: "NULL"),
        Column(
            name: "measure",
            valid: "measure IN (\(Exercise.Measure.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))",
            expected: "where journal writes reps or hold", flag: nil, nearest: "NULL"),
        Column(
            name: "per_side", valid: "per_side IN (0, 1)", expected: "where journal writes 0 or 1", flag: nil,
            nearest: "NULL"),
        Column(
            name: "archived", valid: "archived IN (0, 1)",
            expected: "where journal writes 0 or 1 (screens read it as 0, not archived, until it is corrected)",
            flag: nil, nearest: "0"),
        Column(
            name: "builtin", valid: "builtin IN (0, 1)",
            expected: "where journal writes 0 or 1 (screens read a row as built in exactly when journal's catalogue "
                + "holds its id)",
            flag: nil, nearest: "NULL"),
        Column(
            name: "name", valid: "name <> '' AND instr(CAST(name AS BLOB), x'00') = 0",
            expected: "where journal writes a name, not empty, with no NUL (screens show the exercise by its id where "
                + "its name is empty, and its name up to a NUL)",
            flag: "--name NAME", nearest: "NULL", shown: quotedWhole("name")),
        Column(
            name: "how_to", valid: "how_to IS NULL OR how_to <> ''",
            expected: "where journal writes none or a text, not empty (screens read an empty one as none)",
            flag: "--how-to TEXT", nearest: "NULL"),
    ]

    /// The SQL that quotes `column` whole: as its bytes (`X'…'`) when it holds a NUL, which
    /// `quote()` of a text would stop at.
    private static func quotedWhole(_ column: String) -> String {
        "CASE WHEN instr(CAST(\(column) AS BLOB), x'00') > 0 THEN quote(CAST(\(column) AS BLOB)) ELSE quote(\(column)) END"
    }

    /// The exercise ids that entries name and no exercise has (deleted from outside with foreign
    /// keys off, or its id changed): one seek in `entries_by_exercise` for each id the entries name.
    private static func missingExercises(_ db: Database) throws -> [StoredValueProblem] {
        try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE used(id) AS (
                    SELECT min(exercise_id) FROM entries
                    UNION ALL
                    SELECT (SELECT min(exercise_id) FROM entries WHERE exercise_id > used.id) FROM used
                    WHERE used.id IS NOT NULL)
                SELECT id, (SELECT count(*) FROM entries WHERE exercise_id = used.id) AS entries,
                       (SELECT x.id FROM exercises AS x WHERE x.id = lower(used.id)) AS resolved,
                       (SELECT min(e.id) FROM entries_with_ids AS e WHERE e.exercise_id = used.id) AS first,
                       \(quotedWhole("id")) AS quoted
                FROM used
                WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM exercises) ORDER BY id LIMIT ?
                """,
            arguments: [limitPerTable]
        ).map { row in
            guard let resolved: String = row["resolved"] else { return missingExercise(row[0], entries: row[1]) }
            let count: Int = row["entries"]
            let first = (row["first"] as Int64?).map(String.init) ?? ""
            return StoredValueProblem(
                table: "entries", row: first, column: "exercise_id", value: row["quoted"],
                expected: "where journal writes an exercise's id: this is \(resolved)'s in other letters, written "
                    + "from outside (\(Wording.count(count, "entry", "entries")), from #\(first)); "
                    + "screens count it as \(resolved)'s: a rise on it puts \(resolved) on hold, which "
                    + "`journal resume \(resolved)` answers",
                fix: caseFix("entries", to: resolved, quoted: row["quoted"]))
        }
    }

    /// The `sqlite3` step that gives the rows of `table` whose `exercise_id` is `quoted` (an
    /// exercise's id in other letters, written from outside) that exercise's id, `resolved`.
    static func caseFix(_ table: String, to resolved: String, quoted: String) -> String {
        "`sqlite3 JOURNAL \"UPDATE \(table) SET exercise_id = '\(resolved)' WHERE exercise_id = \(quoted)\"` puts it back."
    }

    /// Exercise `id`, named by `entries` entries, has no row: for a built-in one, the next write
    /// that names it puts its row back from ``Catalog/builtIn`` (``keepExerciseRow(_:_:)``).
    static func missingExercise(_ id: String, entries count: Int) -> StoredValueProblem {
        let fix =
            Catalog.builtIn.exercise(id: id) != nil
            ? "it is one of journal's built-in exercises: the next change that names it (`journal log \(id) …`, "
                + "`journal resume \(id)`, `journal undo`) puts its row back from journal's catalogue."
            : "`journal exercises add \(id) --name NAME --category CATEGORY` puts it back."
        return StoredValueProblem(
            table: "exercises", row: id, column: "id", value: "NULL",
            expected:
                "where journal keeps a row for every exercise entries name (here \(Wording.count(count, "entry", "entries"))): "
                + "there is no such row (removed from outside with foreign keys off, or its id changed); "
                + "screens name the exercise by its id, and a rise on it is a hold as any other",
            fix: fix)
    }

    /// Makes sure exercise `id` has its row before a write names it (an entry logged or put back,
    /// a review), since the row may have been removed from outside with foreign keys off.
    ///
    /// A built-in exercise's row is journal's own data, its catalogue the source, not the file: it
    /// is written again from ``Catalog/builtIn`` in the caller's write. One of the person's own
    /// throws ``JournalError/exerciseRowMissing(_:)``: only a backup or the person knows its name
    /// and how it is done, and journal adopts nothing the file alone says.
    static func keepExerciseRow(_ id: String, _ db: Database) throws {
        guard
            try
                !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM exercises WHERE id = ?)", arguments: [id])
                ?? false)
        else { return }
        try ExerciseQueries.refuseMissingRow(id, db)
        guard let exercise = Catalog.builtIn.exercise(id: id) else { return }
        try db.execute(
            sql: "INSERT INTO exercises (id, name, category, per_side, measure, builtin) VALUES (?, ?, ?, ?, ?, 1)",
            arguments: [
                exercise.id, exercise.name, exercise.category.rawValue, exercise.perSide, exercise.measure.rawValue,
            ])
    }

    /// The red flags of check-ins that journal does not know (none of ``RedFlag``'s ids), and those
    /// whose check-in is gone (deleted from outside with foreign keys off): those present, which
    /// screens read (`checkin_red_flags_with_ids`); a check-in by its alias (`checkin_ids` keeps
    /// it after the check-in is deleted), or its uid where no alias names it.
    private static func redFlags(_ db: Database) throws -> [StoredValueProblem] {
        let known = RedFlag.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(coalesce(a.id, quote(f.checkin_uid)) AS TEXT), \(quotedWhole("f.red_flag")), c.performed_at,
                       c.utc_offset, c.uid IS NULL, a.id IS NOT NULL, quote(f.checkin_uid)
                FROM checkin_red_flags AS f LEFT JOIN checkins AS c ON c.uid = f.checkin_uid
                LEFT JOIN checkin_ids AS a ON a.uid = f.checkin_uid
                WHERE f.present = 1 AND (f.red_flag IS NULL OR f.red_flag NOT IN (\(known)) OR c.uid IS NULL)
                ORDER BY a.id, f.checkin_uid, f.red_flag LIMIT ?
                """,
            arguments: [limitPerTable])
        return rows.map { row in
            let id: String = row[0]
            if row[4] as Bool {
                let named = row[5] as Bool ? "check-in #\(id)" : "a check-in journal gave no id (uid \(id))"
                let which =
                    row[5] as Bool
                    ? byAlias("checkins", id, column: "checkin_uid") : "checkin_uid = \(row[6] as String)"
                return StoredValueProblem(
                    table: "checkin_red_flags", row: id, column: "checkin_id", value: id,
                    expected: "a red flag (\(row[1] as String? ?? "NULL")) of \(named), which is not in the "
                        + "journal (deleted from outside with foreign keys off): no screen shows it, and its time is "
                        + "gone with its check-in",
                    fix: "if you had that red flag, record it again (`journal checkin --pain N --red-flag ID --at "
                        + "WHEN`); no journal command reaches the row: `sqlite3 JOURNAL \"DELETE FROM "
                        + "checkin_red_flags WHERE \(which)\"` removes it.")
            }
            let performedAt: Int64? = row[2]
            let when = performedAt.map {
                " of " + LocalDateTime(unixSeconds: $0, utcOffset: row[3] ?? 0).shortText
            }
            return StoredValueProblem(
                table: "checkin_red_flags", row: id, column: "red_flag", value: row[1] ?? "NULL",
                expected: "a red flag journal does not know: the check-in\(when ?? "") (#\(id)) carries a red flag "
                    + "no advice is given for",
                fix: "read the check-in (`journal checkins`) and what `journal safety --red-flags` says of each "
                    + "red flag; `journal checkins edit \(id) --red-flag ID` (or `--no-red-flags`) corrects it.")
        }
    }

    /// The rows of `table` (entries or check-ins) whose id journal never gives (``Entry/Limits/ids``):
    /// two seeks of the alias table's id, below and above the range, each alias's record by its uid.
    ///
    /// Such a row is read and shown as any other; an import refuses its id, so an export refuses it.
    private static func ids(_ db: Database, table: String, fix: String) throws -> [StoredValueProblem] {
        let ids = Entry.Limits.ids
        let found = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM (SELECT id FROM \(table)_with_ids WHERE id < ?1 ORDER BY id LIMIT ?3)
                UNION ALL SELECT id FROM (SELECT id FROM \(table)_with_ids WHERE id > ?2 ORDER BY id LIMIT ?3)
                """,
            arguments: [ids.lowerBound, ids.upperBound, limitPerTable]
        ).prefix(limitPerTable)
        guard !found.isEmpty, let counted = countedTables.first(where: { $0.table == table }) else { return [] }
        let next = (try Int64.fetchOne(db, sql: "SELECT \(largestBelowTheLimit(counted))") ?? 0) + 1
        return found.enumerated().map { index, id in
            StoredValueProblem(
                table: table, row: String(id), column: "id", value: String(id),
                expected: "where journal gives whole numbers from \(ids.lowerBound) to \(ids.upperBound) (screens "
                    + "show the row as stored)",
                fix:
                    "\(fix), which takes those only: `sqlite3 JOURNAL \"\(renumber(counted, from: id, to: next + Int64(index))); UPDATE sqlite_sequence SET seq = \(next + Int64(index)) WHERE name = '\(counted.aliases)'\"` "
                    + "gives it the id \(next + Int64(index)), the next after the largest journal gave, and puts the "
                    + "counter there.")
        }
    }

    /// A PSFS activity's times as typed input and an import take them.
    ///
    /// Its UTC offset within ±18 hours, and retired (if it is) no earlier than it was added. A
    /// small table, read whole.
    private static let activityTimeColumns = [
        range("utc_offset", LocalDateTime.utcOffsets, flag: nil),
        Column(
            name: "retired_at", valid: "retired_at IS NULL OR retired_at >= added_at",
            expected: "where journal writes none, or a time no earlier than the activity's added_at (screens show it "
                + "as stored)",
            flag: nil, nearest: "retired_at"),
    ]

    /// The settings `journal config set` would refuse.
    ///
    /// A name other than `region`, or a region journal does not know
    /// (``Region/init(parsing:setting:)``), or does not write as stored. A table of a row or two, read
    /// whole, each name and value as its bytes (``SettingsQueries/text(_:)``), so that a NUL in one
    /// is named rather than read as its end; each is spelled as SQL spells it, control characters
    /// too (``Wording/sqlLiteral(_:)``), and a character that could make it print other than it is
    /// named (``Wording/hiddenCharacter(in:)``), as an exercise's name is.
    private static func settings(_ db: Database) throws -> [StoredValueProblem] {
        try Row.fetchAll(db, sql: "SELECT CAST(name AS BLOB) AS name, CAST(value AS BLOB) AS value FROM \(setSettings)")
            .compactMap { row -> StoredValueProblem? in
                let name = SettingsQueries.text(row["name"])
                let named = name.map(Wording.sqlLiteral) ?? "NULL"
                guard name == SettingsQueries.regionName else {
                    return StoredValueProblem(
                        table: "settings", row: named, column: "name", value: named,
                        expected: "where journal writes only region" + (name.flatMap(hidden) ?? ""),
                        fix: "journal reads no other setting: `sqlite3 JOURNAL \"DELETE FROM settings WHERE name = "
                            + "\(named)\"` removes it.")
                }
                let value = SettingsQueries.text(row["value"])
                let shown = value.map(Wording.sqlLiteral) ?? "NULL"
                let held = value.flatMap(hidden) ?? ""
                if let value, let region = Region.named(by: value) {
                    // Known, but not as journal writes it (`gb`): screens read it as the region it names.
                    guard region.code != value else { return nil }
                    return StoredValueProblem(
                        table: "settings", row: SettingsQueries.regionName, column: "value", value: shown,
                        expected: "where journal writes the code as `journal config set region` does, \(region.code) "
                            + "(screens read it as \(region.code))\(held)",
                        fix: "`journal config set region \(region.code)` corrects it.")
                }
                return StoredValueProblem(
                    table: "settings", row: SettingsQueries.regionName, column: "value", value: shown,
                    expected: "where journal writes a region it knows, \(Region.accepted) (screens use the "
                        + "environment's region until it is corrected)\(held)",
                    fix: "`journal config set region CODE` corrects it, `journal config unset region` removes it.")
            }
            .prefix(limitPerTable).map { $0 }
    }

    /// ", and it holds the control character U+0000, …" for a stored setting that holds such a
    /// character (``Wording/hiddenCharacter(in:)``); `nil` when it holds none.
    private static func hidden(_ text: String) -> String? {
        Wording.hiddenCharacter(in: text).map { ", and \($0)" }
    }

    /// The PSFS ratings whose activity is gone (deleted from outside with foreign keys off).
    ///
    /// One read of `psfs_ratings_by_activity`, a small table (a few ratings a week). Each by its alias
    /// and its activity's (`psfs_activity_ids` keeps it after the activity is deleted), or the
    /// activity's uid where no alias names it.
    private static func orphanRatings(_ db: Database) throws -> [StoredValueProblem] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(\(alias("psfs_ratings", row: "r")) AS TEXT) AS id,
                       CAST(coalesce((SELECT id FROM psfs_activity_ids WHERE uid = r.activity_uid), quote(r.activity_uid))
                            AS TEXT) AS activity,
                       EXISTS (SELECT 1 FROM psfs_activity_ids WHERE uid = r.activity_uid) AS named,
                       quote(r.uid) AS quoted
                FROM psfs_ratings AS r
                WHERE r.activity_uid NOT IN (SELECT uid FROM psfs_activities) ORDER BY \(alias("psfs_ratings", row: "r")), r.uid
                LIMIT ?
                """,
            arguments: [limitPerTable]
        ).map { row in
            let id: String? = row["id"]
            let activity: String = row["activity"]
            let which = id.map { byAlias("psfs_ratings", $0) } ?? "uid = \(row["quoted"] as String)"
            return StoredValueProblem(
                table: "psfs_ratings", row: id ?? row["quoted"], column: "activity_id", value: activity,
                expected: "a rating of "
                    + (row["named"]
                        ? "PSFS activity #\(activity)" : "a PSFS activity journal gave no id (uid \(activity))")
                    + ", which is not in the journal (deleted from outside with foreign keys off): no screen shows it, "
                    + "and no activity added later takes it",
                fix: "no journal command reaches the row: `sqlite3 JOURNAL \"DELETE FROM psfs_ratings WHERE "
                    + "\(which)\"` removes it.")
        }
    }

    /// The PSFS activities whose words typed input would refuse (``PSFSActivity``'s check).
    private static func activities(_ db: Database) throws -> [StoredValueProblem] {
        try Row.fetchAll(
            db, sql: "SELECT id, activity, quote(activity) AS quoted FROM psfs_activities_with_ids ORDER BY id"
        )
        .compactMap { row -> StoredValueProblem? in
            let text: String = row["activity"] ?? ""
            guard (try? PSFSActivity(activity: text, addedAt: 0, utcOffset: 0, createdAt: 0)) == nil else {
                return nil
            }
            let id: Int64 = row["id"]
            return StoredValueProblem(
                table: "psfs_activities", row: String(id), column: "activity", value: row["quoted"] ?? "NULL",
                expected: "where journal writes 1 to \(PSFSActivity.maximumLength) characters on one line",
                fix: "`journal psfs remove \(id)` retires it, and `journal psfs add` adds it in other words.")
        }
        .prefix(limitPerTable).map { $0 }
    }

    /// A plan row's dose and start day, as typed input makes them (``PlanItem``'s check).
    private static let planColumns = [
        range("sets", Entry.Limits.sets, flag: "--sets N"),
        range("reps", Entry.Limits.reps, optional: true, flag: "--reps N"),
        range("hold_seconds", Entry.Limits.holdSeconds, optional: true, flag: "--hold S"),
        range("per_week", PlanItem.perWeekRange, flag: "--per-week N"),
        Column(
            name: "since", valid: "since IS NULL OR (since IS date(since, '+0 days') AND since >= '0001-01-01')",
            expected: "where journal writes a date, YYYY-MM-DD, or none (screens read it as none, the plan in "
                + "force since the journal began, until it is corrected)",
            flag: "--since DATE", nearest: "NULL"),
    ]

    /// An earlier dose (plan_history, and its copies in change_plan_history) as typed input makes
    /// it: the plan row's checks (``planColumns``), its day ``ExerciseQueries/sinceJournalBegan``
    /// (`0000-00-00`) for "since the journal began", which screens read as none (and say so).
    private static let earlierDoseColumns = planColumns.map { column in
        guard column.name == "since" else { return column }
        var since = column
        since.valid = "since = '\(ExerciseQueries.sinceJournalBegan)' OR " + column.valid
        return since
    }

    /// The settings rows that hold a value: one whose value is NULL is a setting unset (`config unset`).
    private static let setSettings = "settings WHERE value IS NOT NULL"

    /// The plan rows whose dose typed input would refuse (``PlanItem``'s check).
    private static func plan(_ db: Database) throws -> [StoredValueProblem] {
        try search(db, table: "plan", id: "exercise_id", columns: planColumns, also: "removed = 0") { id, _ in
            "`journal plan set \(id) …` replaces it, `journal plan remove \(id)` takes it off the plan."
        }
    }

    /// An earlier dose's row (plan_history has no id), as a problem names it: "glute-bridge from
    /// 2026-11-02" ("from the start" for a dose in force since the journal began).
    private static func earlierDoseRow(_ table: String = "") -> String {
        "\(table)exercise_id || ' from ' || coalesce(nullif(\(table)since, '\(ExerciseQueries.sinceJournalBegan)'), 'the start')"
    }

    /// What corrects an earlier dose of exercise `id`'s plan.
    private static func earlierDoseFix(_ id: String) -> String {
        "`journal plan set \(id) … --since DAY`, on this dose's day or before, replaces it; `journal plan remove "
            + "\(id)` forgets the plan's earlier doses."
    }

    /// The plan's earlier doses (plan_history) that journal never writes.
    ///
    /// A dose or start day typed input would refuse (the plan row's checks, ``planColumns``), and
    /// a row of an exercise with no row, or with no plan row of that id, or that starts no earlier
    /// than the plan row's dose (journal keeps a dose there only when a later one replaced it on
    /// the plan). A small table, read whole.
    ///
    /// Screens read such a dose as the plan's reads (``ExerciseQueries/plan(_:)``: within its bounds,
    /// in the order of its day), and one of an exercise not on the plan not at all.
    private static func planHistory(_ db: Database) throws -> [StoredValueProblem] {
        let doses = try search(
            db, table: "plan_history", id: earlierDoseRow(), columns: earlierDoseColumns, also: "removed = 0"
        ) { row, _ in
            earlierDoseFix(row.components(separatedBy: " from ").first ?? row)
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(earlierDoseRow("h.")) AS row, h.exercise_id AS exercise, \(quotedWhole("h.exercise_id")) AS quoted,
                       quote(h.since) AS quoted_since, x.id IS NULL AS missing, p.exercise_id IS NULL AS unplanned,
                       p.since AS plan_since
                FROM plan_history AS h
                LEFT JOIN exercises AS x ON x.id = h.exercise_id
                LEFT JOIN plan AS p ON p.exercise_id = h.exercise_id AND p.removed = 0
                WHERE h.removed = 0 AND (x.id IS NULL OR p.exercise_id IS NULL OR p.since IS NULL
                   OR (h.since IS date(h.since, '+0 days') AND h.since >= p.since))
                ORDER BY 1 LIMIT ?
                """,
            arguments: [limitPerTable])
        return doses
            + rows.map { row in
                let id: String = row["row"]
                let exercise: String = row["exercise"] ?? ""
                let remove =
                    "`sqlite3 JOURNAL \"DELETE FROM plan_history WHERE exercise_id = \(row["quoted"] ?? "NULL")\"` "
                    + "removes "
                if row["missing"] as Bool {
                    return StoredValueProblem(
                        table: "plan_history", row: id, column: "exercise_id", value: row["quoted"] ?? "NULL",
                        expected: "where journal keeps earlier doses only of an exercise it has: there is no such row "
                            + "(removed from outside with foreign keys off, or its id changed)",
                        fix: remove + "the exercise's earlier doses.")
                }
                if row["unplanned"] as Bool {
                    return StoredValueProblem(
                        table: "plan_history", row: id, column: "exercise_id", value: row["quoted"] ?? "NULL",
                        expected: "where journal keeps earlier doses only of an exercise on the plan, by the plan "
                            + "row's id (screens show it nowhere)",
                        fix: remove + "the exercise's earlier doses.")
                }
                let planSince = (row["plan_since"] as String?) ?? "none"
                return StoredValueProblem(
                    table: "plan_history", row: id, column: "since", value: row["quoted_since"] ?? "NULL",
                    expected: "where journal keeps a dose that starts before the plan row's, here \(planSince) "
                        + "(screens read the doses in the order of their days, this one no earlier than the plan's)",
                    fix: earlierDoseFix(exercise))
            }
            .prefix(limitPerTable)
    }
}

extension StoredValues {
    /// The plan rows and reviews that name an exercise journal could not have planned or reviewed.
    ///
    /// An exercise with no row (removed from outside with foreign keys off, or its id changed), and, for
    /// the plan, one archived (`journal exercises remove --force` takes an exercise off the plan in
    /// the write that archives it). Both tables are small and read whole.
    ///
    /// Screens still show such a plan row and such a review as they are, named, so that nothing
    /// the person set up goes missing without a word; an export refuses them, as the import would.
    private static func planAndReviewExercises(_ db: Database) throws -> [StoredValueProblem] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT 'plan' AS source, p.exercise_id AS row, p.exercise_id AS exercise,
                       \(quotedWhole("p.exercise_id")) AS quoted,
                       x.id IS NULL AS missing,
                       (SELECT c.id FROM exercises AS c WHERE x.id IS NULL AND c.id = lower(p.exercise_id)) AS resolved,
                       EXISTS (SELECT 1 FROM plan AS o WHERE o.exercise_id = lower(p.exercise_id) AND o.removed = 0)
                           AS planned
                FROM plan AS p LEFT JOIN exercises AS x ON x.id = p.exercise_id
                WHERE p.removed = 0 AND (x.id IS NULL OR x.archived <> 0)
                UNION ALL
                SELECT 'reviews', CAST(r.id AS TEXT), r.exercise_id, \(quotedWhole("r.exercise_id")), 1,
                       (SELECT c.id FROM exercises AS c WHERE c.id = lower(r.exercise_id)), 0
                FROM reviews_with_ids AS r WHERE r.exercise_id NOT IN (SELECT id FROM exercises)
                  AND r.exercise_id NOT IN (SELECT exercise_id FROM entries)
                ORDER BY 1, 2 LIMIT ?
                """,
            arguments: [limitPerTable * 2])
        return rows.map { row in
            let table: String = row["source"]
            let id: String = row["row"]
            let exercise: String = row["exercise"] ?? ""
            let missing: Bool = row["missing"]
            let builtIn = Catalog.builtIn.exercise(id: exercise) != nil
            let absent =
                "there is no such row (removed from outside with foreign keys off, or its id changed)"
            if let resolved: String = row["resolved"] {
                let planned: Bool = row["planned"]
                return StoredValueProblem(
                    table: table, row: id, column: "exercise_id", value: row["quoted"] ?? "NULL",
                    expected: "where journal writes an exercise's id: this is \(resolved)'s in other letters, "
                        + "written from outside"
                        + (table == "plan"
                            ? "; screens read it as \(resolved)'s plan, held while \(resolved) is"
                            : "; it answers no hold until it is corrected"),
                    fix: planned
                        ? "\(resolved) is planned too: `sqlite3 JOURNAL \"DELETE FROM plan WHERE exercise_id = "
                            + "\(row["quoted"] ?? "NULL")\"` removes this row."
                        : caseFix(table, to: resolved, quoted: row["quoted"] ?? "NULL"))
            }
            if table == "plan" {
                return StoredValueProblem(
                    table: "plan", row: id, column: "exercise_id", value: row["quoted"] ?? "NULL",
                    expected: "where journal plans only an exercise that can be logged: "
                        + (missing ? absent : "it is archived, and journal takes an archived exercise off the plan")
                        + " (screens show it on the plan, but it cannot be logged)",
                    fix: "`journal plan remove \(exercise)` takes it off the plan.")
            }
            return StoredValueProblem(
                table: "reviews", row: id, column: "exercise_id", value: row["quoted"] ?? "NULL",
                expected: "where journal keeps a row for every exercise a review names: \(absent)",
                fix: builtIn
                    ? "it is one of journal's built-in exercises: the next change that names it "
                        + "(`journal log \(exercise) …`) puts its row back from journal's catalogue."
                    : "`journal exercises add \(exercise) --name NAME --category CATEGORY` puts it back.")
        }
    }
}

extension StoredValues {
    /// A table of reviews whose `seen` holds the latest clock reading of each replica they had seen
    /// (schema.sql `v26-record-ids`), the SQL of a row's alias (`r`), the records it covers and the
    /// copies `journal undo` keeps of them (`log`).
    private typealias SeenColumn = (
        table: String, row: String, records: String, record: String, shown: String, log: String
    )

    /// The reviews, the copies `journal undo` keeps of them, and what their `seen` covers.
    private static let seenColumns: [SeenColumn] = [
        ("reviews", alias("reviews", row: "r"), "entries", "session", "a session", "change_entries"),
        ("change_exercise_reviews", "r.id", "entries", "session", "a session", "change_entries"),
        (
            "red_flag_reviews", alias("red_flag_reviews", row: "r"), "checkins", "check-in", "a red flag",
            "change_checkins"
        ),
    ]

    /// The reviews whose `seen` says they had seen a reading of this journal's own clock beyond the
    /// latest it gave (`replica_clocks`), or is no JSON object, and the copies `journal undo` keeps
    /// of them (of an exercise `journal exercises remove` deleted).
    ///
    /// Only this journal's own readings are checked: a review merged from another device may name
    /// a third device's reading that this journal has not merged yet (its files are on their way).
    ///
    /// A review of an exercise's hold or of the red flags holds, for each replica, the latest
    /// reading of its clock the journal had when the review was recorded: never one the journal
    /// has not reached. Such a review would count a session or a red flag recorded after it, and
    /// dated no later than the review, as seen, since every reading the clock gives from then on
    /// is above the last. Both tables are small and read whole.
    ///
    /// The fix names the reading the review can have seen, never more (``seenSQL(_:)``), so that
    /// what it covers shrinks rather than grows: a hold or a red flag stands again, never hides.
    private static func reviewsBeyondTheClock(_ db: Database) throws -> [StoredValueProblem] {
        let object = "CASE WHEN json_valid(r.seen) THEN json_type(r.seen) = 'object' ELSE 0 END"
        // A reading is shown alone (the replica ends it), so that a line holds it whole; a `seen`
        // that is no JSON object as a note is, in words when long.
        let shownSeen =
            "CASE WHEN length(CAST(r.seen AS BLOB)) > 40 THEN 'a text of ' || length(CAST(r.seen AS BLOB)) "
            + "|| ' bytes' ELSE quote(r.seen) END"
        let selects = seenColumns.flatMap { seen in
            let kept = seen.table.hasPrefix("change_") ? " AND change_id IN (\(changesOfThisJournal))" : ""
            return [
                """
                SELECT '\(seen.table)' AS source, CAST(\(seen.row) AS TEXT) AS row, s.key AS replica,
                       quote(s.value) AS quoted, k.last AS latest, \(seenSQL(seen)) AS bound
                FROM \(seen.table) AS r, json_each(CASE WHEN \(object) THEN r.seen ELSE '{}' END) AS s
                LEFT JOIN replica_clocks AS k ON k.replica = s.key
                WHERE s.value > coalesce(k.last, '')
                  AND s.key = (SELECT replica FROM replica_clocks WHERE self = 1)\(kept)
                """,
                """
                SELECT '\(seen.table)', CAST(\(seen.row) AS TEXT), NULL, \(shownSeen), NULL, NULL
                FROM \(seen.table) AS r WHERE r.seen IS NOT NULL AND NOT (\(object))\(kept)
                """,
            ]
        }
        let rows = try Row.fetchAll(
            db, sql: selects.joined(separator: " UNION ALL ") + " ORDER BY 1 DESC, 2, 3 LIMIT ?",
            arguments: [limitPerTable * 2])
        return rows.compactMap { row in
            let table: String = row["source"]
            let id: String = row["row"] ?? ""
            guard let seen = seenColumns.first(where: { $0.table == table }) else { return nil }
            let which = table.hasPrefix("change_") ? "id = \(id)" : byAlias(table, id)
            let resume = seen.records == "entries" ? "`journal resume`" : "`journal resume --red-flags`"
            guard let replica: String = row["replica"], let bound: String = row["bound"] else {
                return StoredValueProblem(
                    table: table, row: id, column: "seen", value: row["quoted"] ?? "NULL",
                    expected: "where journal writes a JSON object, each replica's latest clock reading the journal "
                        + "had when the review was recorded",
                    fix: "`sqlite3 JOURNAL \"UPDATE \(table) SET seen = '{}' WHERE \(which)\"` sets it to {}: a review "
                        + "that had seen nothing, so what it shows stands again until \(resume).")
            }
            let key = replica.replacingOccurrences(of: "'", with: "''")
            let update = { (value: String) in
                "`sqlite3 JOURNAL \"UPDATE \(table) SET seen = json_patch(seen, json_object('\(key)', \(value))) "
                    + "WHERE \(which)\"`"
            }
            let shown =
                "(such a review would count \(seen.shown) recorded after it as seen, if dated no later than the "
                + "review)"
            guard let latest: String = row["latest"] else {
                // No reading of that replica here: the review cannot have seen one.
                return StoredValueProblem(
                    table: table, row: id, column: "seen", value: row["quoted"] ?? "NULL",
                    expected: "where journal writes, of each replica, the latest reading of its clock the journal had "
                        + "when the review was recorded, and it has none of replica \(replica) \(shown)",
                    fix: "\(update("NULL")) takes that replica out: a review that had seen nothing of it, so what it "
                        + "shows stands again until \(resume).")
            }
            return StoredValueProblem(
                table: table, row: id, column: "seen", value: row["quoted"] ?? "NULL",
                expected: "where journal writes, of each replica, the latest reading of its clock the journal had when "
                    + "the review was recorded, here at most \(latest) \(shown)",
                fix: "\(update("'\(bound)'")) sets it to \(bound): every \(seen.record) up to that reading was "
                    + "recorded before the review's second; one recorded in that second counts as not seen, so what "
                    + "it shows stands again until \(resume).")
        }
    }

    /// The latest reading of the replica `s.key` that the review `r` can have seen, as an SQL
    /// expression: never beyond the latest the journal holds of it (`k.last`), never below its
    /// zero reading.
    ///
    /// Readings are given in the order records are made, so the review saw every record whose
    /// reading is below that of the first made after it: taken as the first recorded in the
    /// review's second or later, a deleted one `journal undo` kept too. One recorded in that second
    /// before the review then counts as not seen, which can bring back a hold the review had
    /// answered, never hide one.
    private static func seenSQL(_ seen: SeenColumn) -> String {
        let readings = """
            (SELECT recorded, created_at FROM \(seen.records) WHERE substr(recorded, 26) = s.key
             UNION ALL SELECT recorded, created_at FROM \(seen.log)
             WHERE action = 'restore' AND substr(recorded, 26) = s.key)
            """
        let zero = "'000000000000000-00000000-' || s.key"
        let first = "(SELECT min(recorded) FROM \(readings) WHERE created_at >= r.created_at)"
        return """
            min(coalesce(k.last, \(zero)),
                coalesce((SELECT max(recorded) FROM \(readings) WHERE recorded < coalesce(\(first), '~')), \(zero)))
            """
    }
}

extension StoredValues {
    /// A record table whose ids SQLite counts in its alias table (`aliases`).
    ///
    /// With the change log's table keeping its ids (`keptRows`: those of its rows that do, where
    /// one table keeps two kinds) and what one row is (schema.sql `v26-record-ids`). Only the alias table and the
    /// copies `journal undo` keeps name a record by its id: every other table names it by its uid.
    private typealias CountedTable = (
        table: String, aliases: String, kept: String, keptRows: String?, record: String
    )

    /// The tables journal gives ids in, each counted by SQLite in its alias table
    /// (`sqlite_sequence`, AUTOINCREMENT).
    private static let countedTables: [CountedTable] = [
        ("entries", "entry_ids", "change_entries", nil, "entry"),
        ("checkins", "checkin_ids", "change_checkins", nil, "check-in"),
        ("reviews", "review_ids", "change_reviews", nil, "physiotherapist's review"),
        ("red_flag_reviews", "red_flag_review_ids", "change_red_flag_reviews", nil, "red-flag review"),
        (
            "psfs_activities", "psfs_activity_ids", "change_psfs", "action IN ('remove-activity', 'unretire')",
            "PSFS activity"
        ),
        ("psfs_ratings", "psfs_rating_ids", "change_psfs", "action = 'remove-rating'", "PSFS rating"),
    ]

    /// The id counters (`sqlite_sequence`) of the alias tables of the records journal gives ids in,
    /// changed from outside.
    ///
    /// Below the largest id journal has given that it still knows of (in the alias table, which
    /// keeps the id of a deleted record too, or in a copy a change not undone since the latest
    /// restore kept for `journal undo`), or at or beyond the largest id journal gives
    /// (``Entry/Limits/ids``), where it has none left to give. `table`: that table's alone (the
    /// record table's name or its alias table's).
    ///
    /// A counter below an id given lets SQLite give that id again: `journal undo` of a delete, or
    /// `journal edit 41` typed from what a screen showed, would reach another record. At the
    /// largest id journal gives, the next id is one journal never gives, and at SQLite's largest,
    /// SQLite gives none (it says the disk is full). journal keeps the counter at or
    /// above every id it gave, and below its largest, so either was put in from outside; screens name it, and a write
    /// that gives an id refuses (``refuseChangedIDCounter(_:_:)``). The fix puts the counter back at
    /// the largest id given; when that id is itself the largest journal gives, it gives that record
    /// (its alias and the copies `journal undo` kept) the id after the largest below it. One row of
    /// `sqlite_sequence` and a seek or two per table (`change_entries_by_id`, `change_checkins_by_id`:
    /// schema.sql `v23-outside-ids`).
    static func idCounters(_ db: Database, table only: String? = nil) throws -> [StoredValueProblem] {
        let tables = countedTables.filter { only == nil || $0.table == only || $0.aliases == only }
        let largest = Entry.Limits.ids.upperBound
        let selects = tables.map { counted in
            let kept =
                "\(counted.kept) WHERE \(counted.keptRows.map { "\($0) AND " } ?? "")+change_id IN (\(changesOfThisJournal))"
            return """
                SELECT '\(counted.table)' AS name, seq, quote(seq) AS quoted, max(
                           coalesce((SELECT max(id) FROM \(counted.aliases)), 0),
                           coalesce((SELECT id FROM \(kept) ORDER BY id DESC LIMIT 1), 0)
                       ) AS given, \(largestBelowTheLimit(counted)) AS below
                FROM (SELECT (SELECT seq FROM sqlite_sequence WHERE name = '\(counted.aliases)') AS seq)
                """
        }
        // Each id from the top of its index (`+change_id`: not through `change_entries_by_change`,
        // which would sort every row of an import's change), the rows compared here.
        let rows = try Row.fetchAll(db.cachedStatement(sql: selects.joined(separator: " UNION ALL ")))
        return rows.compactMap { row in
            let table: String = row["name"]
            guard let counted = countedTables.first(where: { $0.table == table }) else { return nil }
            let given: Int64 = row["given"]
            let seq = row["seq"] as Int64?
            let quoted: String = row["quoted"] ?? "NULL"
            let exhausted = (seq ?? 0) >= largest
            guard exhausted || (seq ?? 0) < given else { return nil }
            let record = counted.record
            let next = (row["below"] as Int64) + 1
            let counter = { (value: Int64) in
                seq == nil
                    ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('\(counted.aliases)', \(value))"
                    : "UPDATE sqlite_sequence SET seq = \(value) WHERE name = '\(counted.aliases)'"
            }
            let put =
                given >= largest ? renumber(counted, from: given, to: next) + "; " + counter(next) : counter(given)
            return StoredValueProblem(
                table: "sqlite_sequence", row: counted.aliases, column: "seq", value: quoted,
                expected: "where journal keeps the largest \(record) id it has given, here \(given) (the largest in "
                    + "the journal or in what `journal undo` kept): "
                    + (exhausted
                        ? "at or beyond the largest id journal gives, \(largest), no new \(record) can be given one"
                        : "below it, a new \(record) would take an id journal gave before, and `journal undo` or "
                            + "an id typed from what a screen showed could reach another record")
                    + " (writes that give an id are refused until it is corrected)",
                fix: "`sqlite3 JOURNAL \"\(put)\"` "
                    + (given >= largest
                        ? "gives #\(given), at or beyond that largest id, the id \(next), and "
                            + "puts the counter there." : "puts it back."))
        }
    }

    /// The largest id journal gave in `counted`'s table, below the largest it gives (``Entry/Limits/ids``),
    /// that it still knows of (as ``idCounters(_:table:)``), as an SQL expression; 0 for none.
    private static func largestBelowTheLimit(_ counted: CountedTable) -> String {
        let below = "id BETWEEN \(Entry.Limits.ids.lowerBound) AND \(Entry.Limits.ids.upperBound - 1)"
        let kept = counted.keptRows.map { "\($0) AND " } ?? ""
        // Each from the top of its index down, as ``idCounters(_:table:)``' own.
        return """
            max(coalesce((SELECT max(id) FROM \(counted.aliases) WHERE \(below)), 0),
                coalesce((SELECT id FROM \(counted.kept) WHERE \(kept)\(below) AND +change_id IN (\(changesOfThisJournal))
                          ORDER BY id DESC LIMIT 1), 0))
            """
    }

    /// The SQL that gives the record whose id is `id` in `counted` the id `new`: its alias, and the
    /// copies `journal undo` kept of it, which name it by that id (every other table names its uid).
    private static func renumber(
        _ counted: CountedTable,
        from id: Int64, to new: Int64
    ) -> String {
        let kept =
            "UPDATE \(counted.kept) SET id = \(new) WHERE \(counted.keptRows.map { "\($0) AND " } ?? "")id = \(id)"
        return [kept, "UPDATE \(counted.aliases) SET id = \(new) WHERE id = \(id)"].joined(separator: "; ")
    }

    /// The changes not undone since the latest restore: the copies of those before it name ids of
    /// the journal it replaced, which undoing the restore puts back whole, counter and all.
    static let changesOfThisJournal =
        "SELECT id FROM changes WHERE undone = 0 AND id > coalesce((SELECT max(id) FROM changes "
        + "WHERE kind = '\(ChangeKind.restore.rawValue)'), 0)"

    /// Throws ``JournalError/idCounterChanged(_:)`` when `table`'s id counter was changed from
    /// outside (``idCounters(_:table:)``): called before a write gives a new id, which then is never
    /// one journal gave before.
    static func refuseChangedIDCounter(_ table: String, _ db: Database) throws {
        if let problem = try idCounters(db, table: table).first { throw JournalError.idCounterChanged(problem) }
    }
}

extension JournalStore {
    /// Every value in the journal that journal never writes (``StoredValueProblem``).
    ///
    /// Table by table; empty for a journal in order. `forExport`: also what only an export refuses
    /// (a time of recording ahead of `now`).
    public func storedValueProblems(now: Int64? = nil, forExport: Bool = false) throws -> [StoredValueProblem] {
        try reading { db in try StoredValues.problems(db, now: now, forExport: forExport) }
    }
}
