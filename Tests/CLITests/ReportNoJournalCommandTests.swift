import Foundation
import Testing

/// `report --json` on a journal file that does not exist yet (issue #26): the standing is the
/// empty object `check --json` prints, as of the period's last day, not null.
@Suite struct ReportNoJournalCommandTests {
    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func standingIsTheEmptyObjectCheckPrints() throws {
        let sandbox = Sandbox()
        let report = try json(try sandbox.run("report", "--json"))
        var check = try json(try sandbox.run("check", "--json"))
        check["exit_status"] = nil
        let standing = try #require(report["standing"] as? [String: Any], "\(report)")
        #expect(NSDictionary(dictionary: standing) == NSDictionary(dictionary: check))
        #expect((standing["findings"] as? [Any])?.isEmpty == true)
        #expect((standing["holds"] as? [Any])?.isEmpty == true)
        // The default week ends today, 2026-11-25.
        #expect(report["standing_as_of"] as? String == "2026-11-25")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func oneExerciseStillHasNone() throws {
        let report = try json(try Sandbox().run("report", "--json", "--exercise", "glute-bridge"))
        #expect(report["standing"] is NSNull)
        #expect(report["standing_as_of"] is NSNull)
    }
}
