import Foundation
import Testing

/// `journal sync` between devices whose clocks disagree, and the commands after it that read the
/// time: `resume` of a hold dated ahead of this device's clock, `restore` of a backup holding a
/// row merged from a device whose clock runs ahead, and `undo` of a change another device changed.
@Suite struct SyncAcrossClocksCommandTests {
    typealias Devices = SyncCommandTests.Devices

    /// Two devices, the first a day ahead (2026-11-26 12:00 against the sandbox's 2026-11-25 12:00,
    /// both on London's clock, +00:00 in November), with a rise logged on the first and merged by both.
    static func aRiseFromADayAhead() throws -> Devices {
        let devices = try Devices()
        devices[0].environment["JOURNAL_NOW"] = "2026-11-26T12:00:00+00:00"
        try devices[0].log("glute-bridge", "--pain-before", "3", "--pain-after", "6")
        try devices.join(0)
        let joined = try devices.join(1)
        // The sync that brought the hold says at once that its session is dated ahead of this clock.
        #expect(
            joined.stderr.replacingOccurrences(of: "\n", with: " ").contains(
                "Note: glute-bridge went on hold on session #1, dated 2026-11-26 12:00, which is after this device's "
                    + "clock;"), "\(joined)")
        return devices
    }

    @Test func aHoldDatedAheadOfThisDevicesClockSaysHowToCorrectTheSessionsTime() throws {
        let devices = try Self.aRiseFromADayAhead()
        #expect(try devices[1].run("check").status == 2)

        let refused = try devices[1].run("resume", "glute-bridge")
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stdout == "")
        #expect(
            refused.stderr
                == "journal: cannot use \"now\" as a date: glute-bridge went on hold on session #1, dated "
                + "2026-11-26 12:00, which is after this device's clock; a review answers only the sessions "
                + "before it. If the device that recorded it has its clock ahead, correct that session's time "
                + "with `journal edit 1 --at WHEN`, then run `journal resume glute-bridge`.\n")
        // Nothing was recorded: the hold stands.
        let still = try devices[1].run("check", "--json")
        #expect(still.status == 2, "\(still)")
        #expect(still.stdout.contains("\"exercise\" : \"glute-bridge\""), "\(still)")

        // The session's time corrected (an edit that syncs), the review lifts the hold on both devices.
        try devices[1].change("edit", "1", "--at", "11:00")
        try devices[1].change("resume", "glute-bridge")
        #expect(try devices[1].run("check").status == 0)
        try devices.sync(1)
        try devices.sync(0)
        let first = try devices[0].run("check")
        #expect(first.status == 0, "\(first)")
        #expect(try devices[0].run("list").stdout.contains("2026-11-25 11:00"))
    }

    @Test func aBackupHoldingARowFromAClockAheadIsRestored() throws {
        let devices = try Self.aRiseFromADayAhead()
        let backup = devices[1].directory + "/before.backup"
        try devices[1].change("backup", backup)
        try devices[1].log("bird-dog", "--pain-before", "2", "--pain-after", "2")

        let restored = try devices[1].run("restore", backup, "--force")
        #expect(restored.status == 0, "\(restored)")
        // The journal now in place does not sync (a sync set-up is never a backup's): said, with how to join again.
        #expect(
            restored.stderr.replacingOccurrences(of: "\n", with: " ").contains(
                "This journal no longer syncs through \(devices.folder): `journal sync init \(devices.folder)` joins it "
                    + "again"), "\(restored)")
        #expect(try devices[1].run("sync").status == 78)
        let list = try devices[1].run("list")
        #expect(list.stdout.contains("2026-11-26 12:00"), "\(list)")
        #expect(!list.stdout.contains("bird-dog"), "\(list)")
        // The hold it began stands, as in the backup.
        let check = try devices[1].run("check", "--json")
        #expect(check.status == 2, "\(check)")
        #expect(check.stdout.contains("\"exercise\" : \"glute-bridge\""), "\(check)")
    }

    @Test func aBackupHoldingARowDatedAfterItWasRecordedIsStillRefused() throws {
        // A row dated ahead of now and after its own recording is no row journal writes: a restore
        // refuses the backup, names the row, and replaces nothing.
        let sandbox = Sandbox()
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        let backup = sandbox.directory + "/forged.backup"
        try sandbox.change("backup", backup)
        let sqlite3 = try #require(which("sqlite3"))
        let forged = try execute(
            sqlite3, [backup, "UPDATE entries SET performed_at = performed_at + 86400"], environment: [:])
        try #require(forged.status == 0, "\(forged)")
        try sandbox.log("side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20")

        let refused = try sandbox.run("restore", backup, "--force")
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("dated ahead of now"), "\(refused)")
        #expect(refused.stderr.contains("Nothing was replaced."), "\(refused)")
        #expect(try sandbox.run("list").stdout.contains("side-plank"))
    }

    @Test func undoOfAChangeAnotherDeviceChangedSinceNamesTheOtherDevice() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        try devices.join(1)
        try devices[1].change("edit", "1", "--pain-after", "3")
        try devices.sync(1)
        try devices.sync(0)

        let refused = try devices[0].run("undo")
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr
                == "journal: cannot undo the latest change, the log of entry #1: #1 is no longer as the log left "
                + "it (changed since on another device and merged by `journal sync`, or from outside, or its id "
                + "given to another entry), and undo never removes what the log did not write; nothing was "
                + "changed. To remove #1 as it stands, `journal delete 1` (`journal list` shows it).\n")
        #expect(try devices[0].run("list").stdout.contains("2 → 3"))
    }
}

