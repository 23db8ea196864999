#!/bin/sh
# Measures, with the sqlite3 CLI, what the record-ids section costs on a large journal: the migration itself, and
# reading every entry with its alias (the join through entry_ids) against reading them without.
#
#   docs/sync-ids/measure.sh [ENTRIES]      (default 100000; makes its own journal, seed 1)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=${1:-100000}
python3 "$here/make-stress-journal.py" "$work/j.sqlite3" "$count" 1 2>/dev/null
echo "entries: $(sqlite3 "$work/j.sqlite3" 'SELECT count(*) FROM entries')," \
     "size before: $(wc -c < "$work/j.sqlite3") bytes"
start=$(date +%s%N)
{ echo "PRAGMA foreign_keys = OFF; BEGIN;"; awk '/^-- migration: v26-record-ids$/{on=1} on' "$here/../../Sources/Journal/Storage/schema.sql"; echo "COMMIT;"; } | sqlite3 -bail "$work/j.sqlite3"
end=$(date +%s%N)
sqlite3 "$work/j.sqlite3" "VACUUM"
echo "migration: $(( (end - start) / 1000000 )) ms; size after (vacuumed): $(wc -c < "$work/j.sqlite3") bytes"
time_query() { # label, SQL; the best of 5 runs
    best=
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        sqlite3 "$work/j.sqlite3" "$2" > /dev/null
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$1: best of 5 $best ms"
}
time_query "every entry, no alias      " "SELECT * FROM entries ORDER BY performed_at, uid"
time_query "every entry with its alias " "SELECT a.id, e.* FROM entries AS e JOIN entry_ids AS a USING (uid) ORDER BY performed_at, uid"
time_query "one entry by alias         " "SELECT * FROM entries WHERE uid = (SELECT uid FROM entry_ids WHERE id = $((count / 2)))"
time_query "sqlite3 start-up, no query " "SELECT 1"
