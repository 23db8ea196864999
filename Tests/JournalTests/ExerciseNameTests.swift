import Testing

@testable import Journal

/// The one rule for an exercise's name, typed or stored (``Exercise/refusal(ofName:)``), and how a
/// stored one that breaks it is shown in its note (``Wording/sqlLiteral(_:)``).
@Suite struct ExerciseNameTests {
    @Test func eachRefusalSaysItsOwnReason() {
        #expect(Exercise.refusal(ofName: "Glute bridge") == nil)
        #expect(Exercise.refusal(ofName: "  Glute bridge ") == nil)
        #expect(Exercise.refusal(ofName: " ") == "it is empty")
        #expect(Exercise.refusal(ofName: "Glute\nbridge") == "it is on more than one line")
        #expect(Exercise.refusal(ofName: "Glute\u{2028}bridge") == "it is on more than one line")
        #expect(
            Exercise.refusal(ofName: "Glute\u{7} bridge")
                == "it holds the control character U+0007, which could change a terminal when printed")
        #expect(
            Exercise.refusal(ofName: "Glute\u{9B} bridge")
                == "it holds the control character U+009B, which could change a terminal when printed")
        #expect(
            Exercise.refusal(ofName: "Glute\u{202E} bridge")
                == "it holds the invisible character U+202E, which could make it read other than it is")
        #expect(
            Exercise.refusal(ofName: "Glute\u{FFFD}")
                == "it holds U+FFFD, the replacement character, which stands for bytes that are not text")
        #expect(Exercise.refusal(ofName: String(repeating: "x", count: 60)) == nil)
        #expect(Exercise.refusal(ofName: String(repeating: "x", count: 61)) == "it is 61 characters long")

    }

    /// The sentence, made safe for a terminal as every error's is, says the reason, then the rule.
    @Test func theErrorSaysTheReasonThenTheRule() throws {
        #expect(throws: JournalError.invalidExerciseName("Glute\u{7}")) { try Exercise.checkedName("Glute\u{7}") }
        #expect(
            JournalError.invalidExerciseName("Glute\u{7}").description
                == "\"Glute\" cannot be an exercise name: it holds the control character U+0007, which could "
                + "change a terminal when printed; use 1 to 60 characters on one line, with no control characters.")
        #expect(try Exercise.checkedName("  Glute bridge ") == "Glute bridge")

    }

    @Test func aQuotedValueSpellsItsControlsAsSQLDoes() {
        #expect(Wording.sqlLiteral("Glute bridge") == "'Glute bridge'")
        #expect(Wording.sqlLiteral("Child's pose") == "'Child''s pose'")
        #expect(Wording.sqlLiteral("") == "''")
        #expect(Wording.sqlLiteral("Glute\u{7} bridge") == "'Glute' || char(7) || ' bridge'")
        #expect(Wording.sqlLiteral("\u{1B}[31mGlute\u{7}") == "char(27) || '[31mGlute' || char(7)")
        #expect(Wording.sqlLiteral("it'\u{7}\u{7}s") == "'it''' || char(7) || char(7) || 's'")
    }
}
