import GRDB

/// The database's history, oldest first.
///
/// Append only: a shipped migration is never edited.
///
/// Schema changes are the `-- migration: NAME` sections of schema.sql, run as written; data
/// changes are Swift steps between them. ``steps`` fixes the order of both.
enum Migrations {
    enum Step {
        /// A section of schema.sql.
        case schema(String)
        /// Inserts the built-in catalogue's exercises that the table lacks.
        case catalogue(String)

        var identifier: String {
            switch self {
            case .schema(let name), .catalogue(let name): name
            }
        }
    }

    static let steps: [Step] = [
        .schema("v1-schema"), .catalogue("v1-catalogue"), .schema("v2-checkins"), .schema("v3-edit-undo-plan"),
        .schema("v4-plan-dose"),
        .schema("v5-red-flag-tiers"),
    ]

    /// The migrations applied to the file (empty for a new one), read without building the migrator.
    static func appliedIdentifiers(_ db: Database) throws -> Set<String> {
        // Not `db.tableExists`, which loads GRDB's schema cache: a tenth of `journal log`'s work.
        let hasTable = try Bool.fetchOne(
            db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'")
        guard hasTable == true else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        let sections = Schema.sections
        for step in steps {
            switch step {
            case .schema(let name):
                let sql = sections.first { $0.name == name }?.sql ?? ""
                migrator.registerMigration(name) { db in
                    guard !sql.isEmpty else {
                        throw JournalError.io(path: "schema.sql", reason: "it has no section \(name)")
                    }
                    try db.execute(sql: sql)
                }
            case .catalogue(let name):
                migrator.registerMigration(name) { db in
                    for exercise in Catalog.builtIn.exercises {
                        try db.execute(
                            sql: """
                                INSERT OR IGNORE INTO exercises (id, name, category, per_side, measure, builtin)
                                VALUES (?, ?, ?, ?, ?, 1)
                                """,
                            arguments: [
                                exercise.id, exercise.name, exercise.category.rawValue, exercise.perSide,
                                exercise.measure.rawValue,
                            ])
                    }
                }
            }
        }
        return migrator
    }()
}

/// schema.sql, embedded at build time, and its migration sections.
enum Schema {
    static let sql = String(decoding: PackageResources.schema_sql, as: UTF8.self)

    /// The `-- migration: NAME` sections, in file order; text before the first is commentary.
    static var sections: [(name: String, sql: String)] {
        let marker = "-- migration: "
        var sections: [(name: String, sql: String)] = []
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                sections.append((String(line.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces), ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].sql += line + "\n"
            }
        }
        return sections
    }
}
