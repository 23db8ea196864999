/// Plain-text tables and paragraphs for a terminal, readable at 80 columns.
///
/// ```swift
/// TextTable.render(header: ["ID", "NAME"], rows: [["1", "Ana"]], alignRight: [0])
/// // "ID  NAME\n 1  Ana"
/// ```
public enum TextTable {
    /// Columns padded to their widest cell, two spaces apart.
    ///
    /// Columns in `alignRight` are right-aligned (numbers); the last column is never padded on
    /// the right. An empty `header`
    /// leaves the header row out; a short row leaves its last columns empty.
    public static func render(header: [String], rows: [[String]], alignRight: Set<Int> = []) -> String {
        let all = header.isEmpty ? rows : [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "  " }
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if alignRight.contains(index) {
                    text += padding + cell
                } else {
                    text += index == cells.count - 1 ? cell : cell + padding
                }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        return all.map(line).joined(separator: "\n")
    }

    /// `text` broken into lines of at most `width` characters at spaces.
    public static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
