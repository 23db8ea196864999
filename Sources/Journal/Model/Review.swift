/// A physiotherapist's review of an exercise that was on hold, recorded by `journal resume`.
///
/// It answers every stop finding on that exercise's sessions up to ``reviewedAt``.
///
/// ```swift
/// let review = try Review(exerciseID: "bird-dog", reviewedAt: t, utcOffset: 0, note: "lighter", createdAt: t)
/// ```
public struct Review: Sendable, Hashable {
    public var id: Int64?
    public var exerciseID: String
    /// When the review took place, in Unix seconds (UTC).
    public var reviewedAt: Int64
    /// Seconds east of UTC on the person's clock then.
    public var utcOffset: Int
    /// What the physiotherapist said, as the person wrote it.
    public var note: String?
    public var createdAt: Int64

    /// A review; its note must follow ``Note``'s rule.
    public init(
        id: Int64? = nil, exerciseID: String, reviewedAt: Int64, utcOffset: Int, note: String? = nil, createdAt: Int64
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.exerciseID = exerciseID
        self.reviewedAt = reviewedAt
        self.utcOffset = utcOffset
        self.note = note
        self.createdAt = createdAt
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: reviewedAt, utcOffset: utcOffset) }
}
