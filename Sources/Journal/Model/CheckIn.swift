import Foundation

/// A pain reading not tied to an exercise, such as one each morning, with any red-flag symptoms.
///
/// ```swift
/// let morning = try CheckIn(performedAt: t, utcOffset: 0, pain: PainLevel(3)!, createdAt: t)
/// ```
public struct CheckIn: Sendable, Hashable {
    public var id: Int64?
    /// When the reading was taken, in Unix seconds (UTC).
    public var performedAt: Int64
    /// Seconds east of UTC on the person's clock then.
    public var utcOffset: Int
    public var pain: PainLevel
    public var note: String?
    /// Red-flag symptoms recorded with it, in ``RedFlag`` order.
    public var redFlags: [RedFlag]
    /// Red flags the file holds that journal does not know, put in from outside, by their stored
    /// id: shown, never given advice (``StoredValueProblem`` names each).
    public var unknownRedFlags: [String] = []
    public var createdAt: Int64
    /// The hybrid-logical-clock reading of the write that recorded it; `nil` until saved.
    ///
    /// `checkins.recorded` (schema.sql v26-record-ids): what a ``RedFlagReview`` compares with what it had seen.
    public var recorded: String?

    public init(
        id: Int64? = nil, performedAt: Int64, utcOffset: Int, pain: PainLevel, note: String? = nil,
        redFlags: [RedFlag] = [], createdAt: Int64, recorded: String? = nil
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.performedAt = performedAt
        self.utcOffset = utcOffset
        self.pain = pain
        self.note = note
        self.redFlags = Array(Set(redFlags)).sorted()
        self.createdAt = createdAt
        self.recorded = recorded
    }

    /// A check-in taken at the time a person typed (`--at`, read by ``DateInput``), recorded `now`.
    public init(
        pain: PainLevel, note: String? = nil, redFlags: [RedFlag] = [], at typed: String, now: Int64,
        timeZone: TimeZone
    ) throws {
        let time = try DateInput.parse(typed, now: now, timeZone: timeZone)
        try self.init(
            performedAt: time.unixSeconds, utcOffset: time.utcOffset, pain: pain, note: note, redFlags: redFlags,
            createdAt: now)
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: performedAt, utcOffset: utcOffset) }
}
