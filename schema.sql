-- The schema of a journal database and the data it starts with: the one source of truth.
--
-- The library embeds this file at build time. Each section that starts with a
-- `-- migration: NAME` line is one migration, run once, in file order, exactly as
-- written, by Sources/Journal/Storage/Migrations.swift. Data migrations are SQL too (the
-- built-in exercises below), never Swift code, so a later change to the application
-- cannot change what a shipped migration does. The file always reads as the whole
-- current database, and `sqlite3 new.sqlite3 < schema.sql` builds it.
--
-- A change is a new section at the end, its name also appended to Migrations.steps: a
-- shipped section is never edited, not even a comment in it. The test
-- shippedMigrationSectionsAreNeverEdited (Tests/JournalTests/JournalStoreTests.swift)
-- pins the SHA-256 of each shipped section; a new section gets its pin there once it ships.
--
-- Adding a built-in exercise takes two changes: a new section that inserts it with
-- `INSERT OR IGNORE INTO exercises (id, name, category, per_side, measure, builtin)`,
-- so that existing journals get it too, and its entry, with aliases and instructions, in
-- Catalog.builtIn (Sources/Journal/Catalog/BuiltIn.swift). A test checks that the two agree.
--
-- Times are Unix seconds (UTC). Each entry also keeps the UTC offset of the
-- place and moment it was performed, so "the day it was done" stays the
-- person's own calendar day wherever they later read the journal.

-- migration: v1-schema

-- 0x4A524E4C, "JRNL": how journal recognises its own files.
PRAGMA application_id = 1246907980;

-- Exercises a person can log: the built-in catalogue, later their own too.
CREATE TABLE exercises (
    id        TEXT    NOT NULL PRIMARY KEY
                      CHECK (id <> '' AND id = lower(id) AND id NOT GLOB '*[^a-z0-9-]*'),
    name      TEXT    NOT NULL CHECK (name <> ''),
    category  TEXT    NOT NULL CHECK (category IN ('stability', 'stretch', 'self-treatment')),
    per_side  INTEGER NOT NULL CHECK (per_side IN (0, 1)),      -- done on each side in turn
    measure   TEXT    NOT NULL CHECK (measure IN ('reps', 'hold')),
    builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
) STRICT;

-- One row each time a person does an exercise.
CREATE TABLE entries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused, so an id names one entry for good
    exercise_id  TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE RESTRICT,
    performed_at INTEGER NOT NULL,                    -- Unix seconds, UTC
    utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800), -- seconds east of UTC then
    sets         INTEGER NOT NULL DEFAULT 1 CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),            -- per set
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),   -- per set (or per side)
    side         TEXT    CHECK (side IN ('left', 'right', 'both')),
    pain_before  INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10), -- Numeric Pain Rating Scale
    pain_after   INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at   INTEGER NOT NULL                     -- Unix seconds, UTC, when it was recorded
) STRICT;

-- Reports, exports and lists read a time range, newest or oldest first.
CREATE INDEX entries_by_time ON entries (performed_at);
-- An exercise's recent sessions (the rules), and --exercise filters.
CREATE INDEX entries_by_exercise ON entries (exercise_id, performed_at);

-- migration: v1-catalogue

-- The built-in exercises as version 1 shipped them; Catalog.builtIn
-- (Sources/Journal/Catalog/BuiltIn.swift) holds the same ones with their instructions.
INSERT OR IGNORE INTO exercises (id, name, category, per_side, measure, builtin) VALUES
    ('core-activation',             'Core activation',             'stability',      0, 'hold', 1),
    ('hip-extension',               'Stabilization hip extension', 'stability',      1, 'reps', 1),
    ('superman',                    'Stabilization superman',      'stability',      1, 'reps', 1),
    ('bird-dog',                    'Bird dog',                    'stability',      1, 'reps', 1),
    ('bent-knee-fall-out',          'Bent knee fall out',          'stability',      1, 'reps', 1),
    ('pelvic-tilt',                 'Pelvic tilt',                 'stability',      0, 'reps', 1),
    ('kneeling-pelvic-tilt',        'Kneeling pelvic tilt',        'stability',      0, 'reps', 1),
    ('glute-bridge',                'Glute bridge',                'stability',      0, 'reps', 1),
    ('side-plank',                  'Side plank',                  'stability',      1, 'hold', 1),
    ('front-plank',                 'Front plank',                 'stability',      0, 'hold', 1),
    ('partial-crunch',              'Partial crunch',              'stability',      0, 'reps', 1),
    ('piriformis-stretch',          'Piriformis stretch',          'stretch',        1, 'hold', 1),
    ('kneeling-hip-flexor-stretch', 'Kneeling hip flexor stretch', 'stretch',        1, 'hold', 1),
    ('standing-hip-flexor-stretch', 'Standing hip flexor stretch', 'stretch',        1, 'hold', 1),
    ('kneeling-ql-stretch',         'Kneeling QL stretch',         'stretch',        1, 'reps', 1),
    ('sitting-ql-stretch',          'Sitting QL stretch',          'stretch',        1, 'hold', 1),
    ('foam-roll-glutes',            'Foam rolling the glutes',     'self-treatment', 1, 'hold', 1);

