/// `journal log --json` and `journal edit --json`'s findings: the saved entry, the findings it
/// raised, the hold its exercise stands on (`hold`), and `paused`, the finding that began a hold
/// standing before this entry, `hold_moved_earlier`, the hold as it stood before this entry when the
/// exercise was already on hold and this entry, done before the session that began it, now begins it
/// (`hold` then names this entry; null otherwise), and `region`, the code of the region whose words
/// the findings' advice uses (null for the generic words).
public struct LoggedJSON: Encodable, Sendable {
    public var logged: LoggedEntry
    public var advice: RegionalAdvice

    public init(_ logged: LoggedEntry, advice: RegionalAdvice) {
        self.logged = logged
        self.advice = advice
    }

    enum CodingKeys: String, CodingKey {
        case entry, findings, paused, hold
        case holdMovedEarlier = "hold_moved_earlier"
        case region
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(EntryJSON(logged.entry), forKey: .entry)
        try container.encode(logged.findings.map { FindingJSON($0, advice: advice) }, forKey: .findings)
        try container.encode(logged.holdBefore.map { FindingJSON($0.since, advice: advice) }, forKey: .paused)
        try container.encode(logged.hold.map(HoldJSON.init), forKey: .hold)
        try container.encode(logged.holdMovedEarlier.map(HoldJSON.init), forKey: .holdMovedEarlier)
        try container.encode(advice.region?.code, forKey: .region)
    }
}

/// `journal edit --json`: the entry before and after, the findings of the corrected entry and the
/// hold its exercise stands on (as `journal log --json`), and `changed`, false when the values given
/// were those the entry had (nothing written, no findings told).
public struct EditJSON: Encodable, Sendable {
    public var before: EntryJSON
    public var after: EntryJSON
    public var findings: [FindingJSON]
    public var hold: HoldJSON?
    /// The finding that began a hold standing before this edit (as `journal log --json`'s `paused`).
    public var paused: FindingJSON?
    public var changed: Bool
    /// The hold that stood before the edit and no longer does (`hold_lifted`), or null.
    public var holdLifted: HoldJSON?
    /// The hold the edit began (`hold_begun`), or null.
    public var holdBegun: HoldJSON?

    public init(
        before: EntryJSON, after: EntryJSON, findings: [FindingJSON], hold: HoldJSON?, paused: FindingJSON?,
        changed: Bool = true, holdLifted: HoldJSON? = nil, holdBegun: HoldJSON? = nil
    ) {
        self.before = before
        self.after = after
        self.findings = findings
        self.hold = hold
        self.paused = paused
        self.changed = changed
        self.holdLifted = holdLifted
        self.holdBegun = holdBegun
    }

    enum CodingKeys: String, CodingKey {
        case before, after, findings, hold, paused, changed
        case holdLifted = "hold_lifted"
        case holdBegun = "hold_begun"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(findings, forKey: .findings)
        try container.encode(hold, forKey: .hold)
        try container.encode(paused, forKey: .paused)
        try container.encode(changed, forKey: .changed)
        try container.encode(holdLifted, forKey: .holdLifted)
        try container.encode(holdBegun, forKey: .holdBegun)
    }
}

/// `journal checkin --json`: `checkin`, `findings` (with `advice` in the region's words) and `region`
/// (null for the generic words).
public struct CheckedInJSON: Encodable, Sendable {
    public let checkin: CheckInJSON
    public let findings: [FindingJSON]
    /// The code of the region in force; null for the generic words, as `journal log --json` writes it.
    public let region: String?

    public init(_ logged: LoggedCheckIn, advice: RegionalAdvice) {
        checkin = CheckInJSON(logged.checkIn)
        findings = logged.findings.map { FindingJSON($0, advice: advice) }
        region = advice.region?.code
    }

    enum CodingKeys: CodingKey { case checkin, findings, region }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checkin, forKey: .checkin)
        try container.encode(findings, forKey: .findings)
        try container.encode(region, forKey: .region)
    }
}

/// `journal checkins edit --json`: the check-in before and after, the findings of the corrected one,
/// `changed`, false when the values given were those the check-in had (nothing written), and the
/// red flags the edit lifted and began (`red_flags_lifted`, as `checkins delete --json` writes
/// them, and `red_flags_begun`; `[]` for none).
public struct CheckInEditJSON: Encodable, Sendable {
    public var before: CheckInJSON
    public var after: CheckInJSON
    public var findings: [FindingJSON]
    public var changed: Bool
    public var redFlagsLifted: [FindingJSON]
    public var redFlagsBegun: [FindingJSON]

    public init(
        before: CheckInJSON, after: CheckInJSON, findings: [FindingJSON], changed: Bool = true,
        redFlagsLifted: [FindingJSON] = [], redFlagsBegun: [FindingJSON] = []
    ) {
        self.before = before
        self.after = after
        self.findings = findings
        self.changed = changed
        self.redFlagsLifted = redFlagsLifted
        self.redFlagsBegun = redFlagsBegun
    }

    enum CodingKeys: String, CodingKey {
        case before, after, findings, changed
        case redFlagsLifted = "red_flags_lifted"
        case redFlagsBegun = "red_flags_begun"
    }
}
