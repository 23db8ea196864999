import Foundation
import GRDB

/// Importing a full JSON export (`journal import` of `journal export --all`): not to be confused with
/// restoring a SQLite backup (``SQLiteRestore``).
enum FullExportImport {
    /// Restores a full export (``JournalExport``) into this journal, all or nothing.
    ///
    /// The journal must hold no entries, check-ins or reviews: a restore puts back a journal with
    /// its ids (each record's id in the file becomes its alias here, under a new uid from the
    /// import's one ``WriteStamp``; what each review had seen is given by ``giveReadings``), and
    /// merging two journals' histories has no one right answer. It may already hold
    /// the person's own exercises and plan items the export has too (the same values: they are
    /// kept; different ones: refused), as after undoing a restore. Every element is checked as the
    /// command that records it checks its input; the first problem aborts everything with its line
    /// (``JournalError/invalidImport(line:problem:)``) and the journal is unchanged.
    ///
    /// `open` gives the input from its first byte, twice: the first pass reads the format and the
    /// exercises, the second the entries, check-ins, plan and reviews that name them, whatever
    /// order the members come in. `journal undo` puts the journal back as it was: it removes the
    /// entries, check-ins, reviews, red-flag reviews and PSFS activities and ratings added, and puts
    /// back the plan, the person's own exercises and the settings the import kept before adding to
    /// them (``ChangeLog/recordFullImport(now:)``).
    ///
    /// ```swift
    /// let result = try store.writing {
    ///     try FullExportImport.restore(from: { ByteSource(bytes: bytes) }, now: now, clock: store.clock, $0)
    /// }
    /// result.added // entries
    /// ```
    static func restore(
        from open: () throws -> ByteSource, now: Int64, clock: StoreClock, _ db: Database
    ) throws -> ImportResult {
        try Self.requireNothingToOverwrite(db)
        var result = ImportResult()
        var lines: [String: [Int64: Int]] = [:]
        var change: Int64?
        var stamp = LazyStamp(clock: clock, now: Date(timeIntervalSince1970: TimeInterval(now)))
        // What the file says each review, and each red-flag review, had seen: by uid.
        var reviewsSaw: [(uid: String, recordedAt: Int64, through: Int64)] = []
        var redFlagReviewsSaw: [(uid: String, recordedAt: Int64, through: Int64)] = []
        func changeID() throws -> Int64 {
            let current = try change ?? ChangeLog(db).recordFullImport(now: now)
            change = current
            return current
        }
        try Self.readJournalExport(open(), firstPass: true) { member, value, line in
            switch member {
            case "exercises":
                if try Self.restoreExercise(value, line: line, db, beforeAdding: { _ = try changeID() }) {
                    result.exercises += 1
                }
            case "psfs_activities":
                let activity = try Self.element(line) { try JournalExport.activity(value, now: now) }
                try Self.refuseLargestID(activity.id, of: "PSFS activity", line)
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM psfs_activities_with_ids WHERE id = ?", arguments: [activity.id])
                        == 0
                else { throw Self.twice("activity", activity.id ?? 0, line) }
                let uid = try stamp.uid(db)
                let id = try Self.giveAlias(activity.id, to: uid, in: "psfs_activity_ids", of: "psfs_activities", db)
                try db.execute(
                    sql: """
                        INSERT INTO psfs_activities (uid, activity, added_at, utc_offset, retired_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        uid, activity.activity, activity.addedAt, activity.utcOffset, activity.retiredAt,
                        activity.createdAt,
                    ])
                try ChangeLog(db).notePSFS("remove-activity", id, for: changeID())
                lines["activity", default: [:]][id] = line
                result.activities += 1
            default:
                return
            }
        }
        let active = try Int.fetchOne(db, sql: "SELECT count(*) FROM psfs_activities WHERE retired_at IS NULL") ?? 0
        guard active <= PSFSActivity.maximumActive else {
            throw JournalError.invalidImport(
                line: 1,
                problem: "the file has \(active) PSFS activities still rated; the scale takes at most "
                    + "\(PSFSActivity.maximumActive).")
        }
        // Every row of the person's own: an archived exercise the file holds reads as removed until
        // its entries are in (``ExerciseQueries/removedExercise(_:)``).
        let catalog = try ExerciseQueries.catalog(db, includingArchived: true, includingRemoved: true)
        // The exercises whose row this import has made sure of (``StoredValues/keepExerciseRow(_:_:)``).
        var kept: Set<String> = []
        let keep = { (id: String) in
            if kept.insert(id).inserted { try StoredValues.keepExerciseRow(id, db) }
        }
        try Self.readJournalExport(open(), firstPass: false) { member, value, line in
            switch member {
            case "entries":
                let entry = try Self.element(line) {
                    let (draft, recordedAt) = try JournalExport.entryDraft(value, now: now)
                    guard let exercise = catalog.exercise(id: draft.exercise) else {
                        throw Self.unknownExercise(draft.exercise, catalog)
                    }
                    var entry = try draft.entry(exercise: exercise, now: now, timeZone: .gmt)
                    entry.createdAt = recordedAt
                    return entry
                }
                try Self.refuseLargestID(entry.id, of: "entry", line)
                if let id = entry.id, try EntryQueries.entry(id: id, db) != nil {
                    throw Self.twice("entry", id, line)
                }
                try keep(entry.exerciseID)
                // Recorded at the stamp for now: ``giveReadings`` ranks the file's entries at the end.
                let id = try stamp.use(db) { stamp in
                    let uid = stamp.uid()
                    let id = try Self.giveAlias(entry.id, to: uid, in: "entry_ids", of: "entries", db)
                    try db.cachedStatement(sql: EntryColumns.insert).execute(
                        arguments: StatementArguments(
                            EntryColumns.values(of: entry, uid: uid, recorded: stamp.recorded)))
                    return id
                }
                try ChangeLog(db).noteAdded(id, for: changeID())
                result.added += 1
            case "checkins":
                var checkIn = try Self.element(line) { try JournalExport.checkIn(value, now: now) }
                try Self.refuseLargestID(checkIn.id, of: "check-in", line)
                if let id = checkIn.id, try !Self.checkInIDIsFree(id, db) { throw Self.twice("check-in", id, line) }
                try stamp.use(db) { try checkIn.insert(db, stamp: &$0) }
                try ChangeLog(db).noteAddedCheckIn(checkIn.id ?? 0, for: changeID())
                result.checkIns += 1
            case "plan":
                let item = try Self.element(line) { try JournalExport.planItem(value) }
                try keep(item.exerciseID)
                if try Self.restorePlanItem(
                    item, catalog: catalog, line: line, db, beforeAdding: { _ = try changeID() })
                {
                    result.planItems += 1
                }
            case "reviews":
                let review = try Self.element(line) {
                    let review = try JournalExport.review(value, now: now)
                    guard catalog.exercise(id: review.exerciseID) != nil else {
                        throw Self.unknownExercise(review.exerciseID, catalog)
                    }
                    return review
                }
                try Self.refuseLargestID(review.id, of: "review", line)
                if let id = review.id, try Self.reviewIDIsTaken(id, db) { throw Self.twice("review", id, line) }
                try keep(review.exerciseID)
                let uid = try stamp.uid(db)
                let id = try Self.giveAlias(review.id, to: uid, in: "review_ids", of: "reviews", db)
                // What it had seen is written once the file's entries are all in (``giveReadings``).
                try db.execute(
                    sql: """
                        INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
                        VALUES (?, ?, ?, ?, ?, ?, '{}')
                        """,
                    arguments: [
                        uid, review.exerciseID, review.reviewedAt, review.utcOffset, review.note, review.createdAt,
                    ])
                reviewsSaw.append((uid, review.createdAt, review.throughEntryID))
                try ChangeLog(db).noteAddedReview(id, for: changeID())
                result.reviews += 1
            case "red_flag_reviews":
                let review = try Self.element(line) { try JournalExport.redFlagReview(value, now: now) }
                try Self.refuseLargestID(review.id, of: "red-flag review", line)
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM red_flag_reviews_with_ids WHERE id = ?", arguments: [review.id])
                        == 0
                else { throw Self.twice("red-flag review", review.id ?? 0, line) }
                let uid = try stamp.uid(db)
                let id = try Self.giveAlias(review.id, to: uid, in: "red_flag_review_ids", of: "red_flag_reviews", db)
                try db.execute(
                    sql: """
                        INSERT INTO red_flag_reviews (uid, reviewed_at, utc_offset, note, created_at, seen)
                        VALUES (?, ?, ?, ?, ?, '{}')
                        """,
                    arguments: [uid, review.reviewedAt, review.utcOffset, review.note, review.createdAt])
                redFlagReviewsSaw.append((uid, review.createdAt, review.throughCheckInID))
                try ChangeLog(db).noteAddedRedFlagReview(id, for: changeID())
                result.redFlagReviews += 1
            case "settings":
                let setting = try Self.element(line) { try JournalExport.setting(value) }
                if let held = try SettingsQueries.value(named: setting.name, db) {
                    guard held == setting.value else {
                        throw JournalError.invalidImport(
                            line: line,
                            problem: "this journal's \(setting.name) is \(held), the file's \(setting.value); "
                                + "unset it (`journal config unset \(setting.name)`) or restore into a new journal."
                        )
                    }
                    return
                }
                _ = try changeID()
                try SettingsQueries.set(setting.name, to: setting.value, db)
            case "psfs_ratings":
                let rating = try Self.element(line) { try JournalExport.rating(value, now: now) }
                try Self.refuseLargestID(rating.id, of: "rating", line)
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM psfs_activities_with_ids WHERE id = ?",
                        arguments: [rating.activityID]
                    )
                        == 1
                else {
                    throw JournalError.invalidImport(
                        line: line, problem: "the rating names activity \(rating.activityID), which the file lacks."
                    )
                }
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM psfs_ratings_with_ids WHERE id = ?", arguments: [rating.id]) == 0
                else { throw Self.twice("rating", rating.id ?? 0, line) }
                let uid = try stamp.uid(db)
                let id = try Self.giveAlias(rating.id, to: uid, in: "psfs_rating_ids", of: "psfs_ratings", db)
                try db.execute(
                    sql: """
                        INSERT INTO psfs_ratings (uid, activity_uid, rated_at, utc_offset, score, note, created_at)
                        VALUES (?, (SELECT uid FROM psfs_activity_ids WHERE id = ?), ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        uid, rating.activityID, rating.ratedAt, rating.utcOffset, rating.score.value, rating.note,
                        rating.createdAt,
                    ])
                try ChangeLog(db).notePSFS("remove-rating", id, for: changeID())
                lines["rating", default: [:]][id] = line
                result.ratings += 1
            default:
                return
            }
        }
        if let taken = stamp.taken {
            try Self.giveReadings(taken, reviews: reviewsSaw, redFlagReviews: redFlagReviewsSaw, db)
        }
        try Self.requireConsistentReferences(db, lines: lines)
        return result
    }

