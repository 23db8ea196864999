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
        return String(decoding: escapingControls(Array(try encoder.encode(value))), as: UTF8.self)
    }

    /// `json` with DEL, the C1 controls and the bidirectional marks and overrides (U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069) written as `\uXXXX` escapes, as the encoder writes C0 ones.
    ///
    /// The same value, read by any JSON reader; but a stored text that carries them (put into the
    /// file from outside) cannot act on a terminal that shows the JSON, or reorder what it reads
    /// (docs/formats.md, "Stored text shown"). They can only stand inside strings, so escaping them
    /// never changes the document's shape.
    public static func escapingControls(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 >= 0x7F }) else { return json }
        var result: [UInt8] = []
        result.reserveCapacity(json.count + 16)
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                result += Array("\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".utf8)
            default:
                result += Array(String(scalar).utf8)
            }
        }
        return result
    }
}
