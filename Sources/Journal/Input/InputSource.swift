import Age
import Foundation

/// The keys that may open an encrypted input: identities, and a passphrase asked only when the
/// file holds a passphrase stanza (`nil`: there is no way to have one).
public struct DecryptionKeys {
    /// The identities given; read when an encrypted input is met, not before.
    public var identities: () throws -> [AgeIdentity]
    /// Gives the passphrase's bytes, exactly as typed or as the file holds them.
    public var passphrase: (() throws -> [UInt8])?

    public init(identities: @escaping () throws -> [AgeIdentity], passphrase: (() throws -> [UInt8])?) {
        self.identities = identities
        self.passphrase = passphrase
    }

    /// No key at all: an encrypted input is refused as needing one.
    public static var none: DecryptionKeys { DecryptionKeys(identities: { [] }, passphrase: nil) }
}

/// An input a command reads: a file, a FIFO or standard input (`-`), plain or encrypted.
///
/// It may be age encrypted, binary or armored. The one place where an input is opened (and a failure to open it becomes a
/// ``JournalError``), and the one place where it is decrypted: import, restore, key files and
/// passphrase files all read through it.
///
/// ```swift
/// let input = try InputSource("backup.age")
/// var plaintext: [UInt8] = []
/// try input.plaintext(keys: keys, limit: 1 << 32) { block, _ in plaintext += block }
/// // plaintext is authenticated whole here, and only here.
/// ```
public final class InputSource {
    /// The path given (`-` for standard input).
    public let path: String
    /// How messages name standard input (`-`).
    public static let standardInputName = "standard input"

    /// How messages name the input: the path, or ``standardInputName``.
    public let name: String
    /// The open file; standard input is not closed.
    public let descriptor: Int32
    private let owned: Bool
    /// Bytes read ahead to tell an encrypted input from a plain one, not yet given out.
    private var readAhead: [UInt8] = []

