import Foundation

extension JournalStore {
    /// Writes the selected entries to `sink`, oldest first, streaming row by row; returns how many.
    ///
    /// ```swift
    /// let sink = OutputSink(descriptor: STDOUT_FILENO, name: "standard output")
    /// try store.export(.csv, selection: ExportSelection(), to: sink)
    /// try sink.flush()
    /// ```
    @discardableResult
    public func export(
        _ format: ExportFormat, selection: ExportSelection, to sink: OutputSink, byteOrderMark: Bool = false
    ) throws -> Int {
        var count = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try Self.beginExport(format, to: sink, byteOrderMark: byteOrderMark)
        try forEachEntry(performedIn: selection.period?.widestUTCRange, exerciseID: selection.exerciseID) { entry in
            if let period = selection.period, !period.contains(entry.localTime.date) { return }
            switch format {
            case .csv:
                try sink.append { CSVFormat.append(entry, to: &$0) }
            case .json:
                try sink.write(count == 0 ? "\n" : ",\n")
                try sink.write(bytes: Array(try encoder.encode(EntryJSON(entry, includeDerived: true))))
            }
            count += 1
        }
        try Self.endExport(format, to: sink, count: count)
        return count
    }

    /// What an export of no journal at all holds: the CSV header, or an empty JSON array.
    public static func exportNothing(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool = false) throws {
        try beginExport(format, to: sink, byteOrderMark: byteOrderMark)
        try endExport(format, to: sink, count: 0)
    }

    private static func beginExport(_ format: ExportFormat, to sink: OutputSink, byteOrderMark: Bool) throws {
        switch format {
        case .csv:
            if byteOrderMark { try sink.write(bytes: CSVFormat.byteOrderMark) }
            try sink.write(CSVFormat.header)
        case .json:
            try sink.write("[")
        }
    }

    private static func endExport(_ format: ExportFormat, to sink: OutputSink, count: Int) throws {
        if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
    }
}
