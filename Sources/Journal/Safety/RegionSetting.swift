/// The region in force and why: `JOURNAL_REGION`, else the journal's setting, else the locale, else none.
///
/// An environment variable overrides the journal's setting, as `JOURNAL_DB` overrides the default
/// place, so that one command (a test, a report made for a clinic elsewhere) can use other words
/// without changing what is stored. The locale is read as POSIX reads it for messages: the first of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides, and its country
/// (`en_CA.UTF-8` → CA) names the region. `C`, `POSIX` and a locale without a country, or with one
/// journal has no words for, leave no region: the advice then uses the generic words.
///
/// ```swift
/// try RegionSetting.resolve(stored: nil, environment: ["LANG": "en_CA.UTF-8"]).region  // .canada
/// try RegionSetting.resolve(stored: "GB", environment: ["JOURNAL_REGION": "NZ"]).region // .newZealand
/// try RegionSetting.resolve(stored: nil, environment: ["LANG": "C.UTF-8"]).region       // nil
/// ```
public struct RegionSetting: Sendable, Hashable {
    /// The environment variable that overrides the journal's setting.
    public static let environmentVariable = "JOURNAL_REGION"
    /// The locale variables, in the order POSIX consults them for messages.
    public static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// Where the region came from.
    public enum Source: Sendable, Hashable {
        /// `JOURNAL_REGION`; `overrides` is the journal's setting it overrides, if any.
        case environment(overrides: String?)
        /// `journal config set region`.
        case journal
        /// The locale variable `variable`, whose value is `value`.
        case locale(variable: String, value: String)
        /// Nothing names a region; `locale` is the locale variable that decided, if any was set.
        case none(locale: (variable: String, value: String)?)

        public static func == (lhs: Source, rhs: Source) -> Bool {
            switch (lhs, rhs) {
            case (.environment(let a), .environment(let b)): a == b
            case (.journal, .journal): true
            case (.locale(let a, let b), .locale(let c, let d)): a == c && b == d
            case (.none(let a), .none(let b)): a?.variable == b?.variable && a?.value == b?.value
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }

        /// The source's id in `--json`: `environment`, `config`, `locale` or `none`.
        public var id: String {
            switch self {
            case .environment: "environment"
            case .journal: "config"
            case .locale: "locale"
            case .none: "none"
            }
        }
    }

    /// The region, or `nil` for the generic words.
    public let region: Region?
    public let source: Source
    /// The journal's setting as stored, whether or not it is in force; `nil` when none is set.
    public let stored: String?
    /// The journal's setting when this version does not know it, so set it aside
    /// (``inForce(stored:environment:)``); `nil` otherwise.
    public private(set) var setAside: String?

    public init(region: Region?, source: Source, stored: String?) {
        self.region = region
        self.source = source
        self.stored = stored
    }

    /// The words of the region in force.
    public var advice: RegionalAdvice { RegionalAdvice(region: region) }

    /// The region in force, `JOURNAL_REGION` first, then `stored` (the journal's setting, as stored),
    /// then the locale; throws ``JournalError/invalidSetting(name:text:expected:)`` for a region
    /// journal does not know in `JOURNAL_REGION` or in the journal.
    public static func resolve(stored: String?, environment: [String: String]) throws -> RegionSetting {
        if let text = environment[environmentVariable], !text.isEmpty {
            let region = try Region(parsing: text, setting: environmentVariable)
            return RegionSetting(region: region, source: .environment(overrides: stored), stored: stored)
        }
        if let stored {
            let region = try Region(parsing: stored, setting: "the journal's region (journal config set region)")
            return RegionSetting(region: region, source: .journal, stored: stored)
        }
        guard let (variable, value) = locale(environment) else {
            return RegionSetting(region: nil, source: .none(locale: nil), stored: nil)
        }
        guard let country = country(ofLocale: value), let region = Region.ofCountry(country) else {
            return RegionSetting(region: nil, source: .none(locale: (variable, value)), stored: nil)
        }
        return RegionSetting(region: region, source: .locale(variable: variable, value: value), stored: nil)
    }

    /// The region in force for a command that reads the journal's setting `stored`.
    ///
    /// As ``resolve(stored:environment:)``, except that a stored code this version does not know
    /// is set aside (``setAside``), so that advice never waits on it, and the environment decides.
    /// An unknown `JOURNAL_REGION` is still refused: it was typed for this command.
    ///
    /// ```swift
    /// try RegionSetting.inForce(stored: "JP", environment: ["LANG": "en_CA.UTF-8"]).setAside  // "JP"
    /// ```
    public static func inForce(stored: String?, environment: [String: String]) throws -> RegionSetting {
        guard let code = stored, Region.named(by: code) == nil else {
            return try resolve(stored: stored, environment: environment)
        }
        var setting = try resolve(stored: nil, environment: environment)
        setting.setAside = code
        return setting
    }

    /// The locale variable that decides, POSIX's way: the first of ``localeVariables`` set and not empty.
    public static func locale(_ environment: [String: String]) -> (variable: String, value: String)? {
        for variable in localeVariables {
            if let value = environment[variable], !value.isEmpty { return (variable, value) }
        }
        return nil
    }

    /// The country of a locale name `language[_territory][.codeset][@modifier]`: `en_CA.UTF-8` → `CA`;
    /// `nil` for `C`, `POSIX`, `C.UTF-8` or a name without two letters of territory.
    public static func country(ofLocale name: String) -> String? {
        let base = name.prefix { $0 != "." && $0 != "@" }
        let parts = base.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let territory = parts[1]
        guard territory.count == 2, territory.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return territory.uppercased()
    }

    /// The region in force and why, in a sentence.
    ///
    /// "Canada (CA), from the locale (LANG=en_CA.UTF-8); …".
    ///
    /// With no region, it says that the advice names the common emergency numbers and how to set one.
    public var explanation: String {
        let name = region.map { "\($0.name) (\($0.code))" } ?? ""
        switch source {
        case .environment(let overrides):
            let code = region?.code ?? ""
            let over = overrides.map { ", which overrides the journal's setting (\($0))" } ?? ""
            return "\(name), from \(Self.environmentVariable)=\(code)\(over)."
        case .journal:
            return "\(name), set with `journal config set region \(region?.code ?? "")`."
        case .locale(let variable, let value):
            return "\(name), from the locale (\(variable)=\(value)); `journal config set region CODE` sets another."
        case .none(let locale):
            let why = locale.map(Self.whyNoRegion) ?? "no locale names a country"
            return "none: no region is set and \(why), so the advice names the common emergency numbers. "
                + "Set yours with `journal config set region CODE`, CODE one of \(Region.accepted)."
        }
    }

    /// Why the locale `variable=value` names no region journal has words for.
    private static func whyNoRegion(_ locale: (variable: String, value: String)) -> String {
        let named = "the locale (\(locale.variable)=\(locale.value))"
        guard let country = country(ofLocale: locale.value) else { return "\(named) names no country" }
        return "\(named) names \(country), which journal has no words for"
    }
}
