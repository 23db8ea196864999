import GRDB

/// The person's settings, stored in the journal: `journal config set|get|unset`.
extension JournalStore {
    /// The region set with `journal config set region`, as stored; `nil` when none is set.
    public func storedRegion() throws -> String? {
        try reading { db in try SettingsQueries.region(db) }
    }

    /// Stores `region` as the journal's region, replacing any before it; returns whether that changed
    /// anything (`false`, recording no change for undo, when it was already the journal's region).
    @discardableResult
    public func setRegion(_ region: Region, now: Int64 = JournalStore.wallClock()) throws -> Bool {
        try writing { db in
            let stored = try SettingsQueries.region(db)
            guard stored != region.code else { return false }
            try ChangeLog(db).recordSettingChange(
                of: "region", detail: ChangeLog.settingDetail(SettingsQueries.regionName, leaving: region.code),
                now: now)
            try SettingsQueries.set(SettingsQueries.regionName, to: region.code, db)
            return true
        }
    }

    /// Removes the journal's region; returns the one it held, `nil` when none was set.
    @discardableResult
    public func unsetRegion(now: Int64 = JournalStore.wallClock()) throws -> String? {
        try writing { db in
            let stored = try SettingsQueries.region(db)
            if stored != nil {
                try ChangeLog(db).recordSettingChange(
                    of: "region", detail: ChangeLog.settingDetail(SettingsQueries.regionName, leaving: nil), now: now)
            }
            try SettingsQueries.remove(SettingsQueries.regionName, db)
            return stored
        }
    }
}
