import ArgumentParser
import Foundation
import Journal

/// `journal config`: the person's settings, stored in the journal.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change a setting: region, whose services and numbers the advice names.",
        discussion: """
            The region (GB, CA, US, IE, AU, NZ, or EU for the European Union) decides which \
            emergency number, emergency department and health line the safety advice names. \
            $JOURNAL_REGION overrides the journal's setting; when neither is set, the region comes \
            from the locale ($LC_ALL, else $LC_MESSAGES, else $LANG: en_CA.UTF-8 is CA), and when \
            that names none, the advice names the common emergency numbers.

            Examples:
              journal config set region CA
              journal config get region --json
              journal config unset region
            """,
        subcommands: [ConfigSet.self, ConfigGet.self, ConfigUnset.self]
    )

    /// "Region now: …", the region in force once the journal's setting is `stored`: said by
    /// `config unset` and by `journal undo` of a region change.
    static func regionNow(stored: String?) throws -> String {
        "Region now: \(try regionInForce(stored: stored).explanation)"
    }

    /// The region in force once the journal's setting is `stored`: what ``regionNow(stored:)`` says,
    /// and what `journal undo --json` writes as `region`.
    ///
    /// A stored code this version does not know (put back by an undo or a restore, put in from
    /// outside) is set aside and said, as every screen says it (``StoreOptions/region(_:)``).
    static func regionInForce(stored: String?) throws -> RegionSetting {
        try StoreOptions.region(RegionSetting.inForce(stored: stored, environment: ProcessInfo.processInfo.environment))
    }

    /// That `JOURNAL_REGION` overrides the journal's region, when it is set: said by `config set`
    /// and by `journal undo` of a region change; `nil` when it is not set.
    static func overrideNote() -> String? {
        guard let text = ProcessInfo.processInfo.environment[RegionSetting.environmentVariable], !text.isEmpty
        else { return nil }
        return "journal: \(RegionSetting.environmentVariable)=\(text.terminalSafe) is set and overrides it while it is."
    }
}

/// A setting's name, as typed.
enum SettingName: String, ExpressibleByArgument, CaseIterable {
    case region
}

struct ConfigSet: ParsableCommand, ChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Store a setting in the journal.",
        discussion: "Example: journal config set region CA")
    static let savedNote = "The setting was saved; `journal config get region` shows it."

    @Argument(help: "The setting: region.") var name: SettingName
    @Argument(help: "Its value: a region code, one of \(Region.accepted).") var value: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let region = try Region(parsing: value)
        let now = try Clock.now()
        let changed = try store.write { try $0.setRegion(region, now: now) }
        let advice = RegionalAdvice(region: region)
        let said =
            changed
            ? "Region set to \(region.code) (\(region.name)): in an emergency, journal will say to "
                + "\(advice.action(.emergency))."
            : "The region was already \(region.code) (\(region.name)); nothing changed."
        if output.json {
            try Console.json(SettingChangeJSON(region: Config.regionInForce(stored: region.code), changed: changed))
            if !changed { Console.err(TextTable.wrap(said, width: 80)) }
        } else {
            try Console.out(TextTable.wrap(said, width: 80))
        }
        if let note = Config.overrideNote() { Console.err(note) }
    }
}

struct ConfigGet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show a setting in force, and where it comes from.",
        discussion: "Example: journal config get region --json")

    @Argument(help: "The setting: region.") var name: SettingName
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        // The setting and the values journal never writes, in one read: a screen like any other, a
        // stored code this version does not know set aside and said as they say it, exit 65.
        let read = try store.openForScreen()?.storedRegionSnapshot(now: try Clock.now())
        let setting = try Config.regionInForce(stored: read?.value ?? nil)
        if output.json {
            try Console.json(RegionJSON(setting))
        } else {
            try Console.out(TextTable.wrap("Region: " + setting.explanation, width: 80))
        }
        try StoredDamage.finish(problems: read?.problems ?? [])
    }
}

struct ConfigUnset: ParsableCommand, ChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "unset", abstract: "Remove a setting from the journal, so that its default applies.",
        discussion: "Example: journal config unset region")
    static let savedNote = "The setting was removed; `journal config get region` shows the region now in force."

    @Argument(help: "The setting: region.") var name: SettingName
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let removed =
            try store.openForReading() == nil ? nil : try store.write { try $0.unsetRegion(now: try Clock.now()) }
        let said = removed.map { "Removed the region \($0)." } ?? "No region was set; nothing changed."
        guard output.json else {
            try Console.out(TextTable.wrap("\(said) \(try Config.regionNow(stored: nil))", width: 80))
            return
        }
        try Console.json(SettingChangeJSON(region: Config.regionInForce(stored: nil), changed: removed != nil))
        if removed == nil { Console.err(said) }
    }
}
