import ArgumentParser
import Foundation
import Journal

/// What a command line typed, read from its words alone: the command it names, each option's
/// values and the other words, whether or not the parser accepts the whole line.
///
/// For a command line the parser refused (an unknown option, a value out of range), so that what
/// was typed right can still be read (``AdviceFirst/tellBeforeRefusal(_:)``). The options a command
/// takes come from the parser's own description of it (``UsageCheck/arguments(of:)``), so no list
/// of options is kept twice.
///
/// ```swift
/// let typed = TypedOptions(["checkin", "--pain", "11", "--red-flag=chest-pain", "--foo"])
/// typed.command == CheckInCommand.self  // true
/// typed.values["--red-flag"]            // ["chest-pain"]
/// typed.single("--pain")                // "11"
/// ```
struct TypedOptions {
    /// The command the leading words name (`checkins edit`), the root when they name none.
    let command: any ParsableCommand.Type
    /// Each option's values as typed, in order, by the option's preferred name (`--red-flag`):
    /// `--red-flag X`, `--red-flag=X`, and for a short name `-b 4` or `-b4`.
    private(set) var values: [String: [String]] = [:]
    /// The words that are neither an option nor an option's value, up to `--`.
    private(set) var positionals: [String] = []

    init(_ arguments: [String]) {
        let words = Array(arguments.prefix { $0 != "--" })
        let (command, names) = Self.command(in: words)
        self.command = command
        var index = names
        // Every spelling of each option that takes a value, and its preferred name.
        var preferred: [String: String] = [:]
        for argument in UsageCheck.arguments(of: command) where argument["kind"] as? String == "option" {
            guard let name = UsageCheck.spelling(argument["preferredName"]) else { continue }
            for spelling in UsageCheck.spellings(of: argument) { preferred[spelling] = name }
        }
        while index < words.count {
            let word = words[index]
            index += 1
            // A negative number is a value, as the parser reads it.
            guard word.hasPrefix("-"), word.count > 1, Int(word) == nil else {
                positionals.append(word)
                continue
            }
            let option = UsageCheck.optionName(word)
            guard let name = preferred[option] else { continue }
            if word.count > option.count {
                let attached = word.dropFirst(option.count)
                values[name, default: []].append(String(option.hasPrefix("--") ? attached.dropFirst() : attached))
            } else if index < words.count, preferred[UsageCheck.optionName(words[index])] == nil {
                // An option next is no value: the parser says this one's value is missing.
                values[name, default: []].append(words[index])
                index += 1
            }
        }
    }

    /// The command the leading words of `arguments` name, and how many words name it; cheap, as it
    /// reads no command's description.
    ///
    /// A word people use for a command names it too (``UsageCheck/synonyms``: `check-in` is
    /// `checkin`), though the parser refuses it: what was typed after it is read as that command's.
    static func command(in arguments: [String]) -> (command: any ParsableCommand.Type, words: Int) {
        var command: any ParsableCommand.Type = JournalCommand.self
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let subcommands = command.configuration.subcommands
            let synonym = command == JournalCommand.self ? UsageCheck.synonyms[word.lowercased()] : nil
            guard
                let next = subcommands.first(where: { UsageCheck.name(of: $0) == word })
                    ?? subcommands.first(where: { UsageCheck.name(of: $0) == synonym })
            else { break }
            command = next
            index += 1
        }
        return (command, index)
    }

    /// The value of `option` typed exactly once; `nil` when it was not typed, or typed more than once.
    func single(_ option: String) -> String? {
        guard let typed = values[option], typed.count == 1 else { return nil }
        return typed[0]
    }
}
