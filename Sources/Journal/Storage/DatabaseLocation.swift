/// Where the journal file lives.
///
/// In order: `--db PATH`, then `$JOURNAL_DB`, then `$XDG_DATA_HOME/journal/journal.sqlite3`
/// (an empty or relative `XDG_DATA_HOME` counts as unset, per the XDG spec), then
/// `$HOME/.local/share/journal/journal.sqlite3`.
///
/// ```swift
/// try DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/ana"])
/// // "/home/ana/.local/share/journal/journal.sqlite3"
/// ```
public enum DatabaseLocation {
    ///
    /// An empty `--db` (a script's unset variable, `--db "$UNSET"`) is refused rather than read as
    /// "not given": it would otherwise write into the person's own journal.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit {
            guard !explicit.isEmpty else {
                throw JournalError.invalidSetting(name: "--db", text: explicit, expected: "the path of a journal file")
            }
            return explicit
        }
        if let fromEnvironment = environment["JOURNAL_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return join(dataHome, "journal/journal.sqlite3")
        }
        guard let home = environment["HOME"], !home.isEmpty else { throw JournalError.noDatabaseLocation }
        return join(home, ".local/share/journal/journal.sqlite3")
    }

    /// Whether the journal is at the default location (neither `--db` nor `$JOURNAL_DB` names it),
    /// in a folder journal owns.
    public static func isDefault(explicit: String?, environment: [String: String]) -> Bool {
        (explicit ?? "").isEmpty && (environment["JOURNAL_DB"] ?? "").isEmpty
    }

    private static func join(_ directory: String, _ rest: String) -> String {
        directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
    }
}
