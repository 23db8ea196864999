extension Wording {
    /// What `plan`, `today` and `session` say when there is no plan: the fact, then the command,
    /// for glute-bridge or, when it is on hold (`held`), the first built-in exercise that is not
    /// ("EXERCISE" when every one is).
    public static func noPlanYet(held: Set<String> = []) -> String {
        let exercise = (["glute-bridge"] + Catalog.builtIn.exercises.map(\.id)).first { !held.contains($0) }
        return "No plan yet. Set one with: journal plan set \(exercise ?? "EXERCISE") --sets 3 --reps 10 --per-week 5"
    }

    /// What `session` says when a red flag stops it, and `today` in place of the exercises due
    /// (``Standing/stoppingSessions``): "No session while this stands.", with `why` in brackets.
    public static func noSession(_ why: String? = nil) -> String {
        "No session while this stands" + (why.map { " (\($0))" } ?? "") + "."
    }

    /// Said after something deleted: "`journal undo` brings it back." (or "them", for more than one).
    public static func undoBringsBack(_ count: some BinaryInteger) -> String {
        "`journal undo` brings \(pronoun(count)) back."
    }

    /// Said when a deletion was not confirmed.
    public static let nothingDeleted = "Nothing was deleted."

    /// How a hold is lifted, to end a sentence: "see a physiotherapist, then `journal resume glute-bridge`".
    public static func seePhysiotherapistThenResume(_ exerciseID: String) -> String {
        "see a physiotherapist, then `journal resume \(exerciseID)`"
    }

    /// Said after a note on a saved entry that may be a slip.
    public static let undoRemovesSlip = "if that is a slip, `journal undo` removes it."

    /// Why a -wal or -shm file was made writable again, to follow its path: opening a journal and
    /// `journal doctor` say it.
    public static let unwritableSideFile =
        "could not be written though the journal can (reading the journal while it was read-only leaves it so), "
        + "so every change would have failed"
}

extension Wording {
    /// What to type for an exercise's name given as several words without quotes (`journal log
    /// glute bridge --pain-before 4`), which the parser reads as extra arguments: `command` the
    /// command's words (`journal log`), `typed` the words as typed, `id` the exercise they name.
    ///
    /// "Did you mean `journal log "glute bridge" …` or `journal log glute-bridge …`?"
    public static func exerciseInWords(command: String, typed: String, id: String) -> String {
        "Did you mean `\(command) \"\(typed)\" …` or `\(command) \(id) …`?"
    }
}
