import Age
import Foundation
import Testing

/// `journal sync` end to end (issue #28): two or three devices, each its own journal, one folder.
@Suite struct SyncCommandTests {
    /// Devices sharing one sync folder, each with its own journal.
    ///
    /// Sealed to age keys (each device's identity, every device a recipient), except with
    /// `passphrase`: a passphrase costs scrypt's work factor 18 for each file sealed or read.
    final class Devices {
        let folder: String
        let passphrase: String
        let devices: [Sandbox]
        let usesPassphrase: Bool
        private let identities: [String]
        private let recipients: [String]

        init(count: Int = 2, passphrase: Bool = false) throws {
            devices = (0..<count).map { _ in Sandbox() }
            folder = devices[0].directory + "/sync"
            self.passphrase = devices[0].directory + "/passphrase"
            usesPassphrase = passphrase
            try Data("correct horse battery staple\n".utf8).write(to: URL(fileURLWithPath: self.passphrase))
            chmod(self.passphrase, 0o600)
            let keys = (0..<count).map { _ in AgeIdentity.generate() }
            recipients = keys.map(\.recipient.string)
            identities = zip(devices, keys).map { device, key in
                let path = device.directory + "/key.txt"
                FileManager.default.createFile(atPath: path, contents: Data((key.string + "\n").utf8))
                chmod(path, 0o600)
                return path
            }
        }

        subscript(index: Int) -> Sandbox { devices[index] }

        /// `count` devices, each joined to the folder in turn (`sync init`), nothing logged yet.
        static func joined(_ count: Int = 2) throws -> Devices {
            let devices = try Devices(count: count)
            for index in 0..<count { try devices.join(index) }
            return devices
        }

        /// Every device syncs in turn, `rounds` times: twice, so each has every other's changes.
        func syncAll(rounds: Int = 2) throws {
            for _ in 1...rounds {
                for index in devices.indices { try sync(index) }
            }
        }

        /// The options that give device `index` the folder's key at `sync init`.
        func key(_ index: Int) -> [String] {
            usesPassphrase
                ? ["--passphrase-file", passphrase]
                : recipients.flatMap { ["--recipient", $0] } + ["--identity", identities[index]]
        }

        /// `journal sync init FOLDER` with the folder's key on device `index`, required to succeed.
        @discardableResult
        func join(_ index: Int) throws -> Run {
            let run = try devices[index].run(["sync", "init", folder] + key(index))
            try #require(run.status == 0, "\(run)")
            return run
        }

        /// `journal sync` on device `index`, required to succeed.
        @discardableResult
        func sync(_ index: Int, _ more: String...) throws -> Run {
            let run = try devices[index].run(["sync"] + more)
            try #require(run.status == 0, "\(run)")
            return run
        }

