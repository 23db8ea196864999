-- A migration section written but not yet shipped: the record ids of sync (issue #28, build step 2
-- of docs/sync-ids.md). Migrations do not run it: tests play it after schema.sql's sections
-- (`Schema.pending`) until the store's readers and writers use the tables it makes. Then the
-- section, from its marker on, moves unchanged to the end of schema.sql and its name to
-- Migrations.steps. Its name is only on the marker line below (renumbering it is a one-line change).

-- migration: v25-record-ids

-- Record ids unique across devices (issue #28; the design: docs/sync-ids.md). Every record a
-- person makes gets a UUIDv7 `uid` (RFC 9562, text 8-4-4-4-12), its PRIMARY KEY, which SQLite's
-- session extension keys changesets by. The small numbers people type (`journal edit 41`) stay,
-- as a per-journal alias in a local table `<record>_ids (id, uid)` that never travels: an alias
-- is given once (AUTOINCREMENT, carried on from the old table's counter) and never reused, and it
-- keeps naming its uid after the record is deleted, so undoing a delete can point it at the
-- record's new uid. A trigger gives every new record, however it arrives, the next alias.
--
-- Existing rows get a uid made from their created_at: the millisecond created_at * 1000, plus one
-- for every 4096 rows recorded in the same second, a 12-bit counter that keeps their id order
-- within the second, and 62 random bits.
--
-- "Recorded before a review" becomes a hybrid-logical-clock comparison that holds across devices:
-- `recorded` is the reading (`WALL-COUNTER-REPLICA`, HybridTimestamp.text) of the write that
-- recorded the entry or check-in, and a review's `seen` maps each replica to the latest reading of
-- it the reviewing journal had recorded or merged. A review covers an entry performed by its time
-- whose `recorded` is no later than `seen`'s reading of the same replica. Existing rows get
-- readings of the replica 000…0 (the journal's own until `journal sync init` gives it an id):
-- wall created_at * 1000; counter twice the row's rank by id among the rows recorded in that second
-- (entries with kept undo copies included); a review's counter one more than twice the number of
-- those with an id up to its through_entry_id. So every review covers exactly what it covered
-- before: recorded in an earlier second, or in the same second with an id it had seen.
--
-- Rows keyed by what people type (exercises.id, plan.exercise_id, settings.name, a check-in's red
-- flag) are never deleted once sync records them, since a deleted key can never be written again:
-- `plan remove` sets plan.removed, `config unset` sets settings.value NULL, an edit that drops a red
-- flag sets checkin_red_flags.present 0. The undo tables (change_*) keep naming records by alias.

-- v24-record-views's views name the tables rebuilt below: dropped first (SQLite refuses to rename a
-- table while a view names one that is gone), made again at the end over the aliases. IF EXISTS:
-- the scripts of docs/sync-ids/ run this section on journals made before v24 too.
DROP VIEW IF EXISTS entries_with_ids;
DROP VIEW IF EXISTS checkins_with_ids;
DROP VIEW IF EXISTS reviews_with_ids;
DROP VIEW IF EXISTS red_flag_reviews_with_ids;
DROP VIEW IF EXISTS psfs_activities_with_ids;
DROP VIEW IF EXISTS psfs_ratings_with_ids;

-- The ids in use, live and in undo copies, ranked by id within each recording second.
CREATE TEMP TABLE record_ids_entry_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM (SELECT id, created_at FROM entries
          UNION SELECT id, created_at FROM change_entries WHERE action = 'restore');
CREATE TEMP TABLE record_ids_checkin_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM (SELECT id, created_at FROM checkins
          UNION SELECT id, created_at FROM change_checkins WHERE action = 'restore');
CREATE TEMP TABLE record_ids_review_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM (SELECT id, created_at FROM reviews UNION SELECT id, created_at FROM change_exercise_reviews);
CREATE TEMP TABLE record_ids_red_flag_review_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM red_flag_reviews;
CREATE TEMP TABLE record_ids_psfs_activity_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM psfs_activities;
CREATE TEMP TABLE record_ids_psfs_rating_times AS
    SELECT id, created_at, row_number() OVER (PARTITION BY created_at ORDER BY id) AS rank
    FROM psfs_ratings;
CREATE INDEX temp.record_ids_entry_times_by_time ON record_ids_entry_times (created_at, id);
CREATE INDEX temp.record_ids_checkin_times_by_time ON record_ids_checkin_times (created_at, id);

-- The aliases: today's ids, each with a UUIDv7 (above). One uid per id: for an entry, check-in or
-- review with undo copies, made from its latest recording time (an edit that made it count as
-- recorded anew moved it).
CREATE TABLE entry_ids (
    id  INTEGER PRIMARY KEY AUTOINCREMENT,   -- the alias people type; never reused
    uid TEXT    NOT NULL UNIQUE
) STRICT;
CREATE TABLE checkin_ids (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE review_ids (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE red_flag_review_ids (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE psfs_activity_ids (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE psfs_rating_ids (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE) STRICT;

INSERT INTO entry_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', max(created_at) * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_entry_times GROUP BY id);
INSERT INTO checkin_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', max(created_at) * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_checkin_times GROUP BY id);
INSERT INTO review_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', max(created_at) * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_review_times GROUP BY id);
INSERT INTO red_flag_review_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', created_at * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_red_flag_review_times);
INSERT INTO psfs_activity_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', created_at * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_psfs_activity_times);
INSERT INTO psfs_rating_ids (id, uid)
    SELECT id, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4)
               || '-' || substr(h, 21, 12)
    FROM (SELECT id, printf('%012x7%03x%s%s', created_at * 1000 + ((rank - 1) >> 12), (rank - 1) & 4095,
                            substr('89ab', 1 + abs(random() % 4), 1), substr(lower(hex(randomblob(8))), 1, 15)) AS h
          FROM record_ids_psfs_rating_times);

-- Each alias counter carries on from its table's, so an id deleted at the top is never given again.
INSERT INTO sqlite_sequence (name, seq)
    SELECT column1, 0 FROM (VALUES ('entry_ids'), ('checkin_ids'), ('review_ids'), ('red_flag_review_ids'),
                                   ('psfs_activity_ids'), ('psfs_rating_ids'))
    WHERE column1 NOT IN (SELECT name FROM sqlite_sequence);
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT old.seq FROM sqlite_sequence AS old WHERE old.name =
    CASE sqlite_sequence.name WHEN 'entry_ids' THEN 'entries' WHEN 'checkin_ids' THEN 'checkins'
        WHEN 'review_ids' THEN 'reviews' WHEN 'red_flag_review_ids' THEN 'red_flag_reviews'
        WHEN 'psfs_activity_ids' THEN 'psfs_activities' WHEN 'psfs_rating_ids' THEN 'psfs_ratings' END), 0))
WHERE name IN ('entry_ids', 'checkin_ids', 'review_ids', 'red_flag_review_ids', 'psfs_activity_ids',
               'psfs_rating_ids');

-- One row each time a person does an exercise (v1), keyed by its uid.
CREATE TABLE entries_new (
    uid          TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    exercise_id  TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE RESTRICT,
    performed_at INTEGER NOT NULL,
    utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    sets         INTEGER NOT NULL DEFAULT 1 CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
    side         TEXT    CHECK (side IN ('left', 'right', 'both')),
    pain_before  INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after   INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at   INTEGER NOT NULL,
    recorded     TEXT    NOT NULL CHECK (length(recorded) = 57)   -- the HLC reading that recorded it
) STRICT;
INSERT INTO entries_new (uid, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before,
                         pain_after, note, created_at, recorded)
    SELECT a.uid, e.exercise_id, e.performed_at, e.utc_offset, e.sets, e.reps, e.hold_seconds, e.side, e.pain_before,
           e.pain_after, e.note, e.created_at,
           printf('%015d-%08x-%s', e.created_at * 1000, 2 * t.rank, '00000000000000000000000000000000')
    FROM entries AS e JOIN entry_ids AS a ON a.id = e.id
    JOIN record_ids_entry_times AS t ON t.id = e.id AND t.created_at = e.created_at;
DROP TABLE entries;
ALTER TABLE entries_new RENAME TO entries;
CREATE INDEX entries_by_time ON entries (performed_at);
CREATE INDEX entries_by_exercise ON entries (exercise_id, performed_at);
CREATE INDEX entries_stops ON entries (exercise_id, performed_at)
    WHERE pain_after > pain_before OR pain_after > 5;
CREATE INDEX entries_stops_by_recording ON entries (exercise_id, created_at)
    WHERE pain_after > pain_before OR pain_after > 5;
-- v18's, by exercise then rowid; once reviews cover by `seen`, its seek (`id > through_entry_id`)
-- becomes one on `recorded`, and this index is replaced in the wiring commit.
CREATE INDEX entries_stops_by_id ON entries (exercise_id)
    WHERE pain_after > pain_before OR pain_after > 5;
-- v19-outside-values's (schema.sql), its condition as written there, keyed by uid as this table now is.
CREATE INDEX entries_outside_values ON entries (uid)
    WHERE ((typeof(pain_before) = 'integer' AND pain_before BETWEEN 0 AND 10)
        AND (typeof(pain_after) = 'integer' AND pain_after BETWEEN 0 AND 10)
        AND (typeof(sets) = 'integer' AND sets BETWEEN 1 AND 50)
        AND (reps IS NULL OR (typeof(reps) = 'integer' AND reps BETWEEN 1 AND 500))
        AND (hold_seconds IS NULL OR (typeof(hold_seconds) = 'integer' AND hold_seconds BETWEEN 1 AND 3600))
        AND (side IS NULL OR side IN ('left', 'right', 'both'))) IS NOT 1;
-- v20-outside-kinds's (schema.sql), as written there, keyed by uid.
CREATE INDEX entries_outside_offsets ON entries (uid)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)) IS NOT 1;
-- v21-outside-times's (schema.sql), as written there, keyed by uid.
CREATE INDEX entries_outside_times ON entries (uid)
    WHERE ((typeof(performed_at) = 'integer' AND performed_at BETWEEN -62135532000 AND 253402235999)
        AND (typeof(created_at) = 'integer' AND created_at >= 0)
        AND (note IS NULL OR (trim(note, char(32, 9, 10, 13)) <> '' AND length(note) <= 4000))) IS NOT 1;
