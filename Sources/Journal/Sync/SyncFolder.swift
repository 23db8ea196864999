import Age
import Foundation
import SyncFormat

#if canImport(Glibc)
import Glibc
#endif

/// The sync folder on disk: its id file, one folder per replica, each replica's numbered files
/// (docs/sync.md, "The sync folder's files").
///
/// ```
/// DIR/
///   journal-sync-folder.age                  the folder's id, sealed with its key
///   375e987529fad15d351ee5e95b9f858b/        one folder per replica (its id)
///     000000000001.jsync                     its files, numbered from 1
/// ```
///
/// Each replica writes only its own folder, and a file only once: written under a temporary name,
/// flushed, then linked to its number (never over a file already there), so another device's
/// sync tool copies a whole file or a part that fails age's authentication, never a mix.
struct SyncFolder {
    /// The folder, as the person gave it (made absolute at `sync init`).
    let path: String

    /// The id file's name: the folder's id sealed with the key, so a wrong key is told at once.
    static let idFileName = "journal-sync-folder.age"

    /// The largest sync file read: 2 GiB.
    static let largestFile = 1 << 31

    private static let idMagic = Array("journal-sync-folder v1\n".utf8)

    /// `path/name`, without Foundation's path methods (they crash on one-letter components here).
    private func child(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    /// The path of the file `name` (`<replica>/<sequence>.jsync`) in the folder.
    func file(_ name: String) -> String { child(name) }

    /// Makes the folder (0700) when it is not there; its parent must be.
    func create() throws {
        if mkdir(path, 0o700) == 0 { return }
        let number = errno
        var info = stat()
        if number == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
        throw SyncError.folderUnusable(path: path, reason: Self.reason(number, making: true))
    }

    /// Whether the folder is there and is a folder.
    var exists: Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The folder's id, read with `key`; `nil` when the folder holds no id file yet.
    ///
    /// Throws ``SyncError/wrongKey(name:reason:)`` when `key` does not open it, and
    /// ``SyncError/refusedFile(name:reason:)`` for a file that is not a sync folder's id.
    func readID(key: SyncKey) throws -> SyncID? {
        guard let bytes = try read(Self.idFileName, limit: 1 << 16) else { return nil }
        let plaintext: [UInt8]
        do {
            let decryptor: AgeDecryptor
            switch key {
            case .passphrase(let passphrase):
                decryptor = try AgeDecryptor(
                    bytes: bytes, name: Self.idFileName, identities: [], passphrase: { passphrase })
            case .x25519(_, let identities):
                decryptor = try AgeDecryptor(
                    bytes: bytes, name: Self.idFileName, identities: identities, passphrase: nil)
            }
            var text: [UInt8] = []
            while let chunk = try decryptor.next() { text += chunk }
            plaintext = text
        } catch let error as AgeError {
            switch error.kind {
            case .noMatch, .keyNeeded:
                throw SyncError.wrongKey(name: Self.idFileName, reason: error.reason)
            default:
                throw SyncError.refusedFile(
                    name: Self.idFileName, reason: "it is truncated or was changed: \(error.reason)")
            }
        }
        guard plaintext.count == Self.idMagic.count + SyncID.byteCount, plaintext.starts(with: Self.idMagic),
            let id = SyncID(bytes: Array(plaintext.suffix(SyncID.byteCount)))
        else { throw SyncError.refusedFile(name: Self.idFileName, reason: "it is not a journal sync folder's id file") }
        return id
    }

    /// Writes the folder's id file, sealed with `key`; `false` when another device's is there first.
    func writeID(_ id: SyncID, key: SyncKey) throws -> Bool {
        var sealed: [UInt8] = []
        do {
            let encryptor: AgeEncryptor
            switch key {
            case .passphrase(let passphrase): encryptor = try AgeEncryptor(passphrase: passphrase) { sealed += $0 }
            case .x25519(let recipients, _): encryptor = try AgeEncryptor(recipients: recipients) { sealed += $0 }
            }
            try encryptor.write(Self.idMagic + id.bytes)
            try encryptor.finish()
        } catch let error as AgeError {
            throw SyncError.folderUnusable(path: path, reason: "the key cannot seal its id file: \(error.reason)")
        }
        return try place(sealed, as: Self.idFileName)
    }

    /// The replicas with a folder here, by id (names that are not ids are not journal's: left alone).
    func replicas() throws -> [SyncID] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw SyncError.folderUnusable(path: path, reason: Self.reason(errno, making: false))
        }
        return names.compactMap { name in
            guard name.utf8.count == 32, let id = SyncID(hex: name), id.hex == name else { return nil }
            return id
        }.sorted { $0.hex < $1.hex }
    }

    /// The name of the file `sequence` of `replica`, relative to the folder.
    static func name(replica: SyncID, sequence: UInt64) -> String {
        let digits = String(sequence)
        return replica.hex + "/" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".jsync"
    }

    /// The bytes of `name`, at most `limit`; `nil` when there is no such file.
    func read(_ name: String, limit: Int = largestFile) throws -> [UInt8]? {
        let descriptor = open(child(name), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SyncError.folderUnusable(path: child(name), reason: Self.reason(errno, making: false))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SyncError.refusedFile(name: name, reason: "it is not a regular file")
        }
        guard info.st_size <= limit else {
            throw SyncError.refusedFile(name: name, reason: "it is larger than journal ever writes one")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(descriptor, $0 + done, buffer.count - done) } ?? 0
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        return Array(bytes.prefix(done))
    }

    /// Writes `bytes` as the file `name` of this replica (its folder made first), flushed to disk
    /// before it takes its name; `false`, leaving the file there as it is, when one has that name.
    func place(_ bytes: [UInt8], as name: String) throws -> Bool {
        let parts = name.split(separator: "/")
        if parts.count == 2 {
            let folder = child(String(parts[0]))
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw SyncError.folderUnusable(path: folder, reason: Self.reason(errno, making: true))
            }
        }
        let final = child(name)
        let temporary = final + ".\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw SyncError.folderUnusable(path: temporary, reason: Self.reason(errno, making: true))
        }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { Glibc.write(descriptor, $0 + written, buffer.count - written) } ?? 0
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                failure = errno
                break
            }
            written += count
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        defer { unlink(temporary) }
        if failure != 0 { throw SyncError.folderUnusable(path: final, reason: Self.reason(failure, making: true)) }
        // link, not rename: a file already under that name is never replaced.
        if link(temporary, final) != 0 {
            if errno == EEXIST { return false }
            throw SyncError.folderUnusable(path: final, reason: Self.reason(errno, making: true))
        }
        let parent = parts.count == 2 ? child(String(parts[0])) : path
        let directory = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return true
    }

    /// The files in `replica`'s folder named like sync files but not as journal names them: a sync
    /// tool's copy of two files written under one name (`000000000002 (1).jsync`), which journal
    /// never reads and names instead.
    func strayFiles(of replica: SyncID) -> [String] {
        let folder = child(replica.hex)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { name in
            // A sync tool's own files (`.stfolder`, `.DS_Store`, Syncthing's `~syncthing~….tmp` while it
            // copies) and this journal's temporary ones are not read.
            guard !name.hasPrefix("."), !name.hasPrefix("~syncthing~"), !name.hasSuffix(".partial"),
                !name.hasSuffix(".part"), !name.hasSuffix(".tmp"), !Self.isFileName(name)
            else { return false }
            // Only what looks like one of journal's files renamed or copied (`000000000002.JSYNC`, a
            // sync tool's conflicting copy): anything else (`desktop.ini`) is not journal's, not read.
            let digits = name.prefix(12)
            guard name.lowercased().contains(".jsync") || (digits.count == 12 && digits.allSatisfy(\.isNumber))
            else { return false }
            // A copy byte for byte of the numbered file it names (`000000000002 (1).jsync`) says nothing new.
            let number = String(name.prefix(12))
            if number.count == 12, number.allSatisfy({ $0.isASCII && $0.isNumber }), name.hasSuffix(".jsync"),
                let copy = FileManager.default.contents(atPath: folder + "/" + name),
                let original = FileManager.default.contents(atPath: folder + "/" + number + ".jsync"),
                copy == original
            {
                return false
            }
            return true
        }.sorted().map { replica.hex + "/" + $0 }
    }

    /// The first of `replica`'s numbered files after number `missing` (relative to the folder),
    /// `nil` when there is none.
    func laterFile(of replica: SyncID, after missing: UInt64) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: child(replica.hex)) else { return nil }
        let numbers = names.filter(Self.isFileName).compactMap { UInt64($0.dropLast(6)) }.filter { $0 > missing }
        return numbers.min().map { Self.name(replica: replica, sequence: $0) }
    }

    /// Whether `name` is one journal gives a replica's file: twelve digits, then `.jsync`.
    static func isFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".jsync") else { return false }
        let stem = name.dropLast(6)
        return stem.count == 12 && stem.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Entries of the folder named like a device's folder but not as journal names one.
    ///
    /// Journal names one with 32 lower-case hex digits; these are a copy a sync tool made (`ID (1)`), or one renamed (`ID` in upper
    /// case, on a disk that folds case). Their files are not read.
    func strayFolders() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { name in
            guard name.utf8.count != 32 || SyncID(hex: name)?.hex != name else { return false }
            let start = name.prefix(32)
            return start.count == 32 && start.allSatisfy(\.isHexDigit)
        }.sorted()
    }

    /// Leftover temporary files of this replica's folder (a sync stopped while writing): removed.
    func removeLeftovers(of replica: SyncID) {
        let folder = child(replica.hex)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".partial") { unlink(folder + "/" + name) }
    }

    static func reason(_ number: Int32, making: Bool) -> String {
        switch number {
        case ENOENT: return making ? "the folder it goes in does not exist" : "it does not exist"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the file system is read-only"
        case ENOTDIR: return "a part of the path is not a folder"
        case EEXIST: return "a file that is not a folder is there"
        default: return String(cString: strerror(number))
        }
    }
}
