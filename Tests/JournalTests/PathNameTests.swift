import Testing

@testable import Journal

/// Paths taken apart on their text: every shape a person types, one-letter components first
/// (Foundation's NSString methods crash on them).
@Suite struct PathNameTests {
    @Test(arguments: [
        ("a/x.sqlite3", "a", "x.sqlite3"),
        ("j", "", "j"),
        ("a", "", "a"),
        ("/x", "/", "x"),
        ("/", "", "/"),
        (".", "", "."),
        ("..", "", ".."),
        ("./e", ".", "e"),
        ("../e", "..", "e"),
        ("a/b/", "a", "b"),
        ("a//b", "a", "b"),
        ("/tmp/a/b/c.sqlite3", "/tmp/a/b", "c.sqlite3"),
        ("-d", "", "-d"),
        ("a/-d", "a", "-d"),
    ])
    func folderAndLastComponent(path: String, folder: String, last: String) {
        #expect(PathName.folder(of: path) == folder)
        #expect(PathName.lastComponent(of: path) == last)
        #expect(PathName.openableFolder(of: path) == (folder.isEmpty ? "." : folder))
    }

    @Test(arguments: [
        ("b/journal.sqlite3", "sqlite3", "b/journal"),
        ("j", "", "j"),
        (".journal", "", ".journal"),
        ("a.b/c", "", "a.b/c"),
        ("x.tar.gz", "gz", "x.tar"),
        ("e/", "", "e"),
        ("..", "", ".."),
    ])
    func extensions(path: String, pathExtension: String, removed: String) {
        #expect(PathName.pathExtension(of: path) == pathExtension)
        #expect(PathName.removingExtension(path) == removed)
    }

    @Test func aNumberedCopyKeepsItsExtension() {
        #expect(BackupFile.numbered("a/b.sqlite3", 2) == "a/b-2.sqlite3")
        #expect(BackupFile.numbered("j", 3) == "j-3")
    }
}

/// Times journal can show: years 1 to 9999 in every zone, and no trap beyond them.
@Suite struct RepresentableTimeTests {
    @Test func theRangeIsYearsOneTo9999AtEveryOffset() {
        // 0001-01-01T00:00:00 at +18:00 and 9999-12-31T23:59:59 at -18:00, by hand:
        // days from 1970 to 0001-01-01 are -719162, to 9999-12-31 are 2932896.
        #expect(LocalDateTime.representableSeconds == -62_135_532_000...253_402_235_999)
        let first = LocalDateTime(unixSeconds: -62_135_532_000, utcOffset: -64_800)
        #expect(first.iso8601 == "0001-01-01T00:00:00-18:00")
        let last = LocalDateTime(unixSeconds: 253_402_235_999, utcOffset: 64_800)
        #expect(last.iso8601 == "9999-12-31T23:59:59+18:00")
    }

    @Test func theLargestIntegerDoesNotTrap() {
        #expect(LocalDateTime(unixSeconds: .max, utcOffset: 64_800).date.year == 9999)
        #expect(LocalDateTime(unixSeconds: .min, utcOffset: -64_800).date.year == 1)
    }

    @Test func aTimestampBeyondYear9999IsNotATime() {
        #expect(DateInput.parseTimestamp("9999-12-31T05:59:59+00:00") != nil)
        #expect(DateInput.parseTimestamp("9999-12-31T06:00:00+00:00") == nil)
        #expect(DateInput.parseTimestamp("9999-12-31T23:00:00-18:00") == nil)
    }

    @Test func aWideYearIsWrittenWhole() {
        var bytes: [UInt8] = []
        CSVFormat.appendPadded(10_000, width: 4, to: &bytes)
        CSVFormat.appendPadded(7, width: 4, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "100000007")
    }
}
