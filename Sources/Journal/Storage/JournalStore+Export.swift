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
    public func exportAll(to sink: OutputSink, now: Int64? = nil) throws {
        try refuseStoredValueProblems(now: now, forExport: true) { _ in true }
        try exportAll(to: sink, recordedAt: true)
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
    /// backup's times of recording are never refused as in the future.
    func exportAll(to sink: OutputSink, recordedAt: Bool) throws {
        try reading { db in
            try ExportWriter.writeJournal(
                to: sink, recordedAt: recordedAt,
                entries: { body in
                    try EntryQueries.forEach(db, performedIn: nil, exerciseID: nil, body)
                },
                exercises: try ExerciseQueries.ownExercisesForExport(db),
                checkIns: try CheckIn.fetchAll(db, where: "1", arguments: []),
                plan: try ExerciseQueries.plan(db),
                reviews: try HoldQueries.reviews(db, in: Int64.min..<Int64.max),
                activities: try PSFSQueries.activities(db), ratings: try PSFSQueries.ratings(db),
                redFlagReviews: try RedFlagReviewQueries.reviews(db, where: "1 ORDER BY id", arguments: []),
                settings: try Row.fetchAll(
                    db, sql: "SELECT name, value FROM settings WHERE value IS NOT NULL ORDER BY name"
                ).map {
                    SettingJSON(name: $0["name"], value: $0["value"])
                })
        }
    }
}
