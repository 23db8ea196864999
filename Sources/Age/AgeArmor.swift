import Foundation

/// The age ASCII armor (C2SP age, "ASCII armor"): the binary file in padded base64, 64 columns,
/// between `-----BEGIN AGE ENCRYPTED FILE-----` and `-----END AGE ENCRYPTED FILE-----` lines.
///
/// Reading is as strict as age's: only blank lines before the armor and whitespace after it, every
/// line but the last exactly 64 columns, canonical base64, LF or CRLF line ends.
enum AgeArmor {
    static let header = "-----BEGIN AGE ENCRYPTED FILE-----"
    static let footer = "-----END AGE ENCRYPTED FILE-----"
    /// How much whitespace may come before or after the armor.
    static let maximumWhitespace = 1024
    private static let whitespace: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]

    /// Whether `start`, a file's first bytes, is whitespace then `line` (`-----BEGIN` for the
    /// reader, which then holds the file to the armor's rules, as age does).
    static func begins(_ start: [UInt8], with line: [UInt8] = Array("-----BEGIN".utf8)) -> Bool {
        start.drop(while: { whitespace.contains($0) }).starts(with: line)
    }

    /// Turns the binary file into armor as it is written.
    final class Writer {
        private var started = false
        private var pending: [UInt8] = []

        /// The armor lines `bytes` complete (the first call also gives the opening line).
        func write(_ bytes: [UInt8]) -> [UInt8] {
            var output: [UInt8] = []
            if !started {
                started = true
                output += Array((AgeArmor.header + "\n").utf8)
            }
            pending += bytes
            let whole = pending.count / 48 * 48
            var start = 0
            while start < whole {
                output += Array((Base64.encodePadded(pending[start..<(start + 48)]) + "\n").utf8)
                start += 48
            }
            pending.removeFirst(whole)
            return output
        }

        /// The last, shorter line (if any) and the closing line.
        func finish() -> [UInt8] {
            var output = write([])
            if !pending.isEmpty { output += Array((Base64.encodePadded(pending) + "\n").utf8) }
            pending = []
            return output + Array((AgeArmor.footer + "\n").utf8)
        }
    }

    /// Decodes armor line by line, as age's reader does.
    final class Reader {
        private let input: AgeByteReader
        private var finished = false

        private init(input: AgeByteReader) {
            self.input = input
        }

        /// A reader of the binary file inside `input` when `input` starts with the armor (after
        /// blank lines); `nil` when it does not, leaving `input` unread.
        static func wrapping(_ input: AgeByteReader) throws -> AgeByteReader? {
            guard begins(try input.peek(Age.detectionLength)) else { return nil }
            var skipped = 0
            while true {
                guard
                    let line = try input.readLine(limit: maximumWhitespace + header.count + 1, kind: .armor)
                        .map({ trim($0.0) })
                else { throw AgeError(.armor, "the armor ends before it begins") }
                if line.allSatisfy({ whitespace.contains($0) }) {
                    skipped += line.count + 1
                    guard skipped <= maximumWhitespace else {
                        throw AgeError(.armor, "too much whitespace before the armor")
                    }
                    continue
                }
                guard line == Array(header.utf8) else {
                    throw AgeError(.armor, "the armor's first line is not \(header)")
                }
                break
            }
            let reader = Reader(input: input)
            return AgeByteReader { _ in try reader.nextLine() }
        }

        /// The bytes of the next armor line; none after the closing line.
        private func nextLine() throws -> [UInt8] {
            if finished { return [] }
            let line = try line()
            if line == Array(footer.utf8) {
                try drainTrailing()
                return []
            }
            guard !line.isEmpty else { throw AgeError(.armor, "an empty line inside the armor") }
            guard line.count <= 64 else { throw AgeError(.armor, "an armor line is longer than 64 columns") }
            guard let bytes = Base64.decodePadded(line) else {
                throw AgeError(.armor, "an armor line is not canonical base64")
            }
            if bytes.count < 48 {
                guard try self.line() == Array(footer.utf8) else {
                    throw AgeError(.armor, "a short armor line is not followed by the closing line")
                }
                try drainTrailing()
            }
            return bytes
        }

        private func line() throws -> [UInt8] {
            guard let (line, _) = try input.readLine(limit: 128, kind: .armor) else {
                throw AgeError(.armor, "the armor has no closing line (the file is truncated)")
            }
            return Self.trim(line)
        }

        /// After the closing line: whitespace only, and not too much of it.
        private func drainTrailing() throws {
            finished = true
            let rest = try input.read(upTo: maximumWhitespace)
            guard rest.allSatisfy({ whitespace.contains($0) }) else {
                throw AgeError(.armor, "there is data after the armor's closing line")
            }
            guard rest.count < maximumWhitespace else {
                throw AgeError(.armor, "too much whitespace after the armor")
            }
        }

        private static func trim(_ line: [UInt8]) -> [UInt8] {
            line.last == 0x0D ? Array(line.dropLast()) : line
        }
    }
}
