import ArgumentParser

// What each command that changes the journal says when the change was saved but its output
// could not be written (exit 74), so that nobody runs it again to repeat the change.

extension Log: ChangingCommand {
    static let savedNote = "The entry was saved; `journal list` shows it."
}

extension CheckInCommand: ChangingCommand {
    static let savedNote = "The check-in was saved; `journal checkins` shows it."
}

extension Edit: ChangingCommand {
    static let savedNote = "The correction was saved; `journal list` shows it, and `journal undo` reverses it."
}

extension Delete: ChangingCommand {
    static let savedNote = "The entries were deleted; `journal undo` brings them back."
}

extension Undo: ChangingCommand {
    static let savedNote = doneNote(showing: "`journal list` shows the journal now")

    /// "The undo was done; `showing`. Run `journal undo` again only to undo one more change."
    static func doneNote(showing: String) -> String {
        "The undo was done; \(showing). Run `journal undo` again only to undo one more change."
    }
}

extension Import: ChangingCommand {
    static let savedNote =
        "The import was saved; `journal list` shows the entries, and importing the file again adds nothing."
}

extension Resume: ChangingCommand {
    static let savedNote = "The review was saved; `journal check` shows the holds that still stand."
}

extension CheckIns.Edit: ChangingCommand {
    static let savedNote = "The correction was saved; `journal checkins` shows it, and `journal undo` reverses it."
}

extension CheckIns.Delete: ChangingCommand {
    static let savedNote = "The check-ins were deleted; `journal undo` brings them back."
}

extension Plan.Set: ChangingCommand {
    static let savedNote = "The plan was saved; `journal plan` shows it."
}

extension Plan.Remove: ChangingCommand {
    static let savedNote = "The plan was changed; `journal plan` shows it."
}

extension Exercises.Add: ChangingCommand {
    static let savedNote = "The exercise was added; `journal exercises` shows it."
}

extension Exercises.Remove: ChangingCommand {
    static let savedNote = "The exercise was removed or archived; `journal exercises` shows the rest."
}

extension Exercises.EditExercise: ChangingCommand {
    static let savedNote = "The exercise was changed; `journal exercises show ID` shows it."
}
