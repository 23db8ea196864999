/// The CSV that `journal export` writes and `journal import` reads (RFC 4180).
///
/// A header row, one row per entry, CRLF line ends, UTF-8. A field holding a comma, a quote,
/// CR or LF is quoted, with quotes doubled. Free-text cells (exercise, note) that a spreadsheet
/// could run as a formula, those beginning with `=`, `+`, `-`, `@`, tab or CR, get a leading
/// `'`, and so does one that already begins with `'`, so that import can undo it exactly.
///
/// ```swift
/// CSVFormat.field("said \"hi\", then left") // "\"said \"\"hi\"\", then left\""
/// CSVFormat.textCell("=1+1")                 // "'=1+1"
/// ```
public enum CSVFormat {
    /// The columns, in order: a contract people script against.
    public static let columns = [
        "id", "performed_at", "exercise", "side", "sets", "reps", "hold_seconds", "pain_before", "pain_after",
        "pain_change", "flagged", "note",
    ]

    /// The header row, with its line end.
    public static let header = columns.joined(separator: ",") + "\r\n"

    /// The UTF-8 byte-order mark `--excel` puts first, so Excel reads the file as UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One entry as a CSV row, with its line end.
    public static func row(_ entry: Entry) -> String {
        var line = ""
        line.reserveCapacity(96)
        line += entry.id.map(String.init) ?? ""
        line += ","
        line += entry.localTime.iso8601
        line += ","
        line += field(textCell(entry.exerciseID))
        line += ","
        line += entry.side?.rawValue ?? ""
        line += ","
        line += String(entry.sets)
        line += ","
        line += entry.reps.map(String.init) ?? ""
        line += ","
        line += entry.holdSeconds.map(String.init) ?? ""
        line += ","
        line += String(entry.painBefore.value)
        line += ","
        line += String(entry.painAfter.value)
        line += ","
        line += String(entry.painChange)
        line += ","
        line += Rules.evaluate(entry).isEmpty ? "false" : "true"
        line += ","
        line += entry.note.map { field(textCell($0)) } ?? ""
        line += "\r\n"
        return line
    }

    /// `text` quoted if it holds a comma, quote, CR or LF, with quotes doubled.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    /// A free-text cell made safe from spreadsheet formulas (see the type's description).
    public static func textCell(_ text: String) -> String {
        guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x27].contains(first) else { return text }
        return "'" + text
    }

    /// Undoes ``textCell(_:)``.
    public static func untextCell(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
}
