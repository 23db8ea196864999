import Foundation
import Journal

/// Where `--output` writes: a regular file, written whole or not at all; or a FIFO, a device or
/// standard output, written into directly and never replaced.
///
/// A regular file (or a path where nothing is yet) is written into an unnamed temporary file in
/// the target's folder (`O_TMPFILE`, mode 0600), synced, and only then given its name: linked
/// into place, which fails if anything is there, so an existing file is refused without `force`
/// even if it appeared meanwhile; with `force`, linked under a hidden name and renamed over the
/// target. Until then the data has no name, so a process killed midway leaves nothing behind.
/// Where the file system has no `O_TMPFILE` (or `/proc` is missing), a hidden temporary file
/// beside the target stands in for it; a killed process can leave that one behind.
///
/// An existing FIFO, character or block device, and `/dev/stdout`, `/dev/stderr` and
/// `/dev/fd/N`, are opened and written to as they are: writing into them replaces nothing, so it
/// needs no `force`, and `force` never replaces them with a file. A folder or a socket is refused.
/// So is the journal being read, or any of its files, however the path names it (``JournalFiles``).
final class OutputFile {
    /// The path the person gave.
    let path: String
    /// Where the data goes.
    let descriptor: Int32
    private let kind: Kind
    private let force: Bool
    private var isOpen = true

    private enum Kind {
        /// An `O_TMPFILE` in the target's folder, named only when committed.
        case unnamed
        /// A hidden temporary file beside the target, where `O_TMPFILE` cannot be used.
        case named(String)
        /// The thing at `path` itself (a FIFO, a device), or a standard stream (not ours to close).
        case direct(owned: Bool)
    }

    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's module does not export; the same on x86-64 and arm64.
    private static let oTmpFile: Int32 = 0o20_200_000

