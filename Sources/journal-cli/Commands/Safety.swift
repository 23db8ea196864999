import ArgumentParser
import Journal

struct Safety: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safety",
        abstract: "When to stop, when to see a physiotherapist, when to seek emergency care; with sources.",
        discussion: "Example: journal safety --red-flags"
    )

    @Flag(help: "List only the red-flag symptoms and their ids, for `journal checkin --red-flag`.")
    var redFlags = false

    @OptionGroup var output: JSONOption

    func run() throws {
        if output.json {
            try Console.json(SafetyJSON(redFlagsOnly: redFlags))
            return
        }
        let redFlagLines = RedFlag.allCases.flatMap { flag in
            TextTable.wrap("\(flag.rawValue): \(flag.symptom)", width: 74).split(separator: "\n").enumerated()
                .map { ($0.offset == 0 ? "  * " : "    ") + $0.element }
        }
        if redFlags {
            try Console.out(
                (["Red-flag symptoms: seek emergency care now if you have any of them."] + redFlagLines).joined(
                    separator: "\n"))
            return
        }
        let style = Style.stdout
        var lines = [TextTable.wrap(SafetyGuide.disclaimer, width: 80)]
        let groups: [(String, Finding.Severity)] = [
            ("Seek emergency care now", .urgent), ("Stop the exercise", .stop), ("Talk to a physiotherapist", .caution),
        ]
        let keys = SafetyGuide.sources.map(\.key)
        for (title, severity) in groups {
            lines += ["", style.bold(title)]
            for rule in SafetyGuide.rules where rule.severity == severity {
                let cites = rule.sources.compactMap { keys.firstIndex(of: $0) }.map { "[\($0 + 1)]" }.joined()
                let text = "\(rule.when) \(rule.whatToDo) (\(rule.id)) \(cites)"
                lines += TextTable.wrap(text, width: 76).split(separator: "\n").enumerated()
                    .map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
                if rule.id == RedFlagRule.id { lines += redFlagLines.map { "  " + $0 } }
            }
        }
        lines += ["", style.bold("Sources")]
        for (index, source) in SafetyGuide.sources.enumerated() {
            lines += TextTable.wrap("[\(index + 1)] \(source.citation)", width: 74).split(separator: "\n").enumerated()
                .map { ($0.offset == 0 ? "  " : "      ") + $0.element }
        }
        try Console.out(lines.joined(separator: "\n"))
    }
}

struct SafetyJSON: Encodable {
    struct RedFlagJSON: Encodable {
        let id: String
        let symptom: String
    }
    struct RuleJSON: Encodable {
        let id: String
        let severity: String
        let when: String
        let what_to_do: String
        let sources: [String]
    }
    struct SourceJSON: Encodable {
        let key: String
        let citation: String
    }

    let red_flags: [RedFlagJSON]
    let rules: [RuleJSON]?
    let sources: [SourceJSON]?
    let disclaimer: String?

    init(redFlagsOnly: Bool) {
        red_flags = RedFlag.allCases.map { RedFlagJSON(id: $0.rawValue, symptom: $0.symptom) }
        rules =
            redFlagsOnly
            ? nil
            : SafetyGuide.rules.map {
                RuleJSON(
                    id: $0.id, severity: $0.severity.description, when: $0.when, what_to_do: $0.whatToDo,
                    sources: $0.sources)
            }
        sources = redFlagsOnly ? nil : SafetyGuide.sources.map { SourceJSON(key: $0.key, citation: $0.citation) }
        disclaimer = redFlagsOnly ? nil : SafetyGuide.disclaimer
    }
}
