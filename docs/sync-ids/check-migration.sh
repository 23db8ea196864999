#!/bin/sh
# Runs the record-ids section (schema.sql, v26-record-ids) over a copy of a journal as
# GRDB's migrator would (foreign keys off, one transaction, PRAGMA foreign_key_check before the
# commit), then checks that every row kept its values and got an id, that the aliases and their
# counters carry on, and that every review covers exactly the entries and check-ins it covered
# before. Tests/JournalTests/RecordIDsMigrationTests.swift runs the same checks through Migrations.
#
#   docs/sync-ids/check-migration.sh JOURNAL.sqlite3        (the journal itself is not touched)
#
# Prints each check; exits 1 at the first that fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$1" "$work/before.sqlite3"
cp "$1" "$work/after.sqlite3"
db="$work/after.sqlite3"

# The migration, as the migrator runs it.
{
    echo ".bail on"
    echo "PRAGMA foreign_keys = OFF;"
    echo "BEGIN IMMEDIATE;"
    awk '/^-- migration: v26-record-ids$/{on=1} on' "$here/../../Sources/Journal/Storage/schema.sql"
    echo "SELECT 'foreign key violation', * FROM pragma_foreign_key_check;"
    echo "COMMIT;"
    echo "PRAGMA foreign_keys = ON;"
} > "$work/migrate.sql"
out=$(sqlite3 "$db" < "$work/migrate.sql")
[ -z "$out" ] || { echo "FAIL migration: $out"; exit 1; }
echo "ok   migration ran"

q() { sqlite3 -batch -noheader "$db" "ATTACH '$work/before.sqlite3' AS old; $1"; }
expect() { # name, expected, query
    got=$(q "$3")
    if [ "$got" = "$2" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$got]"; exit 1; fi
}
expect "integrity_check" "ok" "PRAGMA integrity_check;"
expect "foreign_key_check" "" "PRAGMA foreign_key_check;"

# Same number of rows, each with a well-formed UUIDv7 and an alias equal to its old id.
for pair in entries:entry_ids checkins:checkin_ids reviews:review_ids red_flag_reviews:red_flag_review_ids \
            psfs_activities:psfs_activity_ids psfs_ratings:psfs_rating_ids; do
    t=${pair%%:*}; a=${pair#*:}
    expect "$t: row count kept" "$(q "SELECT count(*) FROM old.$t")" "SELECT count(*) FROM main.$t"
    expect "$t: every row has a UUIDv7 uid" "0" "
        SELECT count(*) FROM main.$t WHERE uid IS NULL OR length(uid) <> 36
            OR uid NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-7[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'"
    expect "$t: every row has its old id as alias" "0" "
        SELECT count(*) FROM old.$t AS o LEFT JOIN main.$a AS a ON a.id = o.id
        LEFT JOIN main.$t AS n ON n.uid = a.uid WHERE n.uid IS NULL"
    expect "$t: alias counter carries on" "1" "
        SELECT coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = '$a'), 0)
            >= coalesce((SELECT seq FROM old.sqlite_sequence WHERE name = '$t'), 0)"
    expect "$t: uid keeps id order within a recording second" "0" "
        SELECT count(*) FROM main.$a AS x JOIN main.$a AS y ON x.id < y.id JOIN old.$t AS ox ON ox.id = x.id
        JOIN old.$t AS oy ON oy.id = y.id WHERE ox.created_at = oy.created_at AND x.uid > y.uid"
    expect "$t: uid time is created_at" "0" "
        SELECT count(*) FROM old.$t AS o JOIN main.$a AS a ON a.id = o.id
        WHERE substr(replace(a.uid, '-', ''), 1, 12)
            NOT BETWEEN printf('%012x', o.created_at * 1000) AND printf('%012x', o.created_at * 1000 + 999)"
done

# Every value kept: old rows and new rows (read through the alias) are the same sets.
same() { # name, old select, new select
    expect "$1: values kept" "0|0" "
        SELECT (SELECT count(*) FROM ($2 EXCEPT $3)), (SELECT count(*) FROM ($3 EXCEPT $2))"
}
same entries \
    "SELECT id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM old.entries" \
    "SELECT a.id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM main.entries JOIN main.entry_ids AS a USING (uid)"
