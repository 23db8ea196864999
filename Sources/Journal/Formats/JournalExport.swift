/// The full export, `journal export --all --format json`: the whole journal in one JSON object,
/// which `journal import` restores into an empty journal.
///
/// Members, each on its own line, each array element on its own line with its keys sorted:
/// `format` (`"journal-export"`), `version` (1), `entries` (the objects of the plain JSON
/// export, oldest first), `exercises` (the person's own: id, name, category, per_side, measure, how_to,
/// archived), `checkins` (id, performed_at, pain, red_flags, note), `plan` (exercise, sets, reps,
/// hold_seconds, per_week, since), `reviews` (id, exercise, reviewed_at, note, through_entry_id),
/// `psfs_activities` (id, activity, added_at, retired_at), `psfs_ratings` (id, activity_id,
/// rated_at, score, note), `red_flag_reviews` (id, reviewed_at, note, through_checkin_id: that a
/// doctor has seen the red flags, `journal resume --red-flags`) and `settings` (name, value: the
/// region of `journal config set region`). Entries, check-ins, reviews and red-flag reviews also
/// carry `recorded_at`, when each was recorded (``recordedAtText(_:)``): a review covers only what
/// was recorded by its second, so without it a restore would answer holds and red flags that stand.
/// No time of export: the same journal always gives the same bytes.
///
/// `export --all --no-aliases` writes `"aliases":false` after `version` (``noAliasesMember``), and
/// names every record by its `uid`, with no alias (``JournalStore/exportAll(to:now:aliases:)``):
/// the same bytes on every device that has synced. `journal import` refuses it
/// (``noAliasesImportProblem``).
///
/// ```json
/// {"format":"journal-export","version":1,
/// "entries":[
/// {"exercise":"wall-squat","flagged":false,"hold_seconds":null,"id":1,"note":null,…,"recorded_at":"2026-11-20T07:31:00+00:00",…}
/// ],
/// "exercises":[
/// {"archived":false,"category":"stability","how_to":null,"id":"wall-squat","measure":"reps","name":"Wall squat","per_side":false}
/// ],
/// "checkins":[],
/// "plan":[],
/// "reviews":[]
/// }
/// ```
public enum JournalExport {
    /// How many seconds after now a time of recording may be.
    ///
    /// An edit in a review's own second counts as recorded the second after it (``recordedAt(now:)``).
    /// A row recorded later than that was put in from outside (``StoredValues``): the import refuses it.
    static let recordedAfterNow: Int64 = 1

    /// The `format` member's value.
    public static let format = "journal-export"
    /// The `version` member's value this version writes and reads.
    public static let version = 1
    /// The member after `version` that marks an export written with `--no-aliases` (its value `false`).
    public static let noAliasesMember = "aliases"
    /// Why `journal import` refuses an export written with `--no-aliases`, and what to do.
    static let noAliasesImportProblem =
        "written with --no-aliases: it names records by uid, without the numbers a journal gives "
        + "them, and import does not read it. Import a full export written without it "
        + "(`journal export --all`)."
    /// The top-level members, in the order written.
    public static let members = [
        "format", "version", "entries", "exercises", "checkins", "plan", "reviews", "psfs_activities", "psfs_ratings",
        "red_flag_reviews", "settings",
    ]

    /// `recorded_at`'s text for a time of recording (Unix seconds): the file's time format, in UTC,
    /// such as `2026-11-20T10:00:00+00:00`.
    static func recordedAtText(_ seconds: Int64) -> String {
        LocalDateTime(unixSeconds: seconds, utcOffset: 0).iso8601
    }

    /// SQL for the number a review is written with as `through_entry_id`: the largest id (alias)
    /// of an entry the review had seen (``WriteStamp/hasSeen(recorded:seen:)``), 0 for none; `review`
    /// is an SQL expression for the review's alias, `seen` for its `seen`.
    ///
    /// Today's format (the newest entry's id when the review was recorded): the live entries it had
    /// seen, and the copies undo kept (`change_entries`, with the reading each had) of entries
    /// deleted, or edited so as to count as recorded anew, after the review (by the change log's
    /// order: after the change that added the review; every copy when the log no longer holds it),
    /// so that an entry changed since still counts as it did. What a review covers is decided by
    /// `seen`, never by this number; a full import turns it back into `seen`
    /// (``FullExportImport``). The live entries are read from the largest alias down, to the first
    /// seen: a recent review reads only the entries recorded after it. `RedFlagReviewQueries.throughCheckInIDSQL(review:seen:)` is the same for
    /// check-ins.
    static func throughEntryIDSQL(review: String = "NULL", seen: String) -> String {
        """
        (SELECT max(
             coalesce((SELECT a.id FROM entry_ids AS a JOIN entries AS e ON e.uid = a.uid
                       WHERE \(WriteStamp.hasSeen(recorded: "e.recorded", seen: "s.seen_json"))
                       ORDER BY a.id DESC LIMIT 1), 0),
             coalesce((SELECT max(k.id) FROM change_entries AS k
                       WHERE k.action = 'restore' AND k.recorded IS NOT NULL
                           AND k.change_id > coalesce((SELECT max(l.change_id) FROM change_reviews AS l
                                                       WHERE l.id = \(review) AND l.action = 'remove'), 0)
                           AND \(WriteStamp.hasSeen(recorded: "k.recorded", seen: "s.seen_json"))), 0))
         FROM (SELECT \(seen) AS seen_json) AS s)
        """
    }

