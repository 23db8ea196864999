import Foundation

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
    /// What the journal had seen when it was recorded (schema.sql v26-record-ids, `reviews.seen`).
    ///
    /// A JSON object, each replica's latest reading then. A session recorded later was not
    /// reviewed. `{}` until saved: it has seen nothing.
    public var seen: String
    /// The largest id of an entry it had seen, as the full export writes it (`through_entry_id`)
    /// and a full import reads it; ``seen`` decides what it covers.
    public var throughEntryID: Int64

    /// A review; its note must follow ``Note``'s rule.
    public init(
        id: Int64? = nil, exerciseID: String, reviewedAt: Int64, utcOffset: Int, note: String? = nil, createdAt: Int64,
        seen: String = "{}", throughEntryID: Int64 = 0
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.exerciseID = exerciseID
        self.reviewedAt = reviewedAt
        self.utcOffset = utcOffset
        self.note = note
        self.createdAt = createdAt
        self.seen = seen
        self.throughEntryID = throughEntryID
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: reviewedAt, utcOffset: utcOffset) }

    /// What the review answers: the stop findings on sessions performed up to ``reviewedAt`` and
    /// recorded by a write it had seen (``seen``).
    public var mark: Mark { Mark(reviewedAt: reviewedAt, seen: Mark.readings(seen), recordedAt: createdAt) }

    /// The reach of a review, for the rules.
    public struct Mark: Sendable, Hashable {
        public var reviewedAt: Int64
        /// What the review had seen: each replica (32 hex digits) and its latest reading then
        /// (`WALL-COUNTER-REPLICA`, 57 characters), as `reviews.seen` holds them.
        public var seen: [String: String]
        /// When the review was recorded (Unix seconds): not what it covers (``seen`` is), but when
        /// an edit makes a session it covered count as recorded anew, it dates that after it.
        public var recordedAt: Int64

        public init(reviewedAt: Int64, seen: [String: String], recordedAt: Int64 = Int64.max) {
            self.reviewedAt = reviewedAt
            self.seen = seen
            self.recordedAt = recordedAt
        }

        /// Whether the session performed at `performedAt`, recorded by the write whose reading is
        /// `recorded`, was reviewed.
        ///
        /// It was when both hold: it was performed by the review's time, and the review had seen
        /// the write that recorded it (`recorded` is no later than ``seen``'s reading of the same
        /// replica, the reading's last 32 characters): the rule ``WriteStamp/hasSeen(recorded:seen:)``
        /// writes in SQL. A session recorded after the review, even dated before it (imported, or
        /// logged with the clock set back), was not; nor one not yet saved (no reading).
        public func covers(performedAt: Int64, recorded: String?) -> Bool {
            guard performedAt <= reviewedAt, let recorded, recorded.utf8.count == 57,
                let latest = seen[String(recorded.suffix(32))]
            else { return false }
            return !latest.utf8.lexicographicallyPrecedes(recorded.utf8)
        }

        /// ``seen`` as `reviews.seen` holds it: a JSON object, by replica in order.
        public var seenText: String {
            let data = try? JSONSerialization.data(withJSONObject: seen, options: [.sortedKeys])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }

        /// The readings of `seen`, a JSON object as `reviews.seen` holds it: replica to reading.
        ///
        /// Anything else (no JSON object, a value that is no text) is read as having seen nothing
        /// of that replica.
        public static func readings(_ seen: String) -> [String: String] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(seen.utf8)) as? [String: Any] else {
                return [:]
            }
            return object.compactMapValues { $0 as? String }
        }
    }
}
