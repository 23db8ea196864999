import GRDB

/// How an ``Entry`` maps to the `entries` table (schema.sql).
extension Entry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "entries"

    public enum Columns {
        public static let id = Column("id")
        public static let exerciseID = Column("exercise_id")
        public static let performedAt = Column("performed_at")
        public static let utcOffset = Column("utc_offset")
        public static let sets = Column("sets")
        public static let reps = Column("reps")
        public static let holdSeconds = Column("hold_seconds")
        public static let side = Column("side")
        public static let painBefore = Column("pain_before")
        public static let painAfter = Column("pain_after")
        public static let note = Column("note")
        public static let createdAt = Column("created_at")
    }

    public init(row: Row) throws {
        let before: Int = try row.decode(forColumn: "pain_before")
        let after: Int = try row.decode(forColumn: "pain_after")
        let side: String? = try row.decode(forColumn: "side")
        guard let painBefore = PainLevel(before), let painAfter = PainLevel(after) else {
            throw JournalError.invalidPain(field: "stored pain", text: "\(before) → \(after)")
        }
        try self.init(
            id: row.decode(forColumn: "id"),
            exerciseID: row.decode(forColumn: "exercise_id"),
            performedAt: row.decode(forColumn: "performed_at"),
            utcOffset: row.decode(forColumn: "utc_offset"),
            sets: row.decode(forColumn: "sets"),
            reps: row.decode(forColumn: "reps"),
            holdSeconds: row.decode(forColumn: "hold_seconds"),
            side: side.flatMap(Side.init(rawValue:)),
            painBefore: painBefore,
            painAfter: painAfter,
            note: row.decode(forColumn: "note"),
            createdAt: row.decode(forColumn: "created_at"))
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.exerciseID] = exerciseID
        container[Columns.performedAt] = performedAt
        container[Columns.utcOffset] = utcOffset
        container[Columns.sets] = sets
        container[Columns.reps] = reps
        container[Columns.holdSeconds] = holdSeconds
        container[Columns.side] = side?.rawValue
        container[Columns.painBefore] = painBefore.value
        container[Columns.painAfter] = painAfter.value
        container[Columns.note] = note
        container[Columns.createdAt] = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
