import Foundation
import Testing

/// `journal checkins edit` names the red flags it lifts, as `checkins delete` does, and the ones it
/// begins: the same sentences and the same `--json` keys (`red_flags_lifted`, `red_flags_begun`).
@Suite struct CheckInEditRedFlagsCommandTests {
    let sandbox = Sandbox()

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    /// A finding's rule, severity and check-in id, as `--json` writes them.
    func findings(_ object: [String: Any], _ key: String) throws -> [String] {
        let list = try #require(object[key] as? [[String: Any]], "\(key): \(object)")
        return list.map { "\($0["rule"] ?? "") \($0["severity"] ?? "") #\($0["checkin_id"] ?? "")" }
    }

    @Test func anEditThatDropsARedFlagSaysItLiftsItAsADeletionDoes() throws {
        try sandbox.change(
            "checkin", "--pain", "3", "--red-flag", "fever", "--red-flag", "one-leg", "--at", "2026-11-25 09:00")
        let lifted =
            "The red flag of check-in #1 at 2026-11-25 09:00 is lifted: the check-in before the edit had it. "
            + "You recorded a high temperature, or feeling hot and shivery."

        let edit = try sandbox.run("checkins", "edit", "1", "--red-flag", "one-leg")
        #expect(edit.status == 0, "\(edit)")
        let lines = edit.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(edit)")
        #expect(lines.last == lifted, "\(edit)")
        #expect(!edit.stdout.contains("begins now"), "\(edit)")
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "one-leg\n")
        #expect(!(try sandbox.run("check").stdout.contains("hot and shivery")))

        // With --json: the same finding under red_flags_lifted, none begun.
        try sandbox.change("undo")
        let object = try json(try sandbox.run("checkins", "edit", "1", "--red-flag", "one-leg", "--json"))
        #expect(try findings(object, "red_flags_lifted") == ["red-flag see-doctor #1"])
        #expect(try findings(object, "red_flags_begun") == [])
        #expect(object["changed"] as? Bool == true)

        // Dropping them all lifts the other tier too; an edit of the pain alone lifts nothing.
        try sandbox.change("undo")
        let none = try json(try sandbox.run("checkins", "edit", "1", "--no-red-flags", "--json"))
        #expect(try findings(none, "red_flags_lifted") == ["red-flag see-doctor #1", "red-flag see-gp #1"])
        try sandbox.change("undo")
        let pain = try sandbox.run("checkins", "edit", "1", "--pain", "4")
        #expect(pain.status == 0, "\(pain)")
        #expect(!pain.stdout.contains("is lifted") && !pain.stdout.contains("begins now"), "\(pain)")
        let same = try json(try sandbox.run("checkins", "edit", "1", "--pain", "4", "--json"))
        #expect(same["changed"] as? Bool == false)
        #expect(try findings(same, "red_flags_lifted") == [] && findings(same, "red_flags_begun") == [])
    }

    @Test func anEditThatAddsARedFlagSaysItBeginsIt() throws {
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-25 09:00")
        let begun =
            "The red flag of check-in #1 at 2026-11-25 09:00 begins now: the edit began it; it stands until a "
            + "doctor has seen you, then record that with: journal resume --red-flags"
        let edit = try sandbox.run("checkins", "edit", "1", "--red-flag", "fever")
        #expect(edit.status == 0, "\(edit)")
        #expect(edit.stdout.split(separator: "\n").map(String.init).last == begun, "\(edit)")
        // The advice comes first on stderr, as for any check-in that records the flag.
        #expect(edit.stderr.contains("Ask for an urgent GP appointment today or call 111."), "\(edit)")

        try sandbox.change("undo")
        let object = try json(try sandbox.run("checkins", "edit", "1", "--red-flag", "fever", "--json"))
        #expect(try findings(object, "red_flags_begun") == ["red-flag see-doctor #1"])
        #expect(try findings(object, "red_flags_lifted") == [])
    }

    @Test func aFlagADoctorHadSeenIsNeitherLiftedNorBegunWhenDropped() throws {
        try sandbox.change(
            "checkin", "--pain", "3", "--red-flag", "fever", "--red-flag", "one-leg", "--at", "2026-11-25 09:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-25 10:00")
        let object = try json(try sandbox.run("checkins", "edit", "1", "--red-flag", "one-leg", "--json"))
        #expect(try findings(object, "red_flags_lifted") == [])
        #expect(try findings(object, "red_flags_begun") == [])
        // Adding one after the visit begins every flag the check-in records again: it counts as recorded now.
        let added = try json(
            try sandbox.run("checkins", "edit", "1", "--red-flag", "one-leg", "--red-flag", "fever", "--json"))
        #expect(try findings(added, "red_flags_begun") == ["red-flag see-doctor #1", "red-flag see-gp #1"])
    }

    /// The message of each finding under `key`, as `--json` writes them.
    func messages(_ object: [String: Any], _ key: String) throws -> [String] {
        let list = try #require(object[key] as? [[String: Any]], "\(key): \(object)")
        return list.map { "\($0["message"] ?? "")" }
    }

    /// Issue #25: a flag dropped or added while others of its tier stay is named too, flag by flag,
    /// as `checkins delete` names what it lifts.
    @Test func eachFlagDroppedOrAddedIsNamedWhenItsTierStays() throws {
        try sandbox.change(
            "checkin", "--pain", "3", "--red-flag", "fever", "--red-flag", "weight-loss", "--red-flag", "night-pain",
            "--at", "2026-11-25 09:00")
        let at = "The red flag of check-in #1 at 2026-11-25 09:00"

        // Keeping fever drops weight-loss and night-pain, of the same tier: both named as lifted.
        let kept = try sandbox.run("checkins", "edit", "1", "--red-flag", "fever")
        #expect(kept.status == 0, "\(kept)")
        #expect(
            kept.stdout.split(separator: "\n").map(String.init).last
                == "\(at) is lifted: the check-in before the edit had it. You recorded weight lost without trying; "
                + "pain that does not improve after resting, or is much worse at night.",
            "\(kept)")
        #expect(!kept.stdout.contains("begins now"), "\(kept)")
        try sandbox.change("undo")
        let object = try json(
            try sandbox.run("checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "night-pain", "--json"))
        #expect(try findings(object, "red_flags_lifted") == ["red-flag see-doctor #1"])
        #expect(try messages(object, "red_flags_lifted") == ["You recorded weight lost without trying."])
        #expect(try findings(object, "red_flags_begun") == [])

        // Replacing one by another of the same tier: the one dropped lifted, the one added begun.
        try sandbox.change("undo")
        try sandbox.change("checkins", "edit", "1", "--red-flag", "fever")
        let swapped = try sandbox.run("checkins", "edit", "1", "--red-flag", "back-lump")
        #expect(swapped.status == 0, "\(swapped)")
        let lines = swapped.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.suffix(2) == [
                "\(at) is lifted: the check-in before the edit had it. You recorded a high temperature, or feeling "
                    + "hot and shivery.",
                "\(at) begins now: the edit began it; it stands until a doctor has seen you, then record that with: "
                    + "journal resume --red-flags",
            ],
            "\(swapped)")
        try sandbox.change("undo")
        let both = try json(try sandbox.run("checkins", "edit", "1", "--red-flag", "back-lump", "--json"))
        #expect(
            try messages(both, "red_flags_lifted") == ["You recorded a high temperature, or feeling hot and shivery."])
        #expect(
            try messages(both, "red_flags_begun")
                == ["You recorded a lump or swelling in the back, or the back changing shape."])
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "back-lump\n")
    }
}
