/// A file path's parts, worked out on its text alone: no file system access, no Foundation.
///
/// Foundation's `NSString` path methods crash on this toolchain when a component is one letter
/// long (`a/x.sqlite3`, `j`, `HOME=a`); these are plain operations on the path's characters, with
/// the same answers: the folder of `a/x.sqlite3` is `a`, of `x.sqlite3` the empty string (the
/// current folder), of `/x` the root `/`, and a trailing slash names the same file as none.
///
/// ```swift
/// PathName.folder(of: "a/x.sqlite3")          // "a"
/// PathName.lastComponent(of: "reports/e/")    // "e"
/// PathName.removingExtension("b/journal.sqlite3")  // "b/journal"
/// ```
public enum PathName {
    /// `path` without the slashes that end it; `/` stays `/`.
    private static func trimmed(_ path: String) -> Substring {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return text
    }

    /// The folder that holds `path`: the empty string for a name alone (the current folder), `/`
    /// for a file in the root.
    public static func folder(of path: String) -> String {
        let text = trimmed(path)
        guard text != "/", let slash = text.lastIndex(of: "/") else { return "" }
        var folder = text[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The folder that holds `path`, with `.` for the current folder: a name `open` and `mkdir` take.
    public static func openableFolder(of path: String) -> String {
        let folder = folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// The last component of `path`: `e` for `reports/e/`, `/` for the root.
    public static func lastComponent(of path: String) -> String {
        let text = trimmed(path)
        guard text != "/", let slash = text.lastIndex(of: "/") else { return String(text) }
        return String(text[text.index(after: slash)...])
    }

    /// The extension of `path`'s last component, without its dot: `sqlite3` for `a/b.sqlite3`;
    /// empty for none, for a hidden name (`.journal`), and for `.` and `..`.
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `path` without the extension of its last component (and without a trailing slash).
    public static func removingExtension(_ path: String) -> String {
        let text = String(trimmed(path))
        let suffix = pathExtension(of: text)
        return suffix.isEmpty ? text : String(text.dropLast(suffix.count + 1))
    }
}
