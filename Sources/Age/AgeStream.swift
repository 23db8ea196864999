import Crypto
import Foundation

/// The age format's constants and what journal allows of them.
public enum Age {
    /// The passphrase work factor journal writes: scrypt with N = 2^18, as age does.
    public static let workFactor = 18
    /// The highest passphrase work factor journal decrypts (2^22, as age), so a hostile file cannot
    /// make it compute for hours or take gigabytes of memory.
    public static let maximumWorkFactor = 22
    /// The plaintext size of a STREAM chunk.
    static let chunkSize = 64 * 1024
    /// How many first bytes of a file ``isEncrypted(_:)`` needs to decide, whatever whitespace the
    /// armor allows before it.
    public static let detectionLength = AgeArmor.maximumWhitespace + AgeArmor.header.utf8.count + 1

    /// Whether `prefix`, the first bytes of a file (``detectionLength`` of them, or all there are),
    /// begins an age file, binary or armored: the test the decryptor itself makes.
    public static func isEncrypted(_ prefix: some Collection<UInt8>) -> Bool {
        let bytes = Array(prefix)
        if bytes.starts(with: Array("age-encryption.org/".utf8)) { return true }
        return AgeArmor.begins(bytes, with: Array(AgeArmor.header.utf8))
    }
}

/// A buffered reader over a source of bytes, for the header's lines and the payload's chunks.
final class AgeByteReader {
    /// Reads some bytes (at most the count asked for); an empty array at the end.
    private let source: (Int) throws -> [UInt8]
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    init(source: @escaping (Int) throws -> [UInt8]) {
        self.source = source
    }

    /// Reads from memory.
    convenience init(bytes: [UInt8]) {
        var remaining = bytes[...]
        self.init { count in
            defer { remaining = remaining.dropFirst(count) }
            return Array(remaining.prefix(count))
        }
    }

    /// Fills the buffer to `count` bytes past the position, or as many as there are.
    private func fill(_ count: Int) throws {
        if position > 0, position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        while !ended, buffer.count - position < count {
            let more = try source(count - (buffer.count - position))
            if more.isEmpty { ended = true } else { buffer += more }
        }
    }

    /// The next line without its line feed, and whether it had one; `nil` at the end.
    ///
    /// Throws a failure of `kind` for a line longer than `limit`.
    func readLine(limit: Int, kind: AgeError.Kind = .header, reason: String = "a line is too long") throws -> (
        [UInt8], Bool
    )? {
        var searched = position
        while true {
            if let end = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<end])
                position = end + 1
                return (line, true)
            }
            searched = buffer.count
            guard buffer.count - position <= limit else { throw AgeError(kind, reason) }
            let before = buffer.count - position
            try fill(before + 256)
            searched = position + before
            if buffer.count - position == before {
                guard before > 0 else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return (line, false)
            }
        }
    }

    /// Up to `count` bytes from the position, left unread; fewer only at the end.
    func peek(_ count: Int) throws -> [UInt8] {
        try fill(count)
        return Array(buffer[position..<min(buffer.count, position + count)])
    }

    /// Up to `count` bytes; fewer only at the end.
    func read(upTo count: Int) throws -> [UInt8] {
        try fill(count)
        let end = min(buffer.count, position + count)
        defer { position = end }
        return Array(buffer[position..<end])
    }
}

/// Encrypts a stream of bytes into an age v1 file, to X25519 recipients or with a passphrase.
///
/// Bytes given to ``write(_:)`` are sealed in 64 KiB STREAM chunks and handed to `output` as they
/// fill; ``finish()`` seals the last chunk. With `armor`, the output is the PEM-like ASCII form.
///
/// ```swift
/// let encryptor = try AgeEncryptor(recipients: [recipient], armor: false) { try sink.write(bytes: $0) }
/// try encryptor.write(Array("hello".utf8))
/// try encryptor.finish()
/// ```
public final class AgeEncryptor {
    private let output: ([UInt8]) throws -> Void
    private var armor: AgeArmor.Writer?
    private let payloadKey: SymmetricKey
    private var counter: UInt64 = 0
    private var pending: [UInt8] = []
    private var finished = false

