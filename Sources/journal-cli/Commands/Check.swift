import ArgumentParser
import Foundation
import Journal

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every safety rule over your journal and show what stands today.",
        discussion: """
            Shows, most severe first: findings from the last 7 days; for each exercise, any stop \
            on its latest session and any pause from repeated rises; and a worsening trend.

            Exit status, for scripts: 0 nothing stands; 1 cautions only; 2 a stop stands \
            (stop an exercise and see a physiotherapist); 3 a red flag stands: an urgent \
            finding (call 999 or go to A&E now) or a see-doctor one (ask for an urgent GP \
            appointment today or call 111). With --json, each finding's severity tells them \
            apart: "urgent" or "see-doctor".

            Example: journal check || echo "read journal check before exercising"
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let findings = try store.openForReading()?.currentFindings(today: Clock.today()) ?? []
        let status = Self.exitStatus(for: findings)
        if output.json {
            try Console.json(CheckJSON(findings: findings.map(FindingJSON.init), exit_status: status))
        } else if findings.isEmpty {
            Console.out("No safety findings stand today.")
        } else {
            Console.out(findings.map { Describe.finding($0, style: .stdout) }.joined(separator: "\n\n"))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// 0 none, 1 cautions only, 2 a stop, 3 a red flag (an urgent or a see-doctor finding).
    static func exitStatus(for findings: [Finding]) -> Int32 {
        switch findings.map(\.severity).max() {
        case nil: 0
        case .caution: 1
        case .stop: 2
        case .seeDoctor, .urgent: 3
        }
    }
}

struct CheckJSON: Encodable {
    let findings: [FindingJSON]
    let exit_status: Int32
}
