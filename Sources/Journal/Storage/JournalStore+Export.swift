import GRDB

/// Exports: the store reads, ``ExportWriter`` writes (and writes alone the exports of no journal).
extension JournalStore {
    /// Writes the selected entries to `sink`, oldest first, streaming row by row; returns how many.
    ///
    /// A journal whose entries hold a value journal never writes is refused, before anything is
    /// written (``JournalError/storedValues(_:)``): an export must import again.
    ///
    /// ```swift
    /// let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
    /// try store.export(.csv, selection: ExportSelection(), to: sink)
    /// try sink.flush()
    /// ```
    @discardableResult
    ///
    /// With `now` (the command's), an entry dated ahead of it is refused too: the import would refuse it.
    public func export(
        _ format: ExportFormat, selection: ExportSelection, to sink: OutputSink, byteOrderMark: Bool = false,
        now: Int64? = nil
    ) throws -> Int {
        try refuseStoredValueProblems(now: now) { $0.table == "entries" }
        var writer = try ExportWriter(format, to: sink, byteOrderMark: byteOrderMark)
        try forEachEntry(performedIn: selection.period?.widestUTCRange, exerciseID: selection.exerciseID) { entry in
            if let period = selection.period, !period.contains(entry.localTime.date) { return }
            try writer.write(entry)
        }
        return try writer.finish()
    }

    /// Writes the whole journal as one JSON object (``JournalExport``), which `journal import` restores.
    ///
    /// Entries, the person's own exercises, check-ins, the plan, reviews, PSFS, red-flag reviews and
    /// settings are read in one
    /// transaction, so that they agree; entries stream row by row.
    ///
    /// The same journal always gives the same bytes: the file records no time of export.
    ///
    /// A journal holding a value journal never writes is refused (``JournalError/storedValues(_:)``):
    /// an export must import again, and the import would refuse it. With `now` (the command's), so
    /// is a time dated ahead of it, and a time of recording ahead of it.
    ///
    /// With `aliases: false` (`export --all --no-aliases`), no record carries the number people
    /// type, which differs from device to device: each is named by its `uid`, entries and
    /// check-ins carry `recorded` and reviews `seen`, a PSFS rating names its activity by
    /// `activity_uid`, and every list is in an order the same on every device. Two devices that
    /// have synced with nothing new give the same bytes.
    public func exportAll(to sink: OutputSink, now: Int64? = nil, aliases: Bool = true) throws {
        // A `--no-aliases` export (to compare devices; import refuses it) leaves out the times ahead of
        // now: a device whose clock runs ahead records them, and merged, they are no value from outside.
        try refuseStoredValueProblems(now: aliases ? now : nil, forExport: aliases) { _ in true }
        try exportAll(to: sink, recordedAt: true, aliases: aliases)
    }

    /// Throws ``JournalError/storedValues(_:)`` when the journal holds values journal never writes
    /// (``StoredValueProblem``) that `matter` to the export, before anything is written.
    private func refuseStoredValueProblems(
        now: Int64?, forExport: Bool = false, _ matter: (StoredValueProblem) -> Bool
    ) throws {
        let problems = try storedValueProblems(now: now, forExport: forExport).filter(matter)
        if !problems.isEmpty { throw JournalError.storedValues(problems) }
    }

    /// The full export; `recordedAt: false` leaves out when each record was recorded
    /// (`recorded_at`), for a reader that copies it over itself (``SQLiteRestore``), so that a
    /// backup's times of recording are never refused as in the future; `aliases: false`: named by
    /// uid (``exportAll(to:now:aliases:)``).
    func exportAll(to sink: OutputSink, recordedAt: Bool, aliases: Bool = true) throws {
        try reading { db in
            // Without aliases, every list in an order the same on every device: by time, then by
            // the reading that recorded it where there is one, then by uid.
            let uids = aliases ? nil : try ExportUIDs.read(db)
            func uid(_ id: Int64?, _ table: KeyPath<ExportUIDs, [Int64: String]>) -> String {
                uids?.uid(id, table) ?? ""
            }
            var checkIns = try CheckIn.fetchAll(db, where: "1", arguments: [])
            var redFlagReviews = try RedFlagReviewQueries.reviews(db, where: "1 ORDER BY id", arguments: [])
            var activities = try PSFSQueries.activities(db)
            var ratings = try PSFSQueries.ratings(db)
            if uids != nil {
                checkIns.sort {
                    ($0.performedAt, $0.recorded ?? "", uid($0.id, \.checkIns))
                        < ($1.performedAt, $1.recorded ?? "", uid($1.id, \.checkIns))
                }
                redFlagReviews.sort {
                    ($0.reviewedAt, uid($0.id, \.redFlagReviews)) < ($1.reviewedAt, uid($1.id, \.redFlagReviews))
                }
                activities.sort { ($0.addedAt, uid($0.id, \.activities)) < ($1.addedAt, uid($1.id, \.activities)) }
                ratings.sort { ($0.ratedAt, uid($0.id, \.ratings)) < ($1.ratedAt, uid($1.id, \.ratings)) }
            }
            try ExportWriter.writeJournal(
                to: sink, recordedAt: recordedAt, uids: uids,
                entries: { body in
                    try EntryQueries.forEach(db, performedIn: nil, exerciseID: nil, body)
                },
                exercises: try ExerciseQueries.ownExercisesForExport(db),
                checkIns: checkIns,
                plan: try ExerciseQueries.plan(
                    db, order: aliases ? ExerciseQueries.planOrder : ExerciseQueries.planOrderByKey),
                reviews: try HoldQueries.reviews(db, in: Int64.min..<Int64.max),
                activities: activities, ratings: ratings, redFlagReviews: redFlagReviews,
                settings: try Row.fetchAll(
                    db, sql: "SELECT name, value FROM settings WHERE value IS NOT NULL ORDER BY name"
                ).map {
                    SettingJSON(name: $0["name"], value: $0["value"])
                })
        }
    }
}

extension ExportUIDs {
    /// Reads them from `db`, in the export's transaction.
    static func read(_ db: Database) throws -> ExportUIDs {
        func aliases(_ table: String) throws -> [Int64: String] {
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, uid FROM \(table)") { result[row["id"]] = row["uid"] }
            return result
        }
        return ExportUIDs(
            checkIns: try aliases("checkin_ids"), reviews: try aliases("review_ids"),
            redFlagReviews: try aliases("red_flag_review_ids"), activities: try aliases("psfs_activity_ids"),
            ratings: try aliases("psfs_rating_ids"))
    }
}