    /// An encryptor to `recipients` (at least one).
    public convenience init(
        recipients: [AgeRecipient], armor: Bool = false, output: @escaping ([UInt8]) throws -> Void
    ) throws {
        guard !recipients.isEmpty else {
            throw AgeError(.invalidKey, "there are none to encrypt to", subject: "the recipients")
        }
        let fileKey = SymmetricKey(size: .bits128)
        var stanzas: [AgeStanza] = []
        for recipient in recipients {
            let ephemeral = Curve25519.KeyAgreement.PrivateKey()
            let share = ephemeral.publicKey
            let wrapping: SymmetricKey
            do {
                wrapping = try AgeHeader.x25519Key(
                    ephemeral, peer: recipient.publicKey, share: share, recipient: recipient.publicKey)
            } catch {
                throw AgeError(
                    .invalidKey,
                    "\(recipient.string) is a low-order X25519 point: no key could open a file encrypted to it",
                    subject: "a recipient")
            }
            stanzas.append(
                AgeStanza(
                    arguments: ["X25519", Base64.encodeRaw(share.rawRepresentation)],
                    body: try AgeHeader.seal(fileKey, with: wrapping)))
        }
        try self.init(fileKey: fileKey, stanzas: stanzas, armor: armor, output: output)
    }

    /// An encryptor with a passphrase, at the work factor journal writes (``Age/workFactor``).
    public convenience init(passphrase: [UInt8], armor: Bool = false, output: @escaping ([UInt8]) throws -> Void)
        throws
    {
        try self.init(passphrase: passphrase, workFactor: Age.workFactor, armor: armor, output: output)
    }

    /// An encryptor with a passphrase at a chosen work factor: lower ones only for tests, which the
    /// command line cannot reach.
    convenience init(
        passphrase: [UInt8], workFactor: Int, armor: Bool, output: @escaping ([UInt8]) throws -> Void
    ) throws {
        let fileKey = SymmetricKey(size: .bits128)
        var salt = [UInt8](repeating: 0, count: 16)
        Self.randomFill(&salt)
        let key = try AgeHeader.scryptKey(passphrase: passphrase, salt: salt, workFactor: workFactor)
        let stanza = AgeStanza(
            arguments: ["scrypt", Base64.encodeRaw(salt), String(workFactor)],
            body: try AgeHeader.seal(fileKey, with: key))
        try self.init(fileKey: fileKey, stanzas: [stanza], armor: armor, output: output)
    }

    private init(
        fileKey: SymmetricKey, stanzas: [AgeStanza], armor: Bool, output: @escaping ([UInt8]) throws -> Void
    ) throws {
        self.output = output
        self.armor = armor ? AgeArmor.Writer() : nil
        var header = AgeHeader(stanzas: stanzas)
        header.mac = AgeHeader.mac(of: header.withoutMAC, fileKey: fileKey)
        var nonce = [UInt8](repeating: 0, count: 16)
        Self.randomFill(&nonce)
        payloadKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: fileKey, salt: nonce, info: Array("payload".utf8), outputByteCount: 32)
        try emit(header.encoded + nonce)
    }

    /// Adds plaintext; full chunks are sealed and written once more follows them.
    public func write(_ bytes: some Collection<UInt8>) throws {
        pending.append(contentsOf: bytes)
        var start = 0
        while pending.count - start > Age.chunkSize {
            try seal(pending[start..<(start + Age.chunkSize)], last: false)
            start += Age.chunkSize
        }
        if start > 0 { pending.removeFirst(start) }
    }

    /// Seals the last chunk (empty only when nothing was written) and ends the armor.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try seal(pending[...], last: true)
        pending = []
        if let armor { try output(armor.finish()) }
    }

    private func seal(_ chunk: ArraySlice<UInt8>, last: Bool) throws {
        let box = try ChaChaPoly.seal(chunk, using: payloadKey, nonce: AgeDecryptor.nonce(counter, last: last))
        counter += 1
        var sealed = Array(box.ciphertext)
        sealed.append(contentsOf: box.tag)
        try emit(sealed)
    }

    private func emit(_ bytes: [UInt8]) throws {
        if let armor { try output(armor.write(bytes)) } else { try output(bytes) }
    }

    static func randomFill(_ bytes: inout [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
    }
}

/// Decrypts an age v1 file, binary or armored, chunk by chunk, checking everything the spec asks.
///
/// The header is read and the file key unwrapped (with the first identity that opens a stanza, or
/// the passphrase) and the header's MAC checked when the decryptor is made; ``next()`` then gives
/// the payload one authenticated 64 KiB chunk at a time, and throws at a changed, truncated or
/// extended payload. A caller that must not act on part of a file reads to the end first.
///
/// ```swift
/// let decryptor = try AgeDecryptor(bytes: file, name: "backup.age", identities: [identity], passphrase: nil)
/// var plaintext: [UInt8] = []
/// while let chunk = try decryptor.next() { plaintext += chunk }
/// ```
public final class AgeDecryptor {
    private let reader: AgeByteReader
    private let name: String
    private let payloadKey: SymmetricKey
    private var counter: UInt64 = 0
    private var lastSeen = false
    private var done = false

