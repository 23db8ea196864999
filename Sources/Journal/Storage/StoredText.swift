import Foundation
import GRDB

/// How the store reads free text from the file whole: notes, PSFS activities, how-to text.
///
/// GRDB decodes a `TEXT` value as a C string, so a text written into the file from outside (by the
/// sqlite3 CLI, say) would be cut at its first NUL. Each reader selects such a column as its bytes
/// (``select(_:)``) and decodes them here (``text(_:_:)``): each NUL reads as U+FFFD and nothing is
/// cut (``Note/stored(_:)``).
///
/// ```swift
/// let row = try Row.fetchOne(db, sql: "SELECT \(StoredText.select("note")) FROM checkins_with_ids WHERE id = 1")
/// StoredText.text(row, "note") // "a\u{FFFD}b" for the stored bytes "a", NUL, "b"
/// ```
enum StoredText {
    /// The SQL that selects `column` as its bytes, under its own name.
    static func select(_ column: String) -> String { "CAST(\(column) AS BLOB) AS \(column)" }

    /// The text in `column` of `row`, selected by ``select(_:)``: whole, each NUL as U+FFFD, a
    /// blank one `nil` (``Note/stored(_:)``).
    static func text(_ row: Row, _ column: String) -> String? {
        guard let bytes = row[column] as Data? else { return nil }
        return Note.stored(String(decoding: bytes, as: UTF8.self))
    }
}