-- v23-outside-ids's (schema.sql), as written there.
CREATE INDEX entries_by_recording ON entries (created_at);
CREATE TRIGGER entries_alias AFTER INSERT ON entries
    WHEN NOT EXISTS (SELECT 1 FROM entry_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO entry_ids (uid) VALUES (NEW.uid); END;
-- Undo copies keep the reading too, so an entry put back is as covered as it was.
ALTER TABLE change_entries ADD COLUMN recorded TEXT;
UPDATE change_entries SET recorded = (
    SELECT printf('%015d-%08x-%s', t.created_at * 1000, 2 * t.rank, '00000000000000000000000000000000')
    FROM record_ids_entry_times AS t WHERE t.id = change_entries.id AND t.created_at = change_entries.created_at)
WHERE action = 'restore';

-- Check-ins (v2), keyed by uid.
CREATE TABLE checkins_new (
    uid          TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    performed_at INTEGER NOT NULL,
    utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    pain         INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at   INTEGER NOT NULL,
    recorded     TEXT    NOT NULL CHECK (length(recorded) = 57)
) STRICT;
INSERT INTO checkins_new (uid, performed_at, utc_offset, pain, note, created_at, recorded)
    SELECT a.uid, c.performed_at, c.utc_offset, c.pain, c.note, c.created_at,
           printf('%015d-%08x-%s', c.created_at * 1000, 2 * t.rank, '00000000000000000000000000000000')
    FROM checkins AS c JOIN checkin_ids AS a ON a.id = c.id
    JOIN record_ids_checkin_times AS t ON t.id = c.id AND t.created_at = c.created_at;

-- A check-in's red flags (v9's ids), by the check-in's uid. `present` 0: removed by an edit (a
-- removed key could never be added back).
CREATE TABLE checkin_red_flags_new (
    checkin_uid TEXT    NOT NULL REFERENCES checkins (uid) ON DELETE CASCADE,
    red_flag    TEXT    NOT NULL CHECK (red_flag IN ('both-legs', 'saddle-numbness', 'bladder-bowel',
                                                     'sexual-function', 'chest-pain', 'major-trauma',
                                                     'fever', 'weight-loss', 'back-lump', 'night-pain',
                                                     'cough-sneeze', 'upper-back', 'one-leg')),
    present     INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    PRIMARY KEY (checkin_uid, red_flag)
) STRICT, WITHOUT ROWID;
INSERT INTO checkin_red_flags_new (checkin_uid, red_flag)
    SELECT a.uid, f.red_flag FROM checkin_red_flags AS f JOIN checkin_ids AS a ON a.id = f.checkin_id;
