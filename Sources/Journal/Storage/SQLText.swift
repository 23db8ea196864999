/// The text of an SQL statement as SQLite reads it: what its comments and spacing leave.
///
/// SQLite keeps a `CREATE` statement in `sqlite_master` as it was typed, comments and all; a
/// comment or a line break changes nothing the statement does. ``significant(_:)`` takes them out,
/// outside string literals and quoted names, so that a table of journal's with a comment added
/// from outside is still journal's table (``SchemaObjects``), and one with a check removed is not.
///
/// ```swift
/// SQLText.significant("CREATE TABLE t ( -- mine\n  a TEXT DEFAULT '--' /* x */ )")
/// // "CREATE TABLE t ( a TEXT DEFAULT '--' )"
/// ```
enum SQLText {
    /// `sql`'s tokens, one space apart: words, literals and quoted names whole, each other mark
    /// alone, with `--` and `/* */` comments and whitespace left out.
    static func significant(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        var tokens: [ArraySlice<UInt8>] = []
        var index = 0
        /// The index after the quote that closes a quoted token opened at `index` by `open`
        /// (a doubled close quote is one character of it), or the end of the text.
        func closing(_ close: UInt8, doubled: Bool) -> Int {
            var next = index + 1
            while next < bytes.count {
                if bytes[next] == close {
                    if doubled, next + 1 < bytes.count, bytes[next + 1] == close {
                        next += 2
                        continue
                    }
                    return next + 1
                }
                next += 1
            }
            return bytes.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            let following = index + 1 < bytes.count ? bytes[index + 1] : 0
            var end = index + 1
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                index = end
                continue
            case UInt8(ascii: "-") where following == UInt8(ascii: "-"):
                index = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
                continue
            case UInt8(ascii: "/") where following == UInt8(ascii: "*"):
                var next = index + 2
                while next < bytes.count,
                    !(bytes[next] == UInt8(ascii: "*") && next + 1 < bytes.count
                        && bytes[next + 1] == UInt8(ascii: "/"))
                {
                    next += 1
                }
                index = min(next + 2, bytes.count)
                continue
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                end = closing(byte, doubled: true)
            case UInt8(ascii: "["):
                end = closing(UInt8(ascii: "]"), doubled: false)
            case _ where isWordByte(byte):
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            default:
                break
            }
            tokens.append(bytes[index..<end])
            index = end
        }
        return String(decoding: Array(tokens.joined(separator: [0x20])), as: UTF8.self)
    }

    /// Whether `byte` is part of a word: a letter, digit, `_` or `$` of ASCII, or any byte of a
    /// character beyond it (SQLite takes every such character as a letter of a name).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