-- migration: v2-checkins

-- A pain reading not tied to an exercise: a daily check-in.
CREATE TABLE checkins (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    performed_at INTEGER NOT NULL,                    -- Unix seconds, UTC
    utc_offset   INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    pain         INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note         TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX checkins_by_time ON checkins (performed_at);

-- Red-flag symptoms recorded with a check-in (ids: `journal safety --red-flags`).
CREATE TABLE checkin_red_flags (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    red_flag   TEXT    NOT NULL CHECK (red_flag IN ('bladder-bowel', 'saddle-numbness', 'leg-weakness',
                                                    'fever', 'weight-loss', 'major-trauma')),
    PRIMARY KEY (checkin_id, red_flag)
) STRICT, WITHOUT ROWID;

-- migration: v3-edit-undo-plan

-- An exercise of the person's own that is no longer offered but that old entries still name.
ALTER TABLE exercises ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

-- Destructive changes (delete, edit, import), newest last, so `journal undo` can reverse them.
CREATE TABLE changes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT    NOT NULL CHECK (kind IN ('delete', 'edit', 'import')),
    made_at INTEGER NOT NULL,                          -- Unix seconds, UTC
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

-- What undoing a change does to each entry: put back the copy kept here ('restore': a deleted
-- or edited entry as it was), or remove an entry the change added ('remove': an imported one).
CREATE TABLE change_entries (
    change_id    INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    action       TEXT    NOT NULL CHECK (action IN ('restore', 'remove')),
    id           INTEGER NOT NULL,
    exercise_id  TEXT,
    performed_at INTEGER,
    utc_offset   INTEGER,
    sets         INTEGER,
    reps         INTEGER,
    hold_seconds INTEGER,
    side         TEXT,
    pain_before  INTEGER,
    pain_after   INTEGER,
    note         TEXT,
    created_at   INTEGER
) STRICT;
CREATE INDEX change_entries_by_change ON change_entries (change_id);

-- The physiotherapist's plan: for each exercise, the dose and how many sessions a week.
CREATE TABLE plan (
    exercise_id  TEXT    NOT NULL PRIMARY KEY REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
    per_week     INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 21),
    CHECK (reps IS NULL OR hold_seconds IS NULL)
) STRICT;

-- migration: v4-plan-dose

-- A planned dose may count repetitions and a hold together (hold a few seconds, repeat), as an
-- entry may: the plan table, rebuilt without v3's "reps or hold, not both".
CREATE TABLE plan_v4 (
    exercise_id  TEXT    NOT NULL PRIMARY KEY REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
    per_week     INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 21)
) STRICT;
INSERT INTO plan_v4 (exercise_id, sets, reps, hold_seconds, per_week)
    SELECT exercise_id, sets, reps, hold_seconds, per_week FROM plan;
DROP TABLE plan;
ALTER TABLE plan_v4 RENAME TO plan;

-- migration: v5-red-flag-tiers

-- Red flags in the NHS's two tiers, call 999 or go to A&E (both-legs to major-trauma) and an
-- urgent GP appointment or 111 (fever to night-pain): checkin_red_flags, rebuilt with the new
-- ids. v2's 'leg-weakness' is now 'both-legs'.
CREATE TABLE checkin_red_flags_v5 (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    red_flag   TEXT    NOT NULL CHECK (red_flag IN ('both-legs', 'saddle-numbness', 'bladder-bowel',
                                                    'sexual-function', 'chest-pain', 'major-trauma',
                                                    'fever', 'weight-loss', 'back-lump', 'night-pain')),
    PRIMARY KEY (checkin_id, red_flag)
) STRICT, WITHOUT ROWID;
INSERT INTO checkin_red_flags_v5 (checkin_id, red_flag)
    SELECT checkin_id, CASE red_flag WHEN 'leg-weakness' THEN 'both-legs' ELSE red_flag END
    FROM checkin_red_flags;
DROP TABLE checkin_red_flags;
ALTER TABLE checkin_red_flags_v5 RENAME TO checkin_red_flags;

-- migration: v6-reviews-checkin-undo

-- A physiotherapist's review of an exercise on hold (`journal resume`): it answers every stop
-- finding on that exercise's sessions up to `reviewed_at`; a later stop starts a new hold.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise_id TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    reviewed_at INTEGER NOT NULL,                     -- Unix seconds, UTC
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    note        TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at  INTEGER NOT NULL,
    -- The newest entry when the review was recorded: a session recorded later, even one dated
    -- before the review (`--at`), was not part of what was reviewed.
    through_entry_id INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX reviews_by_exercise ON reviews (exercise_id, reviewed_at);

