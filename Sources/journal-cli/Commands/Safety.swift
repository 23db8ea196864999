import ArgumentParser
import Journal

struct Safety: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safety",
        abstract: "When to stop, see a physiotherapist, see a doctor today or seek emergency care; with sources.",
        discussion: "Example: journal safety --red-flags"
    )

    @Flag(help: "List only the red-flag symptoms and their ids, by tier, for `journal checkin --red-flag`.")
    var redFlags = false

    @OptionGroup var output: JSONOption
    @OptionGroup var store: StoreOptions

    /// A tier's symptoms, one bulleted `id: symptom` each, wrapped.
    static func flagLines(_ tier: RedFlag.Tier) -> [String] {
        RedFlag.of(tier).flatMap { flag in
            TextTable.wrap("\(flag.rawValue): \(flag.symptom)", width: 74).split(separator: "\n").enumerated()
                .map { ($0.offset == 0 ? "  * " : "    ") + $0.element }
        }
    }

    /// The region in force, in a paragraph: "Region: Canada (CA), from the locale (LANG=en_CA.UTF-8); …".
    static func regionLines(_ setting: RegionSetting) -> [String] {
        TextTable.wrap("Region: " + setting.explanation, width: 80).split(separator: "\n").map(String.init)
    }

    func run() throws {
        let (setting, problems) = try store.regionScreen(now: try? Clock.now())
        let advice = setting.advice
        if output.json {
            try Console.json(SafetyJSON(redFlagsOnly: redFlags, setting: setting))
            try StoredDamage.finish(problems: problems)
            return
        }
        if redFlags {
            var lines = ["Red-flag symptoms and their ids for `journal checkin --red-flag`, in three tiers."]
            for tier in RedFlag.Tier.allCases {
                let heading = advice.listHeading(AdviceTier(tier))
                lines += [""] + TextTable.wrap(heading, width: 80).split(separator: "\n").map(String.init)
                lines += Self.flagLines(tier)
            }
            for reason in RedFlag.retired.sorted(by: { $0.key < $1.key }).map(\.value) {
                lines += [""] + TextTable.wrap(reason, width: 80).split(separator: "\n").map(String.init)
            }
            lines +=
                [""]
                + TextTable.wrap(
                    "A red flag stands until a doctor has seen you; then record it with: \(Advice.resumeRedFlags)",
                    width: 80
                ).split(separator: "\n").map(String.init)
            lines += [""] + Self.regionLines(setting)
            try Console.out(lines.joined(separator: "\n"))
            try StoredDamage.finish(problems: problems)
            return
        }
        let style = Style.stdout
        var lines = [TextTable.wrap(SafetyGuide.disclaimer, width: 80), ""] + Self.regionLines(setting)
        let groups: [(String, Finding.Severity)] = [
            ("Seek emergency care now", .urgent), ("See a doctor today", .seeDoctor), ("Stop the exercise", .stop),
            ("See a doctor (not an emergency)", .seeGP), ("Talk to a physiotherapist", .caution),
        ]
        let sources = SafetyGuide.sources.map { (key: $0.key, citation: $0.citation) } + [Self.regionalSource]
        let keys = sources.map(\.key)
        for (title, severity) in groups {
            lines += ["", style.bold(title)]
            for rule in SafetyGuide.rules where rule.severity == severity {
                let cited = rule.sources + (rule.id == RedFlagRule.id ? [Self.regionalSource.key] : [])
                let cites = cited.compactMap { keys.firstIndex(of: $0) }.map { "[\($0 + 1)]" }.joined()
                let text = "\(rule.when) \(rule.whatToDo(advice)) (\(rule.id)) \(cites)"
                lines += TextTable.wrap(text, width: 76).split(separator: "\n").enumerated()
                    .map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
                if rule.id == RedFlagRule.id,
                    let tier = RedFlag.Tier.allCases.first(where: { RedFlagRule.severity(of: $0) == severity })
                {
                    lines += Self.flagLines(tier).map { "  " + $0 }
                }
            }
        }
        lines += ["", style.bold("Sources")]
        for (index, source) in sources.enumerated() {
            lines += TextTable.wrap("[\(index + 1)] \(source.citation)", width: 74).split(separator: "\n").enumerated()
                .map { ($0.offset == 0 ? "  " : "      ") + $0.element }
        }
        try Console.out(lines.joined(separator: "\n"))
        try StoredDamage.finish(problems: problems)
    }

    /// Where the region's services and numbers come from, cited beside the red-flag rules.
    static let regionalSource = (
        key: "regions",
        citation: "Each region's public health services, for its emergency number, emergency department and "
            + "health lines (the NHS, HealthLink BC and Health811, the HSE, healthdirect, Healthline and "
            + "others): quoted with their pages in docs/safety.md, \"Advice where you live\"."
    )
}