    // MARK: Reading elements

    /// An entry object as a draft and when it was recorded: the plain JSON export's keys and
    /// `recorded_at`; `id`, `exercise`, `performed_at`, `pain_before` and `pain_after` are required,
    /// pain_change and flagged are ignored (recomputed), and an entry without `recorded_at` (a file
    /// from before it) counts as recorded at `now`.
    static func entryDraft(_ value: JSONValue, now: Int64) throws -> (draft: EntryDraft, recordedAt: Int64) {
        let object = try JSONObject(
            value, "entry",
            keys: [
                "id", "exercise", "performed_at", "sets", "reps", "hold_seconds", "side", "pain_before", "pain_after",
                "note", "pain_change", "flagged", "recorded_at",
            ])
        var draft = EntryDraft(exercise: try object.string("exercise"))
        draft.id = try object.id()
        let time = try object.string("performed_at")
        draft.time = .exact(try exactTime(time, field: "performed_at"), text: time)
        draft.sets = try object.optionalNumber("sets", Entry.Limits.sets)
        draft.reps = try object.optionalNumber("reps", Entry.Limits.reps)
        draft.holdSeconds = try object.optionalNumber("hold_seconds", Entry.Limits.holdSeconds)
        draft.side = try object.optionalString("side").map(Side.init(parsing:))
        draft.painBefore = try object.pain("pain_before")
        draft.painAfter = try object.pain("pain_after")
        draft.note = try object.optionalString("note")
        return (draft, try object.recordedAt(now: now))
    }

    /// One of the person's own exercises and whether it is archived; every key is required.
    static func exercise(_ value: JSONValue) throws -> (exercise: Exercise, archived: Bool) {
        let object = try JSONObject(
            value, "exercise", keys: ["id", "name", "category", "per_side", "measure", "archived", "how_to"])
        let categoryText = try object.string("category")
        guard let category = Exercise.Category(rawValue: categoryText) else {
            throw JournalError.invalidChoice(
                field: "category", text: categoryText, choices: Exercise.Category.allCases.map(\.rawValue))
        }
        let measureText = try object.string("measure")
        guard let measure = Exercise.Measure(rawValue: measureText) else {
            throw JournalError.invalidChoice(
                field: "measure", text: measureText, choices: Exercise.Measure.allCases.map(\.rawValue))
        }
        let exercise = try Exercise.custom(
            id: try object.string("id"), name: try object.string("name"), category: category,
            perSide: try object.bool("per_side"), measure: measure, howTo: try object.optionalString("how_to"))
        return (exercise, try object.bool("archived"))
    }

    /// A check-in recorded at its `recorded_at`, else at `now`: `id`, `performed_at` and `pain` are required.
    static func checkIn(_ value: JSONValue, now: Int64) throws -> CheckIn {
        let object = try JSONObject(
            value, "check-in", keys: ["id", "performed_at", "pain", "red_flags", "note", "recorded_at"])
        let id = try object.id()
        let time = try pastTime(try object.string("performed_at"), field: "performed_at", now: now)
        let flags = try object.stringArray("red_flags").map(RedFlag.init(parsing:))
        return try CheckIn(
            id: id, performedAt: time.unixSeconds, utcOffset: time.utcOffset, pain: try object.pain("pain"),
            note: try object.optionalString("note"), redFlags: flags, createdAt: try object.recordedAt(now: now))
    }