-- The sessions that may start a hold (pain rose, or pain after above 5), so finding the first one
-- after an exercise's latest review is one index seek however long the journal. The rules in
-- Sources/Journal/Rules decide; this only narrows where they look.
CREATE INDEX entries_stops ON entries (exercise_id, performed_at)
    WHERE pain_after > pain_before OR pain_after > 5;

-- Changes journal undo reverses, now also of check-ins and reviews: the table rebuilt with more kinds.
CREATE TABLE changes_v6 (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT    NOT NULL CHECK (kind IN ('delete', 'edit', 'import', 'resume', 'checkin-edit',
                                             'checkin-delete', 'psfs-add', 'psfs-remove', 'psfs-rate')),
    made_at INTEGER NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
INSERT INTO changes_v6 (id, kind, made_at, undone) SELECT id, kind, made_at, undone FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v6 RENAME TO changes;

-- What undoing a change does to each check-in: put back the copy kept here, red flags and all
-- ('restore'), or remove one ('remove').
CREATE TABLE change_checkins (
    change_id    INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    action       TEXT    NOT NULL CHECK (action IN ('restore', 'remove')),
    id           INTEGER NOT NULL,
    performed_at INTEGER,
    utc_offset   INTEGER,
    pain         INTEGER,
    note         TEXT,
    created_at   INTEGER,
    red_flags    TEXT                                 -- comma-separated ids
) STRICT;
CREATE INDEX change_checkins_by_change ON change_checkins (change_id);

-- What undoing a change does to reviews: remove one a `journal resume` added.
CREATE TABLE change_reviews (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    action    TEXT    NOT NULL CHECK (action IN ('remove')),
    id        INTEGER NOT NULL
) STRICT;
CREATE INDEX change_reviews_by_change ON change_reviews (change_id);

-- migration: v7-plan-since

-- The first local day each exercise's plan applies, `YYYY-MM-DD` (`journal plan set --since`,
-- default the day it was set), so reports count adherence from then. A plan set before this
-- migration keeps NULL: its start was never recorded, and it counts as in force since the journal
-- began (its first entry or check-in).
ALTER TABLE plan ADD COLUMN since TEXT
    CHECK (since IS NULL OR (length(since) = 10 AND since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'));

-- migration: v8-psfs

-- The Patient-Specific Functional Scale: everyday activities the back problem makes hard, in the
-- person's words (at most 5 active at once, enforced by journal), each rated over time.
CREATE TABLE psfs_activities (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    activity   TEXT    NOT NULL CHECK (length(activity) BETWEEN 1 AND 80),
    added_at   INTEGER NOT NULL,                      -- Unix seconds, UTC
    utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    retired_at INTEGER,                               -- set by `journal psfs remove`; kept for history
    created_at INTEGER NOT NULL
) STRICT;

-- One rating of one activity: 0 unable to do it, 10 able to do it as before the problem.
CREATE TABLE psfs_ratings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    activity_id INTEGER NOT NULL REFERENCES psfs_activities (id) ON DELETE CASCADE,
    rated_at    INTEGER NOT NULL,                     -- Unix seconds, UTC
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    note        TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX psfs_ratings_by_activity ON psfs_ratings (activity_id, rated_at);

-- What undoing a PSFS change does: remove an added activity or rating, or bring a retired one back.
CREATE TABLE change_psfs (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    action    TEXT    NOT NULL CHECK (action IN ('remove-activity', 'unretire', 'remove-rating')),
    id        INTEGER NOT NULL
) STRICT;
CREATE INDEX change_psfs_by_change ON change_psfs (change_id);

-- migration: v9-red-flag-standing

-- Red flags in the NHS's three tiers: v5's ids, the same-day 'cough-sneeze' (pain made worse by
-- sneezing, coughing or pooing) and 'upper-back' (pain between the shoulder blades), and the
-- see-a-GP 'one-leg' (sciatica, or weakness or numbness in one leg, getting worse):
-- checkin_red_flags, rebuilt with the new ids. Every row is kept as it was.
CREATE TABLE checkin_red_flags_v9 (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    red_flag   TEXT    NOT NULL CHECK (red_flag IN ('both-legs', 'saddle-numbness', 'bladder-bowel',
                                                    'sexual-function', 'chest-pain', 'major-trauma',
                                                    'fever', 'weight-loss', 'back-lump', 'night-pain',
                                                    'cough-sneeze', 'upper-back', 'one-leg')),
    PRIMARY KEY (checkin_id, red_flag)
) STRICT, WITHOUT ROWID;
INSERT INTO checkin_red_flags_v9 (checkin_id, red_flag) SELECT checkin_id, red_flag FROM checkin_red_flags;
DROP TABLE checkin_red_flags;
ALTER TABLE checkin_red_flags_v9 RENAME TO checkin_red_flags;

-- That a doctor has seen the red flags recorded (`journal resume --red-flags`): it covers every
-- check-in's red flags performed up to `reviewed_at` and recorded before it; until then they stand.
CREATE TABLE red_flag_reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reviewed_at INTEGER NOT NULL,                     -- Unix seconds, UTC
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    note        TEXT    CHECK (length(note) BETWEEN 1 AND 4000),
    created_at  INTEGER NOT NULL,
    -- The newest check-in when it was recorded: a check-in recorded later, even one dated before
    -- it (`--at`), was not seen.
    through_checkin_id INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX red_flag_reviews_by_time ON red_flag_reviews (reviewed_at);

-- What undoing a `journal resume --red-flags` (a change of kind 'resume') does: remove its review.
CREATE TABLE change_red_flag_reviews (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    id        INTEGER NOT NULL
) STRICT;
CREATE INDEX change_red_flag_reviews_by_change ON change_red_flag_reviews (change_id);

-- migration: v10-plan-order

-- The plan's order, the order `journal today` and `journal session` go through it: 1 for the first
-- exercise (`journal plan set --order N`, otherwise where the exercise was added). A plan set before
-- this migration is numbered in the order its rows were written.
ALTER TABLE plan ADD COLUMN position INTEGER CHECK (position IS NULL OR position >= 1);
UPDATE plan SET position = (SELECT count(*) FROM plan AS earlier WHERE earlier.rowid <= plan.rowid);

-- migration: v11-undo-log-checkin

-- `journal undo` reverses a log or a check-in too: the changes table rebuilt with those kinds.
-- Undoing one removes the entry or check-in it added (change_entries or change_checkins,
-- action 'remove'). The kinds are ChangeKind's (Sources/Journal/Storage/ChangeKind.swift).
CREATE TABLE changes_v9 (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT    NOT NULL CHECK (kind IN ('log', 'checkin', 'delete', 'edit', 'import', 'resume',
                                             'checkin-edit', 'checkin-delete', 'psfs-add', 'psfs-remove',
                                             'psfs-rate')),
    made_at INTEGER NOT NULL,                          -- Unix seconds, UTC
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
INSERT INTO changes_v9 (id, kind, made_at, undone) SELECT id, kind, made_at, undone FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v9 RENAME TO changes;

-- migration: v12-exercise-how-to

-- How to do one of the person's own exercises, in their physiotherapist's words (`journal exercises
-- add --how-to`); NULL for none and for the built-in ones, whose text ships with journal.
ALTER TABLE exercises ADD COLUMN how_to TEXT CHECK (how_to IS NULL OR length(how_to) BETWEEN 1 AND 4000);

-- migration: v13-settings

-- The person's settings, one row each (`journal config set NAME VALUE`; `unset` deletes the row).
-- `region`: the ISO 3166 code of the country whose services the advice names (GB, CA, US, IE, AU,
-- NZ; EU for the European Union). journal checks a value against what it knows when it is set and
-- again when it reads it; here only its shape.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 256),
    CHECK (name <> 'region' OR (length(value) = 2 AND value GLOB '[A-Z][A-Z]'))
) STRICT;

-- migration: v14-undo-restore

-- `journal undo` reverses a `journal restore --force` too: the changes table rebuilt with the kind
-- 'restore'. The restore's swap records it, and change_restores names the kept copy of the journal
-- it replaced (`JOURNAL.before-restore-DATE-TIME.backup`); undoing it reads that copy back through
-- restore's own checks and puts it in place under the write lock.
-- Changes `journal undo` cannot reverse are recorded too, so that undo stops at them rather than
-- reaching past them to an older change: a plan set or removed ('plan'), an exercise of the
-- person's own added, edited or removed ('exercise'), a setting set or unset ('config'). `detail`
-- names the change in the command's words ("plan set glute-bridge"); NULL for the other kinds.
CREATE TABLE changes_v14 (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT    NOT NULL CHECK (kind IN ('log', 'checkin', 'delete', 'edit', 'import', 'resume',
                                             'checkin-edit', 'checkin-delete', 'psfs-add', 'psfs-remove',
                                             'psfs-rate', 'restore', 'plan', 'exercise', 'config')),
    made_at INTEGER NOT NULL,                          -- Unix seconds, UTC
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    detail  TEXT    CHECK (detail IS NULL OR length(detail) BETWEEN 1 AND 200)
) STRICT;
INSERT INTO changes_v14 (id, kind, made_at, undone) SELECT id, kind, made_at, undone FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v14 RENAME TO changes;

CREATE TABLE change_restores (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    kept_copy TEXT    NOT NULL CHECK (length(kept_copy) BETWEEN 1 AND 4096)
) STRICT;
CREATE INDEX change_restores_by_change ON change_restores (change_id);

-- migration: v15-undo-every-kind

-- `journal undo` reverses a plan, exercise or setting change too: from this migration on, such a
-- change keeps, in its own transaction, what it is about to change, and undoing it puts that back
-- exactly (Sources/Journal/Storage/ChangeLog.swift). `subject` names what the change was about:
-- the exercise's id (kinds 'plan' and 'exercise') or the setting's name ('config'); NULL for the
-- other kinds, and for a plan, exercise or setting change recorded before this migration, which
-- kept nothing: undo still stops at one of those, says how to change it back by hand and never
-- reaches past it.
ALTER TABLE changes ADD COLUMN subject TEXT CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 64);