    /// Opens where the data for `path` goes; refuses to replace an existing file unless `force`,
    /// and refuses the files of the journal at `journal` always.
    init(path: String, force: Bool, journal: String) throws {
        try JournalFiles.refuseAsOutput(path, journal: journal)
        self.path = path
        self.force = force
        if let standard = Self.standardStream(path) {
            descriptor = standard
            kind = .direct(owned: false)
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if !force { throw JournalError.outputExists(path: path) }
            case S_IFDIR:
                throw JournalError.cannotWriteFile(path: path, reason: "it is a folder")
            case S_IFIFO, S_IFCHR, S_IFBLK:
                let opened = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard opened >= 0 else { throw Self.openError(path: path) }
                descriptor = opened
                kind = .direct(owned: true)
                return
            default:
                throw JournalError.cannotWriteFile(path: path, reason: "it is not a file, a pipe or a device")
            }
        } else if errno != ENOENT {
            throw Self.createError(path: path)
        } else if !force, lstat(path, &info) == 0 {
            throw JournalError.outputExists(path: path)  // a link to nothing: the name is taken
        }
        let folder = Self.folder(of: path)
        let unnamed = open(folder, Self.oTmpFile | O_WRONLY | O_CLOEXEC, 0o600)
        if unnamed >= 0 {
            if access("/proc/self/fd/\(unnamed)", F_OK) == 0 {
                descriptor = unnamed
                kind = .unnamed
                return
            }
            Glibc.close(unnamed)  // no /proc to name it through
        } else if ![EOPNOTSUPP, EISDIR, EINVAL, ENOSYS].contains(errno) {
            throw Self.createError(path: path)
        }
        let temporary = Self.hiddenName(for: path)
        let named = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard named >= 0 else { throw Self.createError(path: path) }
        descriptor = named
        kind = .named(temporary)
    }

    deinit { close() }

    /// Syncs the file and gives it its name; for a FIFO or a device, just closes it.
    func commit() throws {
        switch kind {
        case .direct:
            close()
            return
        case .unnamed, .named:
            guard fsync(descriptor) == 0 else { throw JournalError.io(path: path, reason: Self.reason(errno)) }
        }
        switch kind {
        case .direct: break
        case .unnamed: try publishUnnamed()
        case .named(let temporary): try publishNamed(temporary)
        }
        close()
        Self.syncFolder(of: path)
    }

    /// Leaves the target untouched: the unnamed file vanishes, the hidden one is removed.
    func discard() {
        if case .named(let temporary) = kind { unlink(temporary) }
        close()
    }

    /// The name an output means standard output by, as `-` means standard input for an input.
    static let standardOutputName = "-"

    /// The file an output names: `nil` for standard output (none given, or `-`).
    static func named(_ path: String?) -> String? {
        path == standardOutputName ? nil : path
    }

    /// Runs `body` with a sink onto standard output, or onto `path` written whole or not at all;
    /// `journal` is the journal being read, which `path` may not name.
    ///
    /// Data that cannot be written to standard output, a FIFO or a device throws ``OutputFailure`` (exit 74).
    static func writing<T>(
        to path: String?, force: Bool, journal: String, _ body: (OutputSink) throws -> T
    ) throws -> T {
        guard let path else {
            let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
            return try reportingFailures(of: "standard output") {
                let result = try body(sink)
                try sink.flush()
                return result
            }
        }
        let file = try OutputFile(path: path, force: force, journal: journal)
        let sink = OutputSink(descriptor: file.descriptor, name: path)
        func write() throws -> T {
            let result = try body(sink)
            try sink.flush()
            return result
        }
        do {
            let result: T
            if case .direct = file.kind {
                result = try reportingFailures(of: path, write)
            } else {
                result = try write()
            }
            try file.commit()
            return result
        } catch {
            file.discard()
            throw error
        }
    }

    // MARK: Naming the file

    /// Links the unnamed file to `path` (refused if anything is there), or with `force` over it.
    private func publishUnnamed() throws {
        let source = "/proc/self/fd/\(descriptor)"
        if linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
        guard errno == EEXIST else { throw Self.createError(path: path) }
        guard force else { throw JournalError.outputExists(path: path) }
        var hidden = Self.hiddenName(for: path)
        while linkat(AT_FDCWD, source, AT_FDCWD, hidden, AT_SYMLINK_FOLLOW) != 0 {
            guard errno == EEXIST else { throw Self.createError(path: path) }
            hidden = Self.hiddenName(for: path)
        }
        try replace(with: hidden)
    }

    /// Moves the hidden file into place: linked (refused if anything is there), or with `force` renamed over it.
    private func publishNamed(_ temporary: String) throws {
        if !force {
            if link(temporary, path) == 0 {
                unlink(temporary)
                return
            }
            switch errno {
            case EEXIST: throw JournalError.outputExists(path: path)
            case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK:
                // No hard links here: rename, unless the target appeared meanwhile.
                var info = stat()
                if lstat(path, &info) == 0 { throw JournalError.outputExists(path: path) }
            default: throw Self.createError(path: path)
            }
        }
        try replace(with: temporary)
    }

    private func replace(with temporary: String) throws {
        guard rename(temporary, path) == 0 else {
            let error = Self.createError(path: path)
            unlink(temporary)
            throw error
        }
    }

    private func close() {
        guard isOpen else { return }
        isOpen = false
        if case .direct(owned: false) = kind { return }
        Glibc.close(descriptor)
    }

    // MARK: Helpers

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` stands for, when open:
    /// written to as the shell set it up (its offset, its append mode), not reopened.
    private static func standardStream(_ path: String) -> Int32? {
        let number: Int32?
        switch path {
        case "/dev/stdout": number = STDOUT_FILENO
        case "/dev/stderr": number = STDERR_FILENO
        default:
            let prefixes = ["/dev/fd/", "/proc/self/fd/"]
            number = prefixes.first { path.hasPrefix($0) }.flatMap { Int32(path.dropFirst($0.count)) }
        }
        guard let number, number >= 0, fcntl(number, F_GETFD) >= 0 else { return nil }
        return number
    }

    private static func folder(of path: String) -> String {
        PathName.openableFolder(of: path)
    }

    private static func hiddenName(for path: String) -> String {
        folder(of: path) + "/." + PathName.lastComponent(of: path) + ".journal-\(UUID().uuidString).tmp"
    }

    /// Makes the new name durable; a folder that cannot be synced is not an error.
    private static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Glibc.close(descriptor)
    }

    private static func reason(_ number: Int32) -> String {
        number == ENOSPC ? JournalError.diskFull : String(cString: strerror(number))
    }

    /// Opening a FIFO or a device that is there: a denial is the file's own (77).
    private static func openError(path: String) -> JournalError {
        let number = errno
        if [EACCES, EROFS, EPERM].contains(number) { return .permissionDenied(path: path) }
        return .cannotWriteFile(path: path, reason: String(cString: strerror(number)))
    }

    /// Making the file in its folder, or finding the way to it: 73, saying why (a full disk: 74).
    private static func createError(path: String) -> JournalError {
        let number = errno
        if number == ENOSPC { return .io(path: path, reason: reason(number)) }
        return .cannotWriteFile(path, errno: number)
    }

    /// Runs `body`, turning a failure to write to `destination` (the sink's name) into ``OutputFailure``.
    private static func reportingFailures<T>(of destination: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch JournalError.io(let failed, let reason) where failed == destination {
            throw OutputFailure(
                destination: destination,
                reason: reason == JournalError.diskFull ? String(cString: strerror(ENOSPC)) : reason)
        }
    }
}
