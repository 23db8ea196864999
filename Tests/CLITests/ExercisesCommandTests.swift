import Foundation
import Testing

@Suite struct ExercisesCommandTests {
    let sandbox = Sandbox()

    @Test func listsEveryExerciseWithIdNameAndCategory() throws {
        let run = try sandbox.run("exercises")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 18)
        #expect(lines[0] == "ID                           NAME                         CATEGORY")
        #expect(lines[1] == "core-activation              Core activation              stability")
        #expect(lines[17] == "foam-roll-glutes             Foam rolling the glutes      self-treatment")
    }

    @Test func showsOneWithItsHowTo() throws {
        let run = try sandbox.run("exercises", "show", "side plank")
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                "Side plank (side-plank)\nCategory: stability\nMeasured: in seconds held, one side at a time (--side left|right|both)\n\nLie on your side"
            ))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 78 })
    }

    @Test func jsonForBoth() throws {
        let all = try sandbox.run("exercises", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 17)
        let one = try sandbox.run("exercises", "show", "glute-bridge", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "glute-bridge")
        #expect(object["per_side"] as? Bool == false)
        #expect(object["measure"] as? String == "reps")
        #expect(object["category"] as? String == "stability")
    }

    @Test func anUnknownOneSuggests() throws {
        let run = try sandbox.run("exercises", "show", "brid-dog")
        #expect(run.status == 64)
        #expect(run.stderr == "journal: unknown exercise \"brid-dog\"; did you mean \"bird-dog\"?\n")
    }

    /// An exercise of your own archived while on hold (#26): `resume` still lifts the hold,
    /// `exercises show` says it is archived, and `list --exercise` lists its entries.
    @Test func anArchivedExerciseOnHoldCanBeResumedShownAndListed() throws {
        for command in [
            ["exercises", "add", "ktc", "--name", "KTC", "--category", "stretch", "--hold"],
            ["log", "ktc", "--pain-before", "2", "--pain-after", "5", "--hold", "20"],
            ["exercises", "remove", "ktc", "--force"],
        ] {
            let run = try sandbox.run(command)
            #expect(run.status == 0, "\(command): \(run)")
        }
        let held = try sandbox.run("check")
        #expect(held.status == 2)
        #expect(held.stdout.contains("journal resume ktc"))
        let show = try sandbox.run("exercises", "show", "ktc")
        #expect(show.status == 0, "\(show)")
        #expect(
            show.stdout.hasPrefix(
                "KTC (ktc)\nArchived: it keeps its entries but can no longer be logged.\nCategory: stretch\n"))
        #expect(try sandbox.run("exercises", "show", "ktc", "--json").stdout.contains("\"archived\" : true"))
        #expect(try sandbox.run("exercises", "show", "bird-dog", "--json").stdout.contains("\"archived\" : false"))
        let list = try sandbox.run("list", "--exercise", "ktc")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("ktc"))
        let resume = try sandbox.run("resume", "ktc", "--note", "x")
        #expect(resume.status == 0, "\(resume)")
        #expect(resume.stdout.hasPrefix("Resumed ktc: reviewed "))
        #expect(try sandbox.sql("SELECT exercise_id, note FROM reviews") == "ktc|x\n")
        #expect(!(try sandbox.run("check").stdout.contains("ON HOLD")))
        // It still cannot be logged.
        #expect(try sandbox.run("log", "ktc", "--pain-before", "2", "--pain-after", "2", "--hold", "20").status != 0)
    }

    /// `exercises add` of an id that is an archived exercise of your own says it is archived, that its
    /// history stays and what to do (another id, or `journal undo`), exits 64 and changes nothing;
    /// the undo it names brings it back, to be logged again.
    @Test func addingAnArchivedExerciseAgainSaysItIsArchived() throws {
        for command in [
            ["exercises", "add", "ktc", "--name", "KTC", "--category", "stretch", "--hold"],
            ["log", "ktc", "--pain-before", "2", "--pain-after", "2", "--hold", "20"],
            ["log", "ktc", "--pain-before", "2", "--pain-after", "1", "--hold", "30"],
            ["exercises", "remove", "ktc", "--force"],
        ] {
            let run = try sandbox.run(command)
            #expect(run.status == 0, "\(command): \(run)")
        }
        let before = try sandbox.sql(
            "SELECT id, name, category, archived FROM exercises WHERE builtin = 0; SELECT count(*) FROM changes")
        #expect(before == "ktc|KTC|stretch|1\n4\n")
        let add = try sandbox.run("exercises", "add", "ktc", "--name", "Knee to chest", "--category", "stretch")
        #expect(add.status == 64, "\(add)")
        #expect(add.stdout == "")
        #expect(
            add.stderr
                == "journal: ktc is an exercise of your own, archived: `journal exercises remove ktc --force` kept it "
                + "for its 2 entries, whose history stays, and it can no longer be logged or added again. Add it under "
                + "another id; or, if removing it was one of your latest 10 changes, `journal undo` brings it back.\n")
        #expect(
            try sandbox.sql(
                "SELECT id, name, category, archived FROM exercises WHERE builtin = 0; SELECT count(*) FROM changes")
                == before)
        #expect(try sandbox.entryCount() == 2)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("log", "ktc", "--pain-before", "2", "--pain-after", "2", "--hold", "20").status == 0)
    }

    /// Issue #26: `log` and `plan set` of an archived exercise of one's own call it archived and say
    /// how it comes back, never "unknown exercise" with an `exercises add` that is refused.
    @Test func loggingOrPlanningAnArchivedExerciseSaysItIsArchived() throws {
        for command in [
            ["exercises", "add", "cat-cow", "--name", "Cat cow", "--category", "stretch"],
            ["log", "cat-cow", "--pain-before", "2", "--pain-after", "2", "--sets", "1", "--reps", "10"],
            ["exercises", "remove", "cat-cow", "--force"],
        ] {
            let run = try sandbox.run(command)
            #expect(run.status == 0, "\(command): \(run)")
        }
        let archived =
            "journal: cat-cow is an exercise of your own, archived: `journal exercises remove cat-cow --force` kept "
            + "it for its 1 entry, whose history stays, and it can no longer be logged or added again. Add it under "
            + "another id; or, if removing it was one of your latest 10 changes, `journal undo` brings it back.\n"
        for command in [
            ["log", "cat-cow", "--pain-before", "2", "--pain-after", "2", "--sets", "1", "--reps", "10"],
            ["log", "Cat cow", "--pain-before", "2", "--pain-after", "2", "--sets", "1", "--reps", "10"],
            ["plan", "set", "cat-cow", "--sets", "1", "--reps", "10", "--per-week", "3"],
        ] {
            let run = try sandbox.run(command)
            #expect(run.status == 64, "\(command): \(run)")
            #expect(run.stdout == "")
            #expect(run.stderr == archived, "\(command)")
        }
        #expect(try sandbox.entryCount() == 1)
        #expect(try sandbox.sql("SELECT count(*) FROM plan") == "0\n")
        // An exercise nobody added is still unknown.
        let unknown = try sandbox.run("log", "handstand", "--pain-before", "2", "--pain-after", "2")
        #expect(unknown.stderr.hasPrefix("journal: unknown exercise \"handstand\""), "\(unknown)")
    }

    /// A how-to text longer than a note can be is refused as the how-to text, not as "the note" (#26).
    @Test func aTooLongHowToIsCalledTheHowToText() throws {
        let run = try sandbox.run(
            "exercises", "add", "ktc", "--name", "KTC", "--category", "stretch", "--how-to",
            String(repeating: "a", count: 4001))
        #expect(run.status == 64, "\(run)")
        #expect(
            run.stderr
                == "journal: the how-to text has 4001 characters (Unicode code points: an accent typed as a separate "
                + "mark, or each part of a combined emoji, counts as one); it can hold at most 4000.\n")
        #expect(try sandbox.run("exercises", "show", "ktc").status == 64)
    }
}
