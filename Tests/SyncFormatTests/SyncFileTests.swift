import Age
import Testing

@testable import SyncFormat

private let identity = AgeIdentity.generate()
private let key = SyncKey.x25519(recipients: [identity.recipient], identities: [identity])
private let folder = SyncID(unchecked: Array(repeating: 0xF0, count: 16))
private let replica = SyncID(unchecked: Array(0..<16))

private func file(_ sequence: UInt64 = 1, payload: [UInt8] = [1, 2, 3]) -> SyncFile {
    SyncFile(folder: folder, replica: replica, sequence: sequence, previous: SyncFile.noPrevious, payload: payload)
}

/// Seals `plaintext` as age to ``key``, whatever it holds.
private func sealRaw(_ plaintext: [UInt8]) throws -> [UInt8] {
    var sealed: [UInt8] = []
    let encryptor = try AgeEncryptor(recipients: [identity.recipient]) { sealed += $0 }
    try encryptor.write(plaintext)
    try encryptor.finish()
    return sealed
}

@Suite struct SyncFileTests {
    @Test func aFileIsNamedByItsReplicaAndTwelveDigitSequence() {
        #expect(file(42).name == "000102030405060708090a0b0c0d0e0f/000000000042.jsync")
        #expect(SyncFile.parse(name: file(42).name)?.1 == 42)
    }

    @Test(arguments: [
        "000102030405060708090a0b0c0d0e0f/42.jsync",
        "000102030405060708090A0B0C0D0E0F/000000000042.jsync",
        "000102030405060708090a0b0c0d0e0f/000000000000.jsync",
        "000102030405060708090a0b0c0d0e0f/+00000000042.jsync",
        "000102030405060708090a0b0c0d0e0f/000000000042.age",
        "x/000102030405060708090a0b0c0d0e0f/000000000042.jsync",
        "000102030405060708090a0b0c0d0e0f000000000042.jsync",
    ])
    func aNameNotSpelledAsTheWriterSpellsItIsRefused(name: String) throws {
        let sealed = try file(42).seal(with: key)
        let error = #expect(throws: SyncFileError.self) {
            try SyncFile.open(sealed, name: name, key: key, folder: folder, previous: SyncFile.noPrevious)
        }
        #expect(error?.kind == .badName)
    }

    @Test func aSealedFileOpensToTheSameFile() throws {
        let sealed = try file(payload: Array(0...255)).seal(with: key)
        let opened = try SyncFile.open(
            sealed, name: file().name, key: key, folder: folder, previous: SyncFile.noPrevious)
        #expect(opened == file(payload: Array(0...255)))
    }

    @Test func thePaddedSizeIsFourKiBThenPadme() {
        #expect(SyncFile.paddedSize(0) == 4096)
        #expect(SyncFile.paddedSize(4096) == 4096)
        #expect(SyncFile.paddedSize(4097) == 4352)
        #expect(SyncFile.paddedSize(4352) == 4352)
        #expect(SyncFile.paddedSize(100_000) == 100_352)
        #expect(SyncFile.paddedSize(1 << 20) == 1 << 20)
        #expect(SyncFile.paddedSize((1 << 20) + 1) == (1 << 20) + (1 << 15))
    }

    @Test func filesWhosePayloadsShareABucketHaveTheSameSize() throws {
        let sizes = try [0, 1, 200, 4000].map {
            try file(payload: Array(repeating: 7, count: $0)).seal(with: key).count
        }
        #expect(Set(sizes).count == 1)
        #expect(try file(payload: Array(repeating: 7, count: 5000)).seal(with: key).count > sizes[0])
    }

    @Test func aFileThatDecryptsToSomethingElseIsNotASyncFile() throws {
        let error = #expect(throws: SyncFileError.self) {
            try SyncFile.open(
                sealRaw(Array("hello".utf8)), name: file().name, key: key, folder: folder,
                previous: SyncFile.noPrevious)
        }
        #expect(error?.kind == .notSyncFile)
    }

    @Test func aLaterVersionIsNamedAndNotRead() throws {
        var plaintext = file().plaintext
        plaintext[SyncFile.magic.count] = 2
        let error = #expect(throws: SyncFileError.self) {
            try SyncFile.open(
                sealRaw(plaintext), name: file().name, key: key, folder: folder, previous: SyncFile.noPrevious)
        }
        #expect(error?.kind == .unsupportedVersion(2))
    }

    @Test func paddingThatIsNotZerosOrALengthPastTheEndIsDamaged() throws {
        var nonZero = file().plaintext
        nonZero[nonZero.count - 1] = 1
        let short = Array(file().plaintext.dropLast())
        var long = file().plaintext
        long[SyncFile.headerSize - 8] = 1
        for plaintext in [nonZero, short, long] {
            let error = #expect(throws: SyncFileError.self) {
                try SyncFile.open(
                    sealRaw(plaintext), name: file().name, key: key, folder: folder, previous: SyncFile.noPrevious)
            }
            #expect(error?.kind == .damaged)
        }
    }

    @Test func aSyncIDIsThirtyTwoLowerCaseHexDigits() {
        #expect(replica.hex == "000102030405060708090a0b0c0d0e0f")
        #expect(SyncID(hex: replica.hex) == replica)
        #expect(SyncID(hex: "000102030405060708090A0B0C0D0E0F") == nil)
        #expect(SyncID(hex: "0001") == nil)
        #expect(SyncID.random() != SyncID.random())
    }
}
