import Foundation

/// What `journal resume` asks to record, checked before the journal is written: the exercise
/// resolved to its id (or the red flags) and the time read.
///
/// ```swift
/// let request = try ResumeRequest(
///     subject: .exercise("bird dog"), note: nil, time: "yesterday 15:00",
///     catalog: { Catalog.builtIn }, now: now, timeZone: .current)
/// let outcome = try store.resume(request, now: now)
/// ```
///
/// Everything given is checked whether or not the exercise turns out to be on hold (or a red flag
/// stands), and whether or not there is a journal yet.
public struct ResumeRequest: Sendable, Hashable {
    /// What the review is about: an exercise on hold (by its id, once resolved), or the red flags.
    public enum Subject: Sendable, Hashable {
        case exercise(String)
        case redFlags
    }

    /// The exercise's id (resolved from what was typed), or the red flags.
    public let subject: Subject
    public let note: String?
    /// When the review took place as typed (`nil`: now), for messages; read once, by the initialiser, into ``at``.
    public let time: String?
    /// When the review took place.
    public let at: ResolvedTime
    /// The day the request is made, on the person's clock: the day of what stands after it
    /// (``Resumed/standing``), as `journal check` would read it.
    public let today: LocalDate

    /// Resolves `subject`'s exercise against `catalog` (read only for an exercise) and reads `time`;
    /// throws the library's error for an unknown exercise or a time that cannot be read.
    public init(
        subject: Subject, note: String?, time: String?, catalog: () throws -> Catalog, now: Int64,
        timeZone: TimeZone
    ) throws {
        switch subject {
        case .exercise(let text): self.subject = .exercise(try catalog().resolve(text).id)
        case .redFlags: self.subject = .redFlags
        }
        self.note = note
        self.time = time
        at = try time.map { try DateInput.parse($0, now: now, timeZone: timeZone) } ?? DateInput.at(now, in: timeZone)
        today = DateInput.at(now, in: timeZone).local.date
    }

    /// What was recorded: the hold lifted, or the red flags seen; or nothing (the exercise is
    /// not on hold, or no red flag stands), with what stands (the value `journal check` shows).
    public enum Outcome: Sendable, Hashable {
        case resumed(Resumed)
        case redFlagsSeen(RedFlagsSeen)
        case nothingRecorded(Standing)
    }

    /// Why nothing was recorded, in a sentence ("bird-dog is not on hold; nothing was recorded.").
    public var nothingRecorded: String {
        switch subject {
        case .exercise(let id): "\(id) is not on hold; nothing was recorded."
        case .redFlags: "No red flag stands; nothing was recorded."
        }
    }
}

extension JournalStore {
    /// Records the review `request` asks for: a hold lifted for an exercise, or the red flags seen.
    ///
    /// The review is at the time the request read (``ResumeRequest/at``, never read again); `now`
    /// is when it is recorded.
    ///
    /// Records nothing, returning ``ResumeRequest/Outcome/nothingRecorded(_:)`` with what stands,
    /// when the exercise is not on hold or no red flag stands.
    public func resume(_ request: ResumeRequest, now: Int64) throws -> ResumeRequest.Outcome {
        let outcome: ResumeRequest.Outcome? =
            switch request.subject {
            case .exercise(let id): try resume(exerciseID: id, request, now: now).map(ResumeRequest.Outcome.resumed)
            case .redFlags: try resumeRedFlags(request, now: now).map(ResumeRequest.Outcome.redFlagsSeen)
            }
        if let outcome { return outcome }
        return .nothingRecorded(
            try reading { db in try Self.standing(today: request.today, db).standing })
    }
}