-- The plan as it was before a plan or exercise change, every row with its rowid (which orders rows
-- without a position): undo puts back the subject's row, or takes it off when there was none, and
-- each other row's position.
CREATE TABLE change_plan (
    change_id    INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    row_id       INTEGER NOT NULL,
    exercise_id  TEXT    NOT NULL,
    sets         INTEGER NOT NULL,
    reps         INTEGER,
    hold_seconds INTEGER,
    per_week     INTEGER NOT NULL,
    since        TEXT,
    position     INTEGER
) STRICT;
CREATE INDEX change_plan_by_change ON change_plan (change_id);

-- The person's own exercise as it was before an exercise change, with its rowid; no row when the
-- change added it (undo removes it again, unless entries use it).
CREATE TABLE change_exercises (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    row_id    INTEGER NOT NULL,
    id        TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    per_side  INTEGER NOT NULL,
    measure   TEXT    NOT NULL,
    builtin   INTEGER NOT NULL,
    archived  INTEGER NOT NULL,
    how_to    TEXT
) STRICT;
CREATE INDEX change_exercises_by_change ON change_exercises (change_id);

-- The physiotherapist's reviews of an exercise that `journal exercises remove` deleted along with
-- it (ON DELETE CASCADE): undoing the removal puts them back.
CREATE TABLE change_exercise_reviews (
    change_id        INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    id               INTEGER NOT NULL,
    exercise_id      TEXT    NOT NULL,
    reviewed_at      INTEGER NOT NULL,
    utc_offset       INTEGER NOT NULL,
    note             TEXT,
    created_at       INTEGER NOT NULL,
    through_entry_id INTEGER NOT NULL
) STRICT;
CREATE INDEX change_exercise_reviews_by_change ON change_exercise_reviews (change_id);

