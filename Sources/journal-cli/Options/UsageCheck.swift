import ArgumentParser
import Foundation
import Journal

/// Usage mistakes that swift-argument-parser reports late or plainly, found again from the
/// command line when parsing failed.
///
/// The parser runs a command's `validate()` before it looks for options it does not know, so off
/// a terminal `journal log bridge -b 4 -a 3` said "Give --pain-before and --pain-after" and hid
/// "Unknown option '-b'"; and `journal stats` said only "Unexpected argument". Both are found here
/// from the parser's own description of the commands (`_dumpHelp`), so no list of options is kept twice.
enum UsageCheck {
    /// Words people try for a command, and the command that does it.
    static let synonyms = [
        "stats": "report", "summary": "report", "progress": "report", "add": "log", "record": "log",
        "history": "list", "entries": "list", "show": "list", "remove": "delete", "rm": "delete",
        "status": "check", "due": "today", "plans": "plan", "exercise": "exercises", "check-in": "checkin",
    ]

    /// The message for an unknown command or option in `arguments`, or `nil` when there is none to add.
    static func message(for arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = JournalCommand.self
        var path = ["journal"]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            // A negative number is a value, which the parser reports as missing in its own words
            // (an id, right after its command, is caught as not an id below).
            if word.hasPrefix("-") && word.count > 1 && Int(word) == nil {
                let known = names(of: command)
                if !known.contains(optionName(word)) {
                    let hint =
                        latestWords.contains(optionName(word))
                        ? latestHint(path: path).map { ". " + $0 } : nearestOption(optionName(word), among: known)
                    return "Error: Unknown option '\(optionName(word))'\(hint ?? "")\n"
                        + "\(Self.usage(for: command))\n"
                        + "  See '\(path.joined(separator: " ")) --help' for more information."
                }
                index += 1
                continue
            }
            if word == "help" { return nil }
            // An id right after its command, or after another id (`journal delete 3 0`).
            if index > 0, arguments[index - 1] == path.last || Read.idValue(arguments[index - 1]) != nil,
                let message = notAnID(word, path: path, command: command)
            {
                return message
            }
            let subcommands = command.configuration.subcommands
            if let next = subcommands.first(where: { name(of: $0) == word }) {
                command = next
                path.append(word)
            } else if !subcommands.isEmpty {
                // A word a default subcommand would take as its argument is not a command's name.
                if let fallback = command.configuration.defaultSubcommand, takesArguments(fallback) { return nil }
                return unknownCommand(word, among: subcommands.map(name(of:)), path: path)
            }
            index += 1
        }
        return exerciseInWords(arguments, command: command, path: path)
            ?? splitValue(in: arguments, command: command, path: path)
            ?? strayArguments(in: arguments, command: command, path: path)
    }

    /// The commands whose first argument is an exercise.
    static let exerciseCommands: [any ParsableCommand.Type] = [
        Log.self, Plan.Set.self, Plan.Remove.self, Exercises.Show.self,
    ]

    /// The message for an exercise's name typed as several words without quotes (`journal log glute
    /// bridge --pain-before 4`), which the parser reports as an unexpected argument, when the words
    /// name an exercise together (``Wording/exerciseInWords(command:typed:id:)``): a built-in one, else
    /// one of the person's own, read from the journal `--db` names (opened as the command would have
    /// opened it); `nil` otherwise.
    static func exerciseInWords(_ arguments: [String], command: any ParsableCommand.Type, path: [String]) -> String? {
        guard exerciseCommands.contains(where: { $0 == command }) else { return nil }
        let words = Array(
            arguments.prefix(while: { $0 != "--" }).dropFirst(path.count - 1).prefix { !$0.hasPrefix("-") })
        guard words.count >= 2 else { return nil }
        func named(in catalog: Catalog) -> String? {
            // The most words that name an exercise together.
            for count in stride(from: words.count, through: 2, by: -1) {
                let typed = words.prefix(count).joined(separator: " ")
                guard let exercise = try? catalog.resolve(typed) else { continue }
                return "Error: Unexpected argument '\(words[1])'. "
                    + Wording.exerciseInWords(command: path.joined(separator: " "), typed: typed, id: exercise.id)
                    + "\n\(Self.usage(for: command))\n"
                    + "  See '\(path.joined(separator: " ")) --help' for more information."
            }
            return nil
        }
        if let message = named(in: Catalog.builtIn) { return message }
        let database = TypedOptions(arguments).values["--db"] ?? []
        guard database.count <= 1, let store = try? StoreOptions.parse(database.flatMap { ["--db", $0] }),
            let catalog = try? store.catalog()
        else { return nil }
        return named(in: catalog)
    }

    /// Words people use for an option, and the options they mean, in the order to name them: only
    /// those the command takes are named (`--time` is `--at` on `log`; `--since` is `--from` on
    /// `report`).
    static let optionWords: [String: [String]] = [
        "--time": ["--at"], "--when": ["--at"], "--on": ["--at"],
        "--date": ["--at", "--from", "--since"], "--day": ["--at", "--from", "--since"],
        "--last-weeks": ["--weeks", "--last"], "--weeks-back": ["--weeks", "--last"],
        "--last-months": ["--months", "--last"], "--months-back": ["--months", "--last"],
        "--since": ["--from"], "--start": ["--from", "--since"], "--from": ["--since"],
        "--until": ["--to"], "--end": ["--to"],
        "-b": ["--pain-before", "--pain"], "-a": ["--pain-after", "--pain"],
        "--before": ["--pain-before", "--pain"], "--after": ["--pain-after", "--pain"],
        "--pain-before": ["--pain"], "--pain-after": ["--pain"],
    ]

    /// `. The nearest: --pain-before.` for an unknown long option: the options it is a word for
    /// (``optionWords``), or else those one or two edits from it (`--pain-befor`), fewer than half
    /// its letters (`--time` is not `--side`), or its beginning; `nil` when none is near.
    static func nearestOption(_ typed: String, among known: Set<String>) -> String? {
        var near = (optionWords[typed] ?? []).filter(known.contains)
        if near.isEmpty, typed.hasPrefix("--"), typed.count > 3 {
            near = known.filter { $0.hasPrefix("--") && $0 != typed }
                .map { ($0, $0.hasPrefix(typed) ? 1 : distance(typed, $0)) }
                .filter { $0.1 <= 2 && 2 * $0.1 < max(typed.count, $0.0.count) - 2 }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
        }
        return near.isEmpty ? nil : ". The nearest: \(near.joined(separator: ", "))."
    }

    /// The message for words a command has no place for, or `nil` when every word has its place.
    ///
    /// `journal report 6w`, `journal log glute-bridge 4 3`: the parser reports them as unexpected
    /// arguments (and, off a terminal, `log` hid them behind "Give --pain-before and
    /// --pain-after"). A line gives the command meant when they read as the values of options the
    /// command takes and was not given: pain numbers (0-10) for `--pain-before` then
    /// `--pain-after`, or `--pain`; a span for `--last`. Nothing is said after `--`.
    static func strayArguments(in arguments: [String], command: any ParsableCommand.Type, path: [String]) -> String? {
        guard !arguments.contains("--") else { return nil }
        let described = Self.arguments(of: command)
        let positionals = described.filter { $0["kind"] as? String == "positional" }
        guard !positionals.contains(where: { $0["isRepeating"] as? Bool == true }) else { return nil }
        // Each option that takes a value, by every spelling, and the preferred names given.
        var valued: [String: String] = [:]
        for argument in described where argument["kind"] as? String == "option" {
            guard let preferred = spelling(argument["preferredName"]) else { continue }
            for each in spellings(of: argument) { valued[each] = preferred }
        }
        var names = Array(path.dropFirst())
        var given = Set<String>()
        var taken: [String] = []
        var stray: [Int] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word.hasPrefix("-") && word.count > 1 && Int(word) == nil {
                let option = optionName(word)
                given.insert(valued[option] ?? option)
                // `--at 7pm` takes the next word; `--at=7pm` and `-b4` hold theirs.
                if valued[option] != nil, word.count == option.count { index += 1 }
            } else if names.first == word {
                names.removeFirst()
            } else if taken.count < positionals.count {
                taken.append(word)
            } else {
                stray.append(index - 1)
            }
        }
        guard !stray.isEmpty else { return nil }
        let words = stray.map { arguments[$0] }
        let said =
            words.count == 1
            ? "Unexpected argument '\(words[0])'"
            : "\(words.count) unexpected arguments: " + words.map { "'\($0)'" }.joined(separator: ", ")
        // The options the stray words stand for, in order.
        var meant: [String] = []
        let free = { (options: [String]) in options.filter { valued.values.contains($0) && !given.contains($0) } }
        if words.allSatisfy({ Int($0).map((0...10).contains) ?? false }), !taken.contains(where: { Int($0) != nil }) {
            let pains =
                free(["--pain-before", "--pain-after"]).isEmpty
                ? free(["--pain"]) : free(["--pain-before", "--pain-after"])
            if words.count <= pains.count { meant = Array(pains.prefix(words.count)) }
        } else if words.count == 1, !free(["--last"]).isEmpty, Period.spanParts(words[0]) != nil {
            meant = ["--last"]
        }
        var hint = ""
        if !meant.isEmpty {
            var line = arguments.map(typed)
            for (position, option) in zip(stray, meant) { line[position] = option + " " + line[position] }
            hint =
                "\n" + (meant.count == 1 ? "A value goes after its option: " : "Values go after their options: ")
                + (["journal"] + line).joined(separator: " ")
        }
        return "Error: \(said)\(hint)\n\(Self.usage(for: command))\n"
            + "  See '\(path.joined(separator: " ")) --help' for more information."
    }

    /// Options whose value people type as several words: a time, a day, a span.
    static let multiWordValues: Set<String> = ["--at", "--from", "--to", "--since", "--last"]

    /// The message for a value typed as several words without quotes (`--at yesterday 7pm`, `--from
    /// 6 weeks ago`, `--last 6 w`), which the parser reports as unexpected arguments, shown as
    /// journal reads it (`--at "yesterday 7pm"` for `yesterday 7pm.`); for a number after `--week`
    /// or `--month` (`--week 6`, `--week=6`, meant as `--weeks 6`); or for a number of weeks or
    /// months too large for a number (`--weeks 99999999999999999999`); `nil` when there is none.
    static func splitValue(in arguments: [String], command: any ParsableCommand.Type, path: [String]) -> String? {
        let words = Array(arguments.prefix(while: { $0 != "--" }))
        let usage =
            "\n\(Self.usage(for: command))\n"
            + "  See '\(path.joined(separator: " ")) --help' for more information."
        for (index, word) in words.enumerated() {
            let option = optionName(word)
            // The value of `--week=6` or `--week 6`.
            let attached = word.count > option.count ? String(word.dropFirst(option.count + 1)) : nil
            let value = attached ?? (index + 1 < words.count ? words[index + 1] : nil)
            if ["--week", "--month"].contains(option), let value, let count = Int(value) {
                let unit = option == "--week" ? "weeks" : "months"
                return "Error: \(option) takes no number: it is the \(option == "--week" ? 7 : 30) days ending today. "
                    + "For \(count) \(unit): --\(unit) \(count) (or --last \(count)\(unit.prefix(1)))." + usage
            }
            if ["--weeks", "--months"].contains(option), let value, Int(value) == nil, !value.isEmpty,
                value.allSatisfy({ $0.isASCII && $0.isNumber })
            {
                return "Error: " + Report.countRefusal(option, value) + usage
            }
            guard attached == nil, let next = value, multiWordValues.contains(word), index + 2 < words.count else {
                continue
            }
            let rest = words[(index + 2)...].prefix { !$0.hasPrefix("-") }
            // The most words that read together as one value.
            for count in stride(from: rest.count, through: 1, by: -1) {
                let value = ([next] + rest.prefix(count)).joined(separator: " ")
                if reads(value, after: word) {
                    return "Error: Unexpected argument '\(rest.first ?? "")'. A value of more than one word goes in "
                        + "quotes: \(word) \"\(DateInput.cleaned(value))\"." + usage
                }
            }
        }
        return nil
    }

    /// Whether `value` reads as what `option` takes: a time (`--at`), a day, or a span (`--last`).
    static func reads(_ value: String, after option: String) -> Bool {
        guard let now = try? Clock.now() else { return false }
        switch option {
        case "--last": return Period.spanParts(value) != nil
        case "--at":
            do {
                _ = try DateInput.parse(value, now: now, timeZone: Clock.timeZone)
                return true
            } catch JournalError.futureDate, JournalError.timeToCome {
                return true
            } catch {
                return false
            }
        case "--since":
            return (try? DateInput.parseStartDay(value, today: DateInput.at(now, in: Clock.timeZone).local.date)) != nil
        default:
            do {
                _ = try DateInput.parseDay(value, today: DateInput.at(now, in: Clock.timeZone).local.date)
                return true
            } catch JournalError.timeToCome {
                return true
            } catch {
                return false
            }
        }
    }

    /// The message for an option that takes one value given more than once, or `nil`.
    ///
    /// `report --weeks 6 --weeks 2`: the parser settled it silently by taking the last. A pain
    /// number or a period typed twice is a slip to show, not to guess at. Options that collect
    /// values (`--recipient` …) may repeat.
    ///
    /// Only a word that looks like an option and appears twice costs a look at the command's
    /// description, so a command line without one pays nothing here.
    static func repeatedOption(in arguments: [String]) -> String? {
        let words = Array(arguments.prefix(while: { $0 != "--" }))
        var seen = Set<String>()
        var again = false
        for word in words where word.hasPrefix("-") && word.count > 1 {
            again = !seen.insert(optionName(word)).inserted || again
        }
        // Help asked for is shown whatever else was typed.
        guard again, !words.contains(where: { ["-h", "--help", "help"].contains($0) }) else { return nil }
        var command: any ParsableCommand.Type = JournalCommand.self
        var path = ["journal"]
        for word in words where !word.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { name(of: $0) == word }) else { break }
            command = next
            path.append(word)
        }
        // Each option that takes one value, by every spelling of it.
        var single: [String: String] = [:]
        var valued: Set<String> = []
        for argument in Self.arguments(of: command) where argument["kind"] as? String == "option" {
            let spellings = Self.spellings(of: argument)
            valued.formUnion(spellings)
            guard argument["isRepeating"] as? Bool != true, let preferred = spelling(argument["preferredName"])
            else { continue }
            for each in spellings { single[each] = preferred }
        }
        var given: [String: [String]] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            let option = optionName(word)
            index += 1
            guard word.hasPrefix("-"), valued.contains(option) else { continue }
            // As typed: `--weeks=6` and `-a5` whole, or the option and the next word.
            let typed: String
            if word.count > option.count {
                typed = word
            } else if index < words.count {
                typed = "\(option) " + Self.typed(words[index])
                index += 1
            } else {
                continue
            }
            if let preferred = single[option] { given[preferred, default: []].append(typed) }
        }
        guard let (option, typed) = given.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) else {
            return nil
        }
        return "Error: \(option) takes one value; \(Wording.list(typed)) were given.\n"
            + "\(Self.usage(for: command))\n"
            + "  See '\(path.joined(separator: " ")) --help' for more information."
    }

    /// A value as a person would type it again: quoted when it holds a space (`"6 weeks ago"`).
    static func typed(_ value: String) -> String {
        value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value
    }

    /// The message for `journal help WORDS…` when a word names no command (`journal help stats`),
    /// with the nearest ones as for `journal stats`; `nil` when every word is a command's name.
    ///
    /// argument-parser's own `help` shows the top-level help for a name it does not know, and exits 0.
    static func helpMessage(for arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = JournalCommand.self
        var path = ["journal"]
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            // `journal help help`: the parser's own command, which it answers.
            if word == "help", path.count == 1 { return nil }
            let subcommands = command.configuration.subcommands
            guard let next = subcommands.first(where: { name(of: $0) == word }) else {
                let among = subcommands.map(name(of:))
                return among.isEmpty
                    ? "Error: '\(path.joined(separator: " "))' has no subcommands; '\(word)' is not one.\n"
                        + "  See '\(path.joined(separator: " ")) --help' for what it takes."
                    : unknownCommand(word, among: among, path: path)
            }
            command = next
            path.append(word)
        }
        return nil
    }

    /// The message for a word given where a command takes an id that is not one: `last` (as
    /// `--last` gets), or a number below 1; `nil` for other words or a command without an id.
    static func notAnID(_ word: String, path: [String], command type: any ParsableCommand.Type) -> String? {
        guard let hint = latestHint(path: path) else { return nil }
        let command = path.joined(separator: " ")
        if latestWords.contains("--" + word.lowercased()) {
            return "Error: '\(word)' is not an id. \(hint)\n"
                + "\(Self.usage(for: type))\n  See '\(command) --help' for more information."
        }
        if let number = Int(word.hasPrefix("#") ? String(word.dropFirst()) : word), number < 1 {
            return "Error: '\(word)' is not an id: ids are whole numbers from 1. \(hint)\n"
                + "\(Self.usage(for: type))\n  See '\(command) --help' for more information."
        }
        return nil
    }

    /// Options people try for "the latest one" on a command that takes an id (`journal edit --last`).
    static let latestWords: Set<String> = ["--last", "--latest", "--previous"]

    /// For a command that takes an id, what it takes and the command that lists what exists,
    /// latest first, and `journal undo`: the way to the latest one, as `edit --last` would want.
    static func latestHint(path: [String]) -> String? {
        let command = path.joined(separator: " ")
        let undo = ", and `journal undo` takes back the latest change, whatever it was."
        switch path.dropFirst().joined(separator: " ") {
        case "edit", "delete":
            return "`\(command)` takes the entry's id; `journal list --limit 1` shows the latest entry's" + undo
        case "checkins edit", "checkins delete":
            return "`\(command)` takes the check-in's id; `journal checkins --limit 1` shows the latest check-in's"
                + undo
        case "psfs rate", "psfs remove":
            return "`\(command)` takes the activity's id; `journal psfs` shows the ids."
        default: return nil
        }
    }

    /// The message for an unknown command, with the nearest ones (`journal stats`: report).
    ///
    /// Nearest by edit distance, a word's beginning counting as one edit: a synonym spelt exactly
    /// comes first; otherwise one within one edit of the word (`stat`: stats → report, status → check).
    /// A synonym is suggested only where the command it names exists here (the top level).
    static func unknownCommand(_ word: String, among commands: [String], path: [String]) -> String {
        let typed = word.lowercased()
        /// The edits from `typed` to `name`; a beginning of `name` (three letters or more) is one.
        func edits(to name: String) -> Int {
            typed.count >= 3 && name.hasPrefix(typed) && name != typed ? 1 : distance(typed, name)
        }
        var scored: [(String, Int)] = []
        if let exact = synonyms[typed], commands.contains(exact) {
            scored.append((exact, 0))
        } else {
            scored += synonyms.filter { commands.contains($0.value) }.map { ($0.value, edits(to: $0.key)) }
                .filter { $0.1 <= 1 }
        }
        scored += commands.map { ($0, edits(to: $0)) }.filter { $0.1 <= max(2, word.count / 2) }
        var nearest: [String] = []
        for (name, _) in scored.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) where !nearest.contains(name) {
            nearest.append(name)
        }
        let shown = nearest.isEmpty ? commands : Array(nearest.prefix(3))
        let whole = path.joined(separator: " ")
        return "Error: Unknown command '\(word)'. \(nearest.isEmpty ? "The commands" : "The nearest"): "
            + shown.joined(separator: ", ") + ".\n  See '\(whole) --help' for what each does."
    }

    /// "Usage: " and `command`'s usage, a usage written on several lines (`journal log`'s) kept
    /// under its first, as argument-parser prints it.
    static func usage(for command: any ParsableCommand.Type) -> String {
        "Usage: " + JournalCommand.usageString(for: command).replacingOccurrences(of: "\n", with: "\n       ")
    }

    /// `--pain-before` from `--pain-before=4`, `-b` from `-b4`.
    static func optionName(_ word: String) -> String {
        if word.hasPrefix("--") { return String(word.prefix { $0 != "=" }) }
        return String(word.prefix(2))
    }

    /// The names that lead from `journal` to `command`: `["psfs", "rate"]`; empty for the root.
    static func path(
        to command: any ParsableCommand.Type, from root: any ParsableCommand.Type = JournalCommand.self
    ) -> [String] {
        for sub in root.configuration.subcommands {
            if sub == command { return [name(of: sub)] }
            let below = path(to: command, from: sub)
            if !below.isEmpty { return [name(of: sub)] + below }
        }
        return []
    }

    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// The arguments `command` takes, as the parser describes them.
    static func arguments(of command: any ParsableCommand.Type) -> [[String: Any]] {
        guard let data = command._dumpHelp().data(using: .utf8),
            let tool = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let info = tool["command"] as? [String: Any]
        else { return [] }
        return info["arguments"] as? [[String: Any]] ?? []
    }

    /// Whether `command` takes a positional argument.
    static func takesArguments(_ command: any ParsableCommand.Type) -> Bool {
        arguments(of: command).contains { $0["kind"] as? String == "positional" }
    }

    /// Every spelling of every option `command` takes, with the built-in ones.
    static func names(of command: any ParsableCommand.Type) -> Set<String> {
        Set(arguments(of: command).flatMap(spellings(of:)))
            .union(["-h", "--help", "--version", "--generate-completion-script"])
    }

    /// Every spelling of one argument the parser describes: `-b`, `--pain-before`.
    static func spellings(of argument: [String: Any]) -> [String] {
        (argument["names"] as? [Any] ?? []).compactMap(spelling)
    }

    /// One name as the parser describes it (`{"kind": "short", "name": "b"}`), as typed: `-b`.
    static func spelling(_ name: Any?) -> String? {
        guard let name = name as? [String: Any], let kind = name["kind"] as? String, let text = name["name"] as? String
        else { return nil }
        return (kind == "short" ? "-" : "--") + text
    }

    /// Edit distance: the fewest insertions, deletions, substitutions and swaps of two letters side
    /// by side from `a` to `b` (`--sied` is one from `--side`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var table = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : j == 0 ? i : 0 } }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let same = a[i - 1] == b[j - 1]
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (same ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
