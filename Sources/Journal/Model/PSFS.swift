import Foundation

/// An everyday activity a person rates on the Patient-Specific Functional Scale (PSFS).
///
/// The person names 3 to 5 activities that the back problem makes hard ("putting on socks") and
/// re-rates the same ones over time, from 0 (unable to do it) to 10 (able to do it as before).
///
/// ```swift
/// let socks = try PSFSActivity(activity: "putting on socks", addedAt: t, utcOffset: 0, createdAt: t)
/// ```
public struct PSFSActivity: Sendable, Hashable {
    /// The most activities rated at once, as the scale's form asks.
    public static let maximumActive = 5
    /// The longest activity text, in characters.
    public static let maximumLength = 80

    public var id: Int64?
    /// The activity in the person's words.
    public var activity: String
    /// When it was added, Unix seconds (UTC), and the clock's offset then.
    public var addedAt: Int64
    public var utcOffset: Int
    /// When it was retired (`journal psfs remove`); `nil` while it is rated.
    public var retiredAt: Int64?
    public var createdAt: Int64

    /// An activity; refuses empty text, more than ``maximumLength`` characters, and control characters.
    public init(
        id: Int64? = nil, activity: String, addedAt: Int64, utcOffset: Int, retiredAt: Int64? = nil, createdAt: Int64
    ) throws {
        let text = String(activity.trimmingWhitespace())
        let oneLine: (Unicode.Scalar) -> Bool = {
            ![.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
                && $0 != "\u{FFFD}"
        }
        guard !text.isEmpty, text.unicodeScalars.count <= Self.maximumLength, text.unicodeScalars.allSatisfy(oneLine)
        else { throw JournalError.invalidActivity(activity) }
        self.id = id
        self.activity = text
        self.addedAt = addedAt
        self.utcOffset = utcOffset
        self.retiredAt = retiredAt
        self.createdAt = createdAt
    }

    /// An activity as the journal stores it, its words unchecked: one written from outside may
    /// break the rule above (``StoredValues``).
    init(stored activity: String, id: Int64?, addedAt: Int64, utcOffset: Int, retiredAt: Int64?, createdAt: Int64) {
        self.id = id
        self.activity = activity
        self.addedAt = addedAt
        self.utcOffset = utcOffset
        self.retiredAt = retiredAt
        self.createdAt = createdAt
    }

    /// An activity added at the time a person typed (`--at`, read by ``DateInput``), recorded `now`.
    public init(activity: String, at typed: String, now: Int64, timeZone: TimeZone) throws {
        let time = try DateInput.parse(typed, now: now, timeZone: timeZone)
        try self.init(activity: activity, addedAt: time.unixSeconds, utcOffset: time.utcOffset, createdAt: now)
    }

    /// Reads a score from 0 to 10, or throws ``JournalError/invalidScore(_:)``.
    public static func score(parsing text: String) throws -> PainLevel {
        guard let number = Int(text.trimmingWhitespace()), let score = PainLevel(number) else {
            throw JournalError.invalidScore(text)
        }
        return score
    }

    /// Whether it is still rated.
    public var isActive: Bool { retiredAt == nil }

    /// The local day it was retired, on the clock it was added with (as the full export dates it);
    /// `nil` while it is rated.
    public var retiredOn: LocalDate? { retiredAt.map { LocalDateTime(unixSeconds: $0, utcOffset: utcOffset).date } }

    /// Whether it was still rated at the end of `day`: never retired, or retired on a later day.
    public func isActive(through day: LocalDate) -> Bool { retiredOn.map { $0 > day } ?? true }

    /// Whether `other` names the same activity: the same words, case, spacing and a closing full
    /// stop, exclamation or question mark aside ("Putting  on Socks." and "putting on socks").
    public func sameWords(as other: PSFSActivity) -> Bool {
        func words(_ text: String) -> [Substring] {
            var text = Substring(text.lowercased())
            // A sentence's closing mark is no word of it: "putting on socks." is "putting on socks".
            while let end = text.lastIndex(where: { !$0.isWhitespace }), ".!?".contains(text[end]) {
                text = text[..<end]
            }
            return text.split(whereSeparator: { $0.isWhitespace })
        }
        return words(activity) == words(other.activity)
    }
}

/// One PSFS rating of one activity: 0 (unable to do it) to 10 (able to do it as before the problem).
public struct PSFSRating: Sendable, Hashable {
    public var id: Int64?
    public var activityID: Int64
    /// When it was rated, Unix seconds (UTC), and the clock's offset then.
    public var ratedAt: Int64
    public var utcOffset: Int
    /// The score; the same 0–10 whole numbers as pain, with the opposite meaning (10 is best).
    public var score: PainLevel
    public var note: String?
    public var createdAt: Int64

    public init(
        id: Int64? = nil, activityID: Int64, ratedAt: Int64, utcOffset: Int, score: PainLevel, note: String? = nil,
        createdAt: Int64
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.activityID = activityID
        self.ratedAt = ratedAt
        self.utcOffset = utcOffset
        self.score = score
        self.note = note
        self.createdAt = createdAt
    }

    /// A rating made at the time a person typed (`--at`, read by ``DateInput``), recorded `now`.
    public init(
        activityID: Int64, score: PainLevel, note: String? = nil, at typed: String, now: Int64, timeZone: TimeZone
    ) throws {
        let time = try DateInput.parse(typed, now: now, timeZone: timeZone)
        try self.init(
            activityID: activityID, ratedAt: time.unixSeconds, utcOffset: time.utcOffset, score: score, note: note,
            createdAt: now)
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: ratedAt, utcOffset: utcOffset) }
}
