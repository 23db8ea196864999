import Foundation
import Testing

/// A refused `checkin`, `checkins edit` or `log` still gives the advice its typed values give alone.
///
/// The advice comes before the error, whatever refused it: a usage error the parser finds,
/// `validate()`, a time or a note refused, storage. Its exit status stays the error's, standard
/// output stays empty (`--json` too), and nothing is saved: the journal file is as it was, or
/// still absent.
@Suite struct RefusedAdviceCommandTests {
    let sandbox = Sandbox()
    static let emergency = AdviceStorageCommandTests.emergency
    static let stop = AdviceStorageCommandTests.stop
    static let sameDay = """
        ==============================================================================
        == SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111
        == You recorded a high temperature, or feeling hot and shivery.
        == Ask for an urgent GP appointment today or call 111. These symptoms need a
        == doctor today, not a physiotherapy appointment.
        ==============================================================================

        """
    static let severePain = """
        SEE A GP Your pain at rest was 9 out of 10: very severe.
                 Book a GP appointment. This is not an emergency, but a doctor should
                 see it, not only a physiotherapist.

        """
    static let unknownOption = "Error: Unknown option '--foo'\n"

    /// `banner` as a check-in refused before the command ran tells it: its red flags named, not
    /// recorded (``RedFlagRule/findings(for:saved:)``); a banner told by the run, before a storage or
    /// region refusal, keeps "You recorded".
    static func named(_ banner: String) -> String {
        banner.replacingOccurrences(
            of: "!! You recorded chest pain.\n",
            with: "!! You named chest pain in a check-in that was not saved (the reason follows).\n"
        ).replacingOccurrences(
            of: "== You recorded a high temperature, or feeling hot and shivery.\n",
            with: "== You named a high temperature, or feeling hot and shivery in a check-in that\n"
                + "== was not saved (the reason follows).\n"
        ).replacingOccurrences(
            of: "!! You recorded pain, tingling, weakness or numbness in both legs.\n",
            with: "!! You named pain, tingling, weakness or numbness in both legs in a check-in\n"
                + "!! that was not saved (the reason follows).\n")
    }

    /// The journal file's bytes, `nil` when there is none.
    func journalBytes() -> Data? { FileManager.default.contents(atPath: sandbox.database) }

    /// Runs `arguments`, then expects `status`, nothing on standard output, `advice` first on standard
    /// error with `error` right after it, and the journal file as it was before the run.
    @discardableResult
    func expectRefused(
        _ arguments: [String], stdin: String? = nil, status: Int32, advice: String, error: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        let before = journalBytes()
        let run = try sandbox.run(arguments, stdin: stdin)
        #expect(run.status == status, "\(arguments): \(run)", sourceLocation: sourceLocation)
        #expect(run.stdout == "", "\(arguments): \(run)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix(advice + error), "\(arguments): \(run)", sourceLocation: sourceLocation)
        #expect(journalBytes() == before, "\(arguments): the journal changed", sourceLocation: sourceLocation)
        return run
    }