    /// A plan item: `exercise`, `sets` and `per_week` are required; `earlier`, its earlier doses
    /// (`sets`, `reps`, `hold_seconds`, `per_week`, `since`), oldest first, each starting before the
    /// next and the last before the item, only the first without a start.
    static func planItem(_ value: JSONValue) throws -> PlanItem {
        let object = try JSONObject(
            value, "plan item", keys: ["exercise", "sets", "reps", "hold_seconds", "per_week", "since", "earlier"])
        let exerciseID = try object.string("exercise")
        var item = try planDose(object, exerciseID: exerciseID)
        item.earlier = try object.objects("earlier", "earlier dose of the plan item").map { dose in
            try planDose(dose, exerciseID: exerciseID)
        }
        let starts = item.doses.map(\.since)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            guard let later, earlier.map({ $0 < later }) ?? true else {
                throw ExportShapeProblem(
                    description: "the earlier doses of the plan item for \(exerciseID) must each start before the "
                        + "next, and before the plan item, which then needs a \"since\".")
            }
        }
        return item
    }

    private static func planDose(_ object: JSONObject, exerciseID: String) throws -> PlanItem {
        let since = try object.optionalString("since")
        guard since.map({ LocalDate(iso8601: $0) != nil }) ?? true else {
            throw JournalError.invalidDate(text: since ?? "", reason: "since must be a date such as 2026-11-20.")
        }
        return try PlanItem(
            exerciseID: exerciseID, sets: try object.number("sets", Entry.Limits.sets),
            reps: try object.optionalNumber("reps", Entry.Limits.reps),
            holdSeconds: try object.optionalNumber("hold_seconds", Entry.Limits.holdSeconds),
            perWeek: try object.number("per_week", PlanItem.perWeekRange),
            since: since.flatMap { LocalDate(iso8601: $0) })
    }

    /// A review recorded at its `recorded_at`, else at `now`: `id`, `exercise`, `reviewed_at` and
    /// `through_entry_id` are required.
    static func review(_ value: JSONValue, now: Int64) throws -> Review {
        let object = try JSONObject(
            value, "review", keys: ["id", "exercise", "reviewed_at", "note", "through_entry_id", "recorded_at"])
        let id = try object.id()
        let time = try pastTime(try object.string("reviewed_at"), field: "reviewed_at", now: now)
        return try Review(
            id: id, exerciseID: try object.string("exercise"), reviewedAt: time.unixSeconds,
            utcOffset: time.utcOffset, note: try object.optionalString("note"),
            createdAt: try object.recordedAt(now: now),
            throughEntryID: Int64(try object.number("through_entry_id", 0...Int(Entry.Limits.ids.upperBound))))
    }

    /// A record that a doctor has seen the red flags, recorded at its `recorded_at`, else at `now`:
    /// `id`, `reviewed_at` and `through_checkin_id` are required.
    static func redFlagReview(_ value: JSONValue, now: Int64) throws -> RedFlagReview {
        let object = try JSONObject(
            value, "red-flag review", keys: ["id", "reviewed_at", "note", "through_checkin_id", "recorded_at"])
        let id = try object.id()
        let time = try pastTime(try object.string("reviewed_at"), field: "reviewed_at", now: now)
        return try RedFlagReview(
            id: id, reviewedAt: time.unixSeconds, utcOffset: time.utcOffset, note: try object.optionalString("note"),
            createdAt: try object.recordedAt(now: now),
            throughCheckInID: Int64(try object.number("through_checkin_id", 0...Int(Entry.Limits.ids.upperBound))))
    }

    /// A setting: `name` (only `region` is one) and `value`, checked as `journal config set` checks it.
    static func setting(_ value: JSONValue) throws -> (name: String, value: String) {
        let object = try JSONObject(value, "setting", keys: ["name", "value"])
        let name = try object.string("name")
        guard name == "region" else {
            throw JournalError.invalidChoice(field: "setting", text: name, choices: ["region"])
        }
        return (name, try Region(parsing: try object.string("value")).code)
    }

    /// A PSFS activity: `id`, `activity` and `added_at` required, `retired_at` when retired.
    static func activity(_ value: JSONValue, now: Int64) throws -> PSFSActivity {
        let object = try JSONObject(value, "activity", keys: ["id", "activity", "added_at", "retired_at"])
        let added = try pastTime(try object.string("added_at"), field: "added_at", now: now)
        let retired = try object.optionalString("retired_at").map {
            try pastTime($0, field: "retired_at", now: now).unixSeconds
        }
        return try PSFSActivity(
            id: try object.id(), activity: try object.string("activity"), addedAt: added.unixSeconds,
            utcOffset: added.utcOffset, retiredAt: retired, createdAt: now)
    }

    /// A PSFS rating: every key but `note` required.
    static func rating(_ value: JSONValue, now: Int64) throws -> PSFSRating {
        let object = try JSONObject(value, "rating", keys: ["id", "activity_id", "rated_at", "score", "note"])
        let time = try pastTime(try object.string("rated_at"), field: "rated_at", now: now)
        let score = try object.number("score", 0...10)
        guard let level = PainLevel(score) else { throw JournalError.invalidScore(String(score)) }
        return try PSFSRating(
            id: try object.id(),
            activityID: Int64(try object.number("activity_id", 1...Int(Entry.Limits.ids.upperBound))),
            ratedAt: time.unixSeconds, utcOffset: time.utcOffset, score: level,
            note: try object.optionalString("note"), createdAt: now)
    }

    private static func exactTime(_ text: String, field: String) throws -> ResolvedTime {
        guard let time = DateInput.parseTimestamp(text) else {
            throw JournalError.invalidDate(
                text: text, reason: "\(field) must be a date, time and offset, such as 2026-11-20T07:30:00+01:00.")
        }
        return time
    }

    fileprivate static func pastTime(_ text: String, field: String, now: Int64) throws -> ResolvedTime {
        let time = try exactTime(text, field: field)
        guard time.unixSeconds <= now else {
            throw JournalError.futureDate(text: text, resolved: Wording.time(time.local))
        }
        return time
    }
}

