/// The one rule for free text a person writes: the notes of entries, check-ins and reviews.
///
/// A note holds 1 to 4,000 Unicode code points, counted as SQLite's `length()` counts them, so
/// the schema's `CHECK (length(note) BETWEEN 1 AND 4000)` never refuses a note this rule let
/// through. Swift's `count` would count grapheme clusters instead: an "é" written as "e" and a
/// combining accent is one character to Swift and two code points to SQLite. A note may not hold
/// U+0000 (NUL), which SQLite's `length()` and C strings take for the end of the text. Invalid
/// UTF-8 never becomes a note: readers of bytes (standard input, import files) refuse it rather
/// than decode it into U+FFFD. A blank note (empty, or only spaces, tabs and line ends) is no note.
///
/// ```swift
/// try Note.check(String(repeating: "e\u{301}", count: 2000)) // fine: 4,000 code points
/// try Note.check(String(repeating: "e\u{301}", count: 2001)) // throws noteTooLong(characters: 4002, …)
/// try Note.check("a\u{0}b")                                    // throws invalidNote
/// ```
public enum Note {
    /// The most code points a note may hold.
    public static let maximumLength = 4000

    /// The most UTF-8 bytes a note of ``maximumLength`` code points can take (4 per code point).
    public static let maximumBytes = maximumLength * 4

    /// The note's length as the journal counts it: Unicode code points.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// Throws the first way `text` breaks the rule: ``JournalError/noteTooLong(characters:limit:)``
    /// or ``JournalError/invalidNote(_:)``.
    public static func check(_ text: String) throws {
        var length = 0
        for scalar in text.unicodeScalars {
            if scalar.value == 0 {
                throw JournalError.invalidNote("it holds a NUL character (U+0000), which a note cannot keep")
            }
            length += 1
        }
        if length > maximumLength { throw JournalError.noteTooLong(characters: length, limit: maximumLength) }
    }

    /// `text` checked, or `nil` for no text or a blank one (empty, or only white space).
    public static func checked(_ text: String?) throws -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        try check(text)
        return text
    }

    /// A note as the journal file holds it, for a reader that builds the record without checking it.
    ///
    /// A note written into the file from outside (by the sqlite3 CLI, say) never stops a screen from
    /// showing what stands. The schema's `CHECK (length(note) BETWEEN 1 AND 4000)` counts only up to
    /// a NUL, so such a note may hold NULs, and more than ``maximumLength`` code points after one:
    /// each NUL reads as U+FFFD (the replacement character) and nothing is cut (the store reads every
    /// stored text as its bytes, `StoredText`), and an edit that leaves the note alone keeps every
    /// byte the file holds. A blank note is no note, as ``checked(_:)`` says.
    ///
    /// ```swift
    /// Note.stored("a\u{0}b") // "a\u{FFFD}b"
    /// ```
    public static func stored(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value == 0 ? "\u{FFFD}" : $0 }))
    }

    /// Reads a note from UTF-8 bytes, refusing bytes that are not UTF-8 rather than replacing them.
    ///
    /// One line end at the very end (LF or CRLF), which a shell or an editor adds, is dropped.
    public static func decode(_ bytes: [UInt8]) throws -> String {
        var bytes = bytes[...]
        if bytes.last == 0x0A {
            bytes = bytes.dropLast()
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JournalError.invalidNote("it is not valid UTF-8 text")
        }
        return text
    }
}