/// A journal file copied to a second device, and a sync killed once its file is placed: which of
/// this journal's next files are its own, and which a copy's to merge.
@Suite struct SyncCopiedJournalCommandTests {
    typealias Fleet = SyncConvergencePropertyTests.Fleet

    /// The copy and the original make a change each at the same clock reading.
    ///
    /// The same replica id, the same clock, the same moment. The copy syncs first, under the original's next number:
    /// the original must merge it as another device's (its red flag stands there too), never take
    /// it for its own (a tester: the original dropped its own log from sending and never had the
    /// copy's emergency red flag; its `check` said all clear).
    @Test func aCopysFileAtTheSameReadingIsMergedNotTakenForTheOriginals() throws {
        let fleet = try Fleet(offsets: [0, 0, 0], shared: true)
        try #require(try fleet.run(0, ["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"]).status == 0)
        try #require(try fleet.initialize(0).status == 0)
        try #require(try fleet.initialize(1).status == 0)
        // Device 3 is a copy of device 1's journal file (WAL checkpointed first, as a copy of a closed journal).
        let sqlite3 = try #require(which("sqlite3"))
        let checkpoint = try execute(
            sqlite3, [fleet.devices[0].database, "PRAGMA wal_checkpoint(TRUNCATE);"], environment: [:])
        try #require(checkpoint.status == 0, "\(checkpoint)")
        try FileManager.default.copyItem(atPath: fleet.devices[0].database, toPath: fleet.devices[2].database)
        fleet.clocks[2] = fleet.clocks[0]
        let flagged = try fleet.run(2, ["checkin", "--pain", "7", "--red-flag", "both-legs"])
        #expect(flagged.status == 0, "\(flagged)")
        try #require(try fleet.run(0, ["log", "glute-bridge", "--pain-before", "2", "--pain-after", "2"]).status == 0)

        let copy = try fleet.run(2, ["sync"])
        #expect(copy.status == 0, "\(copy)")
        let original = try fleet.run(0, ["sync"])
        #expect(original.status == 0, "\(original)")
        #expect(original.stdout.contains("Received 2 changes from 1 other device."), "\(original)")
        for round in 1...2 {
            for index in 0..<3 {
                fleet.clocks[index] += 60
                let run = try fleet.run(index, ["sync"])
                #expect(run.status == 0, "round \(round), device \(index + 1): \(run)")
            }
        }
        for index in 0..<3 {
            let check = try fleet.run(index, ["check"])
            #expect(check.status == 3, "device \(index + 1): \(check)")
            let list = try fleet.run(index, ["list"])
            #expect(list.stdout.contains("glute-bridge"), "device \(index + 1): \(list)")
        }
        let exports = try (0..<3).map { try fleet.run($0, ["export", "--all", "--no-aliases"]).stdout }
        #expect(exports[0] == exports[1] && exports[1] == exports[2])
    }

