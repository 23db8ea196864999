import Foundation
import GRDB

/// The schema objects of a journal file (its `sqlite_master` rows) against those journal's
/// migrations make: one expectation, for opening a journal and for restoring a backup.
///
/// Opening compares a fingerprint of the file's objects with ``fingerprint``, the fingerprint of
/// what schema.sql's migrations make (a test runs them and checks it), from the same look at
/// `sqlite_master` that tells a journal from another file. Only when the two differ is the
/// fingerprint of what SQLite reads of the objects' SQL compared (``significantFingerprint``: a
/// comment added to a `CREATE` changes nothing), and only when that differs too are the
/// migrations run in memory (``made(by:)``), to name what differs.
///
/// ```swift
/// let objects = try SchemaObjects.fetch(db)
/// if SchemaObjects.fingerprint(of: objects) != SchemaObjects.fingerprint {
///     let differences = try SchemaObjects.differences(found: objects, expected: SchemaObjects.made())
/// }
/// ```
enum SchemaObjects {
    /// The fingerprint of the objects every migration of schema.sql makes (``fingerprint(of:)``):
    /// a new section changes it, and `SchemaObjectsTests` says the new value.
    static let fingerprint: UInt64 = 0x9935_383A_F87D_3E84

    /// The fingerprint of the same objects with only what SQLite reads of their SQL
    /// (``fingerprint(of:significant:)``): a file whose text differs in comments or spacing alone.
    static let significantFingerprint: UInt64 = 0x4104_C74C_840A_9ECE

    /// What opening makes of a journal's `objects`, with the migrations `applied` to it (`[""]`:
    /// all, just run): whether its migrations may run, and what it holds that journal did not make.
    ///
    /// `migrations` stand in for schema.sql's sections (tests). An up-to-date journal costs one
    /// fingerprint. One that lacks migrations is compared with what those it has make: equal, it is
    /// an older journal and may be migrated; equal to what all of them make, its record lost rows
    /// (``JournalError/migrationRecordMissing(path:identifiers:)``); else it holds what journal did
    /// not make (``JournalError/foreignSchema(path:differences:)``), and is not migrated, so that
    /// nothing of it acts.
    static func check(
        _ objects: [SchemaObject], applied: Set<String>, path: String, migrations: [Schema.Section]?
    ) throws -> (mayMigrate: Bool, problem: JournalError?) {
        // Names only: schema.sql's text is parsed (``Schema/sections``) only when something differs.
        let names = migrations?.map(\.name) ?? Migrations.steps
        let justMigrated = applied == [""]
        if applied.isEmpty { return (true, nil) }
        if !justMigrated, !applied.isSuperset(of: names), !applied.isSubset(of: Set(names)) { return (true, nil) }
        let found = fingerprint(of: objects)
        let every = try migrations.map { fingerprint(of: try made(by: $0)) } ?? fingerprint
        if justMigrated || applied.isSuperset(of: names) {
            // Just migrated, or up to date; a newer version's journal is its own to check.
            guard justMigrated || applied.count == names.count, found != every else { return (false, nil) }
            // Only when the text differs: the same objects, commented or spaced otherwise (``SQLText``).
            let significant =
                try migrations.map { fingerprint(of: try made(by: $0), significant: true) } ?? significantFingerprint
            if fingerprint(of: objects, significant: true) == significant { return (false, nil) }
            return (false, problem(objects, expected: try made(by: migrations ?? Schema.sections), path: path))
        }
        // A gap: a migration missing from the record while a later one is in it. journal runs them
        // in order, so an older journal's record is always the first ones: rows of it were lost, and
        // running the missing ones again over tables they once made would rebuild or refuse them.
        if let gap = names.firstIndex(where: { !applied.contains($0) }), names[gap...].contains(where: applied.contains)
        {
            return (false, .migrationRecordMissing(path: path, identifiers: names.filter { !applied.contains($0) }))
        }
        // Its record lacks migrations: what its applied ones make, made in memory (once a version).
        let sections = migrations ?? Schema.sections
        let all = try made(by: sections)
        let earlier = try? made(by: sections.filter { applied.contains($0.name) })
        // An older journal, or one whose missing migrations only add rows (a built-in exercise).
        if let earlier,
            fingerprint(of: earlier) == found
                || fingerprint(of: earlier, significant: true) == fingerprint(of: objects, significant: true)
        {
            return (true, nil)
        }
        if found == every {
            return (false, .migrationRecordMissing(path: path, identifiers: names.filter { !applied.contains($0) }))
        }
        // Only journal's own objects, none that a missing migration makes: running them makes those.
        let later = earlier.map { earlier in all.filter { !earlier.contains($0) } } ?? []
        if objects.allSatisfy({ all.contains($0) || $0.name.hasPrefix("sqlite_") }),
            !objects.contains(where: later.contains)
        {
            return (true, nil)
        }
        // Holding what a missing migration makes, it lost rows of its record too: said once the rest is fixed.
        let expected = earlier.flatMap { objects.contains(where: later.contains) ? nil : $0 } ?? all
        return (false, problem(objects, expected: expected, path: path))
    }

    /// What `found` holds that differs from `expected`, as the error opening keeps; `nil` when nothing does.
    private static func problem(_ found: [SchemaObject], expected: [SchemaObject], path: String) -> JournalError? {
        let differences = differences(found: found, expected: expected)
        return differences.isEmpty ? nil : .foreignSchema(path: path, differences: differences)
    }

    /// Every object of the file, as `sqlite_master` lists it.
    ///
    /// SQLite's own statistics (`sqlite_stat1`, `sqlite_stat4`, made by `ANALYZE`) are left out:
    /// they change which index a statement reads, never what it reads, so nothing in them can act.
    static let query =
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'"

