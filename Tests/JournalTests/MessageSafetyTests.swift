import Foundation
import TestSupport
import Testing

@testable import Journal

/// What the library says and writes stays truthful and harmless: messages that echo input
/// print no terminal controls, and backups never collide.
@Suite struct MessageSafetyTests {
    let directory = TemporaryDirectory()

    @Test func terminalSafeRemovesControlsAndKeepsText() {
        #expect("a\u{1B}[31mb\u{07}c\rd\ne\tf\u{9B}g\u{202E}h".terminalSafe == "a[31mbc d e fgh")
        #expect("one\r\ntwo\n\tthree\u{1B}".terminalSafeLines == "one\ntwo\n\tthree")
        #expect("pain 4 → 3, ça va".terminalSafe == "pain 4 → 3, ça va")
    }

    @Test(arguments: [
        JournalError.unknownExercise("x\u{1B}[31m\u{07}\r", suggestions: []),
        .invalidPain(field: "pain before", text: "\u{1B}]0;title\u{07}"),
        .noInput(path: "/tmp/\u{1B}[2Jin.csv", reason: "No such file or directory"),
        .invalidImport(line: 2, problem: "unknown exercise \"\u{1B}[31m\"."),
        .cannotWriteFile(path: "out\r.csv", reason: "it is a folder"),
        .invalidSetting(name: "JOURNAL_BUSY_TIMEOUT", text: "\u{1B}[1m", expected: "a number"),
    ])
    func everyMessageIsSafeToPrint(error: JournalError) {
        let bytes = Array(error.description.utf8)
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x07) && !bytes.contains(0x0D), "\(bytes)")
        #expect(!error.description.contains("\n"))
    }

    @Test func backupsMadeInTheSameSecondGetTheirOwnNames() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        let now = Date(timeIntervalSince1970: 1_795_600_000)
        let first = try store.backUp(now: now)
        let second = try store.backUp(now: now)
        let third = try store.backUp(now: now)
        #expect(first == store.defaultBackupPath(now: now))
        #expect(second == first.replacingOccurrences(of: ".sqlite3", with: "-2.sqlite3"))
        #expect(third == first.replacingOccurrences(of: ".sqlite3", with: "-3.sqlite3"))
        for path in [first, second, third] {
            #expect(try JournalStore(path: path).entries().isEmpty)
        }
    }

    @Test func aBackupNeverReplacesAnythingItIsNamed() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        let link = directory.file("link.sqlite3")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.file("nowhere"))
        #expect(throws: JournalError.backupExists(path: link)) { try store.backUp(to: link) }
        #expect(!FileManager.default.fileExists(atPath: directory.file("nowhere")))
    }

    @Test func doctorGivesTheSizeOfTheFileALinkLeadsTo() throws {
        let path = directory.file("journal.sqlite3")
        _ = try JournalStore(path: path)
        let link = directory.file("link.sqlite3")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let diagnosis = try JournalStore(path: link).diagnose(full: false)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(diagnosis.fileBytes == size)
        let resolved = try #require(realpath(path, nil))
        defer { free(resolved) }
        #expect(diagnosis.linkTarget == String(cString: resolved))
        #expect(try JournalStore(path: path).diagnose(full: false).linkTarget == nil)
    }

    @Test func anOutOfRangeBusyTimeoutOpensRatherThanCrashes() throws {
        let path = directory.file("journal.sqlite3")
        for timeout in [1e9, .infinity, -1, .nan] {
            #expect(try JournalStore(path: path, busyTimeout: timeout).entries().isEmpty)
        }
    }
}

/// Opening a path that is a device must not change the device (`--db /dev/null` made /dev/null 0600).
@Suite struct DevicePermissionTests {
    let directory = TemporaryDirectory()

    @Test func aDeviceIsNeverMadePrivate() throws {
        var null = stat()
        try #require(stat("/dev/null", &null) == 0)
        // As root, a private node of /dev/null's kind; otherwise /dev/null itself, which only root could change.
        let path = geteuid() == 0 ? directory.file("null") : "/dev/null"
        if geteuid() == 0 { try #require(mknod(path, S_IFCHR | 0o666, null.st_rdev) == 0 && chmod(path, 0o666) == 0) }
        #expect(FilePermissions.tighten(path).isEmpty)
        var after = stat()
        try #require(stat(path, &after) == 0)
        #expect(after.st_mode & 0o777 == 0o666)
    }
}
