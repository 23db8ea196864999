/// The CSV that `journal export` writes and `journal import` reads (RFC 4180).
///
/// A header row, one row per entry, CRLF line ends, UTF-8. A field holding a comma, a quote,
/// CR or LF is quoted, with quotes doubled. Free-text cells (exercise, note) that a spreadsheet
/// could run as a formula get a leading `'`: those beginning with `=`, `+`, `-` or `@`, also after
/// spaces, tabs and line breaks (which a spreadsheet may trim first), and those beginning with tab
/// or CR. So does a cell that already begins with `'`, so that import can undo it exactly.
///
/// ```swift
/// CSVFormat.field("said \"hi\", then left") // "\"said \"\"hi\"\", then left\""
/// CSVFormat.textCell("=1+1")                 // "'=1+1"
/// CSVFormat.textCell(" =1+1")                // "' =1+1"
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
        var bytes: [UInt8] = []
        append(entry, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one entry as a CSV row, with its line end, to `bytes`: the export's hot path,
    /// so it writes bytes directly rather than building strings.
    public static func append(_ entry: Entry, to bytes: inout [UInt8]) {
        let comma: UInt8 = 0x2C
        if let id = entry.id { appendDecimal(id, to: &bytes) }
        bytes.append(comma)
        appendTimestamp(entry.localTime, to: &bytes)
        bytes.append(comma)
        appendText(entry.exerciseID, to: &bytes)
        bytes.append(comma)
        if let side = entry.side { bytes.append(contentsOf: side.rawValue.utf8) }
        bytes.append(comma)
        appendDecimal(Int64(entry.sets), to: &bytes)
        bytes.append(comma)
        if let reps = entry.reps { appendDecimal(Int64(reps), to: &bytes) }
        bytes.append(comma)
        if let hold = entry.holdSeconds { appendDecimal(Int64(hold), to: &bytes) }
        bytes.append(comma)
        appendDecimal(Int64(entry.painBefore.value), to: &bytes)
        bytes.append(comma)
        appendDecimal(Int64(entry.painAfter.value), to: &bytes)
        bytes.append(comma)
        appendDecimal(Int64(entry.painChange), to: &bytes)
        bytes.append(comma)
        bytes.append(contentsOf: Rules.isFlagged(entry) ? "true".utf8 : "false".utf8)
        bytes.append(comma)
        if let note = entry.note { appendText(note, to: &bytes) }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// A free-text cell: formula-neutralised, then quoted if needed.
    static func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            if needsPrefix(utf8) {
                // Rare: take the simple path.
                bytes.append(contentsOf: field(textCell(String(decoding: utf8, as: UTF8.self))).utf8)
                return
            }
            guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest / divisor % 10) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `±HH:MM:SS`), as ``LocalDateTime/iso8601``.
    static func appendTimestamp(_ time: LocalDateTime, to bytes: inout [UInt8]) {
        appendPadded(time.date.year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendPadded(time.date.month, width: 2, to: &bytes)
        bytes.append(0x2D)
        appendPadded(time.date.day, width: 2, to: &bytes)
        bytes.append(0x54)
        appendPadded(time.hour, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendPadded(time.minute, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendPadded(time.second, width: 2, to: &bytes)
        bytes.append(time.utcOffset < 0 ? 0x2D : 0x2B)
        let magnitude = abs(time.utcOffset)
        appendPadded(magnitude / 3600, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendPadded(magnitude / 60 % 60, width: 2, to: &bytes)
        if magnitude % 60 != 0 {
            bytes.append(0x3A)
            appendPadded(magnitude % 60, width: 2, to: &bytes)
        }
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
        var text = text
        return text.withUTF8(needsPrefix) ? "'" + text : text
    }

    /// Whether a free-text cell gets a leading `'`: it begins with `'`, tab or CR, or, after any
    /// spaces, tabs, CRs and LFs, with `=`, `+`, `-` or `@`.
    static func needsPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        if first == 0x27 || first == 0x09 || first == 0x0D { return true }
        for byte in utf8 {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A: continue
            case 0x3D, 0x2B, 0x2D, 0x40: return true
            default: return false
            }
        }
        return false
    }

    /// Undoes ``textCell(_:)``.
    public static func untextCell(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
}

extension CSVFormat {
    /// One row's fields (in ``columns`` order) as a draft entry; the derived columns are ignored.
    ///
    /// Throws the first field that cannot be read, named by its column.
    public static func draft(from fields: [String]) throws -> EntryDraft {
        var draft = EntryDraft(exercise: untextCell(fields[2]))
        if !fields[0].isEmpty { draft.id = try Entry.parseID(fields[0]) }
        guard let time = DateInput.parseTimestamp(fields[1]) else {
            throw JournalError.invalidDate(
                text: fields[1],
                reason: "performed_at must be a date, time and offset, such as 2026-11-20T07:30:00+01:00.")
        }
        draft.time = .exact(time, text: fields[1])
        func number(_ index: Int, _ field: String, _ range: ClosedRange<Int>) throws -> Int? {
            fields[index].isEmpty ? nil : try Entry.parseNumber(fields[index], field: field, range: range)
        }
        draft.side = fields[3].isEmpty ? nil : try Side(parsing: fields[3])
        draft.sets = try Entry.parseNumber(fields[4], field: "sets", range: Entry.Limits.sets)
        draft.reps = try number(5, "reps", Entry.Limits.reps)
        draft.holdSeconds = try number(6, "hold_seconds", Entry.Limits.holdSeconds)
        draft.painBefore = try PainLevel(parsing: fields[7], field: "pain_before")
        draft.painAfter = try PainLevel(parsing: fields[8], field: "pain_after")
        let note = untextCell(fields[11])
        draft.note = note.isEmpty ? nil : note
        return draft
    }
}
