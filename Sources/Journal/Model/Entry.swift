/// One time a person did an exercise: what they did and their pain before and after.
///
/// Times are whole Unix seconds in UTC; ``utcOffset`` keeps the offset of the
/// person's clock at that moment, so the entry belongs to the calendar day they
/// lived it on.
///
/// ```swift
/// let entry = try Entry(
///     exerciseID: "glute-bridge", performedAt: 1_795_000_000, utcOffset: 3600,
///     sets: 3, reps: 10, painBefore: PainLevel(4)!, painAfter: PainLevel(3)!,
///     createdAt: 1_795_000_000)
/// entry.painChange // -1
/// ```
public struct Entry: Sendable, Hashable {
    /// The limits that `journal log` enforces and the schema checks again.
    public enum Limits {
        public static let sets = 1...50
        public static let reps = 1...500
        public static let holdSeconds = 1...3600
        /// The longest note, in Unicode code points (``Note``).
        public static let noteCharacters = Note.maximumLength
        /// The ids an entry, a check-in or a review may have: 1 to 2^53 − 1, the integers every JSON
        /// reader holds exactly, and far below SQLite's largest rowid (2^63 − 1), so that no import can
        /// use up the ids later entries need.
        public static let ids: ClosedRange<Int64> = 1...9_007_199_254_740_991
        /// The rows `--limit` lets a list show at most: up to a million, far more than a journal
        /// holds (a full export of 100,000 entries is about 20 MiB), so a larger number means all.
        public static let listed = 1...1_000_000
    }

    /// The database id; `nil` until the entry is saved.
    public var id: Int64?
    /// The catalogue id of the exercise, such as `glute-bridge`.
    public var exerciseID: String
    /// When it was done, in Unix seconds (UTC).
    public var performedAt: Int64
    /// Seconds east of UTC on the person's clock when it was done.
    public var utcOffset: Int
    /// Number of sets, at least 1.
    public var sets: Int
    /// Repetitions in each set, if counted.
    public var reps: Int?
    /// Seconds each hold lasted, if held.
    public var holdSeconds: Int?
    /// The side worked, for exercises done one side at a time.
    public var side: Side?
    /// Pain just before the exercise.
    public var painBefore: PainLevel
    /// Pain just after the exercise.
    public var painAfter: PainLevel
    /// Free text, as the person wrote it.
    public var note: String?
    /// When it was recorded, in Unix seconds (UTC).
    public var createdAt: Int64
    /// Its key on every device (schema.sql v26-record-ids, `entries.uid`, a UUIDv7).
    ///
    /// Two sessions of the same time are ordered by it. `nil` until saved.
    public var uid: String?
    /// The hybrid-logical-clock reading of the write that recorded it (`entries.recorded`).
    ///
    /// What a ``Review`` compares with what it had seen (``Review/Mark/covers(performedAt:recorded:)``).
    /// `nil` until saved.
    public var recorded: String?

    /// Builds an entry, checking every bound; throws ``JournalError`` for the first value out of bounds.
    public init(
        id: Int64? = nil, exerciseID: String, performedAt: Int64, utcOffset: Int,
        sets: Int = 1, reps: Int? = nil, holdSeconds: Int? = nil, side: Side? = nil,
        painBefore: PainLevel, painAfter: PainLevel, note: String? = nil, createdAt: Int64
    ) throws {
        try Self.check(sets, Limits.sets, field: "sets")
        if let reps { try Self.check(reps, Limits.reps, field: "reps") }
        if let holdSeconds { try Self.check(holdSeconds, Limits.holdSeconds, field: "hold (seconds)") }
        let note = try Note.checked(note)
        self.id = id
        self.exerciseID = exerciseID
        self.performedAt = performedAt
        self.utcOffset = utcOffset
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.side = side
        self.painBefore = painBefore
        self.painAfter = painAfter
        self.note = note
        self.createdAt = createdAt
    }

    /// Whether `a` comes before `b` in the order sessions are told in.
    ///
    /// By time, then by the reading that recorded them (the order they were written in, the same
    /// on every device), then by uid; entries not saved (with neither) by id. The journal's
    /// queries sort sessions in this order too.
    public static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        (a.performedAt, a.recorded ?? "", a.uid ?? "", a.id ?? 0) < (
            b.performedAt, b.recorded ?? "", b.uid ?? "", b.id ?? 0
        )
    }

    /// Pain after minus pain before: negative when the exercise eased the pain.
    public var painChange: Int { painAfter.value - painBefore.value }

    /// The moment it was done, as the person's clock showed it.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: performedAt, utcOffset: utcOffset) }

    /// Reads a whole number for `field` within `range`, or throws ``JournalError/invalidNumber(field:text:range:)``.
    public static func parseNumber(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(text.trimmingWhitespace()), range.contains(number) else {
            throw JournalError.invalidNumber(field: field, text: text, range: range)
        }
        return number
    }

    /// Throws ``JournalError/invalidNumber(field:text:range:)`` when `value` is outside `range`.
    public static func checkRange(_ value: Int, _ range: ClosedRange<Int>, field: String) throws {
        try check(value, range, field: field)
    }

    /// Reads an id within ``Limits/ids``, or throws ``JournalError/invalidNumber(field:text:range:)``.
    public static func parseID(_ text: String, field: String = "id") throws -> Int64 {
        guard let id = Int64(text), Limits.ids.contains(id) else {
            throw JournalError.invalidNumber(
                field: field, text: text, range: Int(Limits.ids.lowerBound)...Int(Limits.ids.upperBound))
        }
        return id
    }

    /// Whether `other` records the same session: every value but the id, the uid and when it was recorded.
    public func hasSameContent(as other: Entry) -> Bool {
        var other = other
        other.id = id
        other.uid = uid
        other.createdAt = createdAt
        other.recorded = recorded
        return self == other
    }

    private static func check(_ value: Int, _ range: ClosedRange<Int>, field: String) throws {
        guard range.contains(value) else {
            throw JournalError.invalidNumber(field: field, text: String(value), range: range)
        }
    }
}
