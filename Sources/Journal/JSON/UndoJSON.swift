import Foundation

/// `journal undo --json`: `undone` (false when there was nothing to undo, or undo stopped),
/// `stopped` (true when undo stopped at a change it cannot undo: one recorded before the journal kept
/// what it replaced; `kind`, `made_at` and `detail` then name that change, and nothing was undone),
/// `kind` (the `ChangeKind` value: `log`, `plan`, `config`…; `null` with nothing to undo), `message` (what undo
/// says in words), `made_at` (when the undone change was made), `detail` (the change in the
/// command's words, for a plan, exercise or setting change), one list per kind of record undo
/// removes or puts back, for every kind of change (a full import's undo fills several):
/// `entry_ids`, `checkin_ids`, `review_ids` (the physiotherapist's reviews), `red_flag_review_ids`
/// (records that a doctor has seen the red flags), `psfs_activity_ids`, `psfs_rating_ids`,
/// `exercise_ids` (exercises of the person's own), `plan_exercise_ids` (plan items, by exercise) and
/// `setting_names`; then `exercise` (the exercise whose plan or own definition was put back) and
/// `setting` (the setting put back); then the records themselves: `removed_entry` and
/// `removed_checkin` (what a `log` or `checkin` had added, as removed), `entries` and `checkins` (those
/// put back, as they are now, as `journal list --json` and `checkins --json` write them),
/// `replaced_entries` and `replaced_checkins` (the same records as the undone edit had left them),
/// `reviewed_exercises` (the exercises whose physiotherapist's review was taken back, or put back
/// with an exercise `journal exercises remove` had removed), `holds`
/// (the holds standing again on them, as `journal check --json` writes them), `psfs_activities`
/// (`id`, `activity`, `added_at`, `retired_at`: removed, as they were, or made active again, as they are)
/// and `psfs_ratings` (`id`, `activity_id`, `rated_at`, `score`, `note`, and `activity`, the
/// activity's words: those removed); `holds_lifted` (the holds the undone change had begun, which
/// stand no more, as `journal check --json` writes them), `red_flags_lifted` and `red_flags_begun` (the
/// red flags no doctor had seen that the undo lifted, or that stand again once the change is undone,
/// one finding a tier per check-in, as `journal checkins delete --json` and `checkins edit --json`
/// write them) and `standing` (what stands once the change
/// is undone, the same object as `journal today --json`'s: ``StandingJSON``); `region` (the region in
/// force once the change is undone, as `journal config get region --json` writes it, when the undo
/// changed the journal's region: a region set or unset, a full import that had set one) and
/// `replaced_region` (the code the journal stored before the undo, `null` when none); `null` or `[]`
/// when not relevant; `exercises` and `replaced_exercises` (the exercise of the person's own an
/// exercise change put back, as it is now, and as the change had left it, as `journal exercises show
/// --json` writes them) and `plan_items` (the plan item a plan or exercise change put back, as
/// `journal plan --json` writes it: today's dose on top, those set ahead under `coming`).
public struct UndoJSON: Encodable, Sendable {
    let result: UndoResult?
    let message: String
    let timeZone: TimeZone
    let today: LocalDate
    let advice: RegionalAdvice
    let region: RegionSetting?

    /// `result` `nil` for nothing undone; `message` the words undo prints; times read in `timeZone`;
    /// a plan item as `plan --json` shows it on `today`; the advice of what stands in the words of `advice`; `region` the region in force, when the
    /// undo changed the journal's (``UndoResult/region``).
    public init(
        result: UndoResult?, message: String, timeZone: TimeZone, today: LocalDate,
        advice: RegionalAdvice = RegionalAdvice(region: nil), region: RegionSetting? = nil
    ) {
        self.result = result
        self.message = message
        self.timeZone = timeZone
        self.today = today
        self.advice = advice
        self.region = region
    }

    enum Keys: String, CodingKey {
        case undone, stopped, kind, message, made_at, detail, entry_ids, checkin_ids, review_ids, red_flag_review_ids
        case psfs_activity_ids, psfs_rating_ids, exercise_ids, plan_exercise_ids, setting_names, exercise, setting
        case removed_entry, removed_checkin, entries, checkins, replaced_entries, replaced_checkins
        case reviewed_exercises, holds, psfs_activities, psfs_ratings, holds_lifted, red_flags_lifted, red_flags_begun
        case standing, region, replaced_region
        case exercises, replaced_exercises, plan_items
    }