    /// A sync killed after placing its file leaves the change in the outbox; the next sync takes the
    /// file for its own (the same changes, byte for byte) and stays the same replica, sending nothing twice.
    @Test func aSyncKilledAfterPlacingItsFileIsFinishedAsTheSameReplica() throws {
        let fleet = try Fleet(offsets: [0, 0], shared: true)
        try #require(try fleet.initialize(0).status == 0)
        try #require(try fleet.initialize(1).status == 0)
        fleet.clocks[0] += 60
        try #require(try fleet.run(0, ["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"]).status == 0)
        let replica = try fleet.run(0, ["sync", "status"]).stdout.components(separatedBy: "\n").first ?? ""
        let child = try fleet.start(0, ["sync"], stopAt: "sync-file-placed")
        try #require(child.waitForStop())
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        for _ in 1...2 {
            fleet.clocks[0] += 60
            let run = try fleet.run(0, ["sync"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("Sent nothing new."), "\(run)")
        }
        #expect(try fleet.run(0, ["sync", "status"]).stdout.hasPrefix(replica + "\n"))
        #expect(try fleet.files(0).keys.filter { $0.hasSuffix(".jsync") }.count == 1)
        let other = try fleet.run(1, ["sync"])
        #expect(other.stdout.contains("Received 1 change from 1 other device."), "\(other)")
    }
}

/// `journal undo` on a journal that merges other devices' changes: it never removes or overwrites
/// what another device recorded since, and says so in those words.
@Suite struct SyncUndoCommandTests {
    typealias Devices = SyncCommandTests.Devices

    /// An activity added here and rated on another device: undoing the add would remove the rating
    /// with it (a tester: the rating another device was told was saved vanished on every device).
    @Test func undoOfAnActivityAnotherDeviceRatedRefuses() throws {
        let devices = try Devices.joined()
        try devices[0].change("psfs", "add", "putting on socks")
        try devices.sync(0)
        try devices.sync(1)
        try devices[1].change("psfs", "rate", "1", "4")
        try devices.sync(1)
        try devices.sync(0)

        let refused = try devices[0].run("undo")
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr
                == "journal: cannot undo the latest change, which added PSFS activity #1 (putting on socks): it has "
                + "1 rating the change did not add (recorded since on another device and merged by `journal sync`, "
                + "or put in from outside), and undo never removes what the change did not write; nothing was "
                + "changed. To stop rating it, `journal psfs remove 1` (its ratings stay in the history).\n")
        for index in 0..<2 {
            try devices.sync(index)
            let psfs = try devices[index].run("psfs", "--json")
            #expect(psfs.stdout.contains("putting on socks"), "device \(index + 1): \(psfs)")
            #expect(psfs.stdout.contains("\"score\" : 4"), "device \(index + 1): \(psfs)")
        }
    }

    /// An edit here of an entry another device deleted: the delete won, so undo of the edit has
    /// nothing to put back, and says the entry was deleted on another device (never "from outside").
    @Test func undoOfAnEditOfAnEntryDeletedElsewhereSaysSo() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        try devices.join(0)
        try devices.join(1)
        try devices[0].change("edit", "1", "--pain-after", "2")
        try devices[1].change("delete", "1", "--yes")
        try devices.sync(0)
        try devices.sync(1)
        try devices.sync(0)
        #expect(!(try devices[0].run("list").stdout.contains("bird-dog")))

