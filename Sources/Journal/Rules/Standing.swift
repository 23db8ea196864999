/// What stands on a day: the one safety picture every command shows.
///
/// The red flags no doctor has seen yet (however old: `journal resume --red-flags` records that
/// one has), every exercise on hold, the other findings of the last ``Thresholds/currentDays``
/// local days that no review has answered, the `worsening` trend, and the PSFS reminders.
/// `journal check` prints it whole; `today`, `session`, `log`, `checkin` and the reports show it
/// too, so what a person is told does not depend on the command they ran.
///
/// ```swift
/// let standing = try store.standing(today: today)
/// standing.exitStatus // 3 while an urgent or see-doctor red flag stands
/// ```
public struct Standing: Sendable, Hashable {
    /// The day it is the picture of.
    public var date: LocalDate
    /// Every finding that stands, most severe first (``Rules/sorted(_:)``).
    public var findings: [Finding]
    /// Every exercise on hold, by exercise id.
    public var holds: [Hold]
    /// The sessions that the stop findings not told with a hold are about.
    public var sessions: [Entry]
    /// Gentle reminders that are not findings (a PSFS re-rating due).
    public var reminders: [String]
    /// The latest record that a doctor has seen the red flags, if any.
    public var redFlagReview: RedFlagReview?

    public init(
        date: LocalDate, findings: [Finding] = [], holds: [Hold] = [], sessions: [Entry] = [],
        reminders: [String] = [], redFlagReview: RedFlagReview? = nil
    ) {
        self.date = date
        self.findings = Rules.sorted(findings)
        self.holds = holds
        self.sessions = sessions
        self.reminders = reminders
        self.redFlagReview = redFlagReview
    }

    /// Builds the standing of `date` from what the rules need.
    ///
    /// `entries` and `checkIns` as for ``Rules/current(entries:checkIns:reviews:today:)``, whose
    /// red-flag findings are replaced by those of `redFlagCheckIns` that `redFlagReview` does not
    /// cover: on a past day (`isToday` false: a report's last day) those dated by `date` on their
    /// own clocks; today every one recorded, whatever day its own clock gave it (a check-in made
    /// where the clock was already tomorrow, or dated ahead from outside, is never hidden).
    public static func make(
        date: LocalDate, entries: [Entry], checkIns: [CheckIn], reviews: [String: Review.Mark], holds: [Hold],
        redFlagCheckIns: [CheckIn], redFlagReview: RedFlagReview?, reminders: [String], isToday: Bool = true
    ) -> Standing {
        let current = Rules.current(entries: entries, checkIns: checkIns, reviews: reviews, today: date)
            .filter { $0.rule != RedFlagRule.id }
        let redFlags = RedFlagRule.findings(
            in: redFlagCheckIns.filter { checkIn in
                (isToday || checkIn.localTime.date <= date) && !(redFlagReview?.covers(checkIn) ?? false)
            })
        let held = Set(holds.compactMap(\.session.id))
        let stopped = Set(current.filter { $0.severity == .stop }.compactMap(\.entryID)).subtracting(held)
        return Standing(
            date: date, findings: current + redFlags, holds: holds,
            sessions: entries.filter { $0.id.map(stopped.contains) ?? false }, reminders: reminders,
            redFlagReview: redFlagReview)
    }

    /// Whether nothing stands (reminders aside).
    public var isEmpty: Bool { findings.isEmpty && holds.isEmpty }

    /// The most severe of what stands (a hold counts as a stop); `nil` when nothing does.
    public var worst: Finding.Severity? { (findings.map(\.severity) + holds.map { _ in .stop }).max() }

    /// The exit status of `journal check`: 3 an urgent or see-doctor red flag, 2 a stop or a hold,
    /// 1 a caution or a see-GP finding, 0 nothing.
    public var exitStatus: Int32 {
        switch worst {
        case nil: 0
        case .caution, .seeGP: 1
        case .stop: 2
        case .seeDoctor, .urgent: 3
        }
    }

    /// The red-flag findings that stand, most severe first.
    public var redFlags: [Finding] { findings.filter { $0.rule == RedFlagRule.id } }

    /// The standing red flag of `severity` (``Finding/Severity/urgent`` or ``Finding/Severity/seeDoctor``), the newest.
    public func redFlag(_ severity: Finding.Severity) -> Finding? {
        redFlags.first { $0.severity == severity }
    }

    /// The red flag that stops every session, `nil` when none does.
    ///
    /// An emergency one, else a same-day one (`journal session` goes on only when, at a terminal,
    /// the person says a doctor has seen them since). `journal today` then lists no exercise as due (``DailyRoutine/due(under:)``).
    public var stoppingSessions: Finding? { redFlag(.urgent) ?? redFlag(.seeDoctor) }

    /// One thing that stands, as every surface lists it.
    public enum Item: Sendable, Hashable {
        /// A finding told alone: a red flag, a see-GP finding, a caution.
        case finding(Finding)
        /// An exercise on hold, with the session that began it.
        case hold(Hold)
        /// The stop findings of one session that began no hold still standing.
        case session(Entry, [Finding])

        /// What the item is, whatever its values say now.
        ///
        /// A finding by its rule, exercise and time (a check-in's, by its words too); a hold by its
        /// exercise; a session by its exercise and time. Never by record number: a record put back
        /// by an undo on another device comes back under a new one. A hold whose session a merged
        /// edit changed (a note, a pain that still rose), or whose reading changed (a first sync
        /// gives the journal's readings its replica id), is the same hold: neither begun nor lifted.
        public var identity: Identity {
            switch self {
            case .finding(let finding):
                // A check-in's red flags share their rule: each is told apart by its words.
                return .finding(
                    rule: finding.rule, exercise: finding.exerciseID, at: finding.performedAt,
                    redFlag: finding.checkInID == nil ? nil : finding.message)
            case .hold(let hold): return .hold(exercise: hold.exerciseID)
            case .session(let entry, _): return .session(exercise: entry.exerciseID, at: entry.performedAt)
            }
        }

        /// An item's ``identity``.
        public enum Identity: Sendable, Hashable {
            case finding(rule: String, exercise: String?, at: Int64, redFlag: String?)
            case hold(exercise: String)
            case session(exercise: String, at: Int64)
        }

        /// When it began.
        public var since: LocalDateTime {
            switch self {
            case .finding(let finding): finding.localTime
            case .hold(let hold): hold.since.localTime
            case .session(_, let findings): findings.first?.localTime ?? LocalDateTime(unixSeconds: 0, utcOffset: 0)
            }
        }
    }

    /// What stands, most severe first: red flags (emergency, then same day); each hold; every
    /// other session with stop findings, one item each; then see-GP findings and cautions.
    public var items: [Item] {
        var byID: [Int64: [Finding]] = [:]
        var order: [Int64] = []
        let held = Set(holds.compactMap(\.session.id))
        for finding in findings where finding.severity == .stop {
            guard let id = finding.entryID, !held.contains(id) else { continue }
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(finding)
        }
        let sessionsByID = Dictionary(sessions.compactMap { entry in entry.id.map { ($0, entry) } }) { a, _ in a }
        return findings.filter { $0.severity > .stop }.map(Item.finding)
            + holds.map(Item.hold)
            + order.compactMap { id in sessionsByID[id].map { Item.session($0, byID[id] ?? []) } }
            + findings.filter { $0.severity < .stop }.map(Item.finding)
    }
}
