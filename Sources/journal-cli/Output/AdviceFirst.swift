import ArgumentParser
import Foundation
import Journal

/// The advice a command's typed values give alone, told before anything is saved, and again, in
/// the same words, before the error when the command is refused.
///
/// Advice never depends on storage, nor on the rest of the command line (docs/safety.md): `journal
/// checkin --pain 5 --red-flag chest-pain --at garbage` is refused (64), and first says what the
/// saved check-in would have said of chest pain. `main` calls ``tellBeforeRefusal(_:)`` before every
/// refusal's message; what the command told already (``told``) is not told twice, and nothing is
/// told once its change was saved.
///
/// - `checkin`: each red flag named that journal knows, one banner a tier, and a pain at rest of 8
///   or more when `--pain` was typed once and reads (``Rules/evaluate(_:)-(CheckIn)``);
/// - `checkins edit`: each red flag named (the check-in as stored is not read: the refusal may be
///   its storage's);
/// - `log`: the STOP and high-pain findings of the session alone (``Rules/evaluate(_:)-(Entry)``),
///   when its exercise is one journal knows and both pains were typed once and read. A hold needs
///   the journal's history, so it is told only once the entry is saved.
///
/// A refused check-in's advice is told as of now (a banner dated another day would say it was
/// recorded); a session's is timed by `--at` when it reads, else now. The words are the region's,
/// read as the command reads them (``StoreOptions/printingAdvanceFirst(fallingBack:_:)``, falling
/// back as that command does).
enum AdviceFirst {
    /// The findings told on standard error before saving, by rule and severity.
    nonisolated(unsafe) static var told: Set<String> = []

    /// What tells `finding` apart from others of its command: its rule and severity (a red flag's tier).
    static func key(_ finding: Finding) -> String { "\(finding.rule) \(finding.severity)" }

    /// Prints each of a check-in's `findings` (``Describe/raised(_:advice:today:)``) and notes it as told.
    static func tell(_ findings: [Finding], advice: RegionalAdvice, today: LocalDate) {
        for finding in findings {
            Console.err(Describe.raised(finding, advice: advice, today: today))
            told.insert(key(finding))
        }
    }

    /// Prints what `entry` raises alone (``Describe/printAdvance(of:advice:)``) and notes it as told;
    /// answers its rules.
    static func tell(sessionOf entry: Entry?, advice: RegionalAdvice) -> Set<String> {
        let rules = Describe.printAdvance(of: entry, advice: advice)
        told.formUnion(entry.map { Rules.evaluate($0).map(key) } ?? [])
        return rules
    }

    /// Before a refusal's message: the advice that `arguments` (the command line after `journal`)
    /// give alone and that was not told yet; nothing once the command's change was saved.
    static func tellBeforeRefusal(_ arguments: [String]) {
        // Only these commands' typed values give advice alone; any other is refused as it was.
        let command = TypedOptions.command(in: arguments).command
        guard !Console.changeSaved,
            command == CheckInCommand.self || command == CheckIns.Edit.self || command == Log.self
        else { return }
        let typed = TypedOptions(arguments)
        // Set, not parsed: a path the parser would refuse (`--db=-x`) must not silence the advice.
        var store = StoreOptions()
        store.path = typed.values["--db"]?.last
        StoreOptions.emptyFile = JournalCommand.emptyFile(for: command)
        // A JOURNAL_NOW that does not read is the refusal's to say: the advice is dated by the system clock.
        let now = (try? Clock.now()) ?? Int64(Date().timeIntervalSince1970)
        let today = DateInput.at(now, in: Clock.timeZone).local.date
        if command == Log.self {
            guard let entry = session(typed, store: store, now: now) else { return }
            _ = try? store.printingAdvanceFirst(fallingBack: false) { tell(sessionOf: entry, advice: $0) }
            return
        }
        guard let checkIn = checkIn(typed, now: now) else { return }
        let findings =
            (command == CheckInCommand.self
            ? Rules.evaluate(checkIn, saved: false) : RedFlagRule.findings(for: checkIn, saved: false))
            .filter { !told.contains(key($0)) }
        guard !findings.isEmpty else { return }
        _ = try? store.printingAdvanceFirst(fallingBack: command == CheckInCommand.self) {
            tell(findings, advice: $0, today: today)
        }
    }

    /// The check-in typed, as of now: the red flags named that journal knows, and its pain.
    ///
    /// The pain counts when it was typed once and reads (else 0, which raises nothing). Not at
    /// `--at`: a banner dated another day says the check-in was recorded and stands until a doctor
    /// has seen it, which a refused one is not.
    private static func checkIn(_ typed: TypedOptions, now: Int64) -> CheckIn? {
        let flags = typed.values["--red-flag", default: []].compactMap { try? RedFlag(parsing: $0) }
        guard let pain = typed.single("--pain").flatMap({ try? PainLevel(parsing: $0, field: "pain") }) ?? PainLevel(0)
        else { return nil }
        return try? CheckIn(pain: pain, redFlags: flags, at: "now", now: now, timeZone: Clock.timeZone)
    }

    /// The session `log` typed, when it raises a finding none told yet: its exercise one journal
    /// knows, both pains typed once and read, at `--at` when it reads, else now.
    private static func session(_ typed: TypedOptions, store: StoreOptions, now: Int64) -> Entry? {
        guard let exercise = typed.positionals.first,
            let before = typed.single("--pain-before").flatMap({ try? PainLevel(parsing: $0, field: "pain before") }),
            let after = typed.single("--pain-after").flatMap({ try? PainLevel(parsing: $0, field: "pain after") }),
            let resolved = try? store.resolveExercise(exercise)
        else { return nil }
        var draft = EntryDraft(exercise: exercise)
        draft.painBefore = before
        draft.painAfter = after
        let at = { (time: EntryDraft.Time?) -> Entry? in
            draft.time = time
            return try? draft.entry(exercise: resolved, now: now, timeZone: Clock.timeZone)
        }
        guard let entry = typed.single("--at").flatMap({ at(.typed($0)) }) ?? at(nil) else { return nil }
        let findings = Rules.evaluate(entry)
        return findings.isEmpty || findings.contains(where: { told.contains(key($0)) }) ? nil : entry
    }
}
