import Foundation
import Journal

/// Asks questions on standard error and reads the answers from standard input, one per line:
/// at a terminal as a conversation, elsewhere from a script's lines.
///
/// At a terminal a refused answer is asked again. Off a terminal it ends the questions
/// (``Refused``): the lines after it were written for the questions that would have followed, and
/// reading them as answers to the same question again would shift every later answer.
enum Questions {
    /// An answer refused off a terminal: the line of standard input it was on, and why.
    struct Refused: Error {
        let line: Int
        let reason: String
    }

    /// Whether the answers come from a person at a terminal.
    static let atTerminal = isatty(STDIN_FILENO) == 1

    /// Lines of standard input read so far, the one being answered included.
    nonisolated(unsafe) static var linesRead = 0

    /// What a person answered.
    enum Answer<Value> {
        case value(Value)
        /// `s`: skip this exercise.
        case skip
        /// `q`, or the end of the input: stop.
        case quit
    }

    /// Asks `question` until `read` accepts the answer, printing its refusal each time (off a
    /// terminal, throws ``Refused`` instead); `s` and `q` (when `escapes`) skip or quit, and the
    /// end of input quits.
    static func ask<Value>(
        _ question: String, escapes: Bool = true, read: (String) throws -> Value
    ) throws -> Answer<Value> {
        while true {
            Console.prompt(question)
            let line: String?
            do { line = try readLine() } catch let tooLong as AnswerTooLong {
                throw Refused(line: tooLong.line, reason: tooLong.reason)
            }
            guard let line else { return .quit }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if escapes, answer.lowercased() == "s" { return .skip }
            if escapes, answer.lowercased() == "q" { return .quit }
            do {
                return .value(try read(answer))
            } catch {
                let reason = "\(error)"
                guard atTerminal else { throw Refused(line: linesRead, reason: reason) }
                Console.err("journal: \(reason)")
            }
        }
    }

    /// The longest answer read; a longer line (or endless input such as /dev/zero) ends the questions.
    static let maximumAnswerBytes = 4096

    /// A line of standard input longer than ``maximumAnswerBytes``: nothing in it is an answer, and
    /// what follows it cannot be told apart from it, so the questions end there.
    struct AnswerTooLong: Error {
        /// The line of standard input it was on.
        let line: Int
        var reason: String {
            "an answer longer than \(maximumAnswerBytes) bytes is more than any answer needs, so it was not read."
        }
    }

    /// One line of standard input without its line end, as ``readLine()``; past
    /// ``maximumAnswerBytes`` it says so and returns `nil`, as at the end of input.
    static func readAnswer() -> String? {
        do {
            return try readLine()
        } catch let tooLong as AnswerTooLong {
            Console.err("journal: line \(tooLong.line) of standard input: \(tooLong.reason) The questions end here.")
        } catch {}
        return nil
    }

    /// One line of standard input without its line end, read a byte at a time so that nothing past
    /// it is consumed; `nil` at the end of input; ``AnswerTooLong`` past ``maximumAnswerBytes``.
    static func readLine() throws -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                guard !bytes.isEmpty else { return nil }
                linesRead += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if byte == 0x0A { break }
            bytes.append(byte)
            if bytes.count > maximumAnswerBytes { throw AnswerTooLong(line: linesRead + 1) }
        }
        linesRead += 1
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A yes-or-no question, answered y, yes, n or no (any case), or an empty line for the default.
    ///
    /// `q` is no. Anything else is refused like any other answer (off a terminal it ends the questions,
    /// naming its line), so that an answer meant for a later question is never taken as this one's.
    static func yesOrNo(_ question: String, default: Bool) throws -> Answer<Bool> {
        try ask(question, escapes: false) { text -> Bool in
            switch text.lowercased() {
            case "": return `default`
            case "y", "yes": return true
            case "n", "no", "q": return false
            default: throw NotYesOrNo(answer: text)
            }
        }
    }

    /// An answer to a yes-or-no question that is neither.
    struct NotYesOrNo: Error, CustomStringConvertible {
        let answer: String
        var description: String { "'\(answer)' is not an answer to a yes-or-no question: answer y or n." }
    }

    /// A 0–10 pain reading for `field` ("pain before"), with the same message as `journal log`.
    static func pain(_ field: String, escapes: Bool = true) throws -> Answer<PainLevel> {
        try ask(
            "\(field.prefix(1).uppercased() + field.dropFirst()) (0-10\(escapes ? ", s skips, q ends" : "")): ",
            escapes: escapes
        ) {
            try PainLevel(parsing: $0, field: field)
        }
    }
}
