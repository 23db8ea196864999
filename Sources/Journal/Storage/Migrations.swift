import GRDB

/// The database's history, oldest first. Append only: a shipped migration is never edited.
///
/// - `v1-schema` runs schema.sql as the file stands.
/// - `v1-catalogue` adds the built-in exercises.
enum Migrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: Schema.sql)
        }
        migrator.registerMigration("v1-catalogue") { db in
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
        return migrator
    }()
}

/// The text of schema.sql, embedded at build time.
enum Schema {
    static let sql = String(decoding: PackageResources.schema_sql, as: UTF8.self)
}
