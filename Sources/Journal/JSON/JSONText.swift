import Foundation

/// How every `--json` is written: pretty, keys sorted, slashes left as they are.
///
/// ```swift
/// try JSONText.pretty(CSVImportJSON(ImportResult(added: 2, skipped: 1)))
/// // {
/// //   "added" : 2,
/// //   "skipped" : 1
/// // }
/// ```
public enum JSONText {
    /// `value` as pretty JSON with sorted keys, without a final line break.
    public static func pretty(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
