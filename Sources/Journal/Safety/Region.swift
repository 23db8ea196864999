/// Where the person gets care: the country whose services journal's advice names.
///
/// The tiers of advice are the same everywhere; the emergency number, the name of the emergency
/// department and the non-urgent health line differ. ``RegionalAdvice`` holds each region's words;
/// docs/safety.md cites the public health service page each comes from.
///
/// ```swift
/// try Region(parsing: "ca")      // .canada
/// try Region(parsing: "DE")      // .europeanUnion: an EU country uses the EU's words
/// Region.ofCountry("IN")         // nil: journal has no words for India, so it uses the generic ones
/// ```
public struct Region: Sendable, Hashable, CustomStringConvertible {
    /// The ISO 3166 code journal stores and prints: `GB`, `CA`; `EU` for the European Union.
    public let code: String
    /// The region's name in English: "United Kingdom".
    public let name: String

    public static let unitedKingdom = Region(code: "GB", name: "United Kingdom")
    public static let canada = Region(code: "CA", name: "Canada")
    public static let unitedStates = Region(code: "US", name: "United States")
    public static let ireland = Region(code: "IE", name: "Ireland")
    public static let australia = Region(code: "AU", name: "Australia")
    public static let newZealand = Region(code: "NZ", name: "New Zealand")
    public static let europeanUnion = Region(code: "EU", name: "European Union")

    /// Every region journal has words for, in the order it lists them.
    public static let known: [Region] = [
        unitedKingdom, canada, unitedStates, ireland, australia, newZealand, europeanUnion,
    ]

    /// The member states of the European Union other than Ireland (which has words of its own):
    /// each uses the EU's words, 112.
    public static let europeanUnionMembers: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]

    /// Other spellings a person may type for a known region: `UK` for `GB`.
    public static let aliases: [String: Region] = ["UK": unitedKingdom]

    /// What `journal config set region` accepts, for messages: "GB, CA, US, IE, AU, NZ or EU (or an
    /// EU country's code, such as DE)".
    public static let accepted: String = {
        let codes = known.map(\.code)
        return codes.dropLast().joined(separator: ", ") + " or " + (codes.last ?? "")
            + " (or an EU country's code, such as DE)"
    }()

    public var description: String { code }

    /// The region for the country `code` (any case): a known region, an alias, or an EU member
    /// state as ``europeanUnion``; `nil` for a country journal has no words for.
    public static func ofCountry(_ code: some StringProtocol) -> Region? {
        let upper = code.uppercased()
        if let region = known.first(where: { $0.code == upper }) ?? aliases[upper] { return region }
        return europeanUnionMembers.contains(upper) ? europeanUnion : nil
    }

    /// The region `text` names, read as typed input is read: whitespace around it aside, any case
    /// (`" gb\n"` → GB); `nil` for a code journal has no words for.
    ///
    /// The one reading of a region code, typed or stored: `config set` accepts what it reads, and
    /// every screen's advice, `config get`, the note that names a stored value journal never writes
    /// (`StoredValues`) and an export's refusal read the journal's setting with it, so that what
    /// the note says screens read is what the advice uses.
    public static func named(by text: some StringProtocol) -> Region? {
        ofCountry(String(text).trimmingWhitespace())
    }

    /// Reads a region code as a person types it (``named(by:)``), or throws
    /// ``JournalError/invalidSetting(name:text:expected:)`` naming `setting` and the codes journal knows.
    public init(parsing text: String, setting: String = "region") throws {
        guard let region = Self.named(by: text) else {
            throw JournalError.invalidSetting(name: setting, text: text, expected: "one of \(Self.accepted)")
        }
        self = region
    }

    private init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
