import JournalSync
import SyncFormat

/// What one sync file carries (its ``SyncFile/payload``): the changesets its replica recorded,
/// oldest first, each with the reading of the write that recorded it.
///
/// Big-endian, per changeset: the reading's text (57 ASCII bytes, ``HybridTimestamp/text``), the
/// changeset's length (8 bytes), the changeset (SQLite's format). A file read from the folder is
/// data from outside: ``decode(_:name:)`` refuses anything else before anything is merged.
///
/// ```swift
/// let bytes = SyncPayload.encode([(reading, changeset)])
/// try SyncPayload.decode(bytes, name: "…/000000000001.jsync")  // [(reading, changeset)]
/// ```
enum SyncPayload {
    /// One recorded write: its reading and its changeset.
    typealias Record = (reading: HybridTimestamp, changeset: Changeset)

    /// The bytes of a reading's text.
    static let readingLength = 57

    /// The largest changeset one record may hold: 1 GiB, far above a first sync of a large journal.
    static let largestChangeset = 1 << 30

    static func encode(_ records: [Record]) -> [UInt8] {
        var bytes: [UInt8] = []
        for record in records {
            bytes += Array(record.reading.text.utf8)
            let count = UInt64(record.changeset.bytes.count)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: count >> (8 * UInt64($0))) }
            bytes += record.changeset.bytes
        }
        return bytes
    }

    /// The records of `bytes`, read from the file `name`; throws ``SyncError/refusedFile(name:reason:)`` for
    /// bytes cut short, a reading that is not one, or readings that do not grow.
    ///
    /// A file's readings are usually its replica's own; a journal that became a new replica (a
    /// restored or copied journal file) sends the changes it recorded before under its old id.
    static func decode(_ bytes: [UInt8], name: String) throws -> [Record] {
        var records: [Record] = []
        var index = 0
        func damaged(_ reason: String) -> SyncError { .refusedFile(name: name, reason: reason) }
        while index < bytes.count {
            guard bytes.count - index >= readingLength + 8 else { throw damaged("a change in it is cut short") }
            let text = String(decoding: bytes[index..<(index + readingLength)], as: UTF8.self)
            guard let reading = HybridTimestamp(text: text) else {
                throw damaged("a change in it has no clock reading journal writes")
            }
            if let last = records.last?.reading, reading <= last {
                throw damaged("its changes are not in the order they were recorded")
            }
            index += readingLength
            let count = bytes[index..<(index + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            index += 8
            guard count > 0, count <= UInt64(largestChangeset), count <= UInt64(bytes.count - index) else {
                throw damaged("a change in it is cut short or has a length journal never writes")
            }
            records.append((reading, Changeset(bytes: Array(bytes[index..<(index + Int(count))]))))
            index += Int(count)
        }
        return records
    }
}
