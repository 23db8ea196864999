/// Plain-text tables and paragraphs for a terminal, readable at 80 columns.
///
/// Widths are display columns: a CJK character or an emoji takes two, a combining mark none.
///
/// ```swift
/// TextTable.render(header: ["ID", "NAME"], rows: [["1", "Ana"]], alignRight: [0])
/// // "ID  NAME\n 1  Ana"
/// ```
public enum TextTable {
    /// Columns padded to their widest cell, two spaces apart; columns in `alignRight` are
    /// right-aligned (numbers), the last column is never padded on the right.
    ///
    /// An empty `header` leaves the header row out. With `width`, the cells of column `shrink` are shortened with "…" as far as needed (but not
    /// below its header) to keep every line within `width` columns; then, if the lines are still
    /// wider, the cells of the columns in `wrap` (sentences such as a report's verdicts) are broken
    /// at spaces onto more lines within their column, the widest column first, never narrower than
    /// its header or its longest word: no word of theirs is lost. A row's other cells stand on its
    /// first line.
    ///
    /// ```swift
    /// TextTable.render(header: ["ID", "VERDICT"], rows: [["1", "under in 2 of 3"]], width: 12, wrap: [1])
    /// // "ID  VERDICT\n1   under in\n    2 of 3"
    /// ```
    public static func render(
        header: [String], rows: [[String]], alignRight: Set<Int> = [], width: Int? = nil, shrink: Int? = nil,
        wrap: Set<Int> = []
    ) -> String {
        var all = header.isEmpty ? rows : [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = (0..<columns).map { column in
            all.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 0
        }
        func total() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
        if let width, let shrink, widths.indices.contains(shrink), header.indices.contains(shrink) {
            if total() > width {
                let narrowed = max(displayWidth(header[shrink]), 4, widths[shrink] - (total() - width))
                for row in all.indices { all[row][shrink] = truncate(all[row][shrink], to: narrowed) }
                widths[shrink] = all.map { displayWidth($0[shrink]) }.max() ?? 0
            }
        }
        if let width, total() > width {
            narrow(
                &widths, wrapping: wrap.filter(widths.indices.contains), of: all, header: header, by: total() - width)
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "  " }
                let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(cell)))
                if alignRight.contains(index) {
                    text += padding + cell
                } else {
                    text += index == cells.count - 1 ? cell : cell + padding
                }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        /// A row as its lines: each cell of a `wrap` column wider than its column broken at spaces.
        func rowLines(_ cells: [String]) -> [String] {
            let broken = cells.enumerated().map { index, cell -> [String] in
                guard wrap.contains(index), displayWidth(cell) > widths[index] else { return [cell] }
                return Self.lines(Self.wrap(cell, width: widths[index])).map(String.init)
            }
            let count = broken.map(\.count).max() ?? 1
            return (0..<count).map { row in line(broken.map { row < $0.count ? $0[row] : "" }) }
        }
        return all.flatMap(rowLines).joined(separator: "\n")
    }

    /// Narrows the columns in `wrapping` by up to `excess` columns in all, one column at a time from
    /// the widest, none below its widest word nor its header (a header never breaks).
    private static func narrow(
        _ widths: inout [Int], wrapping: Set<Int>, of all: [[String]], header: [String], by excess: Int
    ) {
        let least = Dictionary(
            uniqueKeysWithValues: wrapping.map { column in
                let words = all.map { row in
                    column < row.count ? row[column].split(separator: " ").map(displayWidth).max() ?? 0 : 0
                }
                return (column, max(words.max() ?? 0, column < header.count ? displayWidth(header[column]) : 0))
            })
        var left = excess
        while left > 0 {
            guard
                let widest = wrapping.filter({ widths[$0] > least[$0] ?? 0 }).max(by: {
                    (widths[$0], -$0) < (widths[$1], -$1)
                })
            else { return }
            widths[widest] -= 1
            left -= 1
        }
    }

    /// The lines of `text`, as `text.split(separator: "\n")` gives them (no empty ones), found byte
    /// by byte: a line feed is a character of its own except after a carriage return, with which
    /// it is one ("\r\n", which does not split), so only such a line feed is kept.
    ///
    /// Splitting by `Character` reads every grapheme's Unicode properties: it was a quarter of
    /// `journal check`'s text (docs/performance.md).
    public static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                if start != index { lines.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            previous = byte
            utf8.formIndex(after: &index)
        }
        if start != utf8.endIndex { lines.append(text[start..<utf8.endIndex]) }
        return lines
    }

    /// `text` broken into lines of at most `width` columns at spaces; a word wider than `width`
    /// is cut with "…".
    ///
    /// A command a person is told to type is never broken or cut: a span between backquotes
    /// ("`journal resume --red-flags`"), and a command after a colon ("Set one with: journal plan
    /// set …", up to the word that ends in ".", "," or ";", or the end) stay whole on one line, a
    /// line of their own when wider than `width` (``units(_:)``).
    ///
    /// ```swift
    /// TextTable.wrap("Once a doctor has seen you: journal resume --red-flags.", width: 40)
    /// // "Once a doctor has seen you:\njournal resume --red-flags."
    /// ```
    ///
    /// With `indent`, every line after the first begins with that many spaces, and still fits
    /// `width` with them (a hanging indent: the lines of one item, told apart from the next).
    public static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return wrapByCharacter(text, width: width, indent: indent) }
        // Most text marks no command: laid out byte by byte, as fast as before commands were kept
        // whole (docs/performance.md), with the same lines.
        if !text.utf8.contains(UInt8(ascii: "`")), !text.contains(": journal") {
            return wrapASCII(text, width: width, indent: indent)
        }
        // Words found byte by byte: splitting by `Character` reads every grapheme's Unicode
        // properties (docs/performance.md). Each space is one byte of its own in ASCII text.
        let utf8 = text.utf8
        var words: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: " ") {
                if start != index { words.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        if start != utf8.endIndex { words.append(text[start..<utf8.endIndex]) }
        return lay(units(words), width: width, indent: indent)
    }

    /// ``wrap(_:width:indent:)`` for any text, each word measured by its characters.
    static func wrapByCharacter(_ text: String, width: Int, indent: Int = 0) -> String {
        lay(units(text.split(separator: " ")), width: width, indent: indent)
    }

    /// The words of a text grouped into what wrapping keeps whole: a word alone, or a command of
    /// several words (``wrap(_:width:)``), its words joined by one space.
    ///
    /// A backquote opens a span that the next backquote closes; a text with an odd number of them
    /// marks no span, so a stray one keeps nothing together. A command after a colon begins with
    /// the word `journal` right after a word that ends in ":".
    static func units(_ words: [Substring]) -> [(text: String, command: Bool)] {
        func backquotes(_ word: Substring) -> Int {
            word.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "`") ? 1 : 0) }
        }
        let spans = words.reduce(0) { $0 + backquotes($1) } % 2 == 0
        var units: [(text: String, command: Bool)] = []
        var inSpan = false
        var inCommand = false
        var afterColon = false
        for word in words {
            let joined = inSpan || inCommand
            if joined, var last = units.popLast() {
                last.text += " " + word
                last.command = true
                units.append(last)
            } else {
                units.append((String(word), false))
            }
            if spans, backquotes(word) % 2 == 1 { inSpan.toggle() }
            if !joined, !inSpan, afterColon, word == "journal" {
                inCommand = true
            } else if inCommand, !inSpan, let end = word.utf8.last,
                end == UInt8(ascii: ".") || end == UInt8(ascii: ",") || end == UInt8(ascii: ";")
            {
                inCommand = false
            }
            afterColon = word.utf8.last == UInt8(ascii: ":")
        }
        return units
    }

    /// `units` laid out in lines of at most `width` columns, one space apart, each after the first
    /// behind `indent` spaces; a word wider than a line is cut with "…", a command wider than a line
    /// has a line of its own, whole.
    static func lay(_ units: [(text: String, command: Bool)], width: Int, indent: Int = 0) -> String {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        let margin = String(repeating: " ", count: indent)
        for unit in units {
            let word = unit.command ? unit.text : truncate(unit.text, to: width - indent)
            let wordWidth = displayWidth(word)
            if !current.isEmpty, currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            if current.isEmpty {
                current = (lines.isEmpty ? "" : margin) + word
                currentWidth = (lines.isEmpty ? 0 : indent) + wordWidth
            } else {
                current += " " + word
                currentWidth += 1 + wordWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// ``wrap(_:width:indent:)`` for text that is all ASCII (nearly everything journal prints), byte by byte.
    ///
    /// Each printable byte takes one column and a control none, as `displayWidth` counts them, so
    /// the lines are those of ``wrapByCharacter(_:width:indent:)`` for a text that marks no command (no
    /// backquote, no `journal` after a colon); `WrapTests` checks that on seeded text.
    static func wrapASCII(_ text: String, width: Int, indent: Int = 0) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / max(width, 1) + 4)
        var lineWidth = 0
        var lineHasWord = false
        var word: [UInt8] = []
        let widest = width - indent
        func flush() {
            guard !word.isEmpty else { return }
            var columns = word.reduce(0) { $0 + ($1 >= 0x20 && $1 != 0x7F ? 1 : 0) }
            if columns > widest {
                // Cut as `truncate` does: bytes while they fit in a line's width − 1 columns, then "…".
                var kept = 0
                var used = 0
                for byte in word {
                    let cost = byte >= 0x20 && byte != 0x7F ? 1 : 0
                    if used + cost > widest - 1 { break }
                    used += cost
                    kept += 1
                }
                word.removeSubrange(kept...)
                word.append(contentsOf: [0xE2, 0x80, 0xA6])
                columns = used + 1
            }
            if lineHasWord, lineWidth + 1 + columns > width {
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                lineWidth = indent
                lineHasWord = false
            }
            if lineHasWord {
                output.append(UInt8(ascii: " "))
                lineWidth += 1
            }
            output.append(contentsOf: word)
            lineWidth += columns
            lineHasWord = true
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") { flush() } else { word.append(byte) }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` cut to at most `width` display columns, ending in "…" when it was longer.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = displayWidth(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    /// The columns `text` takes on a terminal.
    ///
    /// Text that is all ASCII (most of what journal prints) is counted byte by byte, without reading
    /// Unicode properties: a printable byte takes one column, a control none, as
    /// the width of each character would say.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        var printable = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + displayWidth($1) } }
            if byte >= 0x20, byte != 0x7F { printable += 1 }
        }
        return printable
    }

    /// The columns one character (a grapheme cluster) takes: 2 for East Asian wide and full-width
    /// characters and emoji, 0 for marks and format characters alone, else 1.
    public static func displayWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let properties = first.properties
        if properties.isEmojiPresentation || isWide(first.value) { return 2 }
        if properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, main blocks).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
