import Foundation
import Testing

@testable import Journal

/// The store in named parts (issue #25): no file outside `JournalStore`'s own reaches into its
/// statics; each calls the part that owns what it needs (``JournalFileCheck``, ``SQLiteErrors``,
/// ``BusyTimeout``, ``FilePermissions``, ``LeftoverFile``, ``SQLiteRestore``, ``BackupFile``,
/// ``ExportWriter``, ``ChangeLog``), or the façade's entry points that open a store.
@Suite struct StorePartsTests {
    /// The façade's public entry points that open a journal (and return it, or run a change on it):
    /// the only `JournalStore.` statics another file may call.
    static let facade: Set<String> = ["write", "written", "existing", "shown"]

    /// The repository's `Sources`, read from disk now.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Whether `relative` (a path under `Sources`) is one of `JournalStore`'s own files.
    static func isStoreFile(_ relative: String) -> Bool {
        relative.hasPrefix("Journal/Storage/JournalStore") && relative.hasSuffix(".swift")
            && !relative.dropFirst("Journal/Storage/".count).contains("/")
    }

    /// Every `JournalStore.name` with a lowercase `name` in `text` (not part of a longer name such as
    /// `MyJournalStore`), with its line number.
    static func staticsReached(in text: String) -> [(line: Int, name: String)] {
        var found: [(line: Int, name: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "JournalStore.") {
                let name = rest[range.upperBound...].prefix(while: isNamePart)
                let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
                if let first = name.first, first.isLowercase, !(before.map(isNamePart) ?? false) {
                    found.append((index + 1, String(name)))
                }
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    private static func isNamePart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    @Test func noFileOutsideTheStoreReachesIntoItsStatics() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        // Read from disk: the test has a tree to look at, the store's files among it.
        #expect(files.contains("Journal/Storage/JournalStore.swift"))
        #expect(files.contains("journal-cli/Options/StoreOptions.swift"))
        var reached: [String] = []
        for file in files where !Self.isStoreFile(file) {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (line, name) in Self.staticsReached(in: text) where !Self.facade.contains(name) {
                reached.append("Sources/\(file):\(line): JournalStore.\(name)")
            }
        }
        #expect(reached.isEmpty, "call the part that owns it instead:\n\(reached.joined(separator: "\n"))")
    }

    @Test func theSearchFindsStaticsAndLeavesTypesAndOtherNames() {
        let text = """
            let a = JournalStore.exists(path)
            let b: JournalStore.Access = .readOnly; let c = JournalStore.translate(e, path: p)
            let d = MyJournalStore.x  // JournalStore.
            """
        let found = Self.staticsReached(in: text)
        #expect(found.map(\.line) == [1, 2])
        #expect(found.map(\.name) == ["exists", "translate"])
    }

    @Test func onlyTheStoresOwnFilesAreLeftOut() {
        #expect(Self.isStoreFile("Journal/Storage/JournalStore.swift"))
        #expect(Self.isStoreFile("Journal/Storage/JournalStore+Doctor.swift"))
        #expect(!Self.isStoreFile("Journal/Storage/JournalFileCheck.swift"))
        #expect(!Self.isStoreFile("Journal/Storage/Nested/JournalStore.swift"))
        #expect(!Self.isStoreFile("journal-cli/Commands/Doctor.swift"))
    }
}
