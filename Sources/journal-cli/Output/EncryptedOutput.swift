import ArgumentParser
import Foundation
import Journal

extension OutputFile {
    /// ``writing(to:force:journal:_:)``, encrypting what `body` writes when `encryption` is given.
    ///
    /// The plaintext never reaches a file: `body`'s sink hands each block to the age encryptor,
    /// whose output goes where `--output` says (an unnamed file until it is whole, mode 0600).
    /// Binary encrypted data is not written to a terminal: that needs `--armor`.
    static func writing<T>(
        to path: String?, force: Bool, journal: String, encryption: Encryption?, _ body: (OutputSink) throws -> T
    ) throws -> T {
        guard let encryption else { return try writing(to: path, force: force, journal: journal, body) }
        if path == nil || path == "/dev/stdout", isatty(STDOUT_FILENO) != 0, !encryption.armor {
            throw ValidationError(
                "encrypted data is binary and standard output is a terminal: add --armor, give --output FILE, "
                    + "or redirect it.")
        }
        return try writing(to: path, force: force, journal: journal) { sink in
            let encryptor = try encryption.encryptor { try sink.write(bytes: $0) }
            let plaintext = OutputSink(name: path ?? "standard output") { try encryptor.write($0) }
            let result = try body(plaintext)
            try plaintext.flush()
            try encryptor.finish()
            return result
        }
    }
}
