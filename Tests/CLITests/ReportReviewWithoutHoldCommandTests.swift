import Foundation
import Testing

/// A review whose hold is no longer in the journal (the session that began it deleted) is told as
/// a review with its note, never as "hold lifted" (issue #26), and agrees with what stands: nothing.
@Suite struct ReportReviewWithoutHoldCommandTests {
    /// bird-dog's pain rose on 20 Nov (a hold), reviewed on 22 Nov; the clock on 25 Nov.
    func reviewed() throws -> Sandbox {
        let sandbox = Sandbox()
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-20 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-21 08:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-22 10:00", "--note", "fewer reps")
        return sandbox
    }

    @Test func aReviewOfADeletedHoldSaysReviewed() throws {
        let sandbox = try reviewed()
        try sandbox.change("delete", "1", "--yes")
        let text = try sandbox.run("report")
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains(
                "Reviewed by a physiotherapist\n2026-11-22 10:00  bird-dog: reviewed, no hold stood; fewer reps\n"),
            "\(text)")
        #expect(!text.stdout.contains("hold lifted"))
        #expect(text.stdout.contains("Needs attention: nothing, no holds or safety findings in this period."))
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.contains("- 2026-11-22 10:00, bird-dog: reviewed, no hold stood; fewer reps"), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.contains("Sun 22 Nov 10:00, bird-dog: reviewed, no hold stood; fewer reps"), "\(html)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        let reviews = try #require(json["reviews"] as? [[String: Any]])
        #expect(reviews.map { $0["lifted_hold"] as? Bool } == [false])
        #expect(reviews.map { $0["note"] as? String } == ["fewer reps"])
    }

    @Test func aReviewOfAHoldStillInTheJournalLiftedIt() throws {
        let sandbox = try reviewed()
        let text = try sandbox.run("report").stdout
        #expect(text.contains("2026-11-22 10:00  bird-dog: hold lifted; fewer reps\n"), "\(text)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        #expect((json["reviews"] as? [[String: Any]])?.map { $0["lifted_hold"] as? Bool } == [true])
    }
}