-- A setting as it was before `journal config set` or `unset` changed it, with its rowid; no row
-- when it was not set (undo unsets it again).
CREATE TABLE change_settings (
    change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    row_id    INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    value     TEXT    NOT NULL
) STRICT;
CREATE INDEX change_settings_by_change ON change_settings (change_id);

-- migration: v16-undo-import-all

-- `journal undo` of a full import (`journal import` of `journal export --all --format json`) puts
-- the journal back exactly as it was. From this migration on, such an import keeps, in its own
-- transaction and before it adds any, the plan, the person's own exercises and the settings as they
-- were, every row with its rowid, in v15's change_plan, change_exercises and change_settings, and
-- its `changes.subject` is 'all'. Undoing it removes the entries, check-ins, reviews, red-flag
-- reviews and PSFS activities and ratings it added, as before, then removes the exercises it added
-- and puts back the plan and the settings whole (Sources/Journal/Storage/ChangeLog.swift). An
-- import of a CSV, which adds entries only, keeps nothing and its subject stays NULL; so does a
-- full import recorded before this migration, whose undo still removes only the rows it added.
-- Nothing in the tables changes: this section records what `subject` now means.

-- migration: v17-stops-by-recording

-- The sessions that may start a hold, by when they were recorded. A review covers the sessions
-- performed up to its time and recorded before it, so the first stop it leaves uncovered among
-- those performed up to its time is among the stops recorded after it: few, found here by a seek,
-- rather than by reading every stop the review covers in `entries_stops` (which is by time).
CREATE INDEX entries_stops_by_recording ON entries (exercise_id, created_at)
    WHERE pain_after > pain_before OR pain_after > 5;

-- migration: v18-stops-by-id

-- The sessions that may start a hold, by id (SQLite appends the rowid, `id`, to the key: the index
-- is by exercise, then id). A review covers only the sessions it had seen, those with ids up to
-- its `through_entry_id`: one recorded later with the clock set back (a new id, an earlier
-- created_at) is not covered, and is found here by a seek on `id > through_entry_id`, among the
-- few stops the review never saw.
CREATE INDEX entries_stops_by_id ON entries (exercise_id)
    WHERE pain_after > pain_before OR pain_after > 5;

-- migration: v19-outside-values