        let refused = try devices[0].run("undo")
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr
                == "journal: cannot undo the latest change, an edit: entry #1, which it changed, is no longer in the "
                + "journal (deleted since on another device and merged by `journal sync`, or from outside), so undo "
                + "has nothing to put back; nothing was changed. `journal list` shows the journal as it stands (a "
                + "record put back on another device has a new number here).\n")
    }
}

/// Files that go missing, or turn into a sync tool's conflicting copy, and what each device then
/// tells; a record put back elsewhere is the same item standing.
@Suite struct SyncMissingFilesCommandTests {
    typealias Devices = SyncCommandTests.Devices

    /// A device's file missing while its later one is there (not brought yet, lost, hidden): the
    /// later one is refused by name, with the one it waits for, never passed over in silence (a
    /// tester: an emergency red flag in the later file sat unread while `check` said all clear).
    @Test func aMissingFileBeforeALaterOneIsNamed() throws {
        let devices = try Devices.joined()
        try devices[1].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(1)
        try devices[1].change("checkin", "--pain", "6", "--red-flag", "saddle-numbness")
        try devices.sync(1)
        let files = try devices.files()
        try #require(files.count == 2, "\(files)")
        let aside = devices[0].directory + "/aside.jsync"
        try FileManager.default.moveItem(atPath: devices.folder + "/" + files[0], toPath: aside)

        let waiting = try devices[0].run("sync")
        #expect(waiting.status == 65, "\(waiting)")
        #expect(
            waiting.stderr.contains(
                "refused \(files[1]) in the sync folder: the file before it, \(files[0]), is not in the folder"),
            "\(waiting)")

        try FileManager.default.moveItem(atPath: aside, toPath: devices.folder + "/" + files[0])
        try devices.sync(0)
        #expect(try devices[0].run("check").status == 3)
    }

    /// A journal file copied to a second device, each with its own copy of the folder.
    ///
    /// Both write their next file under the one name, and the sync tool keeps the original's under it and the
    /// copy's as a conflicting copy. The copy becomes a device of its own and merges the original's
    /// file (a tester: its rise never reached the copy, and the exports differed for good).
    @Test func aCopyWhoseFileLostItsNameMergesTheOriginals() throws {
        let devices = try Devices(count: 3)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        try devices.join(1)
        let sqlite3 = try #require(which("sqlite3"))
        let checkpoint = try execute(
            sqlite3, [devices[0].database, "PRAGMA wal_checkpoint(TRUNCATE);"], environment: [:])
        try #require(checkpoint.status == 0, "\(checkpoint)")
        try FileManager.default.copyItem(atPath: devices[0].database, toPath: devices[2].database)

        // The original sends a rise; the copy, not yet having it, sends its own under the same name.
        try devices[0].log("glute-bridge", "--pain-before", "2", "--pain-after", "7")
        try devices.sync(0)
        let named = try #require(try devices.files().last)
        let original = devices[0].directory + "/original.jsync"
        try FileManager.default.moveItem(atPath: devices.folder + "/" + named, toPath: original)
        try devices[2].log("side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20")
        try devices.sync(2)
        let conflict =
            devices.folder + "/"
            + named.replacingOccurrences(
                of: ".jsync", with: ".sync-conflict-20261125-120000-ABCDEFG.jsync")
        try FileManager.default.moveItem(atPath: devices.folder + "/" + named, toPath: conflict)
        try FileManager.default.moveItem(atPath: original, toPath: devices.folder + "/" + named)

        let copy = try devices[2].run("sync")
        #expect(copy.status == 65, "\(copy)")
        #expect(copy.stderr.contains("sync-conflict-20261125-120000-ABCDEFG.jsync"), "\(copy)")
        try FileManager.default.removeItem(atPath: conflict)
        try devices.syncAll()
        for index in 0..<3 {
            let check = try devices[index].run("check", "--json")
            #expect(check.status == 2, "device \(index + 1): \(check)")
            #expect(check.stdout.contains("\"exercise\" : \"glute-bridge\""), "device \(index + 1): \(check)")
            #expect(try devices[index].run("list").stdout.contains("side-plank"), "device \(index + 1)")
        }
        let exports = try (0..<3).map { try devices[$0].run("export", "--all", "--no-aliases").stdout }
        #expect(exports[0] == exports[1] && exports[1] == exports[2])
    }

    /// A red flag's check-in deleted and put back by undo on one device (under a new uid, so a new
    /// number on the other) still stands on the other, which says nothing changed in what stands
    /// (a tester: "Now standing" and "No longer standing" of one red flag in one sync).
    @Test func aRedFlagPutBackByUndoElsewhereIsTheSameRedFlag() throws {
        let devices = try Devices.joined()
        try devices[0].change("checkin", "--pain", "6", "--red-flag", "saddle-numbness")
        try devices.sync(0)
        try devices.sync(1)
        try devices[0].change("checkins", "delete", "1", "--yes")
        try devices.sync(0)
        try devices[0].change("undo")
        try devices.sync(0)

        let merged = try devices.sync(1)
        #expect(!merged.stderr.contains("No longer standing"), "\(merged)")
        #expect(!merged.stderr.contains("Now standing"), "\(merged)")
        #expect(try devices[1].run("check").status == 3)
    }
}

