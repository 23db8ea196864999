import Foundation

/// Everything that can go wrong in the journal library, one full sentence per case.
///
/// The library throws these; the command-line tool prints ``description`` and
/// chooses the exit status. Every value a message echoes (text someone typed, a path, a cell
/// of an import) is stripped of terminal control characters there (``Swift/String/terminalSafe``).
///
/// ```swift
/// do { _ = try PainLevel(parsing: "11", field: "pain before") }
/// catch let error as JournalError { print(error) }
/// // pain before must be a whole number from 0 (no pain) to 10 (worst imaginable); got "11".
/// ```
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A pain reading that is not a whole number from 0 to 10.
    case invalidPain(field: String, text: String)
    /// A value a new entry needs and was not given.
    case missingValue(String)
    /// A number (sets, reps, hold) that is not a whole number within its bounds; `instead`, a
    /// sentence saying what to type when the text reads as something else (`3x10`).
    case invalidNumber(field: String, text: String, range: ClosedRange<Int>, instead: String? = nil)
    /// An exercise id that is neither in the catalogue nor an alias; with the closest ids.
    case unknownExercise(String, suggestions: [String])
    /// A red-flag id that journal does not know.
    case unknownRedFlag(String)
    /// An older red-flag id that now names more than one flag; `reason` asks which one is meant.
    case retiredRedFlag(String, reason: String)
    /// An id for a new exercise that is not of the allowed form.
    case invalidExerciseID(String)
    /// A display name for a new exercise that is empty, too long or several lines.
    case invalidExerciseName(String)
    /// An exercise id, alias or name already taken.
    case exerciseExists(String)
    /// An id for a new exercise that is one of the person's own, archived (kept for its entries).
    case exerciseArchived(String, entries: Int)
    /// A display name for a new exercise that names an exercise already (its id given).
    case exerciseNameTaken(String, by: String)
    /// A built-in exercise cannot be removed.
    case cannotRemoveBuiltIn(String)
    /// A built-in exercise given to `journal exercises edit`.
    case cannotEditBuiltIn(String)
    /// An exercise that entries still use; `--force` archives it instead.
    case exerciseInUse(String, entries: Int)
    /// Nothing was changed: an exercise whose entries record a side cannot stop being one side at a time.
    case sidesInUse(String, entries: Int)
    /// Nothing was undone: undoing `journal exercises add` would remove an exercise that entries use.
    case addedExerciseInUse(String, entries: Int)
    /// Nothing was deleted: deleting needs confirmation.
    case confirmationNeeded(String)
    /// `--side` given for an exercise that is not done one side at a time.
    case sideNotApplicable(exercise: String)
    /// A PSFS activity that is empty, too long or holds control characters.
    case invalidActivity(String)
    /// A dose that `journal session` cannot read.
    case invalidDose(String)
    /// A PSFS score that is not a whole number from 0 to 10.
    case invalidScore(String)
    /// A sixth active PSFS activity.
    case tooManyActivities(limit: Int)
    /// No PSFS activity has this id.
    case activityNotFound(Int64)
    /// A PSFS activity that was retired (`journal psfs remove`) at `retiredAt` (at the offset of the refused rating).
    case activityRetired(id: Int64, activity: String, retiredAt: LocalDateTime)
    /// A PSFS rating dated on a day before its activity was added (`psfs add`, dated by `--at`):
    /// it would become the activity's baseline unseen; the two local days.
    case ratingBeforeActivity(id: Int64, activity: String, addedOn: LocalDate, ratedOn: LocalDate)
    /// A PSFS activity whose words match an active one's (case and spacing aside): its id and words.
    case activityExists(id: Int64, activity: String)
    /// A value that must be one of a few words (a format, say) and is not.
    case invalidChoice(field: String, text: String, choices: [String])
    /// A side other than left, right or both.
    case invalidSide(String)
    /// A note longer than the journal keeps, in Unicode code points (``Note``).
    case noteTooLong(characters: Int, limit: Int)
    /// A note the journal cannot keep as given: why (a NUL character, bytes that are not UTF-8).
    case invalidNote(String)
    /// An exercise's how-to text longer than a note can be (``Note``), in Unicode code points.
    case howToTooLong(characters: Int, limit: Int)
    /// An exercise's how-to text that cannot be kept.
    case invalidHowTo(String)
    /// A date or time that could not be read, or is ambiguous.
    case invalidDate(text: String, reason: String)
    /// A date or time later than now; `earlier`, when the day was named by a word that also names
    /// an earlier day (`monday 7pm` on a Monday at 10:00), what to type for that one
    /// (`for last Monday's, "last monday 7pm"`).
    case futureDate(text: String, resolved: String, earlier: String? = nil)
    /// A local time a daylight-saving change still to come will skip (`sunday 1:30` at 00:30 GMT
    /// on 2026-03-29 in London): the zone and the skipped time, `2026-03-29 01:30`.
    case skippedToCome(text: String, zone: String, skipped: String)
    /// A time a person may well have meant as just done that is still to come: a time alone within
    /// the next hour (`7pm` at 18:58), or a part of today at its fixed hour (`this morning` at 07:30),
    /// with what to type instead.
    case timeToCome(text: String, resolved: String, instead: String)
    /// A span after `report --last` that is not a number of days, weeks or months.
    case invalidSpan(String)
    /// A report period that ends before it starts or is too long.
    case invalidPeriod(from: String, to: String, maximumDays: Int)
    /// A row of an import that cannot be used; nothing was imported.
    case invalidImport(line: Int, problem: String)
    /// An input file that does not exist or cannot be opened.
    case noInput(path: String, reason: String)
    /// An input (a file to import or restore, a key or passphrase file) this user may not read:
    /// `reason` says why and what to do (``InputSource``); nothing was read from it.
    case unreadableInput(path: String, reason: String)
    /// An input larger than journal reads (`limit`, in bytes); nothing was read from it into the journal.
    case inputTooLarge(path: String, limit: Int)
    /// An output file that exists and may not be replaced.
    case outputExists(path: String)
    /// An output file that is the journal being read, or one of its files (``JournalFiles``):
    /// writing it would replace the journal.
    case outputIsJournal(path: String, journal: String)
    /// A backup's file that exists: a backup never replaces a file.
    case backupExists(path: String)
    /// A file to write (an `--output`, a backup) that cannot be created or written there, such as a folder.
    case cannotWriteFile(path: String, reason: String)
    /// A setting from the environment (`JOURNAL_BUSY_TIMEOUT`) outside what it accepts.
    case invalidSetting(name: String, text: String, expected: String)
    /// An encrypted file that is damaged, truncated, changed (its header MAC or a chunk does not
    /// authenticate) or not an age file at all; nothing was changed.
    case damagedEncryptedFile(path: String, reason: String)
    /// None of the keys given (identities, a passphrase) opens the encrypted file; nothing was changed.
    case wrongKey(path: String, reason: String)
    /// An encrypted file read without the kind of key it needs: a passphrase, else an identity.
    case keyNeeded(path: String, passphrase: Bool)
    /// A recipient, identity or key file that cannot be used, named by `source`.
    case invalidKey(source: String, reason: String)
    /// A passphrase file that others may read or change: refused, as ssh refuses such keys.
    case unsafePassphraseFile(path: String)
    /// An empty passphrase, or two that differ when typed twice.
    case invalidPassphrase(String, decrypting: Bool = false)
    /// A restore that would replace a journal, without `--force`.
    case journalExists(path: String)
    /// A file to restore that is not a journal this version can use; nothing was replaced.
    case notARestorableJournal(path: String, reason: String)
    /// Values journal never writes, put into the file from outside, that stop an export (an export
    /// must import again); nothing was exported.
    case storedValues([StoredValueProblem])
    /// A write that names an exercise of the person's own whose row is gone from the file
    /// (removed from outside with foreign keys off, or its id changed): nothing was saved.
    case exerciseRowMissing(StoredValueProblem)
    /// A write that would give a new record an id, while its alias table's id counter
    /// (`sqlite_sequence`, the row of `entry_ids`, `checkin_ids` …) was changed from outside: lowered
    /// below an id journal gave, so the id could be given again, or beyond the largest id journal
    /// gives. Nothing was saved.
    case idCounterChanged(StoredValueProblem)
    /// `journal undo` met, in what the latest change kept to undo it (the `change_*` tables),
    /// something journal never writes there, changed from outside: a copy that names a record
    /// still in the journal, a value the journal's own tables refuse, a kept journal that is not
    /// beside this one. Nothing was changed.
    case undoRecordDamaged(reason: String)
    /// `journal undo` of an edit (`kind` ``ChangeKind/edit`` or ``ChangeKind/checkInEdit``), a log
    /// (``ChangeKind/log``) or a check-in (``ChangeKind/checkIn``) whose record `id` is not as that
    /// change left it: changed from outside since, or its id given to another record, or (`merged`,
    /// the journal has merged changes from another device) changed on another device. Putting back
    /// what an edit replaced, or removing what a log added, would overwrite or remove what the change
    /// never wrote, so nothing was changed.
    case editedRecordChanged(ChangeKind, id: Int64, merged: Bool = false)
    /// `journal undo` of a change that added PSFS activity `id` (`activity`), which has `ratings`
    /// ratings the change did not add: recorded since on another device (`merged`) or put in from
    /// outside (ratings added here since were undone first). Removing the activity would remove
    /// them, so nothing was changed.
    case activityRatedSince(id: Int64, activity: String, ratings: Int, merged: Bool)
    /// `journal undo` of a change (`kind`) that names `record` #`id`, which the journal no longer
    /// holds, in a journal that merges other devices' changes: deleted there (or from outside)
    /// since. Undo would change nothing and mark the change undone, so nothing was changed.
    case recordDeletedSince(ChangeKind, record: String, id: Int64)
    /// `journal undo` of a change (`kind`: an import, a plan change, a change of an exercise of your
    /// own) after `journal sync` merged another device's changes: undo keeps nothing to compare
    /// what the change left with, so it could overwrite what the other device changed since.
    case mergedSince(ChangeKind)
    /// `journal undo` of `config set` or `unset` (`detail`) whose setting `name` is not as the change
    /// left it (`left`, `nil` when unset) but `now` (`nil` when unset): changed from outside since, or
    /// (`merged`) on another device. Putting back what the change replaced would overwrite what it
    /// never wrote, so nothing was changed.
    case changedSettingChanged(detail: String, name: String, left: String?, now: String?, merged: Bool = false)
    /// No entry has this id.
    case entryNotFound(Int64)
    /// No check-in has this id.
    case checkInNotFound(Int64)

    /// The journal's schema holds objects journal did not make (a trigger, a view, an index, a table),
    /// or one of its own made otherwise or gone, put there from outside: each is named with the
    /// `sqlite3` command that removes it or puts journal's back. No change is made while they stand,
    /// and nothing is read from a table of journal's that is not journal's.
    case foreignSchema(path: String, differences: [SchemaDifference])
    /// The journal's record of its migrations (`grdb_migrations`) lacks rows, removed from outside,
    /// though the journal holds what those migrations make: no change is made until they are back.
    case migrationRecordMissing(path: String, identifiers: [String])
    /// The file exists but is not a journal database (another program's file, or not SQLite at all).
    case notAJournal(path: String)
    /// The file looks like a journal but SQLite reports it damaged.
    case corruptDatabase(path: String)
    /// The journal was written by a newer version of this tool.
    case newerDatabase(path: String)
    /// Another process kept the journal locked past the busy timeout.
    case databaseLocked(path: String)
    /// The file or its folder cannot be read or written by this user.
    case permissionDenied(path: String)
    /// The journal's folder or file cannot be created.
    case cannotCreate(path: String, reason: String)
    /// Reading or writing failed (disk full, I/O error).
    case io(path: String, reason: String)
    /// The journal's write-ahead log holds changes the file lacks, and SQLite cannot make the `-shm`
    /// file it needs to read them: the disk is full, the folder is not writable, or the file system
    /// is mounted read-only (`cause`).
    case walUnreadable(path: String, cause: ReadOnlyCause)
    /// Neither `--db`, `JOURNAL_DB`, `XDG_DATA_HOME` nor `HOME` says where the journal lives.
    case noDatabaseLocation
    /// `$TZ` holds what is neither a zone name nor a fixed offset (``ClockZone``): a POSIX
    /// daylight-saving rule, or a name no zone has.
    case unreadableTimeZone(String)
    /// A change the journal's sync cannot carry (``SyncRecording``): it would write again a record
    /// deleted here or on another device, or its clock reading is not later than what was merged.
    case syncCannotRecord(reason: String)

    /// The reason ``io(path:reason:)`` gives when the disk holding the journal is full.
    public static let diskFull = "the disk is full"

    /// Whether this is a failure to read or write because the disk is full.
    public var isDiskFull: Bool {
        if case .io(_, let reason) = self { return reason == Self.diskFull }
        return false
    }

    /// Why a record or setting undo would put back is no longer as the change left it: changed
    /// from outside, or, once the journal has merged another device's changes, on that device.
    private static func changedSince(_ merged: Bool) -> String {
        merged
            ? "changed since on another device and merged by `journal sync`, or from outside"
            : "changed from outside since"
    }

    /// The message, with every echoed value made safe to print on a terminal.
    ///
    /// A refused date or span keeps the line breaks of its examples (``DateInput/acceptedForms``,
    /// ``Period/acceptedSpans``); what was typed is still printed on one line.
    public var description: String {
        if case .invalidDate(let text, let reason) = self {
            return "cannot use \"\(text.terminalSafe)\" as a date: \(reason.terminalSafeLines)"
        }
        if case .invalidSpan(let text) = self, Period.spanParts(text) == nil {
            return "cannot report the last \"\(text.terminalSafe)\": \(Period.acceptedSpans.terminalSafeLines)"
        }
        return message.terminalSafe
    }

    /// The message as the command `command` (`checkin`, `psfs rate`) prints it.
    ///
    /// The same, except that a time still to come says what that command records
    /// (``onlyWhatHasHappened(command:)``) rather than the journal's, and a time still to come for
    /// what to type instead (``timeToCome(text:resolved:instead:)``) ends with it too. A command
    /// that records no moment (`report`, `export`, `plan set`) prints ``description``.
    public func description(command: String) -> String {
        switch self {
        case .futureDate, .skippedToCome, .timeToCome: futureMessage(command: command).terminalSafe
        default: description
        }
    }

    /// The end of every refusal of a time still to come, naming the command run when known.
    ///
    /// "journal checkin records only what has already happened."
    public static func onlyWhatHasHappened(command: String?) -> String {
        "journal\(command.flatMap { $0.isEmpty ? nil : " " + $0 } ?? "") records only what has already happened."
    }

    /// A time still to come (``futureDate(text:resolved:earlier:)``, ``skippedToCome(text:zone:skipped:)``,
    /// and, with `command`, ``timeToCome(text:resolved:instead:)``), ending with what `command`
    /// records; any other case, its message.
    private func futureMessage(command: String?) -> String {
        switch self {
        case .futureDate(let text, let resolved, let earlier):
            return "\"\(text)\" is \(resolved), which is in the future; \(earlier.map { $0 + "; " } ?? "")"
                + Self.onlyWhatHasHappened(command: command)
        case .skippedToCome(let text, let zone, let skipped):
            return "cannot use \"\(text)\" as a date: the clocks in \(zone) skipped \(skipped) (a daylight-saving "
                + "change), and that change is still to come; " + Self.onlyWhatHasHappened(command: command)
        case .timeToCome where command != nil:
            return message + " " + Self.onlyWhatHasHappened(command: command)
        default:
            return message
        }
    }

    /// The refusal of an output file (a backup, an export, a report) at `path` that could not be
    /// made, `open` having failed with `number`, exit 73, saying why in words: a missing folder, a
    /// file in the path, a folder not writable or not to be entered, a read-only mount.
    ///
    /// ```swift
    /// JournalError.cannotWriteFile("out/r.txt", errno: ENOENT)
    /// // .cannotWriteFile(path: "out/r.txt", reason: "its folder out does not exist; make it first (`mkdir -p out`)")
    /// ```
    public static func cannotWriteFile(_ path: String, errno number: Int32) -> JournalError {
        let folder = PathName.openableFolder(of: path)
        let reason: String
        switch number {
        case ENOENT where !ReadOnlyCause.isOnReadOnlyFileSystem(folder):
            reason = "its folder \(folder) does not exist; make it first (`mkdir -p \(folder)`) or choose another"
        case ENOTDIR:
            reason =
                UnusablePath.fileInPath(path).map { "\($0) is a file, not a folder" }
                ?? String(cString: strerror(number))
        case EACCES, EPERM:
            reason = ReadOnlyCause.barringFolder(of: path)?.outputReason ?? String(cString: strerror(number))
        case EROFS: reason = ReadOnlyCause.readOnlyMount.reason
        default: reason = String(cString: strerror(number))
        }
        return .cannotWriteFile(path: path, reason: reason)
    }

    /// Where a command that acts only on an exercise already there (`plan remove`, `exercises
    /// show`, `exercises edit`, `exercises remove`, `resume`) finds those it takes.
    public enum ExistingExercises: Sendable {
        /// The exercises in the plan, which `journal plan` lists.
        case planned
        /// Every exercise there is, built in or one's own, which `journal exercises` lists.
        case known
    }

    /// The message as a command that acts only on an exercise already there prints it: an unknown
    /// exercise with no id near it names the command that lists those the command takes, never
    /// `journal exercises add`, since adding one gives nothing to remove, show or resume; with near
    /// ids, and for every other error, ``description``.
    ///
    /// ```swift
    /// JournalError.unknownExercise("nothing", suggestions: []).description(actingOn: .planned)
    /// // "unknown exercise \"nothing\"; `journal plan` lists the exercises in your plan."
    /// ```
    public func description(actingOn existing: ExistingExercises) -> String {
        guard case .unknownExercise(let id, let suggestions) = self, suggestions.isEmpty else { return description }
        let listed =
            switch existing {
            case .planned: "`journal plan` lists the exercises in your plan"
            case .known: "`journal exercises` lists the ones there are"
            }
        return "unknown exercise \"\(id)\"; \(listed).".terminalSafe
    }

    /// The message for a command that only reads the journal (`check`, `today`): the same, except
    /// that a storage failure does not say that nothing was saved, since nothing was to be.
    public var descriptionForReading: String {
        switch self {
        case .databaseLocked, .permissionDenied, .io, .walUnreadable, .foreignSchema, .migrationRecordMissing:
            storageMessage(saving: false).terminalSafe
        default: description
        }
    }

    /// How a note's or a how-to text's length is counted, said when one is too long.
    private static let codePoints =
        "(Unicode code points: an accent typed as a separate mark, or each part of a combined emoji, counts as one)"

    /// The message of a storage failure; `saving` adds that nothing was saved.
    private func storageMessage(saving: Bool) -> String {
        let unsaved = saving ? "; nothing was saved" : ""
        switch self {
        case .databaseLocked(let path):
            return "\(path) stayed locked by another program for too long\(unsaved). Try again in a moment."
        case .permissionDenied(let path) where ReadOnlyCause.isOnReadOnlyFileSystem(path):
            // A journal whose -wal holds changes is copied with it: the file alone would lack them.
            let files =
                JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") != nil
                ? ReadOnlyCause.journalCopy(of: path)
                : "the file to a writable place (a journal: pass the copy with --db)"
            let cause = ReadOnlyCause.readOnlyMount
            return "cannot write to \(path): \(cause.reason)\(unsaved). \(cause.remedy(copying: files))"
        case .permissionDenied(let path):
            if let mode = FilePermissions.readOnlyMode(of: path) {
                return
                    "cannot write to \(path): its mode is 0\(String(mode, radix: 8)), which lets no one write it, so "
                    + "journal leaves it as it is\(unsaved). It is still read as it is. To write to it again, make it "
                    + "writable: `chmod 600 \(path)`."
            }
            if let folder = ReadOnlyCause.barringFolder(of: path) {
                return "cannot \(saving ? "write to" : "read") \(path): \(folder.reason)\(unsaved). \(folder.remedy)"
            }
            return "permission denied for \(path)\(unsaved). "
                + ReadOnlyCause.file(folderToo: false).remedy(copying: "")
        case .io(let path, let reason):
            let advice = isDiskFull ? " " + ReadOnlyCause.diskFull.remedy(copying: "") : ""
            return "could not read or write \(path): \(reason)\(unsaved).\(advice)"
        case .walUnreadable(let path, let cause):
            let file = PathName.lastComponent(of: path)
            return "\(path)'s write-ahead log (\(file)-wal) holds changes not yet in the file, and SQLite cannot "
                + "make the \(file)-shm it needs to read them: \(cause.reason); nothing is shown rather than the "
                + "journal without those changes\(unsaved). \(cause.remedy(copying: ReadOnlyCause.journalCopy(of: path)))"
        case .foreignSchema(let path, let differences):
            let unreadable = differences.contains(where: \.isJournalTable)
            let named = differences.map { $0.sentence(at: path, swapped: unreadable) }.joined(separator: "; ")
            return "\(path) holds what journal did not make, put in from outside, which could act on what it stores: "
                + "\(named). journal changes nothing in it\(unreadable ? " and shows nothing from it" : "") "
                + "while this stands\(unsaved)."
        case .migrationRecordMissing(let path, let identifiers):
            let rows = identifiers.map { "('\($0)')" }.joined(separator: ", ")
            let command = SchemaDifference.shellWord("INSERT INTO grdb_migrations VALUES \(rows)", quoted: true)
            return "\(path)'s record of its migrations (grdb_migrations) lacks "
                + "\(identifiers.joined(separator: ", ")), removed from outside, though the journal holds what "
                + "\(identifiers.count == 1 ? "it makes" : "they make")\(unsaved). "
                + "`sqlite3 \(SchemaDifference.shellWord(path)) \(command)` puts \(identifiers.count == 1 ? "it" : "them") back."
        default:
            return message
        }
    }

    private var message: String {
        switch self {
        case .invalidPain(let field, let text):
            return "\(field) must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"\(text)\"."
        case .missingValue(let field):
            return "\(field) is required: give it as a whole number from 0 to 10."
        case .invalidNumber(let field, let text, let range, let instead):
            return "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \"\(text)\"."
                + (instead.map { " " + $0 } ?? "")
        case .unknownExercise(let id, let suggestions):
            let quoted = suggestions.map { "\"\($0)\"" }
            switch quoted.count {
            case 0:
                let named =
                    (try? Exercise.custom(id: id, name: "n", category: .stretch, perSide: false, measure: .reps))
                return "unknown exercise \"\(id)\"; `journal exercises` lists the ones you can log, and "
                    + "`journal exercises add \(named?.id ?? "ID") --name … --category CATEGORY --how-to …` adds one of your own "
                    + "(CATEGORY stability, stretch or self-treatment; add --hold for one held rather than repeated, "
                    + "--sides for one done a side at a time)."
            case 1:
                return "unknown exercise \"\(id)\"; did you mean \(quoted[0])?"
            default:
                return "unknown exercise \"\(id)\"; did you mean "
                    + quoted.dropLast().joined(separator: ", ") + " or \(quoted[quoted.count - 1])?"
            }
        case .retiredRedFlag(_, let reason):
            return reason
        case .unknownRedFlag(let text):
            return "unknown red flag \"\(text)\"; `journal safety --red-flags` lists the ids: "
                + RedFlag.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .invalidExerciseID(let id):
            return "\"\(id)\" cannot be an exercise id: use 2 to 40 lower-case letters, digits and dashes, "
                + "starting with a letter, such as wall-squat."
        case .invalidExerciseName(let name):
            let why = Exercise.refusal(ofName: name).map { "\($0); " } ?? ""
            return "\"\(name)\" cannot be an exercise name: \(why)use 1 to \(Exercise.maximumNameLength) characters "
                + "on one line, with no control characters."
        case .exerciseExists(let id):
            return "an exercise called \"\(id)\" already exists; choose another id (`journal exercises` lists them)."
        case .exerciseArchived(let id, let entries):
            return "\(id) is an exercise of your own, archived: `journal exercises remove \(id) --force` kept it for "
                + "its \(Wording.count(entries, "entry", "entries")), whose history stays, and it can no longer be "
                + "logged or added again. Add it under another id; or, if removing it was one of your latest "
                + "\(ChangeLog.depth) changes, `journal undo` brings it back."
        case .exerciseNameTaken(let name, let id):
            return "the name \"\(name)\" already names the exercise \(id); choose another name."
        case .cannotEditBuiltIn(let id):
            return "\(id) is part of the built-in catalogue and cannot be changed; only exercises you added can."
        case .cannotRemoveBuiltIn(let id):
            return "\(id) is part of the built-in catalogue and cannot be removed; only exercises you added can."
        case .exerciseInUse(let id, let entries):
            return "\(Wording.count(entries, "entry uses", "entries use")) \(id), so it was not removed; "
                + "pass --force to archive it instead (its entries stay, and it can no longer be logged)."
        case .sidesInUse(let id, let entries):
            return "\(Wording.count(entries, "entry of \(id) records", "entries of \(id) record")) a side, so it "
                + "stays one side at a time (nothing was changed). For a version done with both sides at once, add a new "
                + "exercise (`journal exercises add`); `journal exercises remove \(id) --force` archives this one with its "
                + "entries."
        case .addedExerciseInUse(let id, let entries):
            return "\(Wording.count(entries, "entry uses", "entries use")) \(id), so undo cannot take back adding "
                + "it (nothing was undone). `journal exercises remove \(id) --force` archives it, keeping its entries."
        case .confirmationNeeded(let what):
            return
                "\(what) needs confirmation: pass --yes (standard input is not a terminal to ask on). Nothing was deleted."
        case .sideNotApplicable(let exercise):
            return "\(exercise) is done with both sides at once, so it takes no --side; leave --side out."
        case .invalidActivity(let text):
            return "\"\(text)\" cannot be an activity: describe it in 1 to \(PSFSActivity.maximumLength) characters "
                + "on one line, such as \"putting on socks\"."
        case .invalidDose(let text):
            return "cannot read the dose \"\(text)\": \(DoseInput.forms)."
        case .invalidScore(let text):
            return "score must be a whole number from 0 (unable to do it) to 10 (able to do it as before the "
                + "problem); got \"\(text)\"."
        case .tooManyActivities(let limit):
            return "you already rate \(limit) activities, the most the scale asks for; retire one first "
                + "with `journal psfs remove ID`."
        case .activityNotFound(let id):
            return "no activity has id \(id); `journal psfs` shows the ids."
        case .activityRetired(let id, let activity, let retiredAt):
            return "activity #\(id), \"\(activity)\", was retired on \(Wording.time(retiredAt)) and is no longer "
                + "rated; `journal undo` brings it back if retiring it was the latest change, or "
                + "`journal psfs add` adds it again to rate."
        case .ratingBeforeActivity(let id, let activity, let addedOn, let ratedOn):
            return "the rating is dated \(ratedOn.iso8601), before activity #\(id), \"\(activity)\", was added on "
                + "\(addedOn.iso8601), and would become its baseline; rate it on \(addedOn.iso8601) or later. For an "
                + "earlier baseline, add the activity dated back (`journal psfs add TEXT --at \(ratedOn.iso8601)`; "
                + "`journal undo` takes this one off if adding it was the latest change)."
        case .activityExists(let id, let activity):
            return "you already rate \"\(activity)\" as activity #\(id); rate it with `journal psfs rate \(id) SCORE`, "
                + "or add another activity."
        case .invalidChoice(let field, let text, let choices):
            let listed =
                choices.count > 1
                ? choices.dropLast().joined(separator: ", ") + " or " + choices[choices.count - 1] : choices.joined()
            return "\(field) must be \(listed); got \"\(text)\"."
        case .invalidSide(let text):
            return "side must be left, right or both; got \"\(text)\"."
        case .noteTooLong(let characters, let limit):
            return "the note has \(characters) characters \(Self.codePoints); a note can hold at most \(limit)."
        case .invalidNote(let reason):
            return "the note cannot be saved: \(reason)."
        case .howToTooLong(let characters, let limit):
            return "the how-to text has \(characters) characters \(Self.codePoints); it can hold at most \(limit)."
        case .invalidHowTo(let reason):
            return "the how-to text cannot be saved: \(reason)."
        case .invalidDate(let text, let reason):
            return "cannot use \"\(text)\" as a date: \(reason)"
        case .futureDate, .skippedToCome:
            return futureMessage(command: nil)
        case .timeToCome(let text, let resolved, let instead):
            return "\"\(text)\" is \(resolved), still to come: \(instead)"
        case .invalidSpan(let text):
            // The one reason that applies: no days at all, too many, or not a span.
            if let (count, length, unit) = Period.spanParts(text) {
                if count < 1 {
                    return "cannot report the last \"\(text)\": a period needs at least one day; "
                        + "give a number from 1, such as 1d (today) or 1w (the 7 days ending today)."
                }
                if count > Period.maximumDays / length {
                    return "cannot report the last \"\(text)\": that is more than the \(Period.maximumDays) days "
                        + "one report covers; give at most \(Period.maximumDays / length)\(unit)."
                }
            }
            return "cannot report the last \"\(text)\": \(Period.acceptedSpans)"
        case .invalidPeriod(let from, let to, let maximumDays):
            // The one reason that applies: the days in the wrong order, or too many of them.
            guard let first = LocalDate(iso8601: from), let last = LocalDate(iso8601: to), first <= last else {
                return
                    "cannot report from \(from) to \(to): the first day is after the last; give them the other way round."
            }
            let days = last.daysSinceEpoch - first.daysSinceEpoch + 1
            return "cannot report from \(from) to \(to): that is \(days) days, "
                + "and a report covers at most \(maximumDays) days."
        case .invalidImport(let line, let problem):
            return "line \(line): \(problem) Nothing was imported."
        case .unreadableInput(let path, let reason):
            return "cannot read \(path): \(reason). Nothing was changed."
        case .noInput(let path, let reason):
            return "cannot read \(path): \(reason)."
        case .inputTooLarge(let path, let limit):
            let size = limit % (1 << 30) == 0 ? "\(limit >> 30) GiB" : "\(limit >> 20) MiB"
            return "\(path) is larger than \(size), more than journal imports (a full export of "
                + "100,000 entries takes about 20 MiB). Nothing was imported."
        case .outputExists(let path):
            return "\(path) already exists; pass --force to replace it, or choose another --output."
        case .outputIsJournal(let path, let journal):
            return "\(path) is the journal \(journal), or one of its files (its -wal, -shm or -journal, or a copy "
                + "kept before a restore); writing there would replace the journal. Nothing was written; choose "
                + "another --output (for `journal backup`, another FILE)."
        case .backupExists(let path):
            return "\(path) already exists, and a backup never replaces a file; name another file, "
                + "or leave the file out for a new name beside the journal."
        case .cannotWriteFile(let path, let reason):
            return "cannot write \(path): \(reason); nothing was written there."
        case .invalidSetting(let name, let text, let expected):
            return "\(name) must be \(expected); got \"\(text)\"."
        case .damagedEncryptedFile(let path, let reason):
            return "cannot decrypt \(path): \(reason). Nothing was changed."
        case .wrongKey(let path, let reason):
            return "cannot decrypt \(path): \(reason). Nothing was changed; "
                + "try another --identity or --passphrase-file (or check the passphrase's spelling and keyboard layout)."
        case .keyNeeded(let path, let passphrase):
            return passphrase
                ? "\(path) is encrypted with a passphrase: run at a terminal to type it, or pass --passphrase-file FILE."
                : "\(path) is encrypted to an age key: pass --identity KEYFILE (the file age-keygen wrote)."
        case .invalidKey(let source, let reason):
            return "cannot use \(source): \(reason)."
        case .unsafePassphraseFile(let path):
            return "\(path) can be read or changed by other users, so its passphrase is not secret: "
                + "make it private with `chmod 600 \(path)` and try again."
        case .invalidPassphrase(let reason, let decrypting):
            return "\(reason); nothing was \(decrypting ? "changed" : "written")."
        case .journalExists(let path):
            return "\(path) already holds a journal; pass --force to replace it (a copy of it is kept beside it), "
                + "or restore elsewhere with --db."
        case .notARestorableJournal(let path, let reason):
            // A reason may be another error's sentence, full stop and all: one full stop between them.
            let sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
            return "\(path) cannot be restored: \(sentence). Nothing was replaced."
        case .storedValues(let problems):
            let more = problems.count > 1 ? " (and \(problems.count - 1) more: `journal check` lists them)" : ""
            return "the journal holds a value journal never writes, put in from outside, so an export of it would "
                + "not import again; nothing was exported. \(problems.first.map(String.init(describing:)) ?? "")\(more)"
        case .undoRecordDamaged(let reason):
            return "cannot undo the latest change: what it kept to undo it was changed from outside "
                + "(\(reason)), and journal never puts back what it did not keep; nothing was changed. "
                + "`journal check` shows the journal as it stands."
        case .idCounterChanged(let problem):
            return "the id counter of \(problem.row) was changed from outside, so journal cannot give a new row "
                + "an id it never gave; nothing was saved. \(problem)"
        case .exerciseRowMissing(let problem):
            return "\(problem.row) has no row in the journal's exercises, so nothing that names it can be saved; "
                + "nothing was saved. \(problem)"
        case .changedSettingChanged(let detail, let name, let left, let now, let merged):
            let said = { (value: String?) in value.map { "\(name) \($0)" } ?? "\(name) unset" }
            return "cannot undo the latest change, `journal \(detail)`: the journal holds \(said(now)), not "
                + "\(said(left)) as that change left it (\(Self.changedSince(merged))), and undo never overwrites "
                + "what the change did not write; nothing was changed. To change it by hand, "
                + "`journal config set \(name) VALUE` or `journal config unset \(name)`."
        case .mergedSince(let kind):
            let byHand =
                switch kind {
                case .plan: "`journal plan set` or `journal plan remove`"
                case .exercise: "`journal exercises edit` or `journal exercises remove`"
                default: "`journal delete` or `journal checkins delete` of the records it added"
                }
            return "cannot undo the latest change, \(kind.withArticle): another device's changes were merged by "
                + "`journal sync` since, and undo of \(kind.withArticle) could overwrite or remove what they changed; "
                + "nothing was changed. Make the change you want by hand (\(byHand))."
        case .recordDeletedSince(let kind, let record, let id):
            return
                "cannot undo the latest change, \(kind.withArticle): \(record) #\(id), which it changed, is no longer "
                + "in the journal (deleted since on another device and merged by `journal sync`, or from outside), so "
                + "undo has nothing to put back; nothing was changed. `journal list` shows the journal as it stands "
                + "(a record put back on another device has a new number here)."
        case .activityRatedSince(let id, let activity, let ratings, let merged):
            let counted = ratings == 1 ? "1 rating" : "\(ratings) ratings"
            return "cannot undo the latest change, which added PSFS activity #\(id) (\(activity)): it has "
                + "\(counted) the change did not add (\(merged ? "recorded since on another device and merged by `journal sync`, or put in from outside" : "put in from outside")), and undo never removes what the change did not write; nothing was changed. "
                + "To stop rating it, `journal psfs remove \(id)` (its ratings stay in the history)."
        case .editedRecordChanged(let kind, let id, let merged) where kind == .log || kind == .checkIn:
            let (record, change, delete, list) =
                kind == .checkIn
                ? ("check-in", "check-in", "journal checkins delete", "journal checkins")
                : ("entry", "log", "journal delete", "journal list")
            return "cannot undo the latest change, the \(change) of \(record) #\(id): #\(id) is no longer as the "
                + "\(change) left it (\(Self.changedSince(merged)), or its id given to another \(record)), and undo "
                + "never removes what the \(change) did not write; nothing was changed. To remove #\(id) as it "
                + "stands, `\(delete) \(id)` (`\(list)` shows it)."
        case .editedRecordChanged(let kind, let id, let merged):
            let (record, edit, list) =
                kind == .checkInEdit
                ? ("check-in", "journal checkins edit", "journal checkins") : ("entry", "journal edit", "journal list")
            return "cannot undo the latest change, the edit of \(record) #\(id): #\(id) is no longer as the edit "
                + "left it (\(Self.changedSince(merged)), or its id given to another \(record)), and undo never "
                + "overwrites what the edit did not write; nothing was changed. To change #\(id) back by hand, "
                + "`\(edit) \(id)` with the values it should have (`\(list)` shows it as it stands)."
        case .entryNotFound(let id):
            return "no entry has id \(id); `journal list` shows the ids."
        case .checkInNotFound(let id):
            return "no check-in has id \(id); `journal checkins` shows the ids."
        case .notAJournal(let path):
            return "\(path) is not a journal database (it is another kind of file); it was left unchanged. "
                + "Point --db or JOURNAL_DB at a journal, or at a new path to start one."
        case .foreignSchema, .migrationRecordMissing:
            return storageMessage(saving: true)
        case .corruptDatabase(let path):
            return "\(path) is damaged and cannot be read safely; it was left unchanged. "
                + "Keep a copy, then try `sqlite3 \(path) .recover` to rescue what it holds."
        case .newerDatabase(let path):
            return "\(path) was written by a newer version of journal; update journal to use it. It was left unchanged."
        case .databaseLocked, .permissionDenied:
            return storageMessage(saving: true)
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason). Choose another place with --db."
        case .io, .walUnreadable:
            return storageMessage(saving: true)
        case .noDatabaseLocation:
            return "cannot tell where the journal lives: HOME is not set. Pass --db PATH or set JOURNAL_DB."
        case .syncCannotRecord(let reason):
            return "this change cannot be synced, so it was not made: \(reason). Nothing was saved; "
                + "`journal sync` and docs/sync.md say more."
        case .unreadableTimeZone(let value):
            return "TZ holds \"\(value)\", which journal cannot read as a time zone: journal reads zone names such as "
                + "Europe/London (or :Europe/London) and fixed offsets such as EST+5, not daylight-saving rules such as "
                + "EST5EDT,M3.2.0,M11.1.0. Set TZ to your zone's name (TZ=America/Toronto), or unset it for the system's zone."
        }
    }
}