    /// The file's objects.
    static func fetch(_ db: Database) throws -> [SchemaObject] {
        try Row.fetchAll(db, sql: query).map {
            SchemaObject(type: $0[0] ?? "", name: $0[1] ?? "", table: $0[2] ?? "", sql: $0[3])
        }
    }

    /// A 64-bit FNV-1a hash of `objects`, in name order: it tells journal's own schema from one
    /// changed by a person or another program (restore compares a backup object for object).
    ///
    /// With `significant`, of what SQLite reads of each object's SQL (``SQLText/significant(_:)``):
    /// the same for a statement commented or spaced otherwise.
    static func fingerprint(of objects: [SchemaObject], significant: Bool = false) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for object in objects.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) {
            let sql = significant ? object.sql.map(SQLText.significant) : object.sql
            for var field in [object.type, object.name, object.table, sql ?? "\u{1}"] {
                field.withUTF8 { bytes in
                    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                }
                hash = (hash ^ 0) &* 0x100_0000_01B3
            }
        }
        return hash
    }

    /// The objects a journal holds once `sections` have run on it: a new journal's, made in memory.
    static func made(by sections: [Schema.Section] = Schema.sections) throws -> [SchemaObject] {
        let queue = try DatabaseQueue()
        try Migrations.migrator(sections: sections).migrate(queue)
        return try queue.read(fetch)
    }

    /// What `found` holds that journal did not make, or made otherwise, and what it lacks of `expected`.
    static func differences(found: [SchemaObject], expected: [SchemaObject]) -> [SchemaDifference] {
        let made = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(found.map(\.name))
        var differences: [SchemaDifference] = []
        for object in found where made[object.name].map(\.significant) != object.significant {
            // SQLite's own objects (an autoindex of a table journal makes) come with that table.
            if object.name.hasPrefix("sqlite_"), made[object.name] == nil, object.sql == nil { continue }
            differences.append(
                SchemaDifference(
                    type: object.type, name: object.name, table: object.table,
                    kind: made[object.name] == nil ? .added : .changed, sql: made[object.name]?.sql))
        }
        for object in expected where !names.contains(object.name) {
            differences.append(
                SchemaDifference(
                    type: object.type, name: object.name, table: object.table, kind: .missing, sql: object.sql))
        }
        return differences
    }
}

/// One `sqlite_master` row: an object's type (`table`, `index`, `trigger`, `view`), name, the
/// table it belongs to, and the SQL that made it.
struct SchemaObject: Hashable, Sendable {
    var type: String
    var name: String
    var table: String
    var sql: String?

    /// The object with what SQLite reads of its SQL alone (``SQLText/significant(_:)``): equal for
    /// a statement that differs from another in comments or spacing only.
    var significant: SchemaObject {
        SchemaObject(type: type, name: name, table: table, sql: sql.map(SQLText.significant))
    }
}

/// A schema object of a journal file that journal did not make, or made otherwise, or one of its
/// own that is gone: put there from outside (`sqlite3`, another program).
public struct SchemaDifference: Sendable, Hashable {
    /// How the object differs from what journal makes.
    public enum Kind: Sendable, Hashable {
        /// journal makes no object of this name.
        case added
        /// journal makes an object of this name, with other SQL (a table swapped for another).
        case changed
        /// journal makes this object, and the file lacks it.
        case missing
    }

    /// `table`, `index`, `trigger` or `view`.
    public var type: String
    public var name: String
    /// The table it belongs to.
    public var table: String
    public var kind: Kind
    /// The SQL journal makes it with (``Kind/changed`` and ``Kind/missing``).
    public var sql: String?

    /// Whether it is one of journal's tables, changed or gone: what that table holds cannot be read.
    public var isJournalTable: Bool { type == "table" && kind != .added }

    /// The `sqlite3` command that removes it from the journal at `path`, or puts back journal's own;
    /// `nil` for a table of journal's changed, which only a restore brings back.
    public func repair(at path: String) -> String? {
        let plain = name.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0)
        }
        let quoted = plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let statement: String
        switch kind {
        case .added: statement = "DROP \(type.uppercased()) \(quoted)"
        case .changed where type == "table": return nil
        case .changed: statement = "DROP \(type.uppercased()) \(quoted); \(sql ?? "")"
        case .missing:
            guard let sql else { return nil }
            statement = sql
        }
        return "sqlite3 \(Self.shellWord(path)) \(Self.shellWord(statement, quoted: true))"
    }

    /// What it is and what to do about it, for the journal at `path`.
    ///
    /// With `swapped` (a table of journal's is not journal's), an added table is left as it is:
    /// it may hold what journal's held.
    func sentence(at path: String, swapped: Bool) -> String {
        if swapped, kind == .added, type == "table" {
            return "table \(name), which journal does not make and which may hold what journal's held: keep it"
        }
        let what: String
        switch kind {
        case .added: what = "\(type) \(name), which journal does not make"
        case .changed: what = "\(type) \(name), not the one journal makes"
        case .missing: what = "no \(type) \(name), which journal makes"
        }
        guard let repair = repair(at: path) else {
            return what
                + " (move the file aside: `journal restore BACKUP` then makes a new journal from a backup made before)"
        }
        return what + " (`\(repair)` \(kind == .added ? "removes it" : "puts journal's back"))"
    }

    /// `text` as one word of a shell command line: as it is when it needs no quoting (unless
    /// `quoted`), in double quotes when nothing in it is special there, else in single quotes.
    static func shellWord(_ text: String, quoted: Bool = false) -> String {
        let safe = text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+,:=@".unicodeScalars.contains($0)
        }
        if safe, !text.isEmpty, !quoted { return text }
        if !text.contains(where: { "\"$`\\!".contains($0) }) { return "\"" + text + "\"" }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
