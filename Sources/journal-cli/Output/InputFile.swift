import Foundation
import Journal

/// An input read whole before the journal is touched: a file, or standard input (`-`), copied
/// into an unnamed temporary file that vanishes when closed.
///
/// So an import holds no lock while a slow producer writes to its pipe, memory stays flat
/// however large the input, and the input can be read again from the start.
final class InputFile {
    /// How messages name the input.
    let name: String
    private let descriptor: Int32

    /// Copies `path` (`-`: standard input) into an unnamed temporary file.
    init(_ path: String) throws {
        name = path == "-" ? "standard input" : path
        let source = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            if errno == EACCES { throw JournalError.permissionDenied(path: path) }
            throw JournalError.noInput(path: path, reason: String(cString: strerror(errno)))
        }
        defer { if source != STDIN_FILENO { close(source) } }
        descriptor = try Self.unnamedFile()
        do {
            try Self.copy(from: source, to: descriptor, name: name)
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

    private static func copy(from source: Int32, to target: Int32, name: String) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError.io(path: name, reason: String(cString: strerror(errno)))
            }
            let sink = OutputSink(descriptor: target, name: "a temporary file")
            try sink.write(bytes: Array(buffer[0..<count]))
            try sink.flush()
        }
    }
}
