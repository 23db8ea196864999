import ArgumentParser
import Foundation
import Journal

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every safety rule over your journal and show what stands today.",
        discussion: """
            Shows, most severe first and then newest first, each with its date: findings from \
            the last 7 days that still stand; every exercise on hold (a stop finding that no \
            physiotherapist review has answered yet, however old: `journal resume EXERCISE` \
            records the review); and a worsening trend.

            Exit status, for scripts: 0 nothing stands; 1 cautions only; 2 a stop or a hold \
            stands (stop that exercise and see a physiotherapist); 3 a red flag stands: an \
            urgent finding (call 999 or go to A&E now) or a see-doctor one (ask for an urgent \
            GP appointment today or call 111). With --json, each finding's severity tells them \
            apart: "urgent" or "see-doctor".

            Example: journal check || echo "read journal check before exercising"
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let journal = try store.openForReading()
        let findings = try journal?.currentFindings(today: Clock.today()) ?? []
        let holds = try journal?.holds() ?? []
        let reminders = try [journal?.psfs().reminder(today: Clock.today())].compactMap { $0 }
        let status = Self.exitStatus(for: findings, holds: holds)
        if output.json {
            try Console.json(
                CheckJSON(
                    findings: findings.map(FindingJSON.init), holds: holds.map(HoldJSON.init), reminders: reminders,
                    exit_status: status))
        } else if findings.isEmpty && holds.isEmpty {
            try Console.out("No safety findings stand today.")
        } else {
            try Console.out(Self.blocks(findings: findings, holds: holds, journal: journal).joined(separator: "\n\n"))
        }
        if !output.json {
            for reminder in reminders { Console.err("Reminder: " + reminder) }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// What stands, most severe first and each with its date: red flags; each hold with the
    /// session that began it; every other session with stop findings, one block each; cautions.
    static func blocks(findings: [Finding], holds: [Hold], journal: JournalStore?) throws -> [String] {
        let style = Style.stdout
        let begun = Set(holds.compactMap(\.session.id))
        var stops: [Int64: [Finding]] = [:]
        var order: [Int64] = []
        for finding in findings where finding.severity == .stop {
            guard let id = finding.entryID, !begun.contains(id) else { continue }
            if stops[id] == nil { order.append(id) }
            stops[id, default: []].append(finding)
        }
        let sessions = Dictionary(
            uniqueKeysWithValues: try (journal?.entries(ids: order) ?? []).compactMap { entry in
                entry.id.map { ($0, entry) }
            })
        return findings.filter { $0.severity > .stop }.map { Describe.finding($0, style: style, dated: true) }
            + holds.map { hold in
                Describe.holdLine(hold, style: style) + "\n"
                    + Describe.session(hold.session, findings: hold.reasons, style: style, named: true)
            }
            + order.compactMap { id in
                sessions[id].map { Describe.session($0, findings: stops[id] ?? [], style: style, named: true) }
            }
            + findings.filter { $0.severity < .stop }.map { Describe.finding($0, style: style, dated: true) }
    }

    /// 0 none, 1 cautions only, 2 a stop or a hold, 3 a red flag (an urgent or a see-doctor finding).
    static func exitStatus(for findings: [Finding], holds: [Hold]) -> Int32 {
        let worst = (findings.map(\.severity) + holds.map { _ in .stop }).max()
        switch worst {
        case nil: return 0
        case .caution: return 1
        case .stop: return 2
        case .seeDoctor, .urgent: return 3
        }
    }
}

/// `journal check --json`.
struct CheckJSON: Encodable {
    let findings: [FindingJSON]
    let holds: [HoldJSON]
    /// Gentle reminders that are not findings and do not change the exit status (a PSFS re-rating due).
    let reminders: [String]
    let exit_status: Int32
}