/// The fourth adversary pass: reviews recorded on a device that had not seen an edit, undo of
/// changes that keep nothing to compare, a device folder removed, and names sync tools give.
@Suite struct SyncReviewAndFolderCommandTests {
    typealias Devices = SyncCommandTests.Devices

    /// A red flag added by `checkins edit` here, and a doctor's visit recorded on another device
    /// that had not merged the edit: the visit never covers the added flag (a tester: the flag for
    /// emergency care was lifted on every device).
    @Test func aRedFlagAddedByAnEditIsNotCoveredByAVisitThatHadNotSeenIt() throws {
        let devices = try Devices.joined()
        try devices[0].change("checkin", "--pain", "2", "--red-flag", "fever")
        try devices.sync(0)
        try devices.sync(1)
        try devices[0].change("checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "saddle-numbness")
        try devices[1].change("resume", "--red-flags")
        try devices.syncAll()
        for index in 0..<2 {
            let check = try devices[index].run("check")
            #expect(check.status == 3, "device \(index + 1): \(check)")
            #expect(check.stdout.contains("genitals or buttocks"), "device \(index + 1): \(check)")
        }
    }

    /// The same for a session edited into a rise here while a review of its exercise is recorded on
    /// another device that had seen it before the edit: the hold stands on both.
    @Test func aRiseMadeByAnEditIsNotCoveredByAReviewThatHadNotSeenIt() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "7")
        try devices.join(0)
        try devices.join(1)
        try devices[0].change("edit", "1", "--pain-after", "8")
        try devices[1].change("resume", "bird-dog")
        try devices.syncAll()
        for index in 0..<2 {
            let check = try devices[index].run("check")
            #expect(check.status == 2, "device \(index + 1): \(check)")
        }
    }

    /// Undo of an import, a plan change or a change of an exercise of your own keeps nothing to
    /// compare what it left with: after another device's changes were merged it refuses (a tester:
    /// undo of an import removed an entry another device had edited into a rise, and its hold).
    @Test func undoOfAnImportOrAPlanChangeAfterAMergeRefuses() throws {
        let devices = try Devices.joined()
        let csv = devices[0].directory + "/one.csv"
        try Data(
            ("id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\n"
                + ",2026-11-25T09:00:00+00:00,superman,,1,,,2,2,0,false,\n").utf8
        ).write(to: URL(fileURLWithPath: csv))
        try devices[0].change("import", csv)
        try devices.sync(0)
        try devices.sync(1)
        try devices[1].change("edit", "1", "--pain-after", "6")
        try devices.sync(1)
        try devices.sync(0)

        let refused = try devices[0].run("undo")
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr
                == "journal: cannot undo the latest change, an import: another device's changes were merged by "
                + "`journal sync` since, and undo of an import could overwrite or remove what they changed; nothing "
                + "was changed. Make the change you want by hand (`journal delete` or `journal checkins delete` of "
                + "the records it added).\n")
        #expect(try devices[0].run("check").status == 2)

        try devices[0].change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        try devices.sync(0)
        try devices.sync(1)
        try devices[1].change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3")
        try devices.sync(1)
        try devices.sync(0)
        let plan = try devices[0].run("undo")
        #expect(plan.status == 65, "\(plan)")
        #expect(plan.stderr.contains("`journal plan set` or `journal plan remove`"), "\(plan)")
        let kept = try devices[0].run("plan", "--json")
        #expect(kept.stdout.contains("\"sets\" : 2"), "\(kept)")
        #expect(kept.stdout.contains("\"reps\" : 8"), "\(kept)")
    }

    /// A device whose folder was removed from the sync folder becomes a new device at its next
    /// sync and sends its records again, so a device joining later has them (a tester: its
    /// emergency red flag never reached a device that joined after).
    @Test func aDeviceWhoseFolderWasRemovedSendsItsRecordsAgain() throws {
        let devices = try Devices(count: 3)
        try devices.join(0)
        try devices[0].change("checkin", "--pain", "2", "--red-flag", "chest-pain")
        try devices.sync(0)
        for file in try devices.files() {
            try? FileManager.default.removeItem(atPath: devices.folder + "/" + String(file.prefix(32)))
        }
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let joined = try devices.join(2)
        #expect(joined.status == 0, "\(joined)")
        #expect(try devices[2].run("check").status == 3)
        #expect(try devices[2].run("list").stdout.contains("bird-dog"))
    }

    /// A review from another device lifts the hold it saw, and the later rise it had not seen holds
    /// again: the sync that brings the review never says that rise no longer stands (a tester: "No
    /// longer standing … bird-dog" while `check` said ON HOLD bird-dog).
    @Test func aRiseThatNowBeginsTheHoldIsNotSaidToBeLifted() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "10:00")
        try devices.join(0)
        try devices.join(1)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "11:00")
        try devices[1].change("resume", "bird-dog")
        try devices.sync(0)
        try devices.sync(1)
        let merged = try devices.sync(0)
        #expect(!merged.stderr.contains("No longer standing"), "\(merged)")
        let check = try devices[0].run("check")
        #expect(check.status == 2, "\(check)")
        #expect(check.stdout.contains("11:00"), "\(check)")
    }

    /// `sync init ""` (or blanks) names no folder: refused (64), never the current folder.
    @Test(arguments: ["", " "]) func anEmptyFolderPathIsRefused(path: String) throws {
        let sandbox = Sandbox()
        let run = try sandbox.run("sync", "init", path, "--passphrase-file", sandbox.directory + "/none")
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("the sync folder's path is empty"), "\(run)")
    }

    /// A folder inside a sync folder (a device's own folder there), or one holding the journal
    /// itself (which the sync tool would copy unencrypted), is refused (64), nothing changed.
    @Test func aFolderInsideASyncFolderOrHoldingTheJournalIsRefused() throws {
        let devices = try Devices(count: 3)
        try devices.join(0)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let inside = devices.folder + "/" + String(try #require(try devices.files().first).prefix(32))
        let nested = try devices[1].run(["sync", "init", inside] + devices.key(1))
        #expect(nested.status == 64, "\(nested)")
        #expect(
            nested.stderr.contains("cannot be the sync folder: it is inside the sync folder \(devices.folder)"),
            "\(nested)")
        #expect(try devices[1].run("sync", "status").status == 78)

        let holding = try devices[2].run(["sync", "init", devices[2].directory] + devices.key(2))
        #expect(holding.status == 64, "\(holding)")
        #expect(holding.stderr.contains("it holds the journal itself"), "\(holding)")
        #expect(!FileManager.default.fileExists(atPath: devices[2].directory + "/journal-sync-folder.age"))
        #expect(try devices.sync(0).status == 0)
    }

    /// A red flag added here to a check-in another device deleted meanwhile: the delete wins, and
    /// the sync that brings it says the flag no longer stands and how to record it again (a
    /// tester: the person who had just recorded an emergency symptom was told only "dropped").
    @Test func aRedFlagLostToADeleteElsewhereIsToldWithHowToRecordItAgain() throws {
        let devices = try Devices.joined()
        try devices[0].change("checkin", "--pain", "1", "--at", "06:00")
        try devices.sync(0)
        try devices.sync(1)
        try devices[0].change("checkins", "delete", "1", "--yes")
        try devices[1].change("checkins", "edit", "1", "--red-flag", "saddle-numbness")
        try devices.sync(1)
        try devices.sync(0)
        let merged = try devices.sync(1)
        let told = merged.stderr.replacingOccurrences(of: "\n", with: " ")
        #expect(told.contains("No longer standing, after the changes merged: You recorded numbness"), "\(merged)")
        #expect(
            told.contains(
                "If you still have it, record it again: `journal checkin --pain N --red-flag saddle-numbness`."),
            "\(merged)")
        #expect(try devices[1].run("check").status == 0)
    }

    /// An exercise of your own removed on one device while planned on another: after the merge it
    /// is taken off the plan on both, said as settled, and every screen reads as before (a tester:
    /// `check`, `today` and `report` exited 65 on both devices, naming a value "from outside").
    @Test func anExerciseRemovedWhilePlannedElsewhereComesOffThePlan() throws {
        let devices = try Devices.joined()
        try devices[0].change(
            "exercises", "add", "wall-sit", "--name", "Wall sit", "--category", "stability", "--how-to", "x")
        try devices.sync(0)
        try devices.sync(1)
        try devices[0].change("plan", "set", "wall-sit", "--sets", "2", "--reps", "5", "--per-week", "7")
        try devices[1].change("exercises", "remove", "wall-sit")
        try devices.sync(0)
        let settled = try devices.sync(1)
        #expect(
            settled.stdout.contains(
                "  settled: plan wall-sit: taken off the plan: wall-sit was removed on one device while planned on "
                    + "another, and journal plans only an exercise that can be logged\n"), "\(settled)")
        try devices.syncAll()
        for index in 0..<2 {
            for command in [["check"], ["today"], ["report", "--week"]] {
                let run = try devices[index].run(command)
                #expect(run.status == 0, "device \(index + 1), \(command): \(run)")
            }
            #expect(!(try devices[index].run("plan").stdout.contains("wall-sit")), "device \(index + 1)")
        }
        let exports = try (0..<2).map { try devices[$0].run("export", "--all", "--no-aliases").stdout }
        #expect(exports[0] == exports[1])
    }

    /// A sync folder without its id file (a sync tool that has not filled it yet, a drive not
    /// mounted on its mount point) is refused (74) before anything in the journal changes (a
    /// tester: the journal took a new replica id and queued everything to send again).
    @Test func aFolderWithoutItsIdFileChangesNothing() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let status = try devices[0].run("sync", "status", "--json")
        let filled = devices[0].directory + "/filled"
        try FileManager.default.moveItem(atPath: devices.folder, toPath: filled)
        try FileManager.default.createDirectory(atPath: devices.folder, withIntermediateDirectories: false)
        let run = try devices[0].run("sync")
        #expect(run.status == 74, "\(run)")
        #expect(run.stderr.contains("its id file journal-sync-folder.age is missing"), "\(run)")
        #expect(try devices[0].run("sync", "status", "--json").stdout == status.stdout)
        try FileManager.default.removeItem(atPath: devices.folder)
        try FileManager.default.moveItem(atPath: filled, toPath: devices.folder)
        let back = try devices.sync(0)
        #expect(back.stdout.contains("Sent nothing new. Received nothing new."), "\(back)")
    }

    /// Another sync folder at the same path (another drive on the mount point): refused before
    /// anything in the journal changes, never taken for this folder with this journal's files gone
    /// (a tester: the journal took a new replica id and queued every record to send again).
    @Test func anotherSyncFolderAtThePathChangesNothing() throws {
        let devices = try Devices.joined(3)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let status = try devices[0].run("sync", "status", "--json")
        let other = devices[2].directory + "/other"
        let made = try devices[2].run(["sync", "leave"])
        try #require(made.status == 0, "\(made)")
        try #require(try devices[2].run(["sync", "init", other] + devices.key(2)).status == 0)
        let real = devices[0].directory + "/real"
        try FileManager.default.moveItem(atPath: devices.folder, toPath: real)
        try FileManager.default.copyItem(atPath: other, toPath: devices.folder)
        let run = try devices[0].run("sync")
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("it names another sync folder"), "\(run)")
        #expect(try devices[0].run("sync", "status", "--json").stdout == status.stdout)
        try FileManager.default.removeItem(atPath: devices.folder)
        try FileManager.default.moveItem(atPath: real, toPath: devices.folder)
        #expect(try devices.sync(0).stdout.contains("Sent nothing new."))
    }

    /// This journal's next file taken by another (a replayed copy): the sync refuses it and says
    /// the changes made here wait to be sent, never "Sent nothing new".
    @Test func changesThatCannotBeSentAreSaidToWait() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let first = try #require(try devices.files().first)
        try FileManager.default.copyItem(
            atPath: devices.folder + "/" + first,
            toPath: devices.folder + "/" + first.replacingOccurrences(of: "000000000001", with: "000000000002"))
        try devices[0].log("glute-bridge", "--pain-before", "2", "--pain-after", "6")
        let run = try devices[0].run("sync", "--json")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.contains("\"unsent_changes\" : 1"), "\(run)")
        let words = try devices[0].run("sync")
        #expect(
            words.stdout.hasPrefix(
                "Sent nothing: 1 change made here waits to be sent (this journal's next file is refused, below)."),
            "\(words)")
    }

    /// A file in a device's folder that is not journal's (`desktop.ini`) is not read and refuses
    /// nothing: syncs go on with 0 (a tester: every sync on every device exited 65 for good).
    @Test func aFileThatIsNotJournalsIsPassedOver() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let replica = String(try #require(try devices.files().first).prefix(32))
        for name in ["desktop.ini", "000000000002.jsync.part"] {
            FileManager.default.createFile(atPath: devices.folder + "/\(replica)/\(name)", contents: Data([1]))
        }
        let run = try devices[1].run("sync")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Received 1 change from 1 other device."), "\(run)")
        #expect(try devices.sync(0).status == 0)
    }

    /// Syncthing's temporary file, while it copies one in, is not refused: the sync goes on.
    @Test func aSyncToolsTemporaryFileIsNotRefused() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.sync(0)
        let file = try #require(try devices.files().first)
        let temporary = devices.folder + "/" + String(file.prefix(32)) + "/~syncthing~000000000002.jsync.tmp"
        FileManager.default.createFile(atPath: temporary, contents: Data([1, 2, 3]))
        let run = try devices[1].run("sync")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Received 1 change from 1 other device."), "\(run)")
    }
}
