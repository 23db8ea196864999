import GRDB

/// The database's history, oldest first: the `-- migration: NAME` sections of schema.sql.
///
/// Each section is one migration, named after it and run as written, in file order: schema
/// changes and data changes (`v1-catalogue` inserts the built-in exercises) alike. Nothing here
/// reads the application's types, so changing them never changes what a migration does.
///
/// Append only: a shipped section is never edited (a test pins the SHA-256 of each); a change is
/// a new section at the end of schema.sql.
enum Migrations {
    /// The shipped migrations' identifiers, in the order they run: the names of schema.sql's sections.
    ///
    /// Spelt out, rather than read from the file, so that opening a journal need not parse schema.sql: a
    /// new section's name goes here too, and a test checks the two agree.
    static let steps = [
        "v1-schema", "v1-catalogue", "v2-checkins", "v3-edit-undo-plan", "v4-plan-dose", "v5-red-flag-tiers",
        "v6-reviews-checkin-undo", "v7-plan-since", "v8-psfs", "v9-red-flag-standing", "v10-plan-order",
        "v11-undo-log-checkin", "v12-exercise-how-to", "v13-settings", "v14-undo-restore",
        "v15-undo-every-kind", "v16-undo-import-all", "v17-stops-by-recording",
        "v18-stops-by-id", "v19-outside-values", "v20-outside-kinds", "v21-outside-times", "v22-plan-history",
        "v23-outside-ids",
        "v24-record-views", "v25-edit-results", "v26-record-ids", "v27-sync",
    ]

    /// The migrator for the shipped migrations, the sections of schema.sql.
    static let migrator = migrator(sections: Schema.sections)

    /// A migrator that runs each of `sections`, in order, as one migration named after it.
    ///
    /// Tests pass sections of their own, to play a later version's migrations on a journal.
    static func migrator(sections: [Schema.Section]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for section in sections {
            migrator.registerMigration(section.name) { db in try db.execute(sql: section.sql) }
        }
        return migrator
    }

    /// The migrations applied to the file (empty for a new one), read without building the migrator.
    static func appliedIdentifiers(_ db: Database) throws -> Set<String> {
        // Not `db.tableExists`, which loads GRDB's schema cache: a tenth of `journal log`'s work.
        let hasTable = try Bool.fetchOne(
            db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'")
        guard hasTable == true else { return [] }
        return try recorded(db)
    }

    /// The migrations recorded in the file's `grdb_migrations` table, which must exist.
    static func recorded(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }
}

/// schema.sql, embedded at build time, and its migration sections.
enum Schema {
    /// One `-- migration: NAME` section: its name, and the SQL that the migration runs.
    typealias Section = (name: String, sql: String)

    static let sql = String(decoding: PackageResources.schema_sql, as: UTF8.self)

    /// The `-- migration: NAME` sections, in file order; text before the first is commentary.
    static let sections = sections(of: sql)

    /// The sections of `text`, each holding its lines after the marker without blank lines at either end.
    ///
    /// Each line ends in a newline; a blank line holds only spaces, tabs or a carriage return. Trimming the
    /// ends keeps a section's text, and so its SHA-256, the same however many blank lines separate it from a
    /// section appended after it.
    static func sections(of text: String) -> [Section] {
        let marker = Array("-- migration: ".utf8)
        var sections: [Section] = []
        var name: String?
        // From the start of the section's first non-blank line to the end of its last.
        var body: Range<String.Index>?
        func close() {
            if let name { sections.append((name, body.map { String(text[$0]) + "\n" } ?? "")) }
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: marker) {
                close()
                var bytes = line.dropFirst(marker.count).drop(while: isSpace)
                while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
                name = String(Substring(bytes))
                body = nil
            } else if name != nil, !line.allSatisfy(isSpace) {
                body = (body?.lowerBound ?? line.startIndex)..<line.endIndex
            }
        }
        close()
        return sections
    }
}