    /// A PSFS rating undo removed, with its activity's words.
    struct RatingJSON: Encodable {
        let rating: PSFSRating
        let activity: String?

        enum Keys: String, CodingKey { case activity }

        func encode(to encoder: any Encoder) throws {
            try PSFSRatingJSON(rating).encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(activity, forKey: .activity)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.map { !$0.stopped } ?? false, forKey: .undone)
        try container.encode(result?.stopped ?? false, forKey: .stopped)
        try container.encode(result?.kind.rawValue, forKey: .kind)
        try container.encode(message, forKey: .message)
        try container.encode(
            result.map { DateInput.at($0.madeAt, in: timeZone).local.iso8601 }, forKey: .made_at)
        try container.encode(result?.detail, forKey: .detail)
        try container.encode(result?.entryIDs ?? [], forKey: .entry_ids)
        try container.encode(result?.checkInIDs ?? [], forKey: .checkin_ids)
        try container.encode(result?.reviewIDs ?? [], forKey: .review_ids)
        try container.encode(result?.redFlagReviewIDs ?? [], forKey: .red_flag_review_ids)
        try container.encode(result?.psfsActivityIDs ?? [], forKey: .psfs_activity_ids)
        try container.encode(result?.psfsRatingIDs ?? [], forKey: .psfs_rating_ids)
        try container.encode(result?.exerciseIDs ?? [], forKey: .exercise_ids)
        try container.encode(result?.planExerciseIDs ?? [], forKey: .plan_exercise_ids)
        try container.encode(result?.settingNames ?? [], forKey: .setting_names)
        var exercise: String?
        var setting: String?
        var planItem: PlanItem?
        switch result?.putBack {
        case .plan(let id, let item)?:
            exercise = id
            planItem = item
        case .exercise(let id, _, let item)?:
            exercise = id
            planItem = item
        case .setting(let name, _)?: setting = name
        case nil: break
        }
        try container.encode(planItem.map { [PlanItemJSON($0, today: today)] } ?? [], forKey: .plan_items)
        func exercises(_ state: ExerciseState?) -> [ExerciseJSON] {
            state.map { [ExerciseJSON($0.exercise, archived: $0.archived)] } ?? []
        }
        try container.encode(exercises(result?.putBackExercise), forKey: .exercises)
        try container.encode(exercises(result?.replacedExercise), forKey: .replaced_exercises)
        try container.encode(exercise, forKey: .exercise)
        try container.encode(setting, forKey: .setting)
        try container.encode(result?.loggedEntry.map { EntryJSON($0) }, forKey: .removed_entry)
        try container.encode(result?.loggedCheckIn.map(CheckInJSON.init), forKey: .removed_checkin)
        try container.encode((result?.putBackEntries ?? []).map { EntryJSON($0) }, forKey: .entries)
        try container.encode((result?.putBackCheckIns ?? []).map(CheckInJSON.init), forKey: .checkins)
        try container.encode((result?.replacedEntries ?? []).map { EntryJSON($0) }, forKey: .replaced_entries)
        try container.encode((result?.replacedCheckIns ?? []).map(CheckInJSON.init), forKey: .replaced_checkins)
        try container.encode(result?.reviewedExerciseIDs ?? [], forKey: .reviewed_exercises)
        try container.encode((result?.holdsAgain ?? []).map(HoldJSON.init), forKey: .holds)
        try container.encode((result?.psfsActivities ?? []).map(PSFSActivityJSON.init), forKey: .psfs_activities)
        try container.encode(
            (result?.psfsRatings ?? []).map {
                RatingJSON(rating: $0, activity: result?.psfsRatedActivities[$0.activityID])
            },
            forKey: .psfs_ratings)
        try container.encode((result?.holdsLifted ?? []).map(HoldJSON.init), forKey: .holds_lifted)
        try container.encode(
            (result?.redFlagsLifted ?? []).map { FindingJSON($0, advice: advice) }, forKey: .red_flags_lifted)
        try container.encode(
            (result?.redFlagsBegun ?? []).map { FindingJSON($0, advice: advice) }, forKey: .red_flags_begun)
        try container.encode(result?.standing.map { StandingJSON($0, advice: advice) }, forKey: .standing)
        try container.encode(region.map(RegionJSON.init), forKey: .region)
        try container.encode(result?.region?.replaced, forKey: .replaced_region)
    }
}
