import Foundation
import Testing

@Suite struct ListCommandTests {
    let sandbox = Sandbox()

    @Test func anEmptyJournalSaysHowToStartAndCreatesNoFile() throws {
        let run = try sandbox.run("list")
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(
            run.stderr == "No entries yet. Record one with: journal log glute-bridge --pain-before 4 --pain-after 3\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        #expect(try sandbox.run("list", "--json").stdout == "[\n\n]\n")
    }

    @Test func listsNewestFirstInAlignedColumns() throws {
        try sandbox.log(
            "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--sets", "3", "--reps", "10", "--at",
            "2026-11-20 07:30")
        try sandbox.log(
            "side-plank", "--pain-before", "2", "--pain-after", "4", "--hold", "30", "--side", "left", "--at",
            "2026-11-21 08:00", "--note", "wobbly\non the left")
        let run = try sandbox.run("list")
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                ID  WHEN              EXERCISE      DONE                      PAIN     NOTE
                2   2026-11-21 08:00  side-plank    1 × 30 s hold, left side  2 → 4 !  wobbly on the left
                1   2026-11-20 07:30  glute-bridge  3 × 10 reps               4 → 3

                """)
        #expect(
            run.stderr
                == "! a stop finding on that session (pain rose, or pain after was above 5): stop that exercise and "
                + "see a physiotherapist before continuing.\n")
    }

    @Test func limitAndExerciseFilter() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-20 07:30")
        try sandbox.log("bird-dog", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-20 08:30")
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "2026-11-21 07:30")
        let limited = try sandbox.run("list", "--limit", "1", "--json")
        let one = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [[String: Any]])
        #expect(one.map { $0["id"] as? Int } == [3])
        let filtered = try sandbox.run("list", "--exercise", "Glute Bridge", "--json")
        let two = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [[String: Any]])
        #expect(two.map { $0["id"] as? Int } == [3, 1])
        #expect(try sandbox.run("list", "--limit", "0").status == 64)
    }

    @Test func jsonHasExactlyTheDocumentedKeys() throws {
        try sandbox.log(
            "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--sets", "3", "--reps", "10", "--at",
            "2026-11-20T07:30+01:00")
        let run = try sandbox.run("list", "--json")
        #expect(
            run.stdout == """
                [
                  {
                    "exercise" : "glute-bridge",
                    "hold_seconds" : null,
                    "id" : 1,
                    "note" : null,
                    "pain_after" : 3,
                    "pain_before" : 4,
                    "performed_at" : "2026-11-20T07:30:00+01:00",
                    "reps" : 10,
                    "sets" : 3,
                    "side" : null
                  }
                ]

                """)
    }

    @Test func terminalControlCharactersNeverReachTheScreen() throws {
        try sandbox.log(
            "bird-dog", "--pain-before", "1", "--pain-after", "1", "--note", "red \u{1B}[31mALERT\u{1B}[0m\u{7}\r done")
        let run = try sandbox.run("list")
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(!run.stdout.contains("\u{7}"))
        #expect(run.stdout.contains("red [31mALERT[0m  done"))
    }
}
