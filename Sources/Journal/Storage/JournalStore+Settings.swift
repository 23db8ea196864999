import GRDB

/// The person's settings, stored in the journal: `journal config set|get|unset`.
extension JournalStore {
    /// The region set with `journal config set region`, as stored; `nil` when none is set.
    public func storedRegion() throws -> String? {
        try reading { db in try Self.storedRegion(db) }
    }

    /// The journal's region as stored, read in `db`'s transaction.
    static func storedRegion(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'region'")
    }

    /// Stores `region` as the journal's region, replacing any before it; returns whether that changed
    /// anything (`false`, recording no change for undo, when it was already the journal's region).
    @discardableResult
    public func setRegion(_ region: Region, now: Int64 = JournalStore.wallClock()) throws -> Bool {
        try writing { db in
            let stored = try Self.storedRegion(db)
            guard stored != region.code else { return false }
            try ChangeLog(db).recordSettingChange(of: "region", detail: "config set region \(region.code)", now: now)
            try db.execute(
                sql: """
                    INSERT INTO settings (name, value) VALUES ('region', ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [region.code])
            return true
        }
    }

    /// Removes the journal's region; returns the one it held, `nil` when none was set.
    @discardableResult
    public func unsetRegion(now: Int64 = JournalStore.wallClock()) throws -> String? {
        try writing { db in
            let stored = try Self.storedRegion(db)
            if stored != nil {
                try ChangeLog(db).recordSettingChange(of: "region", detail: "config unset region", now: now)
            }
            try db.execute(sql: "DELETE FROM settings WHERE name = 'region'")
            return stored
        }
    }
}