    @Test func aTimeRefusedStillSaysTheEmergencyAdvice() throws {
        try expectRefused(
            ["checkin", "--pain", "5", "--red-flag", "chest-pain", "--at", "garbage"], status: 64,
            advice: Self.named(Self.emergency),
            error: "journal: cannot use \"garbage\" as a date: journal reads times such as\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func aPainOutOfRangeStillSaysTheEmergencyAdvice() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "today 08:00")
        try expectRefused(
            ["checkin", "--pain", "11", "--red-flag", "chest-pain"], status: 64, advice: Self.named(Self.emergency),
            error: "Error: The value '11' is invalid for '--pain <0-10>': pain must be a whole number from 0")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
    }

    /// With `--json` the advice is text on standard error and standard output stays empty, as when saving fails.
    @Test func anUnknownOptionStillSaysTheAdviceOfEachTierWithJSON() throws {
        let run = try expectRefused(
            ["checkin", "--pain", "4", "--red-flag=fever", "--red-flag", "chest-pain", "--foo", "--json"], status: 64,
            advice: Self.named(Self.emergency) + Self.named(Self.sameDay), error: Self.unknownOption)
        #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
    }

    @Test func aMisspeltSecondRedFlagLeavesTheFirstOnesAdvice() throws {
        try expectRefused(
            ["checkin", "--pain", "5", "--red-flag", "chest-pain", "--red-flag", "chest-pian"], status: 64,
            advice: Self.named(Self.emergency), error: "Error: The value 'chest-pian' is invalid for '--red-flag <id>'")
        // A retired id, as refused, leaves the valid one's too.
        try expectRefused(
            ["checkin", "--pain", "5", "--red-flag", "leg-weakness", "--red-flag", "chest-pain"], status: 64,
            advice: Self.named(Self.emergency),
            error: "Error: The value 'leg-weakness' is invalid for '--red-flag <id>'")
    }

    /// A word people use for the command (`check-in`, `add`) is refused as an unknown command, after
    /// the advice of what was typed after it, read as the command it stands for.
    @Test func aCommandsOtherNameStillSaysTheAdvice() throws {
        try expectRefused(
            ["check-in", "--pain", "5", "--red-flag", "chest-pain"], status: 64, advice: Self.named(Self.emergency),
            error: "Error: Unknown command 'check-in'. The nearest: checkin")
        try expectRefused(
            ["add", "glute-bridge", "--pain-before", "2", "--pain-after", "5"], status: 64, advice: Self.stop,
            error: "Error: Unknown command 'add'. The nearest: log")
    }

    @Test func aPainTypedTwiceStillSaysTheAdvice() throws {
        try expectRefused(
            ["checkin", "--pain", "5", "--red-flag", "chest-pain", "--pain", "6"], status: 64,
            advice: Self.named(Self.emergency),
            error: "Error: --pain takes one value; --pain 5 and --pain 6 were given.\n")
    }

    @Test func aNoteThatCannotBeReadStillSaysTheAdvice() throws {
        try expectRefused(
            ["checkin", "--pain", "5", "--red-flag", "chest-pain", "--note", "-"], stdin: "", status: 66,
            advice: Self.named(Self.emergency),
            error: "journal: cannot read standard input: it is empty; --note - reads the note from it")
    }

    /// A pain at rest of 8 or more is advice the typed check-in gives alone too, as a saved one gives it first.
    @Test func aSeverePainTypedStillSaysItsAdvice() throws {
        try expectRefused(
            ["checkin", "--pain", "9", "--red-flag", "chest-pain", "--foo"], status: 64,
            advice: Self.named(Self.emergency) + Self.severePain, error: Self.unknownOption)
        try expectRefused(
            ["checkin", "--pain", "9", "--foo"], status: 64, advice: Self.severePain, error: Self.unknownOption)
    }

    /// Nothing that is not a refusal says it: help, and a check-in without a finding.
    @Test func helpAndAQuietCheckInSayNoAdvice() throws {
        let help = try sandbox.run("checkin", "--help", "--red-flag", "chest-pain")
        #expect(help.status == 0, "\(help)")
        #expect(help.stderr == "", "\(help)")
        try expectRefused(["checkin", "--pain", "4", "--foo"], status: 64, advice: "", error: Self.unknownOption)
    }

    /// In the words of the journal's region, of `--db`'s journal, of `JOURNAL_REGION`; in the words
    /// used when no region is known when `JOURNAL_REGION` names none this version knows.
    @Test func theAdviceIsInTheWordsOfTheRegionInForce() throws {
        try sandbox.change("config", "set", "region", "CA")
        let canada = """
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
            !! URGENT: CALL 911 OR GO TO THE EMERGENCY DEPARTMENT NOW
            !! You recorded pain, tingling, weakness or numbness in both legs.
            !! Call 911 or go to the nearest emergency department now. These symptoms are
            !! an emergency: they need emergency care now, not a physiotherapy
            !! appointment.
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

            """
        try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "both-legs", "--foo"], status: 64, advice: Self.named(canada),
            error: Self.unknownOption)
        // Another journal, named by --db, has its own region (none: the locale's, en_GB).
        let other = sandbox.directory + "/other.sqlite3"
        try sandbox.change("checkin", "--pain", "2", "--db", other)
        try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "chest-pain", "--foo", "--db=" + other], status: 64,
            advice: Self.named(Self.emergency), error: Self.unknownOption)
        // A path the parser refuses as a value is no journal: the environment's words.
        try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "chest-pain", "--db=-x", "--foo"], status: 64,
            advice: Self.named(Self.emergency), error: Self.unknownOption)
        sandbox.environment["JOURNAL_REGION"] = "NZ"
        let newZealand = """
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
            !! URGENT: CALL 111 OR GO TO THE EMERGENCY DEPARTMENT NOW
            !! You recorded pain, tingling, weakness or numbness in both legs.
            !! Call 111 or go to the nearest emergency department now. These symptoms are
            !! an emergency: they need emergency care now, not a physiotherapy
            !! appointment.
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

            """
        try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "both-legs", "--foo"], status: 64, advice: Self.named(newZealand),
            error: Self.unknownOption)
        sandbox.environment["JOURNAL_REGION"] = "XX"
        let unknown = """
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
            !! URGENT: SEEK EMERGENCY CARE NOW
            !! You recorded pain, tingling, weakness or numbness in both legs.
            !! Call your local emergency number (911 in North America, 999 in the UK, 112
            !! in the EU, 000 in Australia) or go to the nearest emergency department now.
            !! These symptoms are an emergency: they need emergency care now, not a
            !! physiotherapy appointment.
            !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

            """
        try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "both-legs", "--foo"], status: 64, advice: Self.named(unknown),
            error: Self.unknownOption)
        // Refused for that JOURNAL_REGION alone, the advice, in the same words, is told once.
        let run = try expectRefused(
            ["checkin", "--pain", "3", "--red-flag", "both-legs"], status: 64, advice: unknown,
            error: "journal: JOURNAL_REGION")
        #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
    }

    /// A file that is not a journal: the region cannot be read (said), the advice follows in the
    /// environment's words, then the refusal, told once, whichever refused it.
    @Test func aDamagedJournalStillGetsTheAdviceOnce() throws {
        try #require(FileManager.default.createFile(atPath: sandbox.database, contents: Data("not a journal\n".utf8)))
        let notice = "journal: could not read the journal's region setting ("
        for (arguments, status, banner) in [
            (["checkin", "--pain", "4", "--red-flag", "chest-pain", "--foo"], Int32(64), Self.named(Self.emergency)),
            (["checkin", "--pain", "4", "--red-flag", "chest-pain"], 65, Self.emergency),
        ] {
            let run = try expectRefused(arguments, status: status, advice: notice, error: "")
            let after = AdviceStorageCommandTests.afterRegionNotice(run.stderr)
            #expect(after.hasPrefix(banner), "\(arguments): \(run)")
            #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(arguments): \(run)")
        }
    }

    /// Each refusal a tester tried with an emergency red flag tells its banner once, before the error:
    /// standard input closed or empty, a note not UTF-8 or too long, a pain typed twice, an unknown
    /// red flag beside a known one, a word too many.
    @Test func eachRefusedCheckInWithARedFlagTellsItsBannerOnce() throws {
        let saddle = ["checkin", "--pain", "5", "--red-flag", "saddle-numbness"]
        let banner = "!! URGENT: SEEK EMERGENCY CARE NOW\n"
        let long = String(repeating: "a", count: 5000)
        for (extra, stdin, status) in [
            (["--note", "-"], Optional(""), Int32(66)), (["--note", long], nil, 64), (["--pain", "6"], nil, 64),
            (["--red-flag", "bogus"], nil, 64), (["extra"], nil, 64),
        ] {
            let run = try expectRefused(saddle + extra, stdin: stdin, status: status, advice: "", error: "")
            #expect(run.stderr.components(separatedBy: banner).count == 2, "\(extra): \(run)")
            #expect(run.stderr.hasPrefix(String(repeating: "!", count: 78)), "\(extra): \(run)")
        }
        // Standard input closed, and a note that is not UTF-8, through the shell.
        let stderr = sandbox.directory + "/stderr"
        let command = "\"$JOURNAL\" " + saddle.joined(separator: " ")
        for (script, status) in [
            (command + " --note - <&-", Int32(66)), (command + " --note \"$(printf 'a\\377b')\"", 64),
        ] {
            let ran = try sandbox.shell(script + " 2>'\(stderr)'")
            let text = try String(contentsOfFile: stderr, encoding: .utf8)
            #expect(ran == status, "\(script): \(text)")
            #expect(text.components(separatedBy: banner).count == 2, "\(script): \(text)")
            #expect(text.hasPrefix(String(repeating: "!", count: 78)), "\(script): \(text)")
        }
        #expect(journalBytes() == nil)
    }

    /// On a file that is not a journal, the region line says the reason follows, and the refusal
    /// says it: the error once.
    @Test func aJournalThatCannotBeReadIsSaidOnceAfterTheAdvice() throws {
        try #require(FileManager.default.createFile(atPath: sandbox.database, contents: Data("not a journal\n".utf8)))
        let run = try expectRefused(
            ["checkin", "--pain", "4", "--red-flag", "chest-pain"], status: 65,
            advice: "journal: could not read the journal's region setting (the reason follows); using the "
                + "environment's.\n" + Self.emergency, error: "journal: ")
        #expect(run.stderr.components(separatedBy: "is not a journal").count == 2, "\(run)")
        // Refused for a word too many, the line gives the reason itself, which nothing else says.
        let usage = try expectRefused(
            ["checkin", "--pain", "4", "--red-flag", "chest-pain", "extra"], status: 64,
            advice: "journal: could not read the journal's region setting (", error: "")
        #expect(usage.stderr.components(separatedBy: "is not a journal").count == 2, "\(usage)")
        #expect(!usage.stderr.contains("region setting (the reason follows)"), "\(usage)")
    }

    /// An empty journal file (0 bytes) stays 0 bytes: `checkin` reads it as no journal yet,
    /// `checkins edit` refuses it (66), both after the advice.
    @Test func anEmptyJournalFileStaysEmptyAfterTheAdvice() throws {
        try #require(FileManager.default.createFile(atPath: sandbox.database, contents: Data()))
        try expectRefused(
            ["checkin", "--pain", "4", "--red-flag", "chest-pain", "--foo"], status: 64,
            advice: Self.named(Self.emergency),
            error: Self.unknownOption)
        try expectRefused(
            ["checkins", "edit", "1", "--red-flag", "chest-pain"], status: 66, advice: Self.named(Self.emergency),
            error: "journal: cannot read \(sandbox.database): it is an empty file (0 bytes) and holds no journal")
        #expect(journalBytes() == Data())
    }

    @Test func whileAnotherProgramHoldsTheLockTheAdviceIsToldOnce() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "today 08:00")
        let run = try sandbox.whileLocked("EXCLUSIVE", busyTimeout: "0") {
            try expectRefused(
                ["checkin", "--pain", "4", "--red-flag", "chest-pain"], status: 75, advice: "", error: "")
        }
        #expect(AdviceStorageCommandTests.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
        #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
        #expect(run.stderr.contains("nothing was saved"), "\(run)")
    }

    /// On a read-only disk the region is read from the journal as an unchanging file; a usage
    /// error there, and the storage refusal itself, each tell the advice once, before the error.
    @Test func onAReadOnlyDiskEachRefusalTellsTheAdviceOnce() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try sandbox.change("checkin", "--pain", "2", "--at", "today 08:00")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }
            try expectRefused(
                ["checkin", "--pain", "4", "--red-flag", "chest-pain", "--foo"], status: 64,
                advice: Self.named(Self.emergency),
                error: Self.unknownOption)
            try expectRefused(
                ["checkins", "edit", "1", "--red-flag", "fever", "--at", "garbage"], status: 64,
                advice: Self.named(Self.sameDay),
                error: "journal: cannot use \"garbage\" as a date")
            let run = try expectRefused(
                ["checkin", "--pain", "4", "--red-flag", "chest-pain"], status: 77, advice: Self.emergency, error: "")
            #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
        }
    }

    @Test func aRefusedCheckInEditStillSaysTheAdviceOfTheRedFlagsNamed() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "today 08:00")
        try expectRefused(
            ["checkins", "edit", "1", "--red-flag", "fever", "--no-red-flags"], status: 64,
            advice: Self.named(Self.sameDay),
            error: "Error: Give --red-flag or --no-red-flags, not both.\n")
        try expectRefused(
            ["checkins", "edit", "1", "--red-flag", "chest-pain", "--at", "garbage"], status: 64,
            advice: Self.named(Self.emergency), error: "journal: cannot use \"garbage\" as a date")
        try expectRefused(
            ["checkins", "edit", "1", "--red-flag", "chest-pain", "--red-flag", "bogus"], status: 64,
            advice: Self.named(Self.emergency), error: "Error: The value 'bogus' is invalid for '--red-flag <id>'")
        try expectRefused(
            ["checkins", "edit", "9", "--red-flag", "chest-pain", "--json"], status: 65,
            advice: Self.named(Self.emergency),
            error: "journal: no check-in has id 9")
        #expect(try sandbox.sql("SELECT count(*) FROM checkin_red_flags") == "0\n")
    }

    /// `log`'s STOP needs the exercise and both pains, never the journal's history: a refused log
    /// whose typed session shows a rise says it first; one that does not name both pains, or an
    /// exercise journal knows, says nothing it cannot know.
    @Test func aRefusedLogStillSaysItsStopWhenTheTypedSessionShowsIt() throws {
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
        try expectRefused(
            ["log", "glute-bridge", "--pain-before", "2", "--pain-after", "5", "--foo"], status: 64,
            advice: Self.stop, error: Self.unknownOption)
        try expectRefused(
            ["log", "glute-bridge", "--pain-before=2", "--pain-after", "5", "--at", "garbage", "--json"], status: 64,
            advice: Self.stop, error: "journal: cannot use \"garbage\" as a date")
        try expectRefused(
            ["log", "glute-bridge", "--pain-before", "2", "--pain-after", "5", "--sets", "99"], status: 64,
            advice: Self.stop, error: "Error: The value '99' is invalid for '--sets <n>'")
        for arguments in [
            ["log", "glute-bridg", "--pain-before", "2", "--pain-after", "5"],
            ["log", "glute-bridge", "--pain-after", "5", "--foo"],
            ["log", "glute-bridge", "--pain-before", "11", "--pain-after", "5"],
            ["log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--foo"],
        ] {
            let run = try expectRefused(arguments, status: 64, advice: "", error: "")
            #expect(!run.stderr.contains("STOP"), "\(arguments): \(run)")
        }
        #expect(try sandbox.entryCount() == 1)
    }
}
