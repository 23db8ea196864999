import Foundation
import Journal

/// An input read whole before the journal is touched: a file, or standard input (`-`), copied
/// into an unnamed temporary file that vanishes when closed.
///
/// So an import holds no lock while a slow producer writes to its pipe, memory stays flat
/// however large the input, and the input can be read again from the start. The copy is bounded:
/// an input larger than ``maximumBytes`` is refused (a larger regular file before anything is
/// copied), and so is one holding a NUL byte, which no UTF-8 export holds (UTF-16 text, a binary
/// file, `/dev/zero`), at the line it is on, so that neither fills the temporary folder.
final class InputFile {
    /// The largest input an import reads: 1 GiB, fifty times a full export of 100,000 entries.
    static let maximumBytes = 1 << 30

    /// How messages name the input.
    let name: String
    private let descriptor: Int32

    /// Copies `path` (`-`: standard input) into an unnamed temporary file, through the one input
    /// source: decrypted with `keys` when it is an age file (an encrypted export), and then only
    /// looked at once the whole file is authenticated.
    init(_ path: String, keys: DecryptionKeys = .none) throws {
        let source = try InputSource(path)
        name = source.name
        descriptor = try Self.unnamedFile()
        do {
            try Self.copy(source, keys: keys, to: descriptor, name: name)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The input from its first byte.
    func bytes() throws -> ByteSource {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw JournalError.io(path: name, reason: String(cString: strerror(errno)))
        }
        return ByteSource(descriptor: descriptor, name: name)
    }

    /// A private file in the temporary folder with no name: `O_TMPFILE`, or a file unlinked at once.
    private static func unnamedFile() throws -> Int32 {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // O_TMPFILE (__O_TMPFILE | O_DIRECTORY), which Glibc's module does not export; the same on x86-64 and arm64.
        let oTmpFile: Int32 = 0o20_200_000
        let descriptor = open(folder, oTmpFile | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor >= 0 { return descriptor }
        var template = Array((folder + "/journal-input-XXXXXX").utf8CString)
        let fallback = mkstemp(&template)
        guard fallback >= 0 else {
            throw JournalError.cannotCreate(path: folder, reason: String(cString: strerror(errno)))
        }
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        return fallback
    }

    /// Copies `source`, decrypted, into `target`, refusing more than ``maximumBytes``, any NUL
    /// byte, and a journal backup (a SQLite file, which `journal restore` reads).
    ///
    /// A plain input is refused at its first NUL byte, before more of it fills the temporary
    /// folder. An encrypted one is copied to its authenticated end first: a file changed after
    /// its first chunk is refused as changed, not for what its first chunk holds.
    private static func copy(_ source: InputSource, keys: DecryptionKeys, to target: Int32, name: String) throws {
        var total = 0
        var problem: JournalError?
        let sink = OutputSink(descriptor: target, name: "a temporary file")
        try source.plaintext(keys: keys, limit: maximumBytes) { buffer, encrypted in
            if problem == nil {
                problem = try Self.problem(in: buffer, at: total, copy: target, name: name)
                if let problem, !encrypted { throw problem }
            }
            total += buffer.count
            try sink.write(bytes: buffer)
            try sink.flush()
        }
        if let problem { throw problem }
    }

    /// What makes `buffer`, the input from byte `offset`, no export: a SQLite header at its
    /// start, or a NUL byte (with the line it is on).
    private static func problem(in buffer: [UInt8], at offset: Int, copy: Int32, name: String) throws -> JournalError? {
        if offset == 0, buffer.starts(with: Array("SQLite format 3\0".utf8)) {
            return JournalError.invalidImport(
                line: 1, problem: "\(name) is a journal backup, not an export: restore it with `journal restore`.")
        }
        let count = buffer.count
        let nul: Int? = buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base, 0, count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        guard let nul else { return nil }
        return JournalError.invalidImport(
            line: try lineCount(copy, upTo: offset) + lineEnds(buffer[0..<nul]),
            problem: "a NUL byte: \(name) is not UTF-8 text (UTF-16 text, or not text at all).")
    }

    /// The line that byte `offset` of the copy so far starts: 1 + the line feeds before it.
    private static func lineCount(_ copy: Int32, upTo offset: Int) throws -> Int {
        var lines = 1
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = 0
        while position < offset {
            let count = buffer.withUnsafeMutableBytes {
                pread(copy, $0.baseAddress, min($0.count, offset - position), off_t(position))
            }
            guard count > 0 else { break }
            lines += lineEnds(buffer[0..<count])
            position += count
        }
        return lines
    }

    private static func lineEnds(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
