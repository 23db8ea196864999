import Foundation
import Journal

/// Asks questions on standard error and reads the answers from standard input, one per line:
/// at a terminal as a conversation, elsewhere from a script's lines.
enum Questions {
    /// What a person answered.
    enum Answer<Value> {
        case value(Value)
        /// `s`: skip this exercise.
        case skip
        /// `q`, or the end of the input: stop.
        case quit
    }

    /// Asks `question` until `read` accepts the answer, printing its refusal each time;
    /// `s` and `q` (when `escapes`) skip or quit, and the end of input quits.
    static func ask<Value>(
        _ question: String, escapes: Bool = true, read: (String) throws -> Value
    ) -> Answer<Value> {
        while true {
            Console.prompt(question)
            guard let line = readLine() else { return .quit }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if escapes, answer.lowercased() == "s" { return .skip }
            if escapes, answer.lowercased() == "q" { return .quit }
            do {
                return .value(try read(answer))
            } catch let error as JournalError {
                Console.err("journal: \(error)")
            } catch {
                Console.err("journal: \(error)")
            }
        }
    }

    /// A 0–10 pain reading for `field` ("pain before"), with the same message as `journal log`.
    static func pain(_ field: String, escapes: Bool = true) -> Answer<PainLevel> {
        ask(
            "\(field.prefix(1).uppercased() + field.dropFirst()) (0-10\(escapes ? ", s skips, q ends" : "")): ",
            escapes: escapes
        ) {
            try PainLevel(parsing: $0, field: field)
        }
    }
}