DROP TABLE checkin_red_flags;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
ALTER TABLE checkin_red_flags_new RENAME TO checkin_red_flags;
CREATE INDEX checkins_by_time ON checkins (performed_at);
CREATE INDEX checkins_outside_values ON checkins (uid)
    WHERE ((typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10)) IS NOT 1;
CREATE INDEX checkins_outside_times ON checkins (uid)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)
        AND (typeof(performed_at) = 'integer' AND performed_at BETWEEN -62135532000 AND 253402235999)
        AND (typeof(created_at) = 'integer' AND created_at >= 0)
        AND (note IS NULL OR (trim(note, char(32, 9, 10, 13)) <> '' AND length(note) <= 4000))) IS NOT 1;
CREATE INDEX checkins_by_recording ON checkins (created_at);
CREATE TRIGGER checkins_alias AFTER INSERT ON checkins
    WHEN NOT EXISTS (SELECT 1 FROM checkin_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO checkin_ids (uid) VALUES (NEW.uid); END;
ALTER TABLE change_checkins ADD COLUMN recorded TEXT;
UPDATE change_checkins SET recorded = (
    SELECT printf('%015d-%08x-%s', t.created_at * 1000, 2 * t.rank, '00000000000000000000000000000000')
    FROM record_ids_checkin_times AS t WHERE t.id = change_checkins.id AND t.created_at = change_checkins.created_at)
WHERE action = 'restore';

-- Physiotherapists' reviews (v6), keyed by uid; `seen` replaces through_entry_id.
CREATE TABLE reviews_new (
    uid         TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    exercise_id TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    reviewed_at INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    note        TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at  INTEGER NOT NULL,
    -- {replica: the latest HLC reading of it recorded or merged here when the review was recorded}
    seen        TEXT    NOT NULL CHECK (json_valid(seen) AND json_type(seen) = 'object')
) STRICT;
INSERT INTO reviews_new (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
    SELECT a.uid, r.exercise_id, r.reviewed_at, r.utc_offset, r.note, r.created_at,
           json_object('00000000000000000000000000000000', printf('%015d-%08x-%s', r.created_at * 1000,
               2 * (SELECT count(*) FROM record_ids_entry_times AS t
                    WHERE t.created_at = r.created_at AND t.id <= r.through_entry_id) + 1,
               '00000000000000000000000000000000'))
    FROM reviews AS r JOIN review_ids AS a ON a.id = r.id;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;
CREATE INDEX reviews_by_exercise ON reviews (exercise_id, reviewed_at);
CREATE TRIGGER reviews_alias AFTER INSERT ON reviews
    WHEN NOT EXISTS (SELECT 1 FROM review_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO review_ids (uid) VALUES (NEW.uid); END;
ALTER TABLE change_exercise_reviews ADD COLUMN seen TEXT;
UPDATE change_exercise_reviews SET seen = json_object('00000000000000000000000000000000',
    printf('%015d-%08x-%s', created_at * 1000,
        2 * (SELECT count(*) FROM record_ids_entry_times AS t
             WHERE t.created_at = change_exercise_reviews.created_at AND t.id <= through_entry_id) + 1,
        '00000000000000000000000000000000'));

-- Doctors' reviews of the red flags (v9), keyed by uid; `seen` replaces through_checkin_id.
CREATE TABLE red_flag_reviews_new (
    uid         TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    reviewed_at INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    note        TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at  INTEGER NOT NULL,
    seen        TEXT    NOT NULL CHECK (json_valid(seen) AND json_type(seen) = 'object')
) STRICT;
INSERT INTO red_flag_reviews_new (uid, reviewed_at, utc_offset, note, created_at, seen)
    SELECT a.uid, r.reviewed_at, r.utc_offset, r.note, r.created_at,
           json_object('00000000000000000000000000000000', printf('%015d-%08x-%s', r.created_at * 1000,
               2 * (SELECT count(*) FROM record_ids_checkin_times AS t
                    WHERE t.created_at = r.created_at AND t.id <= r.through_checkin_id) + 1,
               '00000000000000000000000000000000'))
    FROM red_flag_reviews AS r JOIN red_flag_review_ids AS a ON a.id = r.id;
DROP TABLE red_flag_reviews;
ALTER TABLE red_flag_reviews_new RENAME TO red_flag_reviews;
CREATE INDEX red_flag_reviews_by_time ON red_flag_reviews (reviewed_at);
CREATE TRIGGER red_flag_reviews_alias AFTER INSERT ON red_flag_reviews
    WHEN NOT EXISTS (SELECT 1 FROM red_flag_review_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO red_flag_review_ids (uid) VALUES (NEW.uid); END;

-- The PSFS (v8), keyed by uid; a rating names its activity's uid.
CREATE TABLE psfs_activities_new (
    uid        TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    activity   TEXT    NOT NULL CHECK (length(activity) BETWEEN 1 AND 80),
    added_at   INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    retired_at INTEGER,
    created_at INTEGER NOT NULL
) STRICT;
INSERT INTO psfs_activities_new (uid, activity, added_at, utc_offset, retired_at, created_at)
    SELECT a.uid, p.activity, p.added_at, p.utc_offset, p.retired_at, p.created_at
    FROM psfs_activities AS p JOIN psfs_activity_ids AS a ON a.id = p.id;
CREATE TABLE psfs_ratings_new (
    uid          TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 36),
    activity_uid TEXT    NOT NULL REFERENCES psfs_activities (uid) ON DELETE CASCADE,
    rated_at     INTEGER NOT NULL,
    utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at   INTEGER NOT NULL
) STRICT;
INSERT INTO psfs_ratings_new (uid, activity_uid, rated_at, utc_offset, score, note, created_at)
    SELECT a.uid, act.uid, r.rated_at, r.utc_offset, r.score, r.note, r.created_at
    FROM psfs_ratings AS r JOIN psfs_rating_ids AS a ON a.id = r.id
    JOIN psfs_activity_ids AS act ON act.id = r.activity_id;
DROP TABLE psfs_ratings;
DROP TABLE psfs_activities;
ALTER TABLE psfs_activities_new RENAME TO psfs_activities;
ALTER TABLE psfs_ratings_new RENAME TO psfs_ratings;
CREATE INDEX psfs_ratings_by_activity ON psfs_ratings (activity_uid, rated_at);
CREATE INDEX psfs_ratings_outside_values ON psfs_ratings (uid)
    WHERE ((typeof(score) = 'integer' AND score BETWEEN 0 AND 10)) IS NOT 1;
CREATE INDEX psfs_ratings_outside_offsets ON psfs_ratings (uid)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)) IS NOT 1;
CREATE TRIGGER psfs_activities_alias AFTER INSERT ON psfs_activities
    WHEN NOT EXISTS (SELECT 1 FROM psfs_activity_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO psfs_activity_ids (uid) VALUES (NEW.uid); END;
CREATE TRIGGER psfs_ratings_alias AFTER INSERT ON psfs_ratings
    WHEN NOT EXISTS (SELECT 1 FROM psfs_rating_ids WHERE uid = NEW.uid)
    BEGIN INSERT INTO psfs_rating_ids (uid) VALUES (NEW.uid); END;

-- The plan (v4, v7, v10): `plan remove` sets `removed` rather than deleting the row.
ALTER TABLE plan ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));