/// A problem with a full export's shape (a member missing, of the wrong type, or unknown), as a sentence.
struct ExportShapeProblem: Error, CustomStringConvertible {
    let description: String
}

/// One JSON object of a full export, read member by member with the library's own checks and
/// sentences; a member that is absent and one that is null are the same.
private struct JSONObject {
    let members: [String: JSONValue]
    /// What the object is, for messages: "entry".
    let name: String

    /// `value` as an object describing a `name` ("entry"), allowed only `keys`.
    init(_ value: JSONValue, _ name: String, keys: Set<String>) throws {
        guard case .object(let members) = value else {
            throw ExportShapeProblem(description: "each \(name) must be an object; got \(value.kind).")
        }
        if let unknown = members.keys.sorted().first(where: { !keys.contains($0) }) {
            throw ExportShapeProblem(
                description: "the \(name) has a member journal does not know, \"\(unknown)\"; "
                    + "its members are \(keys.sorted().joined(separator: ", ")).")
        }
        self.members = members
        self.name = name
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    private func required(_ key: String) throws -> JSONValue {
        guard let value = present(key) else {
            throw ExportShapeProblem(description: "the \(name) has no \"\(key)\".")
        }
        return value
    }

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> ExportShapeProblem {
        ExportShapeProblem(description: "\"\(key)\" of the \(name) must be \(expected); got \(value.kind).")
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    func string(_ key: String) throws -> String {
        let value = try required(key)
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    func bool(_ key: String) throws -> Bool {
        let value = try required(key)
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    /// The number's text, which the library's parsers read with their own sentences.
    private func numberText(_ value: JSONValue, _ key: String) throws -> String {
        guard case .number(let text) = value else { throw wrongType(key, "a number", value) }
        return text
    }

    func number(_ key: String, _ range: ClosedRange<Int>) throws -> Int {
        try Entry.parseNumber(try numberText(try required(key), key), field: key, range: range)
    }

    func optionalNumber(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let value = present(key) else { return nil }
        return try Entry.parseNumber(try numberText(value, key), field: key, range: range)
    }

    func pain(_ key: String) throws -> PainLevel {
        try PainLevel(parsing: try numberText(try required(key), key), field: key)
    }

    /// The required id, within ``Entry/Limits/ids``.
    func id() throws -> Int64 {
        try Entry.parseID(try numberText(try required("id"), "id"))
    }

    /// When the record was recorded: its `recorded_at`, checked as every time of the file is (a
    /// date, time and offset, not in the future); `now` when absent, as a file from before the key.
    ///
    /// It may be one second after `now`: an edit, or a CSV row put back under a seen id, in a
    /// review's own second counts as recorded the second after it, which a full export and import
    /// made in that same second carry.
    func recordedAt(now: Int64) throws -> Int64 {
        guard let text = try optionalString("recorded_at") else { return now }
        return try JournalExport.pastTime(
            text, field: "recorded_at", now: now + JournalExport.recordedAfterNow
        ).unixSeconds
    }

    /// The objects of the array `key`, each describing a `name`: an earlier dose of a plan item.
    func objects(_ key: String, _ name: String) throws -> [JSONObject] {
        guard let value = present(key) else { return [] }
        guard case .array(let elements) = value else { throw wrongType(key, "an array of objects", value) }
        return try elements.map {
            try JSONObject($0, name, keys: ["sets", "reps", "hold_seconds", "per_week", "since"])
        }
    }

    func stringArray(_ key: String) throws -> [String] {
        guard let value = present(key) else { return [] }
        guard case .array(let elements) = value else { throw wrongType(key, "an array of strings", value) }
        return try elements.map { element in
            guard case .string(let text) = element else { throw wrongType(key, "an array of strings", element) }
            return text
        }
    }
}