    /// Opens `path` (`-`: standard input) for reading.
    ///
    /// With `nonBlocking`, opening a FIFO that has no writer returns at once, so that the caller
    /// can check ``status()`` before reading; ``setBlocking()`` then makes reads wait again.
    public init(_ path: String, nonBlocking: Bool = false) throws {
        self.path = path
        name = path == "-" ? Self.standardInputName : path
        if path == "-" {
            try Self.requireReadableStandardInput()
            descriptor = STDIN_FILENO
            owned = false
            return
        }
        let opened = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (nonBlocking ? O_NONBLOCK : 0))
        guard opened >= 0 else { throw Self.openFailure(path: path, errno: errno) }
        descriptor = opened
        owned = true
    }

    /// Why a folder given as the input is refused.
    static let folderGiven = "it is a folder, not a file; name the file in it"

    /// Refuses a folder at once (66), since it opens but no read of it succeeds.
    ///
    /// For a command that has more to say before it reads (`restore`, of the journal it would
    /// replace); a read says the same.
    public func refuseFolder() throws {
        if try status().st_mode & S_IFMT == S_IFDIR { throw JournalError.noInput(path: name, reason: Self.folderGiven) }
    }

    deinit { if owned { close(descriptor) } }

    /// Refuses standard input that is closed or open for writing only (66): nothing can be read from
    /// it, and a file the command opens next would take its descriptor and be read as it.
    public static func requireReadableStandardInput() throws {
        let flags = fcntl(STDIN_FILENO, F_GETFL)
        guard flags >= 0 else { throw JournalError.noInput(path: standardInputName, reason: "it is closed") }
        guard flags & O_ACCMODE != O_WRONLY else {
            throw JournalError.noInput(path: standardInputName, reason: "it is open for writing only")
        }
    }

    /// Why an input could not be opened: permission (exit 77, with what to do), else no input (exit 66).
    static func openFailure(path: String, errno number: Int32) -> JournalError {
        if number == EACCES || number == EPERM { return .unreadableInput(path: path, reason: unreadable(path)) }
        return .noInput(path: path, reason: String(cString: strerror(number)))
    }

    /// Why this user may not read `path`, and what to do: the one set of words for every input
    /// (a file to import or restore, a key file, a passphrase file).
    ///
    /// "its mode is 0000, which lets no one read it: make it readable with `chmod u+r e.json`"
    static func unreadable(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return "a folder on its path does not let this user in: run journal as a user who may read it, "
                + "or copy the file to a folder of yours"
        }
        let mode = String(format: "%04o", status.st_mode & 0o7777)
        if status.st_uid == geteuid() {
            return "its mode is \(mode), which does not let its owner read it: make it readable with "
                + "`chmod u+r \(path)`"
        }
        return "it belongs to another user, and its mode (\(mode)) does not let this user read it: run journal "
            + "as its owner, or have its owner make it readable to you (or copy it to a folder of yours)"
    }

    /// What a key file or a passphrase file must not be (the words of its refusal).
    public static let notAKeyFile = "not a regular file (a folder or a device)"

    /// Opens a key file or a passphrase file (`-`: standard input) without waiting for a writer, and
    /// checks the open file before anything is read: it must be a regular file, or a pipe such as
    /// `<(pass show journal)`; else `refusal` gives the error (its words: ``notAKeyFile``).
    ///
    /// The one opener of every key file (`--identity`, `--recipients-file`) and passphrase file: a
    /// FIFO with no writer reads as empty at once, and is refused as holding no key.
    public static func keyFile(_ path: String, refusal: () -> JournalError) throws -> InputSource {
        let input = try InputSource(path, nonBlocking: true)
        let type = try input.status().st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else { throw refusal() }
        try input.setBlocking()
        return input
    }

    /// The open file's status (`fstat`): what was opened, whatever the path names now.
    public func status() throws -> stat {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw JournalError.io(path: name, reason: String(cString: strerror(errno)))
        }
        return status
    }

    /// Makes reads wait for data again after a non-blocking open.
    public func setBlocking() throws {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            throw JournalError.io(path: name, reason: String(cString: strerror(errno)))
        }
    }

    /// The input's bytes as they are, at most `limit` of them: more is refused
    /// (``JournalError/inputTooLarge(path:limit:)``), or, with `truncating`, left unread.
    public func bytes(limit: Int, truncating: Bool = false) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count <= limit, let block = try next(upTo: limit + 1 - bytes.count) {
            bytes += block
        }
        if bytes.count > limit {
            guard truncating else { throw JournalError.inputTooLarge(path: name, limit: limit) }
            bytes.removeLast(bytes.count - limit)
        }
        return bytes
    }

    /// The whole input, decrypted with `keys` when it is an age file, handed to `sink` block by
    /// block with whether it was encrypted; returns that.
    ///
    /// A plain input larger than `limit` is refused before it is read when it is a regular file,
    /// and any input once more than `limit` bytes came out of it. An encrypted input is
    /// authenticated chunk by chunk, so `sink` must keep what it is given aside (in memory, in an
    /// unnamed file) and nothing may act on any of it until this returns: a changed, truncated or
    /// extended file throws here, at its end, even after blocks were given out.
    @discardableResult
    public func plaintext(keys: DecryptionKeys, limit: Int, sink: ([UInt8], _ encrypted: Bool) throws -> Void) throws
        -> Bool
    {
        let status = try status()
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > limit {
            throw JournalError.inputTooLarge(path: name, limit: limit)
        }
        // Enough of the start to find an armor after the blank lines age allows before it.
        while readAhead.count < Age.detectionLength, let block = try read(upTo: 1 << 16) { readAhead += block }
        var total = 0
        func give(_ block: [UInt8], encrypted: Bool) throws {
            total += block.count
            guard total <= limit else { throw JournalError.inputTooLarge(path: name, limit: limit) }
            try sink(block, encrypted)
        }
        guard Age.isEncrypted(readAhead.prefix(Age.detectionLength)) else {
            while let block = try next(upTo: 1 << 16) { try give(block, encrypted: false) }
            return false
        }
        let decryptor = try AgeDecryptor(
            name: name, identities: keys.identities(), passphrase: keys.passphrase,
            read: { [self] count in try next(upTo: count) ?? [] })
        while let chunk = try decryptor.next() { try give(chunk, encrypted: true) }
        return true
    }

    /// Up to `count` bytes: what was read ahead first, then the file; `nil` at its end.
    private func next(upTo count: Int) throws -> [UInt8]? {
        guard readAhead.isEmpty else {
            let block = Array(readAhead.prefix(count))
            readAhead.removeFirst(block.count)
            return block
        }
        return try read(upTo: count)
    }

    /// One `read` of up to `count` bytes (at least one asked), retried on EINTR; `nil` at the end.
    private func read(upTo count: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max(1, min(count, 1 << 16)))
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read == 0 { return nil }
            if read > 0 { return Array(buffer[0..<read]) }
            // A folder opens, but every read of it fails: it is no input (66), said as such, not an I/O error.
            if errno == EISDIR { throw JournalError.noInput(path: name, reason: Self.folderGiven) }
            if errno != EINTR { throw JournalError.io(path: name, reason: String(cString: strerror(errno))) }
        }
    }
}
