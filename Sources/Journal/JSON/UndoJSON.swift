import Foundation

/// `journal undo --json`: `undone` (false when there was nothing to undo, or undo stopped),
/// `stopped` (true when undo stopped at a change it cannot undo: one recorded before the journal kept
/// what it replaced; `kind`, `made_at` and `detail` then name that change, and nothing was undone),
/// `kind` (the `ChangeKind` value: `log`, `plan`, `config`…; `null` with nothing to undo), `message` (what undo
/// says in words), `made_at` (when the undone change was made), `detail` (the change in the
/// command's words, for a plan, exercise or setting change), `entry_ids` (entries removed or put
/// back), `checkin_ids` (the check-in a `checkin` had added), `exercise` (the exercise whose plan
/// or own definition was put back) and `setting` (the setting put back); `null` or `[]` when not
/// relevant.
public struct UndoJSON: Encodable, Sendable {
    let result: UndoResult?
    let message: String
    let timeZone: TimeZone

    /// `result` `nil` for nothing undone; `message` the words undo prints; times read in `timeZone`.
    public init(result: UndoResult?, message: String, timeZone: TimeZone) {
        self.result = result
        self.message = message
        self.timeZone = timeZone
    }

    enum Keys: String, CodingKey {
        case undone, stopped, kind, message, made_at, detail, entry_ids, checkin_ids, exercise, setting
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
        try container.encode(result?.loggedCheckIn?.id.map { [$0] } ?? [], forKey: .checkin_ids)
        var exercise: String?
        var setting: String?
        switch result?.putBack {
        case .plan(let id, _)?, .exercise(let id, _, _)?: exercise = id
        case .setting(let name, _)?: setting = name
        case nil: break
        }
        try container.encode(exercise, forKey: .exercise)
        try container.encode(setting, forKey: .setting)
    }
}
