import Foundation

/// The formats `journal export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case json
}

/// What to export: all entries, or those of some local days and one exercise.
public struct ExportSelection: Sendable {
    public var period: Period?
    public var exerciseID: String?

    public init(period: Period? = nil, exerciseID: String? = nil) {
        self.period = period
        self.exerciseID = exerciseID
    }
}

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
        switch format {
        case .csv:
            if byteOrderMark { try sink.write(bytes: CSVFormat.byteOrderMark) }
            try sink.write(CSVFormat.header)
        case .json:
            try sink.write("[")
        }
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
        if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }
}
