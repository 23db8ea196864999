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
        // A value wider than `width` is written whole, as ``pad(_:_:)`` does, never cut to its last digits.
        while value / divisor >= 10 { divisor *= 10 }
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

extension CSVFormat {
    /// One record as a checked entry of `exercise` (the one its exercise cell names), when every
    /// cell is written as `journal export` writes it; `nil` for anything else.
    ///
    /// The import's hot path: it reads the cells as bytes, with no `String` but for the note. It
    /// only ever agrees with the general path, ``draft(from:)`` and
    /// ``EntryDraft/entry(exercise:now:timeZone:replacing:)``, which stays the one authority on what
    /// a row may hold and what is wrong with it: a record this path does not take (a number with
    /// spaces or a sign, a side in capitals, a time in the future, any value out of range) goes
    /// there, and is read or refused with the same message as ever.
    static func exportedEntry(_ record: CSVRecord, exercise: Exercise, now: Int64) -> Entry? {
        guard record.count == columns.count else { return nil }
        let cells: Cells? = record.bytes.withUnsafeBufferPointer { bytes in
            func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : record.ends[index - 1])..<record.ends[index]])
            }
            var cells = Cells()
            let id = cell(0)
            if !id.isEmpty {
                guard id.count <= 16, let value = decimal(id), Entry.Limits.ids.contains(value) else { return nil }
                cells.id = value
            }
            guard let time = timestamp(cell(1)), time.unixSeconds <= now else { return nil }
            cells.time = time
            let side = cell(3)
            if !side.isEmpty {
                guard let value = Side.allCases.first(where: { side.elementsEqual($0.rawValue.utf8) }) else {
                    return nil
                }
                cells.side = value
            }
            guard let sets = small(cell(4), Entry.Limits.sets), let before = small(cell(7), PainLevel.range),
                let after = small(cell(8), PainLevel.range)
            else { return nil }
            (cells.sets, cells.painBefore, cells.painAfter) = (sets, before, after)
            let reps = cell(5)
            if !reps.isEmpty {
                guard let value = small(reps, Entry.Limits.reps) else { return nil }
                cells.reps = value
            }
            let hold = cell(6)
            if !hold.isEmpty {
                guard let value = small(hold, Entry.Limits.holdSeconds) else { return nil }
                cells.holdSeconds = value
            }
            return cells
        }
        guard let cells, let time = cells.time, let painBefore = PainLevel(cells.painBefore),
            let painAfter = PainLevel(cells.painAfter), cells.side == nil || exercise.perSide
        else { return nil }
        let noteCell = record.field(11)
        let note = noteCell.isEmpty ? "" : untextCell(String(decoding: noteCell, as: UTF8.self))
        return try? Entry(
            id: cells.id, exerciseID: exercise.id, performedAt: time.unixSeconds, utcOffset: time.utcOffset,
            sets: cells.sets, reps: cells.reps, holdSeconds: cells.holdSeconds, side: cells.side,
            painBefore: painBefore, painAfter: painAfter, note: note.isEmpty ? nil : note, createdAt: now)
    }

    /// The cells ``exportedEntry(_:exercise:now:)`` reads, before the entry is built.
    private struct Cells {
        var id: Int64?
        var time: ResolvedTime?
        var side: Side?
        var sets = 0
        var reps: Int?
        var holdSeconds: Int?
        var painBefore = 0
        var painAfter = 0
    }

    /// Digits only, as many as `bytes` holds (at most 18), as a number; `nil` for anything else.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// One to four digits, as a number within `range`; `nil` for anything else.
    private static func small(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ClosedRange<Int>) -> Int? {
        guard bytes.count <= 4, let value = decimal(bytes).map(Int.init), range.contains(value) else { return nil }
        return value
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` or `YYYY-MM-DDTHH:MM:SSZ`, as ``DateInput/parseTimestamp(_:)`` reads
    /// them; `nil` for anything else, including its other forms.
    private static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedTime? {
        guard bytes.count == 25 || bytes.count == 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            decimal(UnsafeBufferPointer(rebasing: bytes[start..<start + count])).map(Int.init)
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let date = LocalDate(year: year, month: month, day: day),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == 0x5A || bytes[19] == 0x7A else { return nil }
        } else {
            guard bytes[19] == 0x2B || bytes[19] == 0x2D, bytes[22] == 0x3A,
                let hours = number(20, 2), let minutes = number(23, 2), minutes < 60
            else { return nil }
            offset = hours * 3600 + minutes * 60
            guard offset <= 18 * 3600 else { return nil }
            if bytes[19] == 0x2D { offset = -offset }
        }
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard LocalDateTime.representableSeconds.contains(wall - Int64(offset)) else { return nil }
        return ResolvedTime(unixSeconds: wall - Int64(offset), utcOffset: offset)
    }
}
