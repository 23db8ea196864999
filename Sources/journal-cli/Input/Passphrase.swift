import Foundation
import Journal

/// The terminal's settings while echo is off, to put back if a signal ends the process meanwhile.
private nonisolated(unsafe) var echoingTerminal: (descriptor: Int32, settings: termios)?

/// Passphrases, as bytes: typed at the terminal without echo, or read from a private file.
enum Passphrase {
    /// The longest passphrase read, in bytes.
    static let maximumBytes = 1 << 16

    /// The signals that would end the process while echo is off.
    private static let signals = StopSignals.all

    /// Whether there is a terminal to ask on (`/dev/tty`, whatever standard input is).
    static var hasTerminal: Bool {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// The bytes of the first line of `path`, exactly as the file holds them (as age takes a
    /// passphrase: bytes, not text), without its line end.
    ///
    /// The file is opened without waiting for a writer and checked on the open file (`fstat`)
    /// before anything is read: it must be a regular file, or a pipe such as `<(pass show …)`,
    /// private to its owner; an empty first line is refused.
    ///
    /// `decrypting`: for a file to decrypt, whose refusal says that nothing was changed.
    static func read(from path: String, decrypting: Bool = false) throws -> [UInt8] {
        let input = try InputSource.keyFile(path) {
            JournalError.invalidPassphrase(
                "\(path) is \(InputSource.notAKeyFile): it holds no passphrase", decrypting: decrypting)
        }
        if try input.status().st_mode & 0o077 != 0 { throw JournalError.unsafePassphraseFile(path: path) }
        let bytes = try input.bytes(limit: maximumBytes, truncating: true)
        var line = Array(bytes.prefix { $0 != 0x0A })
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty else {
            throw JournalError.invalidPassphrase(
                "the first line of \(path) is empty: it holds no passphrase", decrypting: decrypting)
        }
        return line
    }

    /// A new passphrase, typed twice without echo at the terminal.
    static func askTwice() throws -> [UInt8] {
        let first = try ask("Passphrase for the encrypted file: ")
        guard !first.isEmpty else { throw JournalError.invalidPassphrase("the passphrase is empty") }
        let second = try ask("The same passphrase again: ")
        guard first == second else { throw JournalError.invalidPassphrase("the two passphrases differ") }
        return first
    }

    /// The passphrase of a file to decrypt, typed once without echo at the terminal.
    static func askOnce() throws -> [UInt8] {
        try ask("Passphrase: ")
    }

    /// Asks on `/dev/tty` with echo off, putting the terminal back however the question ends.
    private static func ask(_ prompt: String) throws -> [UInt8] {
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
                    StopSignals.end(by: received)
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
        return line
    }
}