    /// The one stamp (``WriteStamp``) of a full import, taken when it first makes a record: an
    /// import that only checks, or only adds exercises, plan items or settings, moves no clock.
    private struct LazyStamp {
        let clock: StoreClock
        let now: Date
        private(set) var taken: WriteStamp?

        /// Runs `body` with the stamp, taken in `db`'s transaction the first time.
        mutating func use<T>(_ db: Database, _ body: (inout WriteStamp) throws -> T) throws -> T {
            var stamp = try taken ?? clock.stamp(db, now: now)
            defer { taken = stamp }
            return try body(&stamp)
        }

        /// The next record's uid.
        mutating func uid(_ db: Database) throws -> String { try use(db) { $0.uid() } }
    }

    /// Gives `uid` the alias `id` in the alias table `aliases` of `table`; returns the alias.
    ///
    /// Before the record is inserted. An alias of a record no longer there (as after undoing an
    /// import) is pointed at `uid`; with no `id`, the next alias is given.
    ///
    /// A full import keeps the file's numbers (schema.sql v26-record-ids: the trigger on `table`
    /// then gives none); the caller has checked that no record of `table` holds `id`.
    private static func giveAlias(
        _ id: Int64?, to uid: String, in aliases: String, of table: String, _ db: Database
    ) throws -> Int64 {
        if let id {
            try db.cachedStatement(
                sql: """
                    INSERT INTO \(aliases) (id, uid) VALUES (?1, ?2)
                    ON CONFLICT (id) DO UPDATE SET uid = excluded.uid
                    WHERE NOT EXISTS (SELECT 1 FROM \(table) WHERE \(table).uid = \(aliases).uid)
                    """
            ).execute(arguments: [id, uid])
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO \(aliases) (uid) VALUES (?)").execute(arguments: [uid])
        return db.lastInsertedRowID
    }

    /// Writes the readings of what the file recorded (schema.sql v26-record-ids), so that each
    /// review covers what the file says it covered, as the section's formula does for a journal it
    /// migrates: a reading per record, ranked.
    ///
    /// The file's entries, ranked by when each was recorded (`recorded_at`) then by id, get the
    /// readings after the import's own `stamp`, two counts apart (`recorded`); a review gets, of
    /// this journal's replica, the reading one count after the last entry before the first one in
    /// that order it had not seen (`seen`): one recorded after the review's second, or with an id
    /// beyond its `through_entry_id`. So a review covers exactly the entries the file says it
    /// covered (recorded by its second, with an id up to its through id), in every file written by
    /// a journal whose clock never went back; when the file's order of recording and of ids disagree
    /// (a clock set back), it covers fewer, never more. Check-ins and red-flag reviews likewise.
    /// The clock then stands at the latest reading given, so every later write comes after them.
    ///
    /// The journal held no entries, check-ins or reviews (``requireNothingToOverwrite(_:)``): those
    /// are the file's. Red-flag reviews it held are left as they are: they had not seen the file's
    /// check-ins.
    private static func giveReadings(
        _ stamp: WriteStamp, reviews: [(uid: String, recordedAt: Int64, through: Int64)],
        redFlagReviews: [(uid: String, recordedAt: Int64, through: Int64)], _ db: Database
    ) throws {
        let replica = stamp.reading.replica.hex
        // The reading `counts` (SQL) counts after the stamp's, as `HybridTimestamp.text` writes it.
        func reading(_ counts: String) -> String {
            "printf('%015d-%08x-%s', \(stamp.reading.wall), \(stamp.reading.counter) + (\(counts)), '\(replica)')"
        }
        var largest: Int64 = 1
        for (records, aliases, seers, seen) in [
            ("entries", "entry_ids", "reviews", reviews),
            ("checkins", "checkin_ids", "red_flag_reviews", redFlagReviews),
        ] {
            let ranks = "full_import_\(records)"
            try db.execute(
                sql: """
                    CREATE TEMP TABLE \(ranks) AS
                        SELECT r.uid AS uid, a.id AS id, r.created_at AS created_at,
                               row_number() OVER (ORDER BY r.created_at, a.id) AS rank
                        FROM \(records) AS r JOIN \(aliases) AS a ON a.uid = r.uid;
                    CREATE INDEX temp.\(ranks)_by_uid ON \(ranks) (uid);
                    UPDATE \(records) SET recorded = (
                        SELECT \(reading("2 * k.rank")) FROM \(ranks) AS k WHERE k.uid = \(records).uid);
                    """)
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(ranks)") ?? 0
            largest = max(largest, 2 * count + 1)
            // One count after the last record before the first the review had not seen.
            let seenCount = """
                2 * coalesce((SELECT min(rank) - 1 FROM \(ranks) WHERE created_at > ?2 OR id > ?3),
                             (SELECT count(*) FROM \(ranks))) + 1
                """
            let update = try db.makeStatement(
                sql: "UPDATE \(seers) SET seen = json_object(?1, \(reading(seenCount))) WHERE uid = ?4")
            for review in seen {
                try update.execute(arguments: [replica, review.recordedAt, review.through, review.uid])
            }
            try db.execute(sql: "DROP TABLE temp.\(ranks)")
        }
        try db.execute(
            sql: "UPDATE replica_clocks SET last = max(last, \(reading("?"))) WHERE self = 1", arguments: [largest])
    }

    /// Refuses what each element allows alone but the file as a whole contradicts.
    ///
    /// An activity retired before it was added is refused. A rating dated before its activity was added is journal's own
    /// (`psfs rate --at` takes any past time, as a baseline remembered after adding the activity).
    ///
    /// (A review through an entry beyond the file's last, as after the newest entries were deleted
    /// or in a forged file, 2^53 − 1, names the same entries as one through the file's last:
    /// ``giveReadings`` reads it so, and no later entry counts as reviewed.)
    private static func requireConsistentReferences(_ db: Database, lines: [String: [Int64: Int]]) throws {
        func line(_ kind: String, _ id: Int64) -> Int { lines[kind]?[id] ?? 1 }
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM psfs_activities_with_ids WHERE retired_at < added_at ORDER BY id LIMIT 1")
        {
            throw JournalError.invalidImport(
                line: line("activity", id), problem: "PSFS activity \(id) is retired before it was added.")
        }
    }

    /// Refuses a journal that already holds entries, check-ins or reviews, saying how many.
    private static func requireNothingToOverwrite(_ db: Database) throws {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM checkins) AS checkins,
                       (SELECT count(*) FROM reviews) AS reviews, (SELECT count(*) FROM psfs_activities) AS activities
                """)
        let held: [(Int, String, String)] = [
            (row?["entries"] ?? 0, "entry", "entries"), (row?["checkins"] ?? 0, "check-in", "check-ins"),
            (row?["reviews"] ?? 0, "review", "reviews"), (row?["activities"] ?? 0, "PSFS activity", "PSFS activities"),
        ].filter { $0.0 > 0 }
        guard !held.isEmpty else { return }
        let counts = held.map { Wording.count($0.0, $0.1, $0.2) }
        let listed = Wording.list(counts)
        throw JournalError.invalidImport(
            line: 1,
            problem: "a full export restores a whole journal into an empty one, and this journal already holds "
                + "\(listed). Restore into a new journal (--db NEW-PATH, or JOURNAL_DB), or import the entries "
                + "alone from a CSV (`journal export --format csv`).")
    }

    /// Reads the document, calling `body` with each element of each array member and its line.
    ///
    /// The first pass also checks that `format` and `version` are there.
    private static func readJournalExport(
        _ source: ByteSource, firstPass: Bool, _ body: (String, JSONValue, Int) throws -> Void
    ) throws {
        var reader = JSONReader(source: source)
        do {
            do {
                try reader.beginObject()
            } catch let error as JSONReadError {
                throw JSONReadError(
                    line: error.line,
                    problem: error.problem + "; " + ExportFormat.importable)
            }
            var seen: Set<String> = []
            while let (member, line) = try reader.nextMember(first: seen.isEmpty) {
                if member == JournalExport.noAliasesMember {
                    throw JournalError.invalidImport(line: line, problem: JournalExport.noAliasesImportProblem)
                }
                guard JournalExport.members.contains(member) else {
                    throw JournalError.invalidImport(
                        line: line,
                        problem: "\"\(member)\" is not a member of a full export; its members are "
                            + JournalExport.members.joined(separator: ", ") + ".")
                }
                guard seen.insert(member).inserted else {
                    throw JournalError.invalidImport(line: line, problem: "\"\(member)\" appears twice.")
                }
                switch member {
                case "format":
                    let value = try reader.value()
                    guard value == .string(JournalExport.format) else {
                        throw JournalError.invalidImport(
                            line: line,
                            problem: "format must be \"\(JournalExport.format)\": this is not a full export of journal."
                        )
                    }
                case "version":
                    let value = try reader.value()
                    guard value == .number(String(JournalExport.version)) else {
                        guard case .number(let text) = value, let version = Int(text), version > JournalExport.version
                        else {
                            throw JournalError.invalidImport(
                                line: line, problem: "version must be \(JournalExport.version); got \(value.kind).")
                        }
                        throw JournalError.invalidImport(
                            line: line,
                            problem: "this is version \(version) of the full export, written by a newer journal; "
                                + "this one reads version \(JournalExport.version). Update journal to import it.")
                    }
                default:
                    try reader.beginArray()
                    var first = true
                    while let elementLine = try reader.nextElement(first: first) {
                        first = false
                        try body(member, try reader.value(), elementLine)
                    }
                }
            }
            try reader.end()
            if firstPass, let missing = ["format", "version"].first(where: { !seen.contains($0) }) {
                throw JournalError.invalidImport(
                    line: reader.line,
                    problem: "the object has no \"\(missing)\"; a full export starts "
                        + "{\"format\":\"\(JournalExport.format)\",\"version\":\(JournalExport.version), …")
            }
        } catch let error as JSONReadError {
            throw JournalError.invalidImport(line: error.line, problem: error.problem + ".")
        }
    }

    /// Runs `read` on one element, turning its problem into the import's error at `line`.
    private static func element<T>(_ line: Int, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as JournalError {
            if case .invalidImport = error { throw error }
            throw JournalError.invalidImport(line: line, problem: error.description)
        } catch let problem as ExportShapeProblem {
            throw JournalError.invalidImport(line: line, problem: problem.description)
        }
    }

    private static func unknownExercise(_ id: String, _ catalog: Catalog) -> JournalError {
        JournalError.unknownExercise(id, suggestions: catalog.suggestions(for: Catalog.key(id)))
    }

    /// Refuses a record (`what`, read from `line`) whose `id` is the largest journal gives.
    ///
    /// ``Entry/Limits/ids``: added, it would put its table's id counter there, leaving no id for
    /// the next record, and every later write that gives one would be refused (issue #25). journal
    /// gives that id only to a record added after its counter was set one below from outside, a
    /// state `journal check` names with its fix; an import does not copy it.
    static func refuseLargestID(_ id: Int64?, of what: String, _ line: Int) throws {
        let largest = Entry.Limits.ids.upperBound
        guard id == largest else { return }
        throw JournalError.invalidImport(
            line: line,
            problem: "the \(what) has id \(largest), the largest id journal gives, and would leave no id for the "
                + "next \(what); give it a lower id free in this journal (`journal check` names the fix for a "
                + "journal holding one).")
    }

    private static func twice(_ what: String, _ id: Int64, _ line: Int) -> JournalError {
        JournalError.invalidImport(line: line, problem: "a second \(what) with id \(id); an id names one \(what).")
    }

    /// Adds one of the person's own exercises; returns `false` when the journal already has it.
    ///
    /// Refuses a built-in id, a different exercise under the id, and a taken name; runs `beforeAdding`
    /// just before adding it.
    private static func restoreExercise(
        _ value: JSONValue, line: Int, _ db: Database, beforeAdding: () throws -> Void
    ) throws -> Bool {
        let (exercise, archived) = try element(line) { try JournalExport.exercise(value) }
        if Catalog.builtIn.exercise(id: exercise.id) != nil {
            throw JournalError.invalidImport(
                line: line,
                problem: "\(exercise.id) is a built-in exercise; a full export lists only your own exercises.")
        }
        let catalog = try ExerciseQueries.catalog(db, includingArchived: true)
        if let held = catalog.exercise(id: exercise.id) {
            let heldArchived = try Bool.fetchOne(
                db, sql: "SELECT archived FROM exercises WHERE id = ?", arguments: [exercise.id])
            guard held == exercise, heldArchived == archived else {
                throw JournalError.invalidImport(
                    line: line,
                    problem: "this journal already has an exercise \(exercise.id) that differs from the export's "
                        + "(name, category, sides, measure or archived); restore into a new journal.")
            }
            return false
        }
        if (try? catalog.resolve(exercise.id)) != nil || (try? catalog.resolve(exercise.name)) != nil {
            throw JournalError.invalidImport(line: line, problem: JournalError.exerciseExists(exercise.id).description)
        }
        try beforeAdding()
        try db.execute(
            sql: """
                INSERT INTO exercises (id, name, category, per_side, measure, builtin, archived, how_to)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category,
                    per_side = excluded.per_side, measure = excluded.measure, builtin = 0, archived = excluded.archived,
                    how_to = excluded.how_to
                """,
            arguments: [
                exercise.id, exercise.name, exercise.category.rawValue, exercise.perSide, exercise.measure.rawValue,
                archived, exercise.givenHowTo,
            ])
        return true
    }

    /// Adds a plan item; returns `false` when the plan already has it.
    ///
    /// Refuses a different dose for the exercise, and an exercise this journal does not know; runs
    /// `beforeAdding` just before adding it.
    private static func restorePlanItem(
        _ item: PlanItem, catalog: Catalog, line: Int, _ db: Database, beforeAdding: () throws -> Void
    ) throws -> Bool {
        guard catalog.exercise(id: item.exerciseID) != nil else {
            throw JournalError.invalidImport(
                line: line, problem: unknownExercise(item.exerciseID, catalog).description)
        }
        if let held = try ExerciseQueries.plan(db).first(where: { $0.exerciseID == item.exerciseID }) {
            guard held == item else {
                throw JournalError.invalidImport(
                    line: line,
                    problem: "the plan already has \(item.exerciseID) with another dose; restore into a new journal.")
            }
            return false
        }
        try beforeAdding()
        try db.execute(
            sql: """
                INSERT INTO plan (exercise_id, sets, reps, hold_seconds, per_week, since, position)
                VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM plan))
                ON CONFLICT (exercise_id) DO UPDATE SET sets = excluded.sets, reps = excluded.reps,
                    hold_seconds = excluded.hold_seconds, per_week = excluded.per_week, since = excluded.since,
                    position = excluded.position, removed = 0
                """,
            arguments: [item.exerciseID, item.sets, item.reps, item.holdSeconds, item.perWeek, item.since?.iso8601])
        try ExerciseQueries.replaceEarlierDoses(of: item, db)
        return true
    }

    private static func checkInIDIsFree(_ id: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM checkins_with_ids WHERE id = ?)", arguments: [id])
            ?? true
    }

    private static func reviewIDIsTaken(_ id: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reviews_with_ids WHERE id = ?)", arguments: [id])
            ?? false
    }
}

extension JournalStore {
    /// Restores a full export (``JournalExport``) into this journal, all or nothing, in one
    /// transaction (``FullExportImport/restore(from:now:clock:_:)``).
    ///
    /// ```swift
    /// let result = try store.restore(from: { ByteSource(bytes: bytes) }, now: now)
    /// result.added // entries
    /// ```
    public func restore(from open: () throws -> ByteSource, now: Int64) throws -> ImportResult {
        try writing { db in
            let before = try SettingsQueries.region(db)
            var result = try FullExportImport.restore(from: open, now: now, clock: clock, db)
            let after = try SettingsQueries.region(db)
            if before != after { result.region = RegionChange(replaced: before, stored: after) }
            return result
        }
    }
}