-- The rows holding a value journal never writes: put in from outside, with the CHECK constraints
-- above turned off (`PRAGMA ignore_check_constraints`). Screens read such a value within its range
-- and name the row (Sources/Journal/Storage/StoredValues.swift, whose searches have exactly these
-- conditions, built from the same ranges): with these indexes, finding them reads only such rows,
-- none in a journal in order, rather than every entry at every screen.
CREATE INDEX entries_outside_values ON entries (id)
    WHERE ((typeof(pain_before) = 'integer' AND pain_before BETWEEN 0 AND 10)
        AND (typeof(pain_after) = 'integer' AND pain_after BETWEEN 0 AND 10)
        AND (typeof(sets) = 'integer' AND sets BETWEEN 1 AND 50)
        AND (reps IS NULL OR (typeof(reps) = 'integer' AND reps BETWEEN 1 AND 500))
        AND (hold_seconds IS NULL OR (typeof(hold_seconds) = 'integer' AND hold_seconds BETWEEN 1 AND 3600))
        AND (side IS NULL OR side IN ('left', 'right', 'both'))) IS NOT 1;
CREATE INDEX checkins_outside_values ON checkins (id)
    WHERE ((typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10)) IS NOT 1;
CREATE INDEX psfs_ratings_outside_values ON psfs_ratings (id)
    WHERE ((typeof(score) = 'integer' AND score BETWEEN 0 AND 10)) IS NOT 1;

-- migration: v20-outside-kinds

-- More values journal never writes, searched as v19's (StoredValues.swift): an entry's UTC offset
-- beyond ±18 hours, read as the nearest within them, found through an index partial on exactly
-- the search's condition (a journal in order costs one empty index read).
CREATE INDEX entries_outside_offsets ON entries (id)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)) IS NOT 1;

-- migration: v21-outside-times

-- More values journal never writes, searched as v19's (StoredValues.swift), each through an index
-- partial on exactly the search's condition (a journal in order costs one empty index read): an
-- entry's or check-in's time outside the years 1 to 9999, a time of recording before 1970, a note
-- that is blank or longer than 4,000 characters; a check-in's and a PSFS rating's
-- UTC offset beyond ±18 hours.
CREATE INDEX entries_outside_times ON entries (id)
    WHERE ((typeof(performed_at) = 'integer' AND performed_at BETWEEN -62135532000 AND 253402235999)
        AND (typeof(created_at) = 'integer' AND created_at >= 0)
        AND (note IS NULL OR (trim(note, char(32, 9, 10, 13)) <> '' AND length(note) <= 4000))) IS NOT 1;
CREATE INDEX checkins_outside_times ON checkins (id)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)
        AND (typeof(performed_at) = 'integer' AND performed_at BETWEEN -62135532000 AND 253402235999)
        AND (typeof(created_at) = 'integer' AND created_at >= 0)
        AND (note IS NULL OR (trim(note, char(32, 9, 10, 13)) <> '' AND length(note) <= 4000))) IS NOT 1;
CREATE INDEX psfs_ratings_outside_offsets ON psfs_ratings (id)
    WHERE ((typeof(utc_offset) = 'integer' AND utc_offset BETWEEN -64800 AND 64800)) IS NOT 1;

-- migration: v22-plan-history

-- The plan's earlier doses: when `journal plan set` gives an exercise a new dose or sessions a week,
-- the dose it replaces is kept here with the day it took effect, so that reports count the plan from
-- the day the exercise entered it, against the sessions a week in force each day, and judge each
-- session by the dose in force when it was done. Each row is in force from its `since` until the
-- day before the next one's for the exercise (the last until the plan row's); `since` NULL for a dose
-- set before journal recorded start days (v7), in force since the journal began. `journal plan
-- remove` deletes an exercise's rows with its plan row: a plan set again starts afresh. A new table
-- rather than columns of `plan`, whose rows the sync records (docs/sync-ids.md, rule 5).
CREATE TABLE plan_history (
    exercise_id  TEXT    NOT NULL REFERENCES exercises (id) ON UPDATE CASCADE ON DELETE CASCADE,
    since        TEXT    CHECK (since IS NULL OR (length(since) = 10 AND since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
    sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 50),
    reps         INTEGER CHECK (reps BETWEEN 1 AND 500),
    hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 3600),
    per_week     INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 21),
    UNIQUE (exercise_id, since)
) STRICT;

-- The plan's earlier doses as they were before a plan or exercise change or a full import, kept with
-- change_plan (v15): undo puts back the subject's rows (the whole table for an import).
CREATE TABLE change_plan_history (
    change_id    INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    exercise_id  TEXT    NOT NULL,
    since        TEXT,
    sets         INTEGER NOT NULL,
    reps         INTEGER,
    hold_seconds INTEGER,
    per_week     INTEGER NOT NULL
) STRICT;
CREATE INDEX change_plan_history_by_change ON change_plan_history (change_id);

-- migration: v23-outside-ids

