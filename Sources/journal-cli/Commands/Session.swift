import ArgumentParser
import Foundation
import Journal

struct Session: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Walk through today's exercises one after another, recording each as you go.",
        discussion: """
            For each exercise due today (or each one you name), in plan order: how to do it, \
            then your pain before, the dose (Enter accepts the plan's, as the plan gives it), the side \
            for an exercise done one side at a time (Enter saves none: a plan names no side), and \
            your pain after. Each entry is saved the moment it is complete; findings show at once, as with \
            `journal log`. A stop puts that exercise on hold, and you choose whether to go on \
            with the others. Answer s to skip an exercise, q to end.

            An exercise on hold is never chosen for you. One you name is announced as on hold \
            before anything is asked: at a terminal you are asked whether to do it anyway; off a \
            terminal it is skipped.

            Off a terminal the same answers are read from standard input, one per line (an \
            empty line accepts the plan's dose, or saves no side); the end of input ends the session. An \
            answer that is refused ends the session with exit status 64, naming its line: the \
            entries completed before it are kept, nothing after it is saved.

            While an emergency red flag stands, session prints the advice and stops with exit \
            status 3, asking nothing; `journal resume --red-flags` records that a doctor has \
            seen it. While a same-day one stands, it asks once whether a doctor has seen you \
            since; yes goes on (record it with `journal resume --red-flags` so it stops asking), \
            anything else, or standard input that is not a terminal, stops with exit status 3.

            Examples:
              journal session
              journal session bird-dog side-plank
              printf '3\\n\\n2\\n' | journal session glute-bridge
              printf '3\\n\\n2\\n' | journal session glute-bridge --json

            With --json, standard output is one object once the session ends: the entries \
            saved, each as `journal log --json` writes it, and the exercises skipped.
            """
    )

    @Argument(
        help: "Exercises to do instead of today's due ones.",
        completion: .custom { _, _, _ in ExerciseCompletion.ids() })
    var exercises: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let today = try Clock.today()
        // Read on a connection of its own, released before the session writes.
        let snapshot = try store.openForScreen()?.sessionSnapshot(
            today: today, environment: ProcessInfo.processInfo.environment, now: try Clock.now())
        let words = try StoreOptions.region(snapshot?.region).advice
        let standing = snapshot?.standing ?? Standing(date: today)
        do {
            try Self.redFlagGate(standing, advice: words)
        } catch {
            try printJSON(logged: [], skipped: [], advice: words)
            // What the gate read is named as every screen names it; its own status stands.
            StoredDamage.say(snapshot?.problems ?? [])
            throw error
        }
        let session =
            try snapshot?.session(naming: exercises)
            ?? SessionPlan.make(
                routine: DailyRoutine.make(plan: [], entries: [], holds: [], today: today), plan: [], holds: [],
                catalog: store.catalog(), naming: exercises)
        let routine = session.routine
        if exercises.isEmpty {
            guard routine.hasPlan else {
                Console.err(TextTable.wrap(Wording.noPlanYet(held: Set(standing.holds.map(\.exerciseID))), width: 80))
                try printJSON(logged: [], skipped: [], advice: words)
                Describe.printStanding(standing, advice: words)
                try StoredDamage.finish(problems: snapshot?.problems ?? [])
                return
            }
            guard !session.steps.isEmpty else {
                Console.err(Self.nothingDue(routine))
                try printJSON(logged: [], skipped: [], advice: words)
                Describe.printStanding(standing, advice: words)
                try StoredDamage.finish(problems: snapshot?.problems ?? [])
                return
            }
        }
        var done: [String] = []
        var skipped: [String] = []
        var logged: [LoggedEntry] = []
        Interruption.watch()
        do {
            exercises: for (index, step) in session.steps.enumerated() {
                let exercise = step.exercise
                Interruption.inProgress(exercise.id, saved: done.count)
                Console.err("")
                Console.err(Style.stderr.bold("\(exercise.name) (\(exercise.id))"))
                if let hold = step.hold, !(try Self.doAnyway(hold)) {
                    skipped.append(exercise.id)
                    continue
                }
                for line in TextTable.wrap(exercise.howTo, width: 76).split(separator: "\n") {
                    Console.err("  " + line)
                }
                Self.sayOtherMeasure(exercise, plan: step.plan)
                switch try record(step, advice: words) {
                case .skipped:
                    skipped.append(exercise.id)
                case .quit:
                    skipped += session.steps[index...].map(\.exercise.id)
                    break exercises
                case .saved(let entry):
                    done.append(exercise.id)
                    logged.append(entry)
                    Interruption.inProgress(nil, saved: done.count)
                    if entry.beganHold, index + 1 < session.steps.count {
                        let goOn = try Questions.yesOrNo("Go on with the other exercises? [Y/n] ", default: true)
                        guard case .value(true) = goOn else {
                            skipped += session.steps[(index + 1)...].map(\.exercise.id)
                            break exercises
                        }
                    }
                }
            }
        } catch let refused as Questions.Refused {
            Interruption.inProgress(nil, saved: done.count)
            // The prompt before it has no line end off a terminal: the refusal starts a line of its own.
            Console.err("")
            Console.err("journal: line \(refused.line) of standard input: \(refused.reason)")
            Console.err(
                "The session ends there: \(Wording.count(done.count, "entry", "entries")) saved, "
                    + "nothing after line \(refused.line).")
            try printJSON(logged: logged, skipped: skipped, advice: words)
            throw ExitCode(64)
        }
        Interruption.inProgress(nil, saved: done.count)
        Console.err("")
        Console.err(
            "Done \(done.count), skipped \(skipped.count)"
                + (skipped.isEmpty ? "." : ": " + skipped.joined(separator: ", ") + "."))
        try printJSON(logged: logged, skipped: skipped, advice: words)
        // The week, what stands and the values journal never writes, as the session left them: one read.
        let after = try store.openForReading()?.todaySnapshot(
            today: today, environment: ProcessInfo.processInfo.environment, now: try Clock.now())
        if let week = after?.routine, !week.items.isEmpty || !week.held.isEmpty {
            let counts = week.items.map { "\($0.plan.exerciseID) \($0.doneThisWeek) of \($0.plannedThisWeek)" }
            let held = week.held.map { "\($0.exerciseID) on hold" }
            Console.err("This week: " + (counts + held).joined(separator: ", ") + ".")
        }
        if let standing = after?.standing {
            Describe.printStanding(standing, advice: words) { item in
                if case .hold(let hold) = item { return done.contains(hold.exerciseID) }
                return false
            }
        }
        try StoredDamage.finish(problems: after?.problems ?? [])
    }

    /// With `--json`, prints the session's one object (``SessionJSON``): the entries saved and the exercises skipped.
    private func printJSON(logged: [LoggedEntry], skipped: [String], advice: RegionalAdvice) throws {
        if output.json { try Console.json(SessionJSON(logged: logged, skipped: skipped, advice: advice)) }
    }

    /// Stops the session before anything is asked while a red flag needs a doctor.
    ///
    /// An emergency one always stops it (exit 3); a same-day one does unless, at a terminal, the person says a doctor has
    /// seen them since. A "yes" records nothing: `journal resume --red-flags` does, with its time.
    static func redFlagGate(_ standing: Standing, advice: RegionalAdvice) throws {
        if let emergency = standing.redFlag(.urgent) {
            Console.err(Describe.finding(emergency, advice: advice, style: .stderr, dated: true, today: standing.date))
            Console.err(Wording.noSession())
            throw ExitCode(3)
        }
        guard let sameDay = standing.redFlag(.seeDoctor) else { return }
        Console.err(Describe.finding(sameDay, advice: advice, style: .stderr, dated: true, today: standing.date))
        guard isatty(STDIN_FILENO) == 1 else {
            Console.err(Wording.noSession("standard input is not a terminal to ask on"))
            throw ExitCode(3)
        }
        let answer = try Questions.ask("Has a doctor seen you about it since it was recorded? [y/N] ", escapes: false) {
            $0
        }
        guard case .value(let text) = answer, ["y", "yes"].contains(text.lowercased()) else {
            Console.err("No session until a doctor has seen you.")
            throw ExitCode(3)
        }
        Console.err("Record it so that journal stops asking: \(Advice.resumeRedFlags)")
    }

    /// What a session says when nothing is due: an exercise to name that is not on hold, if there is one.
    static func nothingDue(_ routine: DailyRoutine) -> String {
        if let exercise = routine.suggestion {
            return "Nothing is due today. Name exercises to do more: journal session \(exercise)"
        }
        if let first = routine.upcoming.compactMap(\.began).min(), routine.held.isEmpty {
            return "Nothing is due today: your plan starts on \(first)."
        }
        return "Nothing is due today: every exercise of your plan in force is on hold. "
            + "See a physiotherapist, then `journal resume EXERCISE`."
    }

    /// Announces `hold` before anything is asked; at a terminal, asks whether to do the exercise anyway.
    static func doAnyway(_ hold: Hold) throws -> Bool {
        Console.err(
            "\(hold.exerciseID) is on hold since \(hold.since.localTime.shortText) (\(hold.since.rule)): "
                + "see a physiotherapist before doing it again, then `journal resume \(hold.exerciseID)`.")
        guard Questions.atTerminal else {
            Console.err(
                "Skipped \(hold.exerciseID): it is on hold, and off a terminal nobody can be asked to do it anyway.")
            return false
        }
        let answer = try Questions.ask("Do it anyway? [y/N] ", escapes: false) { $0.lowercased() }
        guard case .value(let text) = answer, ["y", "yes"].contains(text) else {
            Console.err("Skipped \(hold.exerciseID).")
            return false
        }
        return true
    }

    enum Outcome {
        case saved(LoggedEntry)
        case skipped
        case quit
    }

    /// Asks for one exercise's answers and saves the entry once they are complete.
    private func record(_ step: SessionPlan.Step, advice: RegionalAdvice) throws -> Outcome {
        let exercise = step.exercise
        let beforeAnswer = try Questions.pain("pain before")
        guard case .value(let before) = beforeAnswer else { return beforeAnswer.isQuit ? .quit : .skipped }
        TestStop.at("session-pain-before")
        let doseAnswer = try Self.askDose(exercise, plan: step.plan, escapes: true)
        guard case .value(let dose) = doseAnswer else { return doseAnswer.isQuit ? .quit : .skipped }
        var side: Side?
        if step.asksSide(after: dose) {
            let sideAnswer = try Questions.ask(
                "Side (left, right or both; Enter saves none, s skips, q ends): "
            ) { text -> Side? in text.isEmpty ? nil : try Side(parsing: text) }
            guard case .value(let answer) = sideAnswer else { return sideAnswer.isQuit ? .quit : .skipped }
            side = answer
        }
        let afterAnswer = try Questions.pain("pain after")
        guard case .value(let after) = afterAnswer else { return afterAnswer.isQuit ? .quit : .skipped }
        let draft = step.draft(painBefore: before, dose: dose, side: side, painAfter: after)
        let now = try Clock.now()
        let told = Describe.printAdvance(
            of: try? draft.entry(exercise: exercise, now: now, timeZone: Clock.timeZone), advice: advice)
        let logged = try store.write { try $0.log(draft, now: now, timeZone: Clock.timeZone) }
        Describe.printFindings(of: logged, advice: advice, told: told, notingSlipsAt: now)
        if !output.json { try Console.out(Log.loggedLine(logged.entry)) }
        return .saved(logged)
    }

    /// Names, on standard error, a plan's dose in the other measure than the exercise's, which the
    /// dose question does not offer (``Wording/planDoseInOtherMeasure(_:plan:)``).
    static func sayOtherMeasure(_ exercise: Exercise, plan: PlanItem?) {
        if let plan, let otherMeasure = Wording.planDoseInOtherMeasure(exercise, plan: plan) {
            Console.err(TextTable.wrap(otherMeasure, width: 80))
        }
    }

    /// Asks for a dose in the exercise's measure, offering the plan's (Enter, answered `nil`).
    ///
    /// `journal log` asks the same at a terminal. A plan's dose in the other measure is offered as
    /// the plan gives it, never read as this measure's, and asked in its measure
    /// (``Wording/doseQuestion(_:plan:)``): the caller names it before its first question
    /// (``sayOtherMeasure(_:plan:)``).
    static func askDose(_ exercise: Exercise, plan: PlanItem?, escapes: Bool) throws -> Questions.Answer<DoseInput?> {
        // Enter is offered only when there is a plan's dose to accept.
        try Questions.ask(
            Wording.doseQuestion(exercise, plan: plan) + (escapes ? "; s skips, q ends): " : "): "), escapes: escapes
        ) { text -> DoseInput? in
            if text.isEmpty {
                guard plan != nil else { throw JournalError.invalidDose(text) }
                return nil
            }
            let dose = try DoseInput.parse(text)
            if dose.side != nil, !exercise.perSide { throw JournalError.sideNotApplicable(exercise: exercise.id) }
            return dose
        }
    }
}

extension Questions.Answer {
    var isQuit: Bool {
        if case .quit = self { return true }
        return false
    }
}

/// What a signal that stops a session (``StopSignals``: Ctrl-C, Ctrl-\, `kill`, a closed terminal)
/// says: how many entries are saved and that the one in progress is not; then the session ends with
/// the signal's status, 128 + its number (130 for Ctrl-C).
enum Interruption {
    nonisolated(unsafe) private static var message: [UInt8] = []

    /// Installs the handler for each signal the process does not ignore, and lets them through even
    /// if the parent process blocked them.
    static func watch() {
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in StopSignals.all { sigaddset(&stopping, signal) }
        sigprocmask(SIG_UNBLOCK, &stopping, nil)
        for signal in StopSignals.all where !StopSignals.isIgnored(signal) {
            Glibc.signal(signal) { received in
                Interruption.message.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
                _exit(128 + received)
            }
        }
    }

    /// Updates what a stopping signal would say.
    static func inProgress(_ exercise: String?, saved: Int) {
        var text = "\nSession stopped: \(Wording.count(saved, "entry", "entries")) saved"
        text += exercise.map { "; \($0), in progress, was not saved.\n" } ?? ".\n"
        message = Array(text.utf8)
    }
}
