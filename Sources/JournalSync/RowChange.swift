import CSQLiteSession
import Foundation
import GRDB

/// One change of a changeset with its values: what the merge and the field clocks work from.
///
/// `old` and `new` hold one value per column of the table, in the table's column order; a column
/// the change does not carry is `nil`. An insert carries every column in `new`; a delete every
/// column in `old`; an update carries its primary key and the columns it changed in `old`, and
/// the new values of the columns it changed in `new`.
///
/// ```swift
/// let rows = try changeset.rowChanges()
/// rows[0].key  // the primary key's values, e.g. ["0193…"]
/// ```
struct RowChange: Equatable {
    let table: String
    let operation: Changeset.Operation
    let primaryKey: [Bool]
    let old: [DatabaseValue?]
    let new: [DatabaseValue?]

    /// The values of the row's primary key, in column order.
    var key: [DatabaseValue] {
        let values = operation == .insert ? new : old
        return zip(primaryKey, values).compactMap { isKey, value in isKey ? value ?? .null : nil }
    }
}

extension RowChange {
    /// The change SQLite's changeset iterator is on, with its values read into GRDB's.
    init(_ header: Changeset.ChangeHeader, _ iterator: OpaquePointer) {
        let columns = 0..<Int32(header.primaryKey.count)
        table = header.table
        operation = header.operation
        primaryKey = header.primaryKey
        // The values on one side of the change (`read`: `sqlite3changeset_old` or `_new`), none when
        // the change has no such side (an insert's old values, a delete's new ones).
        func values(
            absentFor absent: Changeset.Operation,
            _ read: (OpaquePointer, Int32, UnsafeMutablePointer<OpaquePointer?>) -> Int32
        ) -> [DatabaseValue?] {
            header.operation == absent
                ? Array(repeating: nil, count: columns.count)
                : columns.map { column in
                    var value: OpaquePointer?
                    _ = read(iterator, column, &value)
                    return Changeset.databaseValue(value)
                }
        }
        old = values(absentFor: .insert, sqlite3changeset_old)
        new = values(absentFor: .delete, sqlite3changeset_new)
    }
}

extension Changeset {
    /// Every change with its values, in order, after the structure has been checked
    /// (``ChangesetStructure``); throws ``ChangesetError/Kind/damaged`` as ``changes()`` does.
    func rowChanges() throws -> [RowChange] {
        guard !bytes.isEmpty else { return [] }
        _ = try tables()
        var rows: [RowChange] = []
        try walk { header, iterator in
            rows.append(RowChange(header, iterator))
            return true
        }
        return rows
    }

    /// A changeset's value as GRDB's; `nil` for a column the change does not carry.
    static func databaseValue(_ value: OpaquePointer?) -> DatabaseValue? {
        guard let value else { return nil }
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return sqlite3_value_int64(value).databaseValue
        case SQLITE_FLOAT: return sqlite3_value_double(value).databaseValue
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            guard let text = sqlite3_value_text(value) else { return "".databaseValue }
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self).databaseValue
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard let blob = sqlite3_value_blob(value) else { return Data().databaseValue }
            return Data(bytes: blob, count: count).databaseValue
        default: return .null
        }
    }

    /// Appends a changeset's value to a key's encoding (``SyncMetadata/encode(key:)``) as it is,
    /// with no Swift value made of it.
    static func append(_ value: OpaquePointer?, to encoder: inout SyncMetadata.KeyEncoder) {
        guard let value else { return encoder.appendNull() }
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: encoder.append(sqlite3_value_int64(value))
        case SQLITE_FLOAT: encoder.append(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let text = sqlite3_value_text(value)
            encoder.append(text: UnsafeRawBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))))
        case SQLITE_BLOB:
            let blob = sqlite3_value_blob(value)
            encoder.append(blob: UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(value))))
        default: encoder.appendNull()
        }
    }
}
