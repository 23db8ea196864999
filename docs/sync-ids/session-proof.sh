#!/bin/sh
# What SQLite's session extension records for each kind of store write under the record-ids schema,
# shown with the sqlite3 CLI's own `.session` (Debian's sqlite3 is built with it) and decoded by
# changeset.py. Each step is one transaction with a session attached to the synced tables only,
# as ChangesetRecorder attaches one; the SQL is what the store would run.
#
#   docs/sync-ids/session-proof.sh JOURNAL.sqlite3     (a journal of the shipped schema: make-journal.sh makes one)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite3"
cp "$1" "$db"
{ echo "PRAGMA foreign_keys = OFF; BEGIN;"; awk '/^-- migration: v26-record-ids$/{on=1} on' "$here/../../Sources/Journal/Storage/schema.sql"; echo "COMMIT;"; } | sqlite3 -bail "$db"

synced="entries checkins checkin_red_flags reviews red_flag_reviews psfs_activities psfs_ratings plan plan_history exercises settings"
n=0
step() { # title, SQL run inside the transaction with the session attached
    n=$((n + 1))
    {
        echo ".bail on"
        echo "PRAGMA foreign_keys = ON;"
        echo ".session open main s"
        for t in $synced; do echo ".session s attach $t"; done
        # The CLI's session also takes every table it is not told to leave out (it sets a table
        # filter); ChangesetRecorder attaches only the synced tables and sets none.
        echo ".session s filter *_ids changes change_* replica_clocks sqlite_*"
        echo "BEGIN IMMEDIATE;"
        echo "$2"
        echo ".session s changeset $work/$n.changeset"
        echo "COMMIT;"
        echo ".session s close"
    } > "$work/$n.sql"
    echo "== $n. $1"
    out=$(sqlite3 -batch "$db" < "$work/$n.sql")
    [ -z "$out" ] || echo "$out" | sed 's/^/   result: /'
    python3 "$here/changeset.py" "$work/$n.changeset" | sed 's/^/   changeset: /'
}
show() { sqlite3 -batch "$db" "$1" | sed 's/^/   /'; }

# The reading the clock takes for a transaction (HybridLogicalClock.send): here a fixed one.
r1='001795100000000-00000000-00000000000000000000000000000000'
step "journal log: an entry under a new uid; the trigger gives it the next alias, which does not travel" "
INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, reps, pain_before, pain_after, created_at, recorded)
VALUES ('019aee10-0000-7000-8000-00000000000a', 'glute-bridge', 1795100000, 0, 3, 10, 2, 2, 1795100000, '$r1');
UPDATE replica_clocks SET last = '$r1' WHERE self = 1;"
show "SELECT 'alias ' || id || ' -> ' || uid FROM entry_ids WHERE uid = '019aee10-0000-7000-8000-00000000000a'"

step "journal delete 9: the row goes (a tombstone when recorded with a reading); the alias stays, naming the old uid" "
INSERT INTO changes (kind, made_at) VALUES ('delete', 1795100100);
INSERT INTO change_entries (change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                            pain_before, pain_after, note, created_at, recorded)
SELECT last_insert_rowid(), 'restore', a.id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
       pain_before, pain_after, note, created_at, recorded
FROM entries JOIN entry_ids AS a USING (uid) WHERE a.id = 9;
DELETE FROM entries WHERE uid = (SELECT uid FROM entry_ids WHERE id = 9);"

step "journal undo (of that delete): the copy goes back under a NEW uid, alias 9 re-pointed first, same 'recorded'" "
UPDATE entry_ids SET uid = '019aee10-0000-7000-8000-00000000000b' WHERE id = 9;
INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after,
                     note, created_at, recorded)
SELECT '019aee10-0000-7000-8000-00000000000b', exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
       pain_before, pain_after, note, created_at, recorded
FROM change_entries WHERE change_id = (SELECT max(id) FROM changes) AND action = 'restore' AND id = 9;
UPDATE changes SET undone = 1 WHERE id = (SELECT max(id) FROM changes);"
show "SELECT 'alias ' || id || ' -> ' || uid FROM entry_ids WHERE id = 9;
      SELECT 'entry_ids counter ' || seq FROM sqlite_sequence WHERE name = 'entry_ids'"

step "journal checkins delete 2: the red flags go with it (ON DELETE CASCADE), recorded too" "
DELETE FROM checkins WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 2);"

step "journal checkins edit 1 --red-flag fever, as today (delete and insert again): one UPDATE of the row, the flag an INSERT" "
CREATE TEMP TABLE kept AS SELECT * FROM checkins WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 1);
DELETE FROM checkins WHERE uid = (SELECT uid FROM kept);
INSERT INTO checkins SELECT uid, performed_at, utc_offset, 5, note, created_at, recorded FROM kept;
INSERT INTO checkin_red_flags (checkin_uid, red_flag) SELECT uid, 'fever' FROM kept;
DROP TABLE kept;"

step "journal checkins edit 1 --no-red-flags: the flag's row stays, present 0 (a deleted key could never come back)" "
UPDATE checkin_red_flags SET present = 0 WHERE checkin_uid = (SELECT uid FROM checkin_ids WHERE id = 1);"

step "journal checkins edit 1 --red-flag fever again: present 1 (an upsert)" "
INSERT INTO checkin_red_flags (checkin_uid, red_flag) SELECT uid, 'fever' FROM checkin_ids WHERE id = 1
ON CONFLICT (checkin_uid, red_flag) DO UPDATE SET present = 1;"

step "journal plan remove bird-dog: an UPDATE of removed, the key kept" "
UPDATE plan SET removed = 1 WHERE exercise_id = 'bird-dog';"

step "journal config unset region: value NULL, the key kept" "
UPDATE settings SET value = NULL WHERE name = 'region';"

r2='001795100200000-00000000-00000000000000000000000000000000'
step "journal resume glute-bridge: 'seen' is every replica's latest reading, this one's being the review's own" "
INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
SELECT '019aee10-0000-7000-8000-00000000000c', 'glute-bridge', 1795100200, 0, NULL, 1795100200,
       json_group_object(replica, CASE self WHEN 1 THEN '$r2' ELSE last END)
FROM (SELECT * FROM replica_clocks ORDER BY replica);
UPDATE replica_clocks SET last = '$r2' WHERE self = 1;"

echo "== $((n + 1)). Why the implicit rowid of a uid-keyed table cannot be the alias: no AUTOINCREMENT, so the"
echo "   rowid of the latest record is given again once it is deleted (and VACUUM may renumber rowids)"
sqlite3 -batch "$work/rowid.sqlite3" "
CREATE TABLE t (uid TEXT PRIMARY KEY, v INTEGER);
INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3);
SELECT 'rowids:                   ' || group_concat(uid || '=' || rowid, ' ') FROM t;
DELETE FROM t WHERE uid = 'c';
INSERT INTO t (uid, v) VALUES ('d', 4);
SELECT 'c deleted, then d added:  ' || group_concat(uid || '=' || rowid, ' ') FROM t;" | sed 's/^/   /'
