import Foundation
import Journal

/// A file written whole or not at all: the data goes to a private temporary file (0600) in the
/// same folder, which replaces the target only once everything is written and synced.
struct OutputFile {
    let path: String
    let temporaryPath: String
    let descriptor: Int32

    /// Opens the temporary file; refuses to replace an existing `path` unless `force`.
    init(path: String, force: Bool) throws {
        if !force, FileManager.default.fileExists(atPath: path) { throw JournalError.outputExists(path: path) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        temporaryPath = folder + "/." + url.lastPathComponent + ".journal-\(UUID().uuidString).tmp"
        descriptor = open(temporaryPath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == EACCES || errno == EROFS || errno == EPERM { throw JournalError.permissionDenied(path: folder) }
            throw JournalError.cannotCreate(path: path, reason: reason)
        }
        self.path = path
    }

    /// Syncs, closes and moves the file into place.
    func commit() throws {
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw JournalError.io(path: path, reason: reason)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw JournalError.cannotCreate(path: path, reason: reason)
        }
    }

    /// Runs `body` with a sink onto standard output, or onto `path` written whole or not at all.
    static func writing<T>(to path: String?, force: Bool, _ body: (OutputSink) throws -> T) throws -> T {
        guard let path else {
            let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
            let result = try body(sink)
            try sink.flush()
            return result
        }
        let file = try OutputFile(path: path, force: force)
        do {
            let sink = OutputSink(descriptor: file.descriptor, name: path)
            let result = try body(sink)
            try sink.flush()
            try file.commit()
            return result
        } catch {
            file.discard()
            throw error
        }
    }

    /// Removes the temporary file; the target is untouched.
    func discard() {
        unlink(temporaryPath)
    }
}