same checkins \
    "SELECT id, performed_at, utc_offset, pain, note, created_at FROM old.checkins" \
    "SELECT a.id, performed_at, utc_offset, pain, note, created_at FROM main.checkins JOIN main.checkin_ids AS a USING (uid)"
same checkin_red_flags \
    "SELECT checkin_id, red_flag, 1 FROM old.checkin_red_flags" \
    "SELECT a.id, red_flag, present FROM main.checkin_red_flags JOIN main.checkin_ids AS a ON a.uid = checkin_uid"
same reviews \
    "SELECT id, exercise_id, reviewed_at, utc_offset, note, created_at FROM old.reviews" \
    "SELECT a.id, exercise_id, reviewed_at, utc_offset, note, created_at FROM main.reviews JOIN main.review_ids AS a USING (uid)"
same red_flag_reviews \
    "SELECT id, reviewed_at, utc_offset, note, created_at FROM old.red_flag_reviews" \
    "SELECT a.id, reviewed_at, utc_offset, note, created_at FROM main.red_flag_reviews JOIN main.red_flag_review_ids AS a USING (uid)"
same psfs_activities \
    "SELECT id, activity, added_at, utc_offset, retired_at, created_at FROM old.psfs_activities" \
    "SELECT a.id, activity, added_at, utc_offset, retired_at, created_at FROM main.psfs_activities JOIN main.psfs_activity_ids AS a USING (uid)"
same psfs_ratings \
    "SELECT id, activity_id, rated_at, utc_offset, score, note, created_at FROM old.psfs_ratings" \
    "SELECT a.id, act.id, rated_at, utc_offset, score, note, created_at FROM main.psfs_ratings JOIN main.psfs_rating_ids AS a USING (uid) JOIN main.psfs_activity_ids AS act ON act.uid = activity_uid"
same plan \
    "SELECT rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position, 0 FROM old.plan" \
    "SELECT rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position, removed FROM main.plan"
# Of two doses in force since the journal began (NULL) for one exercise, the later one, in force.
same plan_history \
    "SELECT exercise_id, coalesce(since, '0000-00-00'), sets, reps, hold_seconds, per_week, 0 FROM old.plan_history WHERE rowid IN (SELECT max(rowid) FROM old.plan_history GROUP BY exercise_id, since)" \
    "SELECT exercise_id, since, sets, reps, hold_seconds, per_week, removed FROM main.plan_history"
same change_plan_history \
    "SELECT change_id, exercise_id, coalesce(since, '0000-00-00'), sets, reps, hold_seconds, per_week FROM old.change_plan_history" \
    "SELECT change_id, exercise_id, since, sets, reps, hold_seconds, per_week FROM main.change_plan_history"
same settings "SELECT rowid, name, value FROM old.settings" "SELECT rowid, name, value FROM main.settings"
same exercises "SELECT * FROM old.exercises" "SELECT * FROM main.exercises"
same changes "SELECT * FROM old.changes" "SELECT * FROM main.changes"
same change_entries \
    "SELECT * FROM old.change_entries" \
    "SELECT change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM main.change_entries"
expect "change_entries: every kept copy has a reading" "0" \
    "SELECT count(*) FROM main.change_entries WHERE action = 'restore' AND recorded IS NULL"
expect "change_checkins: every kept copy has a reading" "0" \
    "SELECT count(*) FROM main.change_checkins WHERE action = 'restore' AND recorded IS NULL"

# "Recorded before it": every (review, entry) and (red-flag review, check-in) pair is covered, or
# not, exactly as Review.Mark.covers says today.
expect "reviews cover the same entries as before" "0" "
    WITH before AS (
        SELECT r.id AS review, e.id AS entry,
               e.performed_at <= r.reviewed_at AND CASE WHEN e.created_at <> r.created_at
                   THEN e.created_at < r.created_at ELSE e.id <= r.through_entry_id END AS covered
        FROM old.reviews AS r, old.entries AS e),
    after AS (
        SELECT ra.id AS review, ea.id AS entry,
               e.performed_at <= r.reviewed_at AND EXISTS (
                   SELECT 1 FROM json_each(r.seen) AS s
                   WHERE s.key = substr(e.recorded, 26) AND e.recorded <= s.value) AS covered
        FROM main.reviews AS r JOIN main.review_ids AS ra USING (uid), main.entries AS e
        JOIN main.entry_ids AS ea ON ea.uid = e.uid)
    SELECT count(*) FROM before JOIN after USING (review, entry) WHERE before.covered IS NOT after.covered"
