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
                !! Recorded 2026-11-20 07:00, not yet seen by a doctor: once one has, run
                !! `journal resume --red-flags`.
                !! You recorded numbness or tingling around the genitals or buttocks.
                !! Call 999 or go to A&E now. These symptoms are an emergency: they need
                !! emergency care now, not a physiotherapy appointment.
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

                """)
        #expect(
            try sandbox.sql(
                "SELECT pain, red_flag FROM checkins_with_ids JOIN checkin_red_flags_with_ids ON checkin_id = id")
                == "4|saddle-numbness\n")
    }

    @Test func aFeverCheckInSaysSeeADoctorTodayAndCheckExitsThreeWithSeeDoctor() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 08:00")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "Checked in #1: pain 4, red flags: fever, at 2026-11-25 08:00 (UTC+00:00).\n")
        let banner = """
            ==============================================================================
            == SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111
            == You recorded a high temperature, or feeling hot and shivery.
            == Ask for an urgent GP appointment today or call 111. These symptoms need a
            == doctor today, not a physiotherapy appointment.
            ==============================================================================

            """
        #expect(run.stderr == banner)
        #expect(!run.stderr.contains("!"))

        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        // In `journal check`, which lists several days' findings, the banner says when.
        #expect(
            check.stdout
                == banner.replacingOccurrences(
                    of: "111\n",
                    with: "111\n== Recorded 2026-11-25 08:00, not yet seen by a doctor: once one has, run\n"
                        + "== `journal resume --red-flags`.\n", options: [], range: nil))

        let json = try sandbox.run("check", "--json")
        #expect(json.status == 3)
        #expect(json.stdout.contains("\"severity\" : \"see-doctor\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["exit_status"] as? Int == 3)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["see-doctor"])
        #expect(findings.map { $0["rule"] as? String } == ["red-flag"])
        #expect(
            findings.first?["recommendation"] as? String
                == "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today, not a "
                + "physiotherapy appointment.")
    }

    @Test func bothLegsIsUrgentAndCheckExitsThreeWithUrgent() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        let run = try sandbox.run("checkin", "--pain", "6", "--red-flag", "both-legs")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("!!!!"))
        #expect(run.stderr.contains("!! You recorded pain, tingling, weakness or numbness in both legs.\n"))
        let json = try sandbox.run("check", "--json")
        #expect(json.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["urgent"])
        #expect(
            findings.first?["recommendation"] as? String
                == "Call 999 or go to A&E now. These symptoms are an emergency: they need emergency care now, not a "
                + "physiotherapy appointment.")
        let text = try sandbox.run("check")
        #expect(text.status == 3)
        #expect(text.stdout.hasPrefix("!!!!"))
    }

    @Test func legWeaknessIsRefusedNotRecordedAsBothLegs() throws {
        let run = try sandbox.run("checkin", "--pain", "5", "--red-flag", "leg-weakness", "--json")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func aCheckInWithFlagsOfBothTiersGetsBothBannersEmergencyFirst() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        let run = try sandbox.run(
            "checkin", "--pain", "5", "--red-flag", "weight-loss", "--red-flag", "chest-pain", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr == """
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                !! URGENT: SEEK EMERGENCY CARE NOW
                !! You recorded chest pain.
                !! Call 999 or go to A&E now. These symptoms are an emergency: they need
                !! emergency care now, not a physiotherapy appointment.
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                ==============================================================================
                == SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111
                == You recorded weight lost without trying.
                == Ask for an urgent GP appointment today or call 111. These symptoms need a
                == doctor today, not a physiotherapy appointment.
                ==============================================================================

                """)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["urgent", "see-doctor"])
        #expect(
            findings.map { $0["message"] as? String } == [
                "You recorded chest pain.", "You recorded weight lost without trying.",
            ])
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func safetyRedFlagsListsTheThreeTiersWithWhatToDo() throws {
        sandbox.environment["JOURNAL_REGION"] = "GB"
        let run = try sandbox.run("safety", "--red-flags")
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Red-flag symptoms and their ids for `journal checkin --red-flag`, in three tiers.

                Emergency: call 999 or go to A&E now if you have any of these:
                  * both-legs: pain, tingling, weakness or numbness in both legs
                  * saddle-numbness: numbness or tingling around the genitals or buttocks
                  * bladder-bowel: difficulty peeing, or loss of bladder or bowel control
                  * sexual-function: new loss of sexual function, such as problems getting an
                    erection
                  * chest-pain: chest pain
                  * major-trauma: back pain that started after a serious accident, such as a
                    car accident

                Same day: ask for an urgent GP appointment today or call 111 if you have any of
                these:
                  * fever: a high temperature, or feeling hot and shivery
                  * weight-loss: weight lost without trying
                  * back-lump: a lump or swelling in the back, or the back changing shape
                  * night-pain: pain that does not improve after resting, or is much worse at
                    night
                  * cough-sneeze: pain made worse by sneezing, coughing or pooing
                  * upper-back: pain coming from the top of the back, between the shoulder
                    blades

                See a doctor: book a GP appointment if you have any of these:
                  * one-leg: sciatica, or weakness or numbness in one leg, that is getting
                    worse

                "leg-weakness" is no longer an id: weakness or numbness in both legs is
                both-legs (emergency care now); in one leg, getting worse, it is one-leg (a
                doctor's appointment, not an emergency).

                A red flag stands until a doctor has seen you; then record it with:
                journal resume --red-flags

                Region: United Kingdom (GB), from JOURNAL_REGION=GB.

                """)
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
        // Dated as `journal check` dates it, since it is not today's.
        #expect(
            run.stderr.hasPrefix(
                "CAUTION 2026-11-21 07:30, check-in\n        The morning after exercising on 2026-11-20, pain was 5"))
    }

    @Test func loggingAnExerciseOnHoldNamesTheHoldFirstAndStillRecords() throws {
        let first = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-20 08:00")
        #expect(
            first.stderr == """
                STOP Pain went up during bird-dog, from 3 before to 4 after.
                     Stop doing bird-dog and see a physiotherapist before you continue with it.
                bird-dog is now on hold. Once a physiotherapist has seen you, record it with:
                journal resume bird-dog

                """)
        // The session's own STOP comes before it is saved (it needs nothing stored); what needs the
        // journal (the hold, the repeated rise) follows once it is.
        let second = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-21 08:00")
        #expect(
            second.stderr == """
                STOP Pain went up during bird-dog, from 3 before to 4 after.
                     Stop doing bird-dog and see a physiotherapist before you continue with it.
                ON HOLD bird-dog is on hold since 2026-11-20 08:00 (more-pain, #1): see a
                        physiotherapist, then run `journal resume bird-dog`.
                STOP Pain rose in 2 of the last 3 sessions of bird-dog.
                     Keep bird-dog on hold until a physiotherapist has assessed you.

                """)
        let third = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        #expect(third.status == 0)
        #expect(
            third.stderr == """
                ON HOLD bird-dog is on hold since 2026-11-20 08:00 (more-pain, #1): see a
                        physiotherapist, then run `journal resume bird-dog`.

                """)
        #expect(try sandbox.entryCount() == 3)
    }

    @Test func checkExitsZeroWhenNothingStands() throws {
        let run = try sandbox.run("check")
        #expect(run.status == 0)
        #expect(run.stdout == "No safety findings stand today.\n")
        let json = try sandbox.run("check", "--json")
        #expect(
            json.stdout
                == "{\n  \"exit_status\" : 0,\n  \"findings\" : [\n\n  ],\n  \"holds\" : [\n\n  ],\n  "
                + "\"red_flags_seen\" : null,\n  \"region\" : \"GB\",\n  \"reminders\" : [\n\n  ]\n}\n"
        )
    }

    @Test func checkExitsTwoWhileAStopStands() throws {
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "3", "--hold", "20")
        let run = try sandbox.run("check")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.hasPrefix("ON HOLD side-plank is on hold since "))
        #expect(run.stdout.contains("STOP side-plank, 2026-11-25 12:00 (UTC+00:00), pain 2 → 3 (#1)"))
        #expect(run.stdout.contains("- Pain went up during side-plank, from 2 before to 3 after."))
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "2", "--hold", "20")
        // A clean session does not lift the hold: only a review does.
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
        sandbox.environment["JOURNAL_REGION"] = "GB"
        let run = try sandbox.run("safety")
        #expect(run.status == 0)
        for phrase in [
            "Seek emergency care now", "See a doctor today", "Stop the exercise",
            "See a doctor (not an emergency)", "Talk to a physiotherapist",
            "Sources", "Ostelo", "Silbernagel", "Inertia Physio+", "NICE",
        ] {
            #expect(run.stdout.contains(phrase), "missing \(phrase)")
        }
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in [
            "Call 999 or go to A&E now. These symptoms are an emergency",
            "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today",
            "Region: United Kingdom (GB), from JOURNAL_REGION=GB.",
            "* both-legs: pain, tingling, weakness or numbness in both legs",
            "* night-pain: pain that does not improve after resting, or is much worse at night",
            "0-2 is safe, 3-5 acceptable, above 5 high risk; a model from knee and Achilles rehabilitation",
        ] {
            #expect(words.contains(phrase), "missing \(phrase)")
        }
        #expect(!words.contains("0-3"))
        let flags = try sandbox.run("safety", "--red-flags", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(flags.stdout.utf8)) as? [String: Any])
        let list = try #require(object["red_flags"] as? [[String: Any]])
        #expect(
            list.compactMap { $0["id"] as? String } == [
                "both-legs", "saddle-numbness", "bladder-bowel", "sexual-function", "chest-pain", "major-trauma",
                "fever", "weight-loss", "back-lump", "night-pain", "cough-sneeze", "upper-back", "one-leg",
            ])
        #expect(
            list.compactMap { $0["tier"] as? String } == Array(repeating: "emergency", count: 6)
                + Array(repeating: "same-day", count: 6) + ["see-gp"])
        #expect(
            list.first?["symptom"] as? String == "pain, tingling, weakness or numbness in both legs")
        let tiers = try #require(object["red_flag_tiers"] as? [[String: String]])
        #expect(
            tiers == [
                [
                    "id": "emergency", "severity": "urgent",
                    "what_to_do": "call 999 or go to A&E now",
                ],
                [
                    "id": "same-day", "severity": "see-doctor",
                    "what_to_do": "ask for an urgent GP appointment today or call 111",
                ],
                [
                    "id": "see-gp", "severity": "see-gp",
                    "what_to_do": "book a GP appointment",
                ],
            ])
    }
}
