import Foundation

/// What a person gave for one entry, before it is checked: the one way into the journal for
/// `journal log`, `journal edit` and `journal import`.
///
/// Every field is optional. Building the entry (``entry(exercise:now:timeZone:replacing:)``)
/// applies the same checks whoever calls it: the pain readings are required for a new entry, a
/// side only for an exercise done one side at a time, a time no later than now, every number
/// within ``Entry/Limits``; an edit keeps whatever the draft leaves out.
///
/// ```swift
/// var draft = EntryDraft(exercise: "glute-bridge")
/// draft.painBefore = PainLevel(4)
/// draft.painAfter = PainLevel(3)
/// draft.sets = 3
/// draft.reps = 10
/// let entry = try draft.entry(exercise: glute, now: now, timeZone: .current)
/// entry.painChange // -1
/// ```
public struct EntryDraft: Sendable, Hashable {
    /// When the entry was done, as given.
    public enum Time: Sendable, Hashable {
        /// What a person typed after `--at` (`now`, `yesterday 18:00`, `2026-11-20`…).
        case typed(String)
        /// An exact moment with its offset, as an export records it.
        case exact(ResolvedTime, text: String)
    }

    /// The exercise as given: an id, an alias or a name.
    public var exercise: String
    /// The id an import row carries; `nil` for a new entry.
    public var id: Int64?
    public var painBefore: PainLevel?
    public var painAfter: PainLevel?
    public var sets: Int?
    public var reps: Int?
    public var holdSeconds: Int?
    public var side: Side?
    /// The note; `""` removes it on an edit; `nil` keeps what there is.
    public var note: String?
    /// When; `nil` is now for a new entry and unchanged for an edit.
    public var time: Time?

    /// A draft naming only the exercise; set the other fields as given.
    public init(exercise: String) {
        self.exercise = exercise
    }

    /// Whether the draft changes nothing (an edit needs at least one value).
    public var isEmpty: Bool {
        painBefore == nil && painAfter == nil && sets == nil && reps == nil && holdSeconds == nil && side == nil
            && note == nil && time == nil
    }

    /// The checked entry this draft describes for `exercise`, recorded at `now`; with `base`, the
    /// edit of that entry (what the draft leaves out stays as it was).
    ///
    /// Throws the first problem found, as a ``JournalError``.
    public func entry(exercise: Exercise, now: Int64, timeZone: TimeZone, replacing base: Entry? = nil) throws
        -> Entry
    {
        guard let painBefore = painBefore ?? base?.painBefore else { throw JournalError.missingValue("pain before") }
        guard let painAfter = painAfter ?? base?.painAfter else { throw JournalError.missingValue("pain after") }
        if side != nil, !exercise.perSide { throw JournalError.sideNotApplicable(exercise: exercise.id) }
        let resolved: ResolvedTime
        switch time {
        case .typed(let text)?:
            resolved = try DateInput.parse(text, now: now, timeZone: timeZone)
        case .exact(let exact, let text)?:
            guard exact.unixSeconds <= now else {
                throw JournalError.futureDate(
                    text: text, resolved: Wording.time(exact.local))
            }
            resolved = exact
        case nil:
            resolved =
                base.map { ResolvedTime(unixSeconds: $0.performedAt, utcOffset: $0.utcOffset) }
                ?? DateInput.at(now, in: timeZone)
        }
        return try Entry(
            id: base?.id ?? id, exerciseID: exercise.id, performedAt: resolved.unixSeconds,
            utcOffset: resolved.utcOffset, sets: sets ?? base?.sets ?? 1, reps: reps ?? base?.reps,
            holdSeconds: holdSeconds ?? base?.holdSeconds, side: side ?? base?.side, painBefore: painBefore,
            painAfter: painAfter, note: note ?? base?.note, createdAt: base?.createdAt ?? now)
    }
}