        /// The files each replica wrote, by name relative to the folder.
        func files() throws -> [String] {
            let replicas = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.count == 32 }
            return try replicas.flatMap { replica in
                try FileManager.default.contentsOfDirectory(atPath: folder + "/" + replica).map { replica + "/" + $0 }
            }.sorted()
        }
    }

    @Test func aRiseLoggedOnOneDeviceHoldsOnTheOtherUntilAReviewAnywhere() throws {
        let devices = try Devices()
        try devices[0].log("glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10")
        let first = try devices.join(0)
        #expect(first.stdout.contains("This journal syncs through \(devices.folder)."), "\(first)")
        #expect(first.stdout.contains("Sent 1 change."), "\(first)")
        // The hold stood before the first sync and stands after it: neither begun nor lifted by it
        // (the first sync gives the journal's readings its replica id, and the hold stays the same).
        #expect(!first.stderr.contains("Now standing"), "\(first)")
        #expect(!first.stderr.contains("No longer standing"), "\(first)")
        let second = try devices.join(1)
        #expect(second.stdout.contains("Received 1 change from 1 other device."), "\(second)")

        // The same safety picture on both devices.
        let checkA = try devices[0].run("check", "--json")
        let checkB = try devices[1].run("check", "--json")
        #expect(checkA.status == checkB.status)
        #expect(checkA.stdout.withoutNumbers == checkB.stdout.withoutNumbers, "\(checkA)\n\(checkB)")
        #expect(checkB.stdout.contains("glute-bridge"), "\(checkB)")
        #expect(try devices[1].run("list").stdout.contains("glute"))

        // A review recorded on the second device lifts the hold on both, after sync.
        try devices[1].change("resume", "glute-bridge", "--note", "seen by the physio")
        try devices.sync(1)
        let back = try devices.sync(0)
        #expect(back.stdout.contains("Received 1 change from 1 other device."), "\(back)")
        let afterA = try devices[0].run("check", "--json")
        let afterB = try devices[1].run("check", "--json")
        #expect(afterA.stdout.withoutNumbers == afterB.stdout.withoutNumbers, "\(afterA)\n\(afterB)")
        #expect(afterA.status == 0, "\(afterA)")
    }

    @Test func aSyncWithNothingNewSendsAndReceivesNothing() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        try devices.join(1)
        let again = try devices.sync(0)
        #expect(again.stdout.contains("Sent nothing new. Received nothing new."), "\(again)")
        let json = try devices.sync(1, "--json")
        #expect(json.stdout.contains("\"sent_changes\" : 0"), "\(json)")
        #expect(json.stdout.contains("\"received_changes\" : 0"), "\(json)")
    }

    @Test func aFolderSealedWithAPassphraseSyncs() throws {
        let devices = try Devices(passphrase: true)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--note", "from the laptop")
        try devices.join(0)
        let joined = try devices.join(1)
        #expect(joined.stdout.contains("Received 1 change from 1 other device."), "\(joined)")
        #expect(try devices[1].run("list").stdout.contains("from the laptop"))
        // The passphrase file named at init is read again: `journal sync` needs no key option.
        try devices[1].log("side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20")
        try devices.sync(1)
        #expect(try devices.sync(0).stdout.contains("Received 1 change from 1 other device."))
    }

    @Test func aWrongPassphraseChangesNothingAndExits77() throws {
        let devices = try Devices(passphrase: true)
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        let wrong = devices[1].directory + "/wrong"
        try Data("another passphrase\n".utf8).write(to: URL(fileURLWithPath: wrong))
        chmod(wrong, 0o600)
        try devices[1].log("side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20")
        let before = try devices[1].run("list")
        let run = try devices[1].run("sync", "init", devices.folder, "--passphrase-file", wrong)
        #expect(run.status == 77, "\(run)")
        #expect(run.stderr.contains("journal-sync-folder.age"), "\(run)")
        #expect(try devices[1].run("list").stdout == before.stdout)
        let status = try devices[1].run("sync", "status")
        #expect(status.status == 78, "\(status)")
        #expect(try devices.files().count == 1)
    }

    @Test func aDamagedFileIsRefusedByNameAndReadOnceWhole() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        let name = try #require(try devices.files().first)
        let path = devices.folder + "/" + name
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = whole
        flipped[flipped.count / 2] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))

        let run = try devices[1].run(["sync", "init", devices.folder] + devices.key(1))
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains(name), "\(run)")
        #expect(!(try devices[1].run("list").stdout.contains("bird")))

        // Copied whole at last: the next sync reads it.
        try whole.write(to: URL(fileURLWithPath: path))
        let again = try devices.sync(1)
        #expect(again.stdout.contains("Received 1 change from 1 other device."), "\(again)")
        #expect(try devices[1].run("list").stdout.lowercased().contains("bird"))
    }

    @Test func aFileCopiedUnderAnotherNumberIsRefused() throws {
        let devices = try Devices()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        try devices.join(0)
        try devices.join(1)
        let own = try devices[1].run("sync", "status", "--json").stdout.replica
        let name = try #require(try devices.files().first { !$0.hasPrefix(own) })
        let replayed = name.replacingOccurrences(of: "000000000001.jsync", with: "000000000002.jsync")
        try FileManager.default.copyItem(atPath: devices.folder + "/" + name, toPath: devices.folder + "/" + replayed)
        let run = try devices[1].run("sync")
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains(replayed), "\(run)")
        #expect(
            try devices[1].run("list").stdout.components(separatedBy: "\n").filter { $0.contains("ird") }.count == 1)
    }

    /// A file sealed to keys that leave this device out (its writer named too few recipients) is
    /// refused by name, 65, and the rest of the sync is done: never "the key does not open" (77).
    @Test func aFileSealedToOtherKeysIsRefusedByNameAndTheRestSyncs() throws {
        let devices = try Devices(count: 3)
        try devices.join(0)
        try devices.join(1)
        // Device 3 seals its files to device 1 and itself only.
        let key2 = devices.key(2)
        let recipients = Array(key2.prefix(2)) + Array(key2.dropFirst(4))
        try devices[2].change("checkin", "--pain", "7", "--note", "from the third device")
        let third = try devices[2].run(["sync", "init", devices.folder] + recipients)
        try #require(third.status == 0, "\(third)")
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "8", "--note", "from the first device")
        try devices.sync(0)
        let run = try devices[1].run("sync")
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("sealed to keys that do not include this device's"), "\(run)")
        #expect(try devices[1].run("list").stdout.contains("from the first device"))
        #expect(!(try devices[1].run("checkins").stdout.contains("from the third device")))
    }

    /// An identity that is not the folder's is told at once (77), even with nothing to send or read.
    @Test func aWrongIdentityIsToldWithNothingToSync() throws {
        let devices = try Devices()
        try devices.join(0)
        let stranger = devices[0].directory + "/stranger.txt"
        FileManager.default.createFile(atPath: stranger, contents: Data((AgeIdentity.generate().string + "\n").utf8))
        chmod(stranger, 0o600)
        let run = try devices[0].run("sync", "--identity", stranger)
        #expect(run.status == 77, "\(run)")
        #expect(run.stderr.contains("journal-sync-folder.age"), "\(run)")
    }

    /// A passphrase given for this sync (`--passphrase-file`) that is not the folder's is told at
    /// once (77), even with nothing to send or read; the file named at init needs no check then.
    @Test func aWrongPassphraseGivenForThisSyncIsToldWithNothingToSync() throws {
        let devices = try Devices(passphrase: true)
        try devices.join(0)
        let quiet = try devices.sync(0)
        #expect(quiet.stdout.contains("Sent nothing new. Received nothing new."), "\(quiet)")
        let other = devices[0].directory + "/other-passphrase"
        try Data("not the folder's passphrase\n".utf8).write(to: URL(fileURLWithPath: other))
        chmod(other, 0o600)
        let before = try devices[0].run("sync", "status", "--json")
        let run = try devices[0].run("sync", "--passphrase-file", other)
        #expect(run.status == 77, "\(run)")
        #expect(run.stdout == "", "\(run)")
        #expect(run.stderr.contains("journal-sync-folder.age"), "\(run)")
        #expect(try devices[0].run("sync", "status", "--json").stdout == before.stdout)
        #expect(try devices[0].run("sync", "--passphrase-file", devices.passphrase).status == 0)
    }

    /// A file or a device's folder under a name journal does not give (renamed, a disk folding case,
    /// a sync tool's copy) is refused by that name, never passed over in silence; a copy byte for
    /// byte of the file it names says nothing new and is not refused.
    @Test func namesJournalDoesNotGiveAreRefusedByName() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--note", "first")
        try devices.sync(0)
        try devices[0].log("glute-bridge", "--pain-before", "2", "--pain-after", "7", "--note", "second")
        try devices.sync(0)
        let files = try devices.files()
        try #require(files.count == 2, "\(files)")
        let replica = String(files[0].prefix(32))
        let first = devices.folder + "/" + files[0]
        let manager = FileManager.default

        try manager.moveItem(atPath: first, toPath: devices.folder + "/\(replica)/000000000001.JSYNC")
        let renamed = try devices[1].run("sync")
        #expect(renamed.status == 65, "\(renamed)")
        #expect(
            renamed.stderr.contains(
                "refused \(replica)/000000000001.JSYNC in the sync folder: its name is not one journal gives a file"),
            "\(renamed)")
        #expect(!(try devices[1].run("list").stdout.contains("bird-dog")))

        try manager.moveItem(atPath: devices.folder + "/\(replica)/000000000001.JSYNC", toPath: first)
        try manager.copyItem(atPath: first, toPath: devices.folder + "/\(replica)/000000000001 (1).jsync")
        let copied = try devices[1].run("sync")
        #expect(copied.status == 0, "\(copied)")
        #expect(copied.stdout.contains("Received 2 changes from 1 other device."), "\(copied)")
        #expect(try devices[1].run("check").status == 2)

        try manager.copyItem(atPath: devices.folder + "/" + replica, toPath: devices.folder + "/\(replica) (1)")
        let folderCopy = try devices[1].run("sync")
        #expect(folderCopy.status == 65, "\(folderCopy)")
        #expect(
            folderCopy.stderr.contains(
                "refused \(replica) (1) in the sync folder: it is named like a device's folder but is not one"),
            "\(folderCopy)")
    }

    /// `sync leave` while a change made here waits to be sent (a rise: the hold it begins would
    /// stand on this device only) refuses and changes nothing; `--drop-unsent` leaves without it;
    /// after a sync it leaves at once.
    @Test func leavingWithChangesNotSentRefusesUnlessTheyAreDropped() throws {
        let devices = try Devices.joined()
        try devices[0].log("glute-bridge", "--pain-before", "3", "--pain-after", "7")
        let status = try devices[0].run("sync", "status", "--json")

        let refused = try devices[0].run("sync", "leave")
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stdout == "")
        #expect(
            refused.stderr
                == "journal: 1 change made here has not been sent, and the other devices would never have it: run "
                + "`journal sync` first, or `journal sync leave --drop-unsent` to leave without sending it. Nothing "
                + "was changed.\n")
        #expect(try devices[0].run("sync", "status", "--json").stdout == status.stdout)

        try devices.sync(0)
        let left = try devices[0].run("sync", "leave")
        #expect(left.status == 0, "\(left)")
        #expect(left.stdout == "This journal no longer syncs through \(devices.folder).\n", "\(left)")
        try devices.sync(1)
        #expect(try devices[1].run("check").status == 2)

        try devices[1].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        let dropped = try devices[1].run("sync", "leave", "--drop-unsent")
        #expect(dropped.status == 0, "\(dropped)")
        #expect(
            dropped.stdout
                == "This journal no longer syncs through \(devices.folder). 1 change not sent was dropped from the "
                + "outbox.\n", "\(dropped)")
        #expect(try devices[1].run("sync").status == 78)
    }

    @Test func statusShowsTheReplicaTheOthersAndWhatIsNotSent() throws {
        let devices = try Devices.joined()
        try devices[0].log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        let status = try devices[0].run("sync", "status", "--json")
        #expect(status.status == 0, "\(status)")
        for key in ["\"replica\"", "\"folder\"", "\"last_sync\"", "\"unsent_changes\" : 1", "\"replicas\""] {
            #expect(status.stdout.contains(key), "\(key): \(status)")
        }
        let text = try devices[0].run("sync", "status")
        #expect(text.stdout.contains("Not yet sent: 1 change"), "\(text)")
        #expect(text.stdout.contains("Other devices:"), "\(text)")
    }

    @Test func aBusyJournalExits75() throws {
        let devices = try Devices()
        try devices.join(0)
        let run = try devices[0].whileLocked(busyTimeout: "0") { try devices[0].run("sync") }
        #expect(run.status == 75, "\(run)")
    }

    @Test func threeDevicesConvergeToTheSameExport() throws {
        let devices = try Devices(count: 3)
        try devices[0].log("glute-bridge", "--pain-before", "3", "--pain-after", "3", "--sets", "3", "--reps", "10")
        try devices[1].log("bird-dog", "--pain-before", "2", "--pain-after", "5")
        try devices[2].change("checkin", "--pain", "4")
        for index in 0..<3 { try devices.join(index) }
        for _ in 0..<2 { for index in 0..<3 { try devices.sync(index) } }
        let exports = try (0..<3).map { try devices[$0].run("export", "--all", "--no-aliases") }
        for export in exports { #expect(export.status == 0, "\(export)") }
        #expect(exports[0].stdout == exports[1].stdout)
        #expect(exports[1].stdout == exports[2].stdout)
        let checks = try (0..<3).map { try devices[$0].run("check", "--json").stdout.withoutNumbers }
        #expect(Set(checks).count == 1, "\(checks)")
    }
}

extension String {
    /// `journal check --json` without the numbers each device gives its own records (`entry_id`,
    /// `checkin_id`): what must read the same on every device.
    fileprivate var withoutNumbers: String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"entry_id\" :") && !$0.contains("\"checkin_id\" :") }.joined(separator: "\n")
    }

    /// The `"replica"` value of `journal sync status --json`.
    fileprivate var replica: String {
        guard let range = range(of: "\"replica\" : \"") else { return "" }
        return String(self[range.upperBound...].prefix(32))
    }
}
