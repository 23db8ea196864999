extension String {
    /// The text with terminal control characters removed and line breaks and tabs as spaces,
    /// so a note, a path or a value someone typed cannot move the cursor or change colours when printed.
    ///
    /// The one rule for stored text shown to a person (docs/formats.md, "Stored text shown"): every
    /// text screen prints through it (the CLI's `Console`), and the text, Markdown and HTML reports
    /// pass their output through it. Removed, not replaced: the text around stays as written, and
    /// what was removed could only have acted, never shown. JSON keeps the exact value.
    ///
    /// Removes C0 and C1 controls (ESC, BEL, CR…), DEL, and the invisible bidirectional marks and
    /// overrides that could make text read differently from what it holds.
    ///
    /// ```swift
    /// "x\u{1B}[31mred\r\n".terminalSafe  // "x[31mred  "
    /// ```
    public var terminalSafe: String { sanitised(keepingLineBreaks: false) }

    /// The text as ``terminalSafe``, keeping line breaks (`\n`) and tabs: for text of several lines.
    public var terminalSafeLines: String { sanitised(keepingLineBreaks: true) }

    private func sanitised(keepingLineBreaks: Bool) -> String {
        // Printable ASCII (and line breaks and tabs, where kept) is shown as it is: most text, read in one pass.
        if utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || (keepingLineBreaks && ($0 == 0x0A || $0 == 0x09)) }) {
            return self
        }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: result.append(keepingLineBreaks ? scalar : " ")
            case 0x0D: if !keepingLineBreaks { result.append(" ") }
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
