import Testing

@testable import Journal

@Suite struct EntryTests {
    @Test(arguments: ["0", "5", "10", " 7 "])
    func painAcceptsWholeNumbersFromZeroToTen(text: String) throws {
        let level = try PainLevel(parsing: text, field: "pain before")
        #expect(level.value == Int(text.trimmingWhitespace()))
    }

    @Test(arguments: ["11", "-1", "abc", "", "4.5", "1e1", "٣"])
    func painRefusesEverythingElseAndSaysWhatIsAllowed(text: String) throws {
        #expect(throws: JournalError.invalidPain(field: "pain after", text: text)) {
            try PainLevel(parsing: text, field: "pain after")
        }
        #expect(
            JournalError.invalidPain(field: "pain after", text: "11").description
                == #"pain after must be a whole number from 0 (no pain) to 10 (worst imaginable); got "11"."#)
    }

    @Test func numbersAreCheckedAgainstTheirBounds() throws {
        #expect(try Entry.parseNumber("50", field: "sets", range: Entry.Limits.sets) == 50)
        #expect(throws: JournalError.invalidNumber(field: "sets", text: "0", range: 1...50)) {
            try Entry.parseNumber("0", field: "sets", range: Entry.Limits.sets)
        }
        #expect(throws: JournalError.invalidNumber(field: "reps", text: "501", range: 1...500)) {
            try Entry.parseNumber("501", field: "reps", range: Entry.Limits.reps)
        }
    }

    @Test func theInitialiserChecksEveryBound() throws {
        let pain = try #require(PainLevel(3))
        #expect(throws: JournalError.invalidNumber(field: "hold (seconds)", text: "3601", range: 1...3600)) {
            try Entry(
                exerciseID: "side-plank", performedAt: 0, utcOffset: 0, holdSeconds: 3601,
                painBefore: pain, painAfter: pain, createdAt: 0)
        }
        let long = String(repeating: "é", count: 4001)
        #expect(throws: JournalError.noteTooLong(characters: 4001, limit: 4000)) {
            try Entry(
                exerciseID: "side-plank", performedAt: 0, utcOffset: 0, painBefore: pain, painAfter: pain,
                note: long, createdAt: 0)
        }
    }

    @Test func anEmptyNoteIsNoNote() throws {
        let pain = try #require(PainLevel(3))
        let entry = try Entry(
            exerciseID: "bird-dog", performedAt: 0, utcOffset: 0, painBefore: pain, painAfter: pain, note: "",
            createdAt: 0)
        #expect(entry.note == nil)
    }

    @Test func painChangeIsAfterMinusBefore() throws {
        let entry = try Entry(
            exerciseID: "bird-dog", performedAt: 0, utcOffset: 0, painBefore: #require(PainLevel(6)),
            painAfter: #require(PainLevel(2)), createdAt: 0)
        #expect(entry.painChange == -4)
    }

    @Test func sidesReadInAnyCase() throws {
        #expect(try Side(parsing: "Left") == .left)
        #expect(throws: JournalError.invalidSide("middle")) { try Side(parsing: "middle") }
    }
}