expect "red-flag reviews cover the same check-ins as before" "0" "
    WITH before AS (
        SELECT r.id AS review, c.id AS checkin,
               c.performed_at <= r.reviewed_at AND CASE WHEN c.created_at <> r.created_at
                   THEN c.created_at < r.created_at ELSE c.id <= r.through_checkin_id END AS covered
        FROM old.red_flag_reviews AS r, old.checkins AS c),
    after AS (
        SELECT ra.id AS review, ca.id AS checkin,
               c.performed_at <= r.reviewed_at AND EXISTS (
                   SELECT 1 FROM json_each(r.seen) AS s
                   WHERE s.key = substr(c.recorded, 26) AND c.recorded <= s.value) AS covered
        FROM main.red_flag_reviews AS r JOIN main.red_flag_review_ids AS ra USING (uid), main.checkins AS c
        JOIN main.checkin_ids AS ca ON ca.uid = c.uid)
    SELECT count(*) FROM before JOIN after USING (review, checkin) WHERE before.covered IS NOT after.covered"
echo "     (pairs compared: $(q "SELECT (SELECT count(*) FROM old.reviews) * (SELECT count(*) FROM old.entries)
    + (SELECT count(*) FROM old.red_flag_reviews) * (SELECT count(*) FROM old.checkins)"), of which covered: $(q "
    SELECT count(*) FROM main.reviews AS r, main.entries AS e WHERE e.performed_at <= r.reviewed_at AND EXISTS (
        SELECT 1 FROM json_each(r.seen) AS s WHERE s.key = substr(e.recorded, 26) AND e.recorded <= s.value)")
    entry pairs and $(q "
    SELECT count(*) FROM main.red_flag_reviews AS r, main.checkins AS c WHERE c.performed_at <= r.reviewed_at AND EXISTS (
        SELECT 1 FROM json_each(r.seen) AS s WHERE s.key = substr(c.recorded, 26) AND c.recorded <= s.value)") check-in pairs)"

# Ties in time now break by uid, not by the local id. Not a failure: counts the pairs of one
# exercise's entries performed in the same second whose id order and uid order differ (possible
# only when one was recorded in an earlier second under a later id: an import, a clock gone back).
echo "note same-second entries of an exercise ordered differently by uid than by id: $(q "
    SELECT count(*) FROM main.entries AS x JOIN main.entries AS y
        ON x.exercise_id = y.exercise_id AND x.performed_at = y.performed_at AND x.uid < y.uid
    JOIN main.entry_ids AS xa ON xa.uid = x.uid JOIN main.entry_ids AS ya ON ya.uid = y.uid WHERE xa.id > ya.id") pairs"

expect "the clock starts at the latest reading" "1" "
    SELECT last >= (SELECT max(recorded) FROM main.entries) AND last >= (SELECT max(recorded) FROM main.checkins)
    FROM main.replica_clocks WHERE self = 1"
expect "no scratch table left" "0" "SELECT count(*) FROM temp.sqlite_master"

# A new record, however it arrives, gets the next alias; a re-pointed alias is not given twice.
next=$(q "SELECT seq + 1 FROM main.sqlite_sequence WHERE name = 'entry_ids'")
expect "a new entry gets the next alias ($next)" "$next" "
    PRAGMA foreign_keys = ON;
    INSERT INTO main.entries (uid, exercise_id, performed_at, utc_offset, pain_before, pain_after, created_at, recorded)
    VALUES ('019aee00-0000-7000-8000-000000000001', 'glute-bridge', 1795100000, 0, 2, 2, 1795100000,
            '001795100000000-00000000-00000000000000000000000000000000');
    SELECT id FROM main.entry_ids WHERE uid = '019aee00-0000-7000-8000-000000000001'"
# A new journal: schema.sql with the section appended still builds from nothing.
fresh="$work/fresh.sqlite3"
sqlite3 -bail "$fresh" < "$here/../../Sources/Journal/Storage/schema.sql"
got=$(sqlite3 "$fresh" "PRAGMA integrity_check; PRAGMA foreign_key_check; SELECT count(*) FROM replica_clocks WHERE self = 1")
if [ "$got" = "$(printf 'ok\n1')" ]; then echo "ok   schema.sql builds a new journal"; else echo "FAIL new journal: $got"; exit 1; fi
echo "all checks passed"
