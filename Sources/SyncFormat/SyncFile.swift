import Age
import Crypto

/// One file a replica writes into a sync folder: its changes since its previous file, sealed.
///
/// Each replica writes only its own files, `<replica id>/<sequence>.jsync` (the sequence as 12
/// digits, from 1), and never changes one once written. A file is an age file (C2SP age v1, with
/// the folder's ``SyncKey``) whose plaintext is, in order (integers big-endian):
///
/// | bytes | field |
/// | --- | --- |
/// | 12 | magic, `journal-sync` |
/// | 1 | version, 1 |
/// | 16 | the sync folder's id |
/// | 16 | the replica's id |
/// | 8 | the sequence number |
/// | 32 | SHA-256 of the replica's previous file's plaintext (zeros for number 1) |
/// | 8 | the payload's length |
/// | n | the payload (a changeset) |
/// | … | zeros, to the size ``paddedSize(_:)`` gives |
///
/// The padding hides the payload's size: every plaintext up to 4 KiB is 4 KiB, and a larger one
/// is rounded up as Padmé does (at most 12 % more, and its size leaks O(log log n) bits).
///
/// ```swift
/// let file = SyncFile(folder: folder, replica: replica, sequence: 1, previous: SyncFile.noPrevious, payload: bytes)
/// let sealed = try file.seal(with: key)
/// let opened = try SyncFile.open(sealed, name: file.name, key: key, folder: folder, previous: SyncFile.noPrevious)
/// ```
public struct SyncFile: Equatable, Sendable {
    public let folder: SyncID
    public let replica: SyncID
    public let sequence: UInt64
    /// SHA-256 of the replica's previous file's plaintext; ``noPrevious`` for the first.
    public let previous: [UInt8]
    public let payload: [UInt8]

    public init(folder: SyncID, replica: SyncID, sequence: UInt64, previous: [UInt8], payload: [UInt8]) {
        self.folder = folder
        self.replica = replica
        self.sequence = sequence
        self.previous = previous
        self.payload = payload
    }

    /// What the first file of a replica holds as its previous file's hash.
    public static let noPrevious = [UInt8](repeating: 0, count: 32)
    static let magic = Array("journal-sync".utf8)
    static let version: UInt8 = 1
    static let headerSize = magic.count + 1 + 2 * SyncID.byteCount + 8 + 32 + 8
    /// The smallest plaintext written.
    public static let minimumSize = 4096
    static let digits = 12

    /// The file's name in the sync folder: `<replica id>/<sequence, 12 digits>.jsync`.
    public var name: String {
        let number = String(sequence)
        return replica.hex + "/" + String(repeating: "0", count: max(0, Self.digits - number.count)) + number
            + ".jsync"
    }

    /// The plaintext, padded.
    public var plaintext: [UInt8] {
        var bytes = Self.magic
        bytes.append(Self.version)
        bytes += folder.bytes + replica.bytes
        bytes += Self.bigEndian(sequence)
        bytes += previous
        bytes += Self.bigEndian(UInt64(payload.count))
        bytes += payload
        bytes += [UInt8](repeating: 0, count: Self.paddedSize(bytes.count) - bytes.count)
        return bytes
    }

    /// SHA-256 of the plaintext: what the replica's next file holds as ``previous``.
    public var hash: [UInt8] { Array(SHA256.hash(data: plaintext)) }

    /// The SHA-256 of `bytes` (a sealed file as written, to tell later whether it is still the same).
    public static func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// The padded size of a plaintext of `size` bytes: at least ``minimumSize``, else Padmé's
    /// rounding (the low bits of the size cleared, as many as the size's bit length's own bit
    /// length less one: 4097 → 4352, 100 000 → 100 352).
    public static func paddedSize(_ size: Int) -> Int {
        guard size > minimumSize else { return minimumSize }
        let exponent = Int.bitWidth - 1 - size.leadingZeroBitCount
        let exponentBits = Int.bitWidth - exponent.leadingZeroBitCount
        let mask = (1 << (exponent - exponentBits)) - 1
        return (size + mask) & ~mask
    }

    /// The file encrypted with `key`, ready to be written under ``name``.
    public func seal(with key: SyncKey) throws -> [UInt8] {
        var sealed: [UInt8] = []
        do {
            let encryptor: AgeEncryptor
            switch key {
            case .passphrase(let passphrase):
                encryptor = try AgeEncryptor(passphrase: passphrase) { sealed += $0 }
            case .x25519(let recipients, _):
                encryptor = try AgeEncryptor(recipients: recipients) { sealed += $0 }
            }
            try encryptor.write(plaintext)
            try encryptor.finish()
        } catch let error as AgeError {
            throw SyncFileError(.unusableKey, name, "The file cannot be encrypted: \(error.reason).")
        }
        return sealed
    }

