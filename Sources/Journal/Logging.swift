/// A saved entry and what the safety rules found in it.
public struct LoggedEntry: Sendable, Hashable {
    public var entry: Entry
    public var findings: [Finding]
}

extension JournalStore {
    /// Saves `entry` and runs the safety rules on it; the entry is kept whatever they find.
    ///
    /// ```swift
    /// let logged = try store.log(entry)
    /// logged.findings.first?.rule // "more-pain" when pain rose
    /// ```
    public func log(_ entry: Entry) throws -> LoggedEntry {
        let saved = try add(entry)
        return LoggedEntry(entry: saved, findings: Rules.evaluate([saved]))
    }
}
