extension Wording {
    /// The first character of `text` that could make it print other than it is, named, to follow
    /// a colon; `nil` when there is none.
    ///
    /// The one naming of such a character, for text typed (an exercise's name,
    /// ``Exercise/refusal(ofName:)``) and stored (a setting put in from outside, ``StoredValues``):
    ///
    /// ```swift
    /// Wording.hiddenCharacter(in: "Glute\u{7} bridge")
    /// // "it holds the control character U+0007, which could change a terminal when printed"
    /// ```
    public static func hiddenCharacter(in text: some StringProtocol) -> String? {
        guard
            let scalar = text.unicodeScalars.first(where: {
                [.control, .format].contains($0.properties.generalCategory) || $0 == "\u{FFFD}"
            })
        else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case "\u{FFFD}":
            return "it holds \(code), the replacement character, which stands for bytes that are not text"
        case _ where scalar.properties.generalCategory == .format:
            return "it holds the invisible character \(code), which could make it read other than it is"
        default:
            return "it holds the control character \(code), which could change a terminal when printed"
        }
    }

    /// A text as an SQL string literal, each control character in it spelled as SQL spells it, so
    /// that a note shows what the terminal would not, and a `sqlite3` command can name it:
    /// `'Glute' || char(7) || ' bridge'`, `'a' || char(0) || 'b'`.
    public static func sqlLiteral(_ text: String) -> String {
        var parts: [String] = []
        var run = ""
        for scalar in text.unicodeScalars {
            guard scalar.properties.generalCategory == .control else {
                run.unicodeScalars.append(scalar)
                continue
            }
            if !run.isEmpty { parts.append(quoted(run)) }
            run = ""
            parts.append("char(\(scalar.value))")
        }
        if !run.isEmpty || parts.isEmpty { parts.append(quoted(run)) }
        return parts.joined(separator: " || ")
    }

    /// A text as an SQL string literal, as it is: `'it''s'`.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
