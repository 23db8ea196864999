import Foundation
import TestSupport
import Testing

/// For any journal, `check --json`'s findings and holds equal `today --json`'s `standing` and
/// `report --json`'s `standing` (the period ending today): one picture, whichever command shows it.
@Suite struct StandingInvariantCommandTests {
    func object(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func checkTodayAndReportShowTheSameStandingOverRandomJournals() throws {
        var generator = SplitMix(seed: 2323)
        let exercises = ["glute-bridge", "bird-dog", "pelvic-tilt"]
        let flags = ["chest-pain", "fever", "night-pain", "one-leg", "cough-sneeze", "upper-back", "both-legs"]
        for journal in 0..<4 {
            let sandbox = Sandbox()
            var events: [String] = []
            for _ in 0..<(8 + Int(generator.next() % 10)) {
                let day = 5 + Int(generator.next() % 21)
                let at =
                    "2026-11-\(String(format: "%02d", day)) \(String(format: "%02d", 7 + Int(generator.next() % 5))):00"
                var arguments: [String]
                switch generator.next() % 10 {
                case 0..<6:
                    let before = Int(generator.next() % 6)
                    let after = max(0, before + Int(generator.next() % 4) - 1)
                    arguments = [
                        "log", exercises[Int(generator.next() % 3)], "--pain-before", "\(before)", "--pain-after",
                        "\(after)", "--at", at,
                    ]
                case 6, 7:
                    arguments = ["checkin", "--pain", "\(generator.next() % 11)", "--at", at]
                    if generator.next() % 2 == 0 { arguments += ["--red-flag", flags[Int(generator.next() % 7)]] }
                case 8:
                    arguments = ["resume", exercises[Int(generator.next() % 3)]]
                default:
                    arguments = ["resume", "--red-flags"]
                }
                events.append(arguments.joined(separator: " "))
                let run = try sandbox.run(arguments)
                try #require(run.status == 0, "journal \(journal): \(events)\n\(run)")
            }
            let check = try object(try sandbox.run("check", "--json"))
            let today = try #require(try object(try sandbox.run("today", "--json"))["standing"] as? [String: Any])
            let report = try #require(
                try object(try sandbox.run("report", "--week", "--json"))["standing"] as? [String: Any])
            for key in ["findings", "holds"] {
                let expected = try #require(check[key] as? [Any], "journal \(journal): check --json has no \(key)")
                #expect(NSArray(array: expected) == NSArray(array: today[key] as? [Any] ?? []), "\(key): \(events)")
                #expect(NSArray(array: expected) == NSArray(array: report[key] as? [Any] ?? []), "\(key): \(events)")
            }
        }
    }
}
