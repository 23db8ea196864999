import Foundation
import Testing

@Suite struct SafetyCommandTests {
    let sandbox = Sandbox()

    @Test func aRedFlagCheckInIsKeptAndSaysSeekEmergencyCareNow() throws {
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "saddle-numbness", "--at", "2026-11-20 07:00")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "Checked in #1: pain 4, red flags: saddle-numbness, at 2026-11-20 07:00 (UTC+00:00).\n")
        #expect(
            run.stderr == """
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                !! URGENT: SEEK EMERGENCY CARE NOW
                !! You recorded numbness in the saddle area (groin, genitals or buttocks).
                !! Seek emergency care now: go to an emergency department or call your local
                !! emergency number. These symptoms need urgent medical care, not a
                !! physiotherapy appointment.
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

                """)
        #expect(
            try sandbox.sql("SELECT pain, red_flag FROM checkins JOIN checkin_red_flags ON checkin_id = id")
                == "4|saddle-numbness\n")
    }

    @Test func anUnknownRedFlagIsRefusedAndNothingSaved() throws {
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "numb")
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: The value 'numb' is invalid for '--red-flag <id>': unknown red flag \"numb\"; "
                    + "`journal safety --red-flags` lists the ids:"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func aMorningCheckInAfterTooMuchExerciseCautions() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 18:00")
        let run = try sandbox.run("checkin", "--pain", "5", "--at", "2026-11-21 07:30", "--json")
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["next-morning"])
        #expect(findings.first?["checkin_id"] as? Int == 1)
        #expect(run.stderr.hasPrefix("CAUTION The morning after exercising on 2026-11-20, pain was 5"))
    }

    @Test func loggingAPausedExerciseWarnsFirstAndStillRecords() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-20 08:00")
        let second = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-21 08:00")
        #expect(second.stderr.hasPrefix("STOP Pain rose in 2 of the last 3 sessions of bird-dog."))
        let third = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        #expect(
            third.stderr == """
                PAUSED bird-dog stands paused. Pain rose in 2 of the last 3 sessions of
                       bird-dog. Keep bird-dog paused until a physiotherapist has assessed you.
                       This session is recorded all the same.

                """)
        #expect(try sandbox.entryCount() == 3)
    }

    @Test func checkExitsZeroWhenNothingStands() throws {
        let run = try sandbox.run("check")
        #expect(run.status == 0)
        #expect(run.stdout == "No safety findings stand today.\n")
        let json = try sandbox.run("check", "--json")
        #expect(json.stdout == "{\n  \"exit_status\" : 0,\n  \"findings\" : [\n\n  ]\n}\n")
    }

    @Test func checkExitsTwoWhileAStopStands() throws {
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "3", "--hold", "20")
        let run = try sandbox.run("check")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.hasPrefix("STOP Pain went up during side-plank, from 2 before to 3 after."))
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "2", "--hold", "20")
        // The rise was today, within the last 7 days: it still stands.
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func checkExitsThreeForARedFlagAndOneForCautionsOnly() throws {
        // Exercise yesterday, then a painful check-in just after midnight: a next-morning caution today.
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24T09:00")
        let checkIn = try sandbox.run("checkin", "--pain", "5", "--at", "2026-11-25T00:00")
        #expect(checkIn.status == 0, "\(checkIn)")
        let caution = try sandbox.run("check", "--json")
        #expect(caution.status == 1, "\(caution)")
        _ = try sandbox.run("checkin", "--pain", "2", "--red-flag", "major-trauma")
        let urgent = try sandbox.run("check")
        #expect(urgent.status == 3)
        #expect(urgent.stdout.hasPrefix("!!!!"))
    }

    @Test func safetyPrintsTheGuidanceWithSources() throws {
        let run = try sandbox.run("safety")
        #expect(run.status == 0)
        for phrase in [
            "Seek emergency care now", "Stop the exercise", "Talk to a physiotherapist", "Sources", "Ostelo",
            "Silbernagel", "Inertia Physio+", "NICE",
        ] {
            #expect(run.stdout.contains(phrase), "missing \(phrase)")
        }
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let flags = try sandbox.run("safety", "--red-flags", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(flags.stdout.utf8)) as? [String: Any])
        #expect(
            (object["red_flags"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                == ["bladder-bowel", "saddle-numbness", "leg-weakness", "fever", "weight-loss", "major-trauma"])
    }
}
