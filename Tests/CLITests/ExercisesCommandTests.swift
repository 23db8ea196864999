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
}