-- What every screen searches besides the values (StoredValues.swift), each in one seek: the largest
-- entry or check-in id a change kept for undo, which the table's id counter (sqlite_sequence) must
-- not be below, and the rows recorded latest, whose time of recording must not be ahead of now.
CREATE INDEX change_entries_by_id ON change_entries (id);
CREATE INDEX change_checkins_by_id ON change_checkins (id);
CREATE INDEX entries_by_recording ON entries (created_at);
CREATE INDEX checkins_by_recording ON checkins (created_at);

-- migration: v24-record-views

-- The records as readers read them, one view per table, with the columns they will keep when
-- sync's record-ids section (docs/sync-ids.md, build step 2) keys the tables by a UUIDv7: `id`,
-- the number people type (then an alias, from the local `<record>_ids` tables), and `uid`, the
-- record's key on every device, by which ties are broken (until then the id itself). Readers that
-- move to these views now keep working unchanged when that section redefines them; here each is
-- its table's own columns, which SQLite reads as the table (the same query plan).
CREATE VIEW entries_with_ids AS
    SELECT id, id AS uid, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before,
           pain_after, note, created_at
    FROM entries;
CREATE VIEW checkins_with_ids AS
    SELECT id, id AS uid, performed_at, utc_offset, pain, note, created_at FROM checkins;
-- Reviews without `through_entry_id` / `through_checkin_id`, which the record-ids section replaces
-- by `seen`: coverage moves with it.
CREATE VIEW reviews_with_ids AS
    SELECT id, id AS uid, exercise_id, reviewed_at, utc_offset, note, created_at FROM reviews;
CREATE VIEW red_flag_reviews_with_ids AS
    SELECT id, id AS uid, reviewed_at, utc_offset, note, created_at FROM red_flag_reviews;
CREATE VIEW psfs_activities_with_ids AS
    SELECT id, id AS uid, activity, added_at, utc_offset, retired_at, created_at FROM psfs_activities;
CREATE VIEW psfs_ratings_with_ids AS
    SELECT id, id AS uid, activity_id, rated_at, utc_offset, score, note, created_at FROM psfs_ratings;

-- migration: v25-edit-results