-- A row written before ALTER TABLE ADD COLUMN does not hold the added column; SQLite reads its
-- default, but the session extension records NULL as such a field's old value (docs/sync-ids.md).
-- Rewriting the rows of the synced tables that grew columns so (exercises: v3 archived, v12 how_to;
-- plan: v7 since, v10 position, removed) makes each row hold every column.
UPDATE exercises SET archived = archived, how_to = how_to;
UPDATE plan SET since = since, position = position, removed = removed;

-- The plan's earlier doses (v22-plan-history), synced with the plan: keyed by what they are, the
-- exercise and the day the dose took effect, so two devices keeping the same dose make one row
-- (a session records a table only by its PRIMARY KEY, and no row with a NULL in it). A dose in force
-- since the journal began (`since` NULL there) is '0000-00-00' here; of two such rows for one
-- exercise (UNIQUE let NULLs repeat) the later kept is the one in force, and only it is kept.
-- `journal plan remove` sets `removed` rather than deleting (a deleted key could never be written
-- again). Kept copies (change_plan_history, local) take the same day for NULL, so undo puts back
-- rows this table accepts.
CREATE TABLE plan_history_new (
    exercise_id  TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    since        TEXT    NOT NULL CHECK (length(since) = 10 AND since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
    per_week     INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 21),
    removed      INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    PRIMARY KEY (exercise_id, since)
) STRICT, WITHOUT ROWID;
INSERT OR REPLACE INTO plan_history_new (exercise_id, since, sets, reps, hold_seconds, per_week)
    SELECT exercise_id, coalesce(since, '0000-00-00'), sets, reps, hold_seconds, per_week
    FROM plan_history ORDER BY rowid;
