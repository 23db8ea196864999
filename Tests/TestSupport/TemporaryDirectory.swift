import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is released.
///
/// ```swift
/// let directory = TemporaryDirectory()
/// let store = try JournalStore(path: directory.file("journal.sqlite3"))
/// ```
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// A new directory whose name starts with `prefix` and ends with a fresh UUID.
    public init(prefix: String = "journal-tests-") {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