    /// Decrypts and checks the file `bytes` found under `name`: it must belong to `folder`, be the
    /// replica and sequence its name says, and follow the file whose hash is `previous`.
    ///
    /// Throws ``SyncFileError`` naming `name` for anything else.
    public static func open(
        _ bytes: [UInt8], name: String, key: SyncKey, folder: SyncID, previous: [UInt8]
    ) throws -> SyncFile {
        let file = try open(bytes, name: name, key: key, folder: folder)
        guard file.previous == previous else {
            throw SyncFileError(
                .brokenChain, name,
                "The file does not follow the replica's previous file: one between them is missing or was replaced.")
        }
        return file
    }

    /// As ``open(_:name:key:folder:previous:)`` but for the chain: the file, whichever file it
    /// follows (its ``previous``), to learn where it goes in its replica's chain.
    public static func open(_ bytes: [UInt8], name: String, key: SyncKey, folder: SyncID) throws -> SyncFile {
        guard let (replica, sequence) = parse(name: name) else {
            throw SyncFileError(
                .badName, name, "The name is not <replica id>/<sequence>.jsync as journal writes it.")
        }
        let plaintext = try decrypt(bytes, name: name, key: key)
        let file = try decode(plaintext, name: name)
        guard file.folder == folder else {
            throw SyncFileError(.foreignFolder, name, "The file belongs to another sync folder.")
        }
        guard file.replica == replica else {
            throw SyncFileError(.misplaced, name, "The file was written by another replica than its folder's.")
        }
        guard file.sequence == sequence else {
            throw SyncFileError(
                .replayed, name, "The file is number \(file.sequence) of its replica, copied under another name.")
        }
        return file
    }

    /// The replica and sequence a name gives, when it is spelled as ``name`` spells it.
    static func parse(name: String) -> (SyncID, UInt64)? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let replica = SyncID(hex: String(parts[0])), parts[1].hasSuffix(".jsync") else {
            return nil
        }
        let number = parts[1].dropLast(".jsync".count)
        guard number.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let sequence = UInt64(number), sequence > 0
        else { return nil }
        let file = SyncFile(folder: replica, replica: replica, sequence: sequence, previous: [], payload: [])
        return file.name == name ? (replica, sequence) : nil
    }

    private static func decrypt(_ bytes: [UInt8], name: String, key: SyncKey) throws -> [UInt8] {
        do {
            let decryptor: AgeDecryptor
            switch key {
            case .passphrase(let passphrase):
                decryptor = try AgeDecryptor(bytes: bytes, name: name, identities: [], passphrase: { passphrase })
            case .x25519(_, let identities):
                decryptor = try AgeDecryptor(bytes: bytes, name: name, identities: identities, passphrase: nil)
            }
            var plaintext: [UInt8] = []
            while let chunk = try decryptor.next() { plaintext += chunk }
            return plaintext
        } catch let error as AgeError {
            switch error.kind {
            case .noMatch, .keyNeeded:
                throw SyncFileError(.wrongKey, name, "The sync folder's key does not open the file: \(error.reason).")
            default:
                throw SyncFileError(.damaged, name, "The file is truncated or was changed: \(error.reason).")
            }
        }
    }

    private static func decode(_ plaintext: [UInt8], name: String) throws -> SyncFile {
        guard plaintext.starts(with: magic) else {
            throw SyncFileError(.notSyncFile, name, "The file decrypts, but to something other than a sync file.")
        }
        guard plaintext.count >= headerSize else {
            throw SyncFileError(.damaged, name, "The file's header is cut short.")
        }
        guard plaintext[magic.count] == version else {
            throw SyncFileError(
                .unsupportedVersion(plaintext[magic.count]), name,
                "The file is sync format version \(plaintext[magic.count]); this journal reads version \(version).")
        }
        var position = magic.count + 1
        func take(_ count: Int) -> [UInt8] {
            defer { position += count }
            return Array(plaintext[position..<(position + count)])
        }
        let folder = SyncID(bytes: take(SyncID.byteCount))
        let replica = SyncID(bytes: take(SyncID.byteCount))
        let sequence = integer(take(8))
        let previous = take(32)
        let length = integer(take(8))
        guard let folder, let replica, length <= UInt64(plaintext.count - headerSize) else {
            throw SyncFileError(.damaged, name, "The file's payload is longer than the file.")
        }
        let payload = take(Int(length))
        guard plaintext.count == paddedSize(position), plaintext[position...].allSatisfy({ $0 == 0 }) else {
            throw SyncFileError(.damaged, name, "The file's padding is not the zeros journal writes.")
        }
        return SyncFile(folder: folder, replica: replica, sequence: sequence, previous: previous, payload: payload)
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    private static func integer(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
