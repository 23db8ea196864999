import Testing

@testable import Journal

/// The dose typed after `--sets`, `--reps` and `--hold` (issue #26): a hold with its unit is read
/// as seconds; a whole dose in one word, as `session` takes it (`3x10`), is refused with the
/// options that say it, never guessed at.
@Suite struct DoseInputTests {
    @Test(arguments: [
        ("30", 30), (" 45 ", 45), ("30s", 30), ("30 s", 30), ("30sec", 30), ("30 secs", 30), ("30 seconds", 30),
        ("1 second", 1), ("30S", 30), ("30 seconds.", 30), ("1m", 60), ("1 min", 60), ("2 mins", 120),
        ("1 minute", 60), ("3 minutes", 180), ("60m", 3600),
    ])
    func aHoldWithItsUnitIsReadAsSeconds(text: String, seconds: Int) throws {
        #expect(try DoseInput.holdSeconds(text) == seconds)
    }

    @Test func aHoldOutsideItsBoundsOrInNoKnownUnitIsRefused() throws {
        let range = Entry.Limits.holdSeconds
        // 61 minutes are 3,660 seconds; 0 s none: the bounds, as for a plain number.
        for text in ["3601", "0", "61m", "0s", "-5"] {
            #expect(throws: JournalError.invalidNumber(field: "hold (seconds)", text: text, range: range)) {
                try DoseInput.holdSeconds(text)
            }
        }
        let forms = "Give seconds, such as 30, 30s or 1 min."
        for text in ["1.5m", "half a minute", "30 hours", "s"] {
            #expect(
                throws: JournalError.invalidNumber(field: "hold (seconds)", text: text, range: range, instead: forms)
            ) { try DoseInput.holdSeconds(text) }
        }
        #expect(
            JournalError.invalidNumber(field: "hold (seconds)", text: "1.5m", range: range, instead: forms).description
                == "hold (seconds) must be a whole number from 1 to 3600; got \"1.5m\". Give seconds, such as 30, 30s "
                + "or 1 min.")
    }

    @Test func setsAndRepsWrittenTogetherAreRefusedNamingTheOptions() throws {
        for text in ["3x10", "3X10", "3×10", " 3x10 "] {
            #expect(
                throws: JournalError.invalidNumber(
                    field: "reps", text: text, range: Entry.Limits.reps,
                    instead: "For 3 × 10 reps, give --sets 3 --reps 10.")
            ) { try DoseInput.reps(text) }
            #expect(
                throws: JournalError.invalidNumber(
                    field: "sets", text: text, range: Entry.Limits.sets,
                    instead: "For 3 × 10 reps, give --sets 3 --reps 10.")
            ) { try DoseInput.sets(text) }
        }
        #expect(
            throws: JournalError.invalidNumber(
                field: "hold (seconds)", text: "2x30s", range: Entry.Limits.holdSeconds,
                instead: "For 2 × 30 s hold, give --sets 2 --hold 30.")
        ) { try DoseInput.holdSeconds("2x30s") }
        #expect(
            throws: JournalError.invalidNumber(
                field: "reps", text: "3x10x5s left", range: Entry.Limits.reps,
                instead: "For 3 × 10 reps, 5 s hold, left side, give --sets 3 --reps 10 --hold 5 --side left.")
        ) { try DoseInput.reps("3x10x5s left") }
        #expect(
            JournalError.invalidNumber(
                field: "reps", text: "3x10", range: 1...500, instead: "For 3 × 10 reps, give --sets 3 --reps 10."
            ).description
                == "reps must be a whole number from 1 to 500; got \"3x10\". For 3 × 10 reps, give --sets 3 --reps 10.")
        // Not a dose (sets out of bounds too, `0x10`): the plain refusal.
        for text in ["x10", "3x", "0x10", "3x10x2", "3 x 10", "ten"] {
            #expect(throws: JournalError.invalidNumber(field: "reps", text: text, range: Entry.Limits.reps)) {
                try DoseInput.reps(text)
            }
        }
        #expect(try DoseInput.reps("10") == 10)
        #expect(try DoseInput.sets(" 3 ") == 3)
    }
}