    /// Decrypts the file in `bytes`; errors are ``AgeError``s naming `name`.
    public convenience init(
        bytes: [UInt8], name: String, identities: [AgeIdentity], passphrase: (() throws -> [UInt8])?
    ) throws {
        try self.init(
            reader: AgeByteReader(bytes: bytes), name: name, identities: identities, passphrase: passphrase)
    }

    /// Decrypts the file that `read` gives.
    ///
    /// `read` returns some bytes, at most the count asked for, and an empty array at the end; its
    /// own errors pass through unchanged. Age's errors name `name`.
    public convenience init(
        name: String, identities: [AgeIdentity], passphrase: (() throws -> [UInt8])?,
        read: @escaping (Int) throws -> [UInt8]
    ) throws {
        try self.init(
            reader: AgeByteReader(source: read), name: name, identities: identities, passphrase: passphrase)
    }

    /// Reads the header and unwraps the file key; `maximumWorkFactor` lower only in tests.
    init(
        reader: AgeByteReader, name: String, identities: [AgeIdentity], passphrase: (() throws -> [UInt8])?,
        maximumWorkFactor: Int = Age.maximumWorkFactor
    ) throws {
        self.name = name
        let opened = try AgeError.naming(name) {
            var reader = reader
            // Armored or binary: the armor's first line, after any blank lines, or the version line.
            if let armored = try AgeArmor.Reader.wrapping(reader) { reader = armored }
            let header = try AgeHeader.read(from: reader)
            let fileKey = try header.unwrap(
                identities: identities, passphrase: passphrase, maximumWorkFactor: maximumWorkFactor)
            try header.verifyMAC(fileKey: fileKey)
            let nonce = try reader.read(upTo: 16)
            guard nonce.count == 16 else { throw AgeError(.header, "the file ends before its payload") }
            return (
                reader,
                HKDF<SHA256>.deriveKey(
                    inputKeyMaterial: fileKey, salt: nonce, info: Array("payload".utf8), outputByteCount: 32)
            )
        }
        self.reader = opened.0
        payloadKey = opened.1
    }

    /// The next chunk of plaintext, authenticated; `nil` after the last.
    ///
    /// Throws ``AgeError`` (``AgeError/Kind/payload``) when the payload is damaged, truncated or
    /// extended. A chunk is authenticated alone: a caller that must not act on part of a file
    /// reads to the end (``next()`` returns `nil`) before it looks at any of it.
    public func next() throws -> [UInt8]? {
        try AgeError.naming(name) { try nextChunk() }
    }

    private func nextChunk() throws -> [UInt8]? {
        if done { return nil }
        if lastSeen {
            done = true
            guard try reader.read(upTo: 1).isEmpty else {
                throw AgeError(.payload, "there is data after the end of the encrypted payload")
            }
            return nil
        }
        let sealed = try reader.read(upTo: Age.chunkSize + 16)
        guard !sealed.isEmpty else { throw AgeError(.payload, "the file is truncated (its last chunk is missing)") }
        var last = sealed.count < Age.chunkSize + 16
        if last, counter > 0, sealed.count == 16 {
            throw AgeError(.payload, "the payload ends with an empty chunk, which age never writes")
        }
        var plaintext = try? open(sealed, last: last)
        if plaintext == nil, !last {
            last = true
            plaintext = try? open(sealed, last: true)
        }
        guard let plaintext else {
            throw AgeError(
                .payload, "chunk \(counter + 1) does not authenticate: the file was changed, damaged or truncated")
        }
        counter += 1
        lastSeen = last
        return plaintext
    }

    private func open(_ sealed: [UInt8], last: Bool) throws -> [UInt8] {
        guard sealed.count >= 16 else { throw AgeError(.payload, "a chunk is too short") }
        let box = try ChaChaPoly.SealedBox(
            nonce: Self.nonce(counter, last: last), ciphertext: sealed.dropLast(16), tag: sealed.suffix(16))
        return Array(try ChaChaPoly.open(box, using: payloadKey))
    }

    /// The STREAM nonce: an 11-byte big-endian counter and the last-chunk flag.
    static func nonce(_ counter: UInt64, last: Bool) throws -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[10 - index] = UInt8((counter >> (8 * UInt64(index))) & 0xFF) }
        bytes[11] = last ? 1 : 0
        return try ChaChaPoly.Nonce(data: bytes)
    }
}