-- What an edit left, kept beside what it replaced, so that `journal undo` of an edit never overwrites
-- another record (issue #25). An edit ('edit', 'checkin-edit') keeps the record as it was on its
-- 'restore' row of change_entries or change_checkins; from this migration on it keeps there too, in
-- the `edited_*` columns, the record as the edit left it, as screens read it (as the copy before it is
-- kept), and for a check-in its red flags. Undo puts the record back only while the journal holds
-- exactly that, else refuses and changes nothing: its id given to another record (one recorded in the
-- same second passes every other check), or the record changed, from outside
-- (Sources/Journal/Storage/ChangeLog.swift). NULL on every other row.
ALTER TABLE change_entries ADD COLUMN edited_exercise_id TEXT;
ALTER TABLE change_entries ADD COLUMN edited_performed_at INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_utc_offset INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_sets INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_reps INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_hold_seconds INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_side TEXT;
ALTER TABLE change_entries ADD COLUMN edited_pain_before INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_pain_after INTEGER;
ALTER TABLE change_entries ADD COLUMN edited_note TEXT;
ALTER TABLE change_entries ADD COLUMN edited_created_at INTEGER;
ALTER TABLE change_checkins ADD COLUMN edited_performed_at INTEGER;
ALTER TABLE change_checkins ADD COLUMN edited_utc_offset INTEGER;
ALTER TABLE change_checkins ADD COLUMN edited_pain INTEGER;
ALTER TABLE change_checkins ADD COLUMN edited_note TEXT;
ALTER TABLE change_checkins ADD COLUMN edited_created_at INTEGER;
ALTER TABLE change_checkins ADD COLUMN edited_red_flags TEXT;   -- comma-separated ids, as `red_flags`

-- An edit recorded before this migration kept only the record as it was. What it left is taken here:
-- the copy the next change not undone that kept the record (a later edit or delete) took of it, else
-- the record as it stands now. Undo walks back newest first, so the journal holds that again when the
-- edit is undone, unless the record is changed from outside after this migration: undo refuses then.
-- What was changed from outside before it cannot be told from what the edit left (docs/usage.md).
-- Edits undone, and those before the latest restore (of the journal it replaced), are left NULL.
UPDATE change_entries SET (edited_exercise_id, edited_performed_at, edited_utc_offset, edited_sets, edited_reps,
                           edited_hold_seconds, edited_side, edited_pain_before, edited_pain_after, edited_note,
                           edited_created_at) = (
    SELECT exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note,
           created_at
    FROM (SELECT later.change_id AS nearest, later.exercise_id, later.performed_at, later.utc_offset, later.sets,
                 later.reps, later.hold_seconds, later.side, later.pain_before, later.pain_after, later.note,
                 later.created_at
          FROM change_entries AS later
          WHERE later.id = change_entries.id AND later.action = 'restore'
            AND later.change_id > change_entries.change_id
            AND later.change_id IN (SELECT id FROM changes WHERE undone = 0)
          UNION ALL
          SELECT 9223372036854775807, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                 pain_before, pain_after, note, created_at
          FROM entries WHERE entries.id = change_entries.id)
    ORDER BY nearest LIMIT 1)
WHERE action = 'restore' AND change_id IN (
    SELECT id FROM changes WHERE kind = 'edit' AND undone = 0
        AND id > coalesce((SELECT max(id) FROM changes WHERE kind = 'restore'), 0));
UPDATE change_checkins SET (edited_performed_at, edited_utc_offset, edited_pain, edited_note, edited_created_at,
                            edited_red_flags) = (
    SELECT performed_at, utc_offset, pain, note, created_at, red_flags
    FROM (SELECT later.change_id AS nearest, later.performed_at, later.utc_offset, later.pain, later.note,
                 later.created_at, later.red_flags
          FROM change_checkins AS later
          WHERE later.id = change_checkins.id AND later.action = 'restore'
            AND later.change_id > change_checkins.change_id
            AND later.change_id IN (SELECT id FROM changes WHERE undone = 0)
          UNION ALL
          SELECT 9223372036854775807, performed_at, utc_offset, pain, note, created_at,
                 (SELECT group_concat(red_flag) FROM checkin_red_flags WHERE checkin_id = checkins.id)
          FROM checkins WHERE checkins.id = change_checkins.id)
    ORDER BY nearest LIMIT 1)
WHERE action = 'restore' AND change_id IN (
    SELECT id FROM changes WHERE kind = 'checkin-edit' AND undone = 0
        AND id > coalesce((SELECT max(id) FROM changes WHERE kind = 'restore'), 0));

-- migration: v26-record-ids

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

-- migration: v27-sync

-- Sync through a folder (issue #28, docs/sync.md). Local tables, never recorded in a changeset: what
-- this replica knows of its sync folder. The folder's key is never kept: `key_file` is where it was
-- read at `journal sync init` (a passphrase file or an identity), which `journal sync` reads again
-- when no key is given; `recipients` are public keys (age1…, one a line) the files are sealed to.
CREATE TABLE sync_folder (
    one        INTEGER NOT NULL PRIMARY KEY CHECK (one = 1),
    path       TEXT    NOT NULL CHECK (length(path) BETWEEN 1 AND 4096),
    folder     TEXT    NOT NULL CHECK (length(folder) = 32 AND folder NOT GLOB '*[^0-9a-f]*'),
    key_kind   TEXT    NOT NULL CHECK (key_kind IN ('passphrase', 'x25519')),
    key_file   TEXT    CHECK (key_file IS NULL OR length(key_file) BETWEEN 1 AND 4096),
    recipients TEXT    CHECK (recipients IS NULL OR length(recipients) BETWEEN 1 AND 65536),
    joined_at  INTEGER NOT NULL,
    last_sync  INTEGER
) STRICT;

-- Changes recorded here and not yet written to the folder, oldest first: each write's changeset of
-- the synced tables, with the reading it took (docs/sync-ids.md, "What each store write does").
CREATE TABLE sync_outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    reading   TEXT    NOT NULL CHECK (length(reading) = 57),
    changeset BLOB    NOT NULL CHECK (length(changeset) > 0)
) STRICT;

-- Each replica's files as far as this journal has them: its own, the last it wrote; another's, the
-- last it merged whole, the SHA-256 of its plaintext (the next must follow it), and how many
-- changesets of the next file are merged already (a sync stopped halfway, or one that waits).
CREATE TABLE sync_files (
    replica  TEXT    NOT NULL PRIMARY KEY CHECK (length(replica) = 32 AND replica NOT GLOB '*[^0-9a-f]*'),
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    hash     BLOB    NOT NULL DEFAULT (zeroblob(32)) CHECK (length(hash) = 32),
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0),
    changes  INTEGER NOT NULL DEFAULT 0 CHECK (changes >= 0),
    seen_at  INTEGER,
    sealed   BLOB    CHECK (sealed IS NULL OR length(sealed) = 32)   -- this journal's own last file, as written: its SHA-256
) STRICT;

-- The merger's own tables (Sources/JournalSync/SyncMetadata.swift, which makes them in the same
-- shape where journal has not): the reading that wrote each synced row and each field written
-- later, each deleted key (a tombstone), and updates that arrived before their row. Local.
CREATE TABLE sync_row_clocks (
    tbl TEXT NOT NULL,
    pk BLOB NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;
CREATE TABLE sync_field_clocks (
    tbl TEXT NOT NULL,
    pk BLOB NOT NULL,
    col TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;
CREATE TABLE sync_tombstones (
    tbl TEXT NOT NULL,
    pk BLOB NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;
CREATE TABLE sync_early_fields (
    tbl TEXT NOT NULL,
    pk BLOB NOT NULL,
    col TEXT NOT NULL,
    hlc TEXT NOT NULL,
    value,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;
