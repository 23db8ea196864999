import ArgumentParser
import Foundation
import Journal

struct Session: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Walk through today's exercises one after another, recording each as you go.",
        discussion: """
            For each exercise due today (or each one you name), in plan order: how to do it, \
            then your pain before, the dose (Enter accepts the plan's), and your pain after. \
            Each entry is saved the moment it is complete; findings show at once, as with \
            `journal log`. A stop puts that exercise on hold, and you choose whether to go on \
            with the others. Answer s to skip an exercise, q to end.

            Off a terminal the same answers are read from standard input, one per line (an \
            empty line accepts the plan's dose); the end of input ends the session.

            Examples:
              journal session
              journal session bird-dog side-plank
              printf '3\\n\\n2\\n' | journal session glute-bridge
            """
    )

    @Argument(
        help: "Exercises to do instead of today's due ones.",
        completion: .custom { _, _, _ in ExerciseCompletion.ids() })
    var exercises: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let today = try Clock.today()
        let journal = try store.openForReading()
        let routine =
            try journal?.routine(today: today) ?? DailyRoutine.make(plan: [], entries: [], holds: [], today: today)
        let catalog = try store.catalog()
        // Every plan item, held ones too: a named exercise on hold still offers its planned dose.
        let planned = Dictionary(
            uniqueKeysWithValues: try (journal?.plan() ?? []).map { ($0.exerciseID, $0) })
        let chosen: [Exercise]
        if exercises.isEmpty {
            guard !routine.items.isEmpty || !routine.held.isEmpty else {
                Console.err("No plan yet. Set one with: journal plan set glute-bridge --sets 3 --reps 10 --per-week 5")
                return
            }
            chosen = try routine.due.map { try catalog.resolve($0.plan.exerciseID) }
            guard !chosen.isEmpty else {
                Console.err("Nothing is due today. Name exercises to do more: journal session bird-dog")
                return
            }
        } else {
            chosen = try exercises.map { try catalog.resolve($0) }
        }
        var done: [String] = []
        var skipped: [String] = []
        Interruption.watch()
        exercises: for (index, exercise) in chosen.enumerated() {
            Interruption.inProgress(exercise.id, saved: done.count)
            Console.err("")
            Console.err(Style.stderr.bold("\(exercise.name) (\(exercise.id))"))
            for line in TextTable.wrap(exercise.howTo, width: 76).split(separator: "\n") { Console.err("  " + line) }
            switch try record(exercise, plan: planned[exercise.id]) {
            case .skipped:
                skipped.append(exercise.id)
            case .quit:
                skipped += chosen[index...].map(\.id)
                break exercises
            case .saved(let logged):
                done.append(exercise.id)
                Interruption.inProgress(nil, saved: done.count)
                let beganHold = logged.hold?.since.entryID == logged.entry.id
                if beganHold, index + 1 < chosen.count {
                    let goOn = Questions.ask("Go on with the other exercises? [Y/n] ", escapes: false) { $0 }
                    guard case .value(let answer) = goOn, !["n", "no", "q"].contains(answer.lowercased()) else {
                        skipped += chosen[(index + 1)...].map(\.id)
                        break exercises
                    }
                }
            }
        }
        Interruption.inProgress(nil, saved: done.count)
        Console.err("")
        Console.err(
            "Done \(done.count), skipped \(skipped.count)"
                + (skipped.isEmpty ? "." : ": " + skipped.joined(separator: ", ") + "."))
        if let week = try store.openForReading()?.routine(today: today), !week.items.isEmpty || !week.held.isEmpty {
            let counts = week.items.map { "\($0.plan.exerciseID) \($0.doneThisWeek) of \($0.plan.perWeek)" }
            let held = week.held.map { "\($0.exerciseID) on hold" }
            Console.err("This week: " + (counts + held).joined(separator: ", ") + ".")
        }
    }

    enum Outcome {
        case saved(LoggedEntry)
        case skipped
        case quit
    }

    /// Asks for one exercise's answers and saves the entry once they are complete.
    private func record(_ exercise: Exercise, plan: PlanItem?) throws -> Outcome {
        let beforeAnswer = Questions.pain("pain before")
        guard case .value(let before) = beforeAnswer else { return beforeAnswer.isQuit ? .quit : .skipped }
        TestStop.at("session-pain-before")
        let planned = plan.map {
            Describe.dosage(sets: $0.sets, reps: $0.reps, holdSeconds: $0.holdSeconds, side: nil)
        }
        let doseAnswer = Questions.ask(
            "Dose\(planned.map { " [\($0)]" } ?? "") (Enter accepts, or 3x10, 2x30s, 3x10x5s; s skips, q ends): "
        ) { text -> DoseInput? in
            if text.isEmpty {
                guard plan != nil else { throw JournalError.invalidDose(text) }
                return nil
            }
            let dose = try DoseInput.parse(text)
            if dose.side != nil, !exercise.perSide { throw JournalError.sideNotApplicable(exercise: exercise.id) }
            return dose
        }
        guard case .value(let dose) = doseAnswer else { return doseAnswer.isQuit ? .quit : .skipped }
        let afterAnswer = Questions.pain("pain after")
        guard case .value(let after) = afterAnswer else { return afterAnswer.isQuit ? .quit : .skipped }
        var draft = EntryDraft(exercise: exercise.id)
        draft.painBefore = before
        draft.painAfter = after
        draft.sets = dose?.sets ?? plan?.sets
        draft.reps = dose.map(\.reps) ?? plan?.reps
        draft.holdSeconds = dose.map(\.holdSeconds) ?? plan?.holdSeconds
        draft.side = dose?.side
        let now = try Clock.now()
        let logged = try store.write { try $0.log(draft, now: now, timeZone: Clock.timeZone) }
        Describe.printFindings(of: logged)
        try Console.out(
            "Logged #\(logged.entry.id ?? 0) \(logged.entry.exerciseID): \(Describe.dosage(logged.entry)), "
                + "pain \(Describe.pain(logged.entry)), at \(Describe.time(logged.entry.localTime)).")
        return .saved(logged)
    }
}

extension Questions.Answer {
    var isQuit: Bool {
        if case .quit = self { return true }
        return false
    }
}

/// What Ctrl-C says during a session: how many entries are saved and that the one in progress is not.
enum Interruption {
    nonisolated(unsafe) private static var message: [UInt8] = []

    /// Installs the handler, and lets Ctrl-C through even if the parent process blocked it.
    static func watch() {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            Interruption.message.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
            _exit(130)
        }
    }

    /// Updates what Ctrl-C would say.
    static func inProgress(_ exercise: String?, saved: Int) {
        var text = "\nSession stopped: \(saved) \(saved == 1 ? "entry" : "entries") saved"
        text += exercise.map { "; \($0), in progress, was not saved.\n" } ?? ".\n"
        message = Array(text.utf8)
    }
}