DROP TABLE plan_history;
ALTER TABLE plan_history_new RENAME TO plan_history;
UPDATE change_plan_history SET since = '0000-00-00' WHERE since IS NULL;

-- Settings (v13): `config unset` sets the value NULL rather than deleting the row. Rowids kept
-- (change_settings names them).
CREATE TABLE settings_new (
    name  TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    value TEXT CHECK (value IS NULL OR length(value) BETWEEN 1 AND 256),   -- NULL: not set
    CHECK (name <> 'region' OR value IS NULL OR (length(value) = 2 AND value GLOB '[A-Z][A-Z]'))
) STRICT;
INSERT INTO settings_new (rowid, name, value) SELECT rowid, name, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;

-- This journal's hybrid logical clock, one row per replica: its own (`self`, the latest reading it
-- took) and each other replica's latest reading merged here (a review's `seen`). The replica
-- 000…0 is the journal's own until `journal sync init` gives it a random id.
CREATE TABLE replica_clocks (
    replica TEXT    NOT NULL PRIMARY KEY CHECK (length(replica) = 32 AND replica NOT GLOB '*[^0-9a-f]*'),
    self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
    last    TEXT    NOT NULL CHECK (length(last) = 57)
) STRICT;
CREATE UNIQUE INDEX replica_clocks_self ON replica_clocks (self) WHERE self = 1;
INSERT INTO replica_clocks (replica, self, last)
    SELECT '00000000000000000000000000000000', 1, coalesce(max(reading),
           '000000000000000-00000000-00000000000000000000000000000000')
    FROM (SELECT recorded AS reading FROM entries UNION ALL SELECT recorded FROM checkins
          UNION ALL SELECT value FROM reviews, json_each(reviews.seen)
          UNION ALL SELECT value FROM red_flag_reviews, json_each(red_flag_reviews.seen));

