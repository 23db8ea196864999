import GRDB

/// Importing a full JSON export (`journal import` of `journal export --all`): not to be confused with
/// restoring a SQLite backup (``SQLiteRestore``).
enum FullExportImport {
    /// Restores a full export (``JournalExport``) into this journal, all or nothing.
    ///
    /// The journal must hold no entries, check-ins or reviews: a restore puts back a journal with
    /// its ids, and merging two journals' histories has no one right answer. It may already hold
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
    /// let result = try store.writing { try FullExportImport.restore(from: { ByteSource(bytes: bytes) }, now: now, $0) }
    /// result.added // entries
    /// ```
    static func restore(from open: () throws -> ByteSource, now: Int64, _ db: Database) throws -> ImportResult {
        try Self.requireNothingToOverwrite(db)
        var result = ImportResult()
        var lines: [String: [Int64: Int]] = [:]
        var change: Int64?
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
                if activity.id == nil { try StoredValues.refuseChangedIDCounter("psfs_activities", db) }
                try db.execute(
                    sql: """
                        INSERT INTO psfs_activities (id, activity, added_at, utc_offset, retired_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        activity.id, activity.activity, activity.addedAt, activity.utcOffset, activity.retiredAt,
                        activity.createdAt,
                    ])
                try ChangeLog(db).notePSFS("remove-activity", activity.id, for: changeID())
                lines["activity", default: [:]][activity.id ?? 0] = line
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
        let catalog = try ExerciseQueries.catalog(db, includingArchived: true)
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
                try ChangeLog(db).noteAdded(try EntryQueries.insert(entry, db), for: changeID())
                result.added += 1
            case "checkins":
                var checkIn = try Self.element(line) { try JournalExport.checkIn(value, now: now) }
                try Self.refuseLargestID(checkIn.id, of: "check-in", line)
                if let id = checkIn.id, try !Self.checkInIDIsFree(id, db) { throw Self.twice("check-in", id, line) }
                try checkIn.insert(db)
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
                if review.id == nil { try StoredValues.refuseChangedIDCounter("reviews", db) }
                try db.execute(
                    sql: """
                        INSERT INTO reviews (id, exercise_id, reviewed_at, utc_offset, note, created_at,
                                             through_entry_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        review.id, review.exerciseID, review.reviewedAt, review.utcOffset, review.note,
                        review.createdAt, review.throughEntryID,
                    ])
                try ChangeLog(db).noteAddedReview(db.lastInsertedRowID, for: changeID())
                result.reviews += 1
            case "red_flag_reviews":
                let review = try Self.element(line) { try JournalExport.redFlagReview(value, now: now) }
                try Self.refuseLargestID(review.id, of: "red-flag review", line)
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM red_flag_reviews_with_ids WHERE id = ?", arguments: [review.id])
                        == 0
                else { throw Self.twice("red-flag review", review.id ?? 0, line) }
                if review.id == nil { try StoredValues.refuseChangedIDCounter("red_flag_reviews", db) }
                try db.execute(
                    sql: """
                        INSERT INTO red_flag_reviews (id, reviewed_at, utc_offset, note, created_at,
                                                      through_checkin_id)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        review.id, review.reviewedAt, review.utcOffset, review.note, review.createdAt,
                        review.throughCheckInID,
                    ])
                try ChangeLog(db).noteAddedRedFlagReview(review.id ?? db.lastInsertedRowID, for: changeID())
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
                if rating.id == nil { try StoredValues.refuseChangedIDCounter("psfs_ratings", db) }
                try db.execute(
                    sql: """
                        INSERT INTO psfs_ratings (id, activity_id, rated_at, utc_offset, score, note, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        rating.id, rating.activityID, rating.ratedAt, rating.utcOffset, rating.score.value,
                        rating.note, rating.createdAt,
                    ])
                try ChangeLog(db).notePSFS("remove-rating", rating.id, for: changeID())
                lines["rating", default: [:]][rating.id ?? 0] = line
                result.ratings += 1
            default:
                return
            }
        }
        try Self.requireConsistentReferences(db, change: change, lines: lines)
        return result
    }

    /// Refuses what each element allows alone but the file as a whole contradicts.
    ///
    /// An activity retired before it was added is refused. A rating dated before its activity was added is journal's own
    /// (`psfs rate --at` takes any past time, as a baseline remembered after adding the activity).
    ///
    /// A review through an entry beyond the file's last (as after the newest entries were deleted,
    /// or in a forged file: 2^53 − 1) is brought down to the file's last entry, which names the
    /// same entries: none lies between. Kept as it was, every later entry would get a lower id and
    /// count as reviewed, so no later rise would ever be held. Only the import's own reviews
    /// (`change`) are brought down: one the journal held before reaches no further than the ids it gave.
    private static func requireConsistentReferences(
        _ db: Database, change: Int64?, lines: [String: [Int64: Int]]
    ) throws {
        func line(_ kind: String, _ id: Int64) -> Int { lines[kind]?[id] ?? 1 }
        let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM entries_with_ids") ?? 0
        try db.execute(
            sql: "UPDATE reviews SET through_entry_id = ?1 WHERE through_entry_id > ?1", arguments: [last])
        // The same for a red-flag review through a check-in beyond the file's last.
        let lastCheckIn = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM checkins_with_ids") ?? 0
        try db.execute(
            sql: """
                UPDATE red_flag_reviews SET through_checkin_id = ?1 WHERE through_checkin_id > ?1 AND id IN (
                    \(ChangeLog.redFlagReviewsAddedBy))
                """,
            arguments: [lastCheckIn, change])
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
    /// transaction (``FullExportImport/restore(from:now:_:)``).
    ///
    /// ```swift
    /// let result = try store.restore(from: { ByteSource(bytes: bytes) }, now: now)
    /// result.added // entries
    /// ```
    public func restore(from open: () throws -> ByteSource, now: Int64) throws -> ImportResult {
        try writing { db in
            let before = try SettingsQueries.region(db)
            var result = try FullExportImport.restore(from: open, now: now, db)
            let after = try SettingsQueries.region(db)
            if before != after { result.region = RegionChange(replaced: before, stored: after) }
            return result
        }
    }
}
