import Foundation
import Journal

/// The terminal's settings while echo is off, to put back if a signal ends the process meanwhile.
private nonisolated(unsafe) var echoingTerminal: (descriptor: Int32, settings: termios)?

/// Passphrases: typed at the terminal without echo, or read from a private file.
enum Passphrase {
    /// The longest passphrase read, in bytes.
    static let maximumBytes = 1 << 16

    /// The signals that would end the process while echo is off.
    private static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Whether there is a terminal to ask on (`/dev/tty`, whatever standard input is).
    static var hasTerminal: Bool {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// The first line of `path`, refused when the file is empty or others may read or change it.
    ///
    /// The mode is checked on the open file (`fstat`), so it is the file that was read.
    static func read(from path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == EACCES { throw JournalError.permissionDenied(path: path) }
            throw JournalError.noInput(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw JournalError.io(path: path, reason: String(cString: strerror(errno)))
        }
        if status.st_mode & 0o077 != 0 { throw JournalError.unsafePassphraseFile(path: path) }
        let bytes = try KeyFiles.read(descriptor, name: path, limit: maximumBytes)
        var line = Array(bytes.prefix { $0 != 0x0A })
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty else {
            throw JournalError.invalidPassphrase("the first line of \(path) is empty: it holds no passphrase")
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// A new passphrase, typed twice without echo at the terminal.
    static func askTwice() throws -> String {
        let first = try ask("Passphrase for the encrypted file: ")
        guard !first.isEmpty else { throw JournalError.invalidPassphrase("the passphrase is empty") }
        let second = try ask("The same passphrase again: ")
        guard first == second else { throw JournalError.invalidPassphrase("the two passphrases differ") }
        return first
    }

    /// The passphrase of a file to decrypt, typed once without echo at the terminal.
    static func askOnce() throws -> String {
        try ask("Passphrase: ")
    }

    /// Asks on `/dev/tty` with echo off, putting the terminal back however the question ends.
    private static func ask(_ prompt: String) throws -> String {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else {
            throw JournalError.invalidPassphrase(
                "there is no terminal to ask for the passphrase on: pass --passphrase-file FILE "
                    + "(or, to encrypt, --recipient age1…)")
        }
        defer { close(terminal) }
        var original = termios()
        var previousHandlers: [sighandler_t?] = []
        let isTerminal = tcgetattr(terminal, &original) == 0
        if isTerminal {
            var quiet = original
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            echoingTerminal = (terminal, original)
            previousHandlers = Self.signals.map { number in
                signal(number) { received in
                    if var saved = echoingTerminal?.settings, let descriptor = echoingTerminal?.descriptor {
                        tcsetattr(descriptor, TCSANOW, &saved)
                    }
                    signal(received, SIG_DFL)
                    raise(received)
                }
            }
            tcsetattr(terminal, TCSAFLUSH, &quiet)
        }
        defer {
            if isTerminal {
                tcsetattr(terminal, TCSAFLUSH, &original)
                echoingTerminal = nil
                for (number, handler) in zip(Self.signals, previousHandlers) { signal(number, handler) }
            }
        }
        var text = Array(prompt.utf8)
        _ = text.withUnsafeMutableBytes { write(terminal, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < maximumBytes {
            let count = Glibc.read(terminal, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 || byte == 0x0A { break }
            line.append(byte)
        }
        if line.last == 0x0D { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