-- v24-record-views's views, with the same columns, now over the aliases: `id` the number people
-- type, `uid` the key on every device; and a view of a check-in's red flags by its number, those
-- still present (not in v24: a view naming checkin_red_flags would change what screens say of a
-- swapped red-flag table, since renaming a table rewrites the views that name it).
CREATE VIEW entries_with_ids AS
    SELECT a.id AS id, e.uid AS uid, e.exercise_id AS exercise_id, e.performed_at AS performed_at,
           e.utc_offset AS utc_offset, e.sets AS sets, e.reps AS reps, e.hold_seconds AS hold_seconds, e.side AS side,
           e.pain_before AS pain_before, e.pain_after AS pain_after, e.note AS note, e.created_at AS created_at
    FROM entries AS e JOIN entry_ids AS a ON a.uid = e.uid;
CREATE VIEW checkins_with_ids AS
    SELECT a.id AS id, c.uid AS uid, c.performed_at AS performed_at, c.utc_offset AS utc_offset, c.pain AS pain,
           c.note AS note, c.created_at AS created_at
    FROM checkins AS c JOIN checkin_ids AS a ON a.uid = c.uid;
CREATE VIEW checkin_red_flags_with_ids AS
    SELECT a.id AS checkin_id, f.red_flag AS red_flag
    FROM checkin_red_flags AS f JOIN checkin_ids AS a ON a.uid = f.checkin_uid WHERE f.present = 1;
