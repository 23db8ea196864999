import CSQLiteSession

/// Checks that bytes are a whole changeset, field by field, before SQLite reads them.
///
/// SQLite's own iterator (3.40) loops forever on a changeset cut short inside a table's header,
/// so a changeset from outside is walked here first, following the format sqlite3session.h
/// documents: for each table, `'T'`, the column count (a varint), one byte per column, its place in
/// the primary key counting from 1 (0 when it is not in the key; SQLite 3.40 writes the place, so a
/// two-column key reads 1 and 2), and the NUL-terminated name; then its changes, each an operation byte (INSERT 18, UPDATE 23,
/// DELETE 9), an indirect flag (0 or 1) and its records (old values for DELETE, new for INSERT,
/// both for UPDATE); a value is a type byte (0 undefined, only in an UPDATE; 1 integer and 2 real,
/// 8 bytes; 3 text and 4 blob, a varint length then the bytes; 5 NULL). SQLite never writes a
/// table without changes, so a header with none is refused too. A changeset cut exactly between
/// two changes still reads as whole: the sync file around it is what proves it complete.
///
/// ```swift
/// try ChangesetStructure.check([0x54, 0x01])  // throws: the table's header is cut short
/// ```
enum ChangesetStructure {
    /// The most columns a SQLite table can have (SQLITE_MAX_COLUMN's upper bound).
    static let maximumColumns = 32767

    static func check(_ bytes: [UInt8]) throws {
        var position = 0
        func byte() throws -> UInt8 {
            guard position < bytes.count else { throw Changeset.damaged }
            defer { position += 1 }
            return bytes[position]
        }
        func skip(_ count: Int) throws {
            guard count >= 0, count <= bytes.count - position else { throw Changeset.damaged }
            position += count
        }
        /// SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last; the
        /// ninth byte gives 8 bits.
        func varint() throws -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<9 {
                let next = try byte()
                if index == 8 { return value << 8 | UInt64(next) }
                value = value << 7 | UInt64(next & 0x7F)
                if next & 0x80 == 0 { return value }
            }
            return value
        }
        func record(columns: Int, undefinedAllowed: Bool) throws {
            for _ in 0..<columns {
                switch try byte() {
                case 0 where undefinedAllowed, 5: break
                case 1, 2: try skip(8)
                case 3, 4:
                    let length = try varint()
                    guard length <= UInt64(bytes.count) else { throw Changeset.damaged }
                    try skip(Int(length))
                default: throw Changeset.damaged
                }
            }
        }
        var columns = 0
        var changesInTable = 0
        while position < bytes.count {
            let code = try byte()
            if code == 0x54 {
                guard columns == 0 || changesInTable > 0 else { throw Changeset.damaged }
                changesInTable = 0
                let count = try varint()
                guard count > 0, count <= UInt64(maximumColumns) else { throw Changeset.damaged }
                columns = Int(count)
                for _ in 0..<columns {
                    guard try Int(byte()) <= columns else { throw Changeset.damaged }
                }
                guard let end = bytes[position...].firstIndex(of: 0), end > position else { throw Changeset.damaged }
                position = end + 1
                continue
            }
            guard columns > 0, try byte() <= 1 else { throw Changeset.damaged }
            switch Int32(code) {
            case SQLITE_INSERT, SQLITE_DELETE: try record(columns: columns, undefinedAllowed: false)
            case SQLITE_UPDATE:
                try record(columns: columns, undefinedAllowed: true)
                try record(columns: columns, undefinedAllowed: true)
            default: throw Changeset.damaged
            }
            changesInTable += 1
        }
        guard columns == 0 || changesInTable > 0 else { throw Changeset.damaged }
    }
}