CREATE VIEW reviews_with_ids AS
    SELECT a.id AS id, r.uid AS uid, r.exercise_id AS exercise_id, r.reviewed_at AS reviewed_at,
           r.utc_offset AS utc_offset, r.note AS note, r.created_at AS created_at
    FROM reviews AS r JOIN review_ids AS a ON a.uid = r.uid;
CREATE VIEW red_flag_reviews_with_ids AS
    SELECT a.id AS id, r.uid AS uid, r.reviewed_at AS reviewed_at, r.utc_offset AS utc_offset, r.note AS note,
           r.created_at AS created_at
    FROM red_flag_reviews AS r JOIN red_flag_review_ids AS a ON a.uid = r.uid;
CREATE VIEW psfs_activities_with_ids AS
    SELECT a.id AS id, p.uid AS uid, p.activity AS activity, p.added_at AS added_at, p.utc_offset AS utc_offset,
           p.retired_at AS retired_at, p.created_at AS created_at
    FROM psfs_activities AS p JOIN psfs_activity_ids AS a ON a.uid = p.uid;
CREATE VIEW psfs_ratings_with_ids AS
    SELECT a.id AS id, r.uid AS uid, act.id AS activity_id, r.rated_at AS rated_at, r.utc_offset AS utc_offset,
           r.score AS score, r.note AS note, r.created_at AS created_at
    FROM psfs_ratings AS r JOIN psfs_rating_ids AS a ON a.uid = r.uid JOIN psfs_activity_ids AS act ON act.uid = r.activity_uid;

DROP TABLE record_ids_entry_times;
DROP TABLE record_ids_checkin_times;
DROP TABLE record_ids_review_times;
DROP TABLE record_ids_red_flag_review_times;
DROP TABLE record_ids_psfs_activity_times;
DROP TABLE record_ids_psfs_rating_times;
