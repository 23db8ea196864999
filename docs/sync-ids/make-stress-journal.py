#!/usr/bin/env python3
"""Makes a journal of the shipped schema full of the cases the migration must get right, for check-migration.sh.

    docs/sync-ids/make-stress-journal.py OUT.sqlite3 [ENTRIES] [SEED]

It starts from an empty journal made by the journal binary (so the schema is the shipped one), then
writes rows straight into it with sqlite3: created_at drawn from a few seconds so that many records
share a recording second, a clock that goes back (created_at not in id order), entries imported with
old created_at, reviews and red-flag reviews with through ids both inside and outside their second,
deleted entries and check-ins with undo copies in change_entries / change_checkins, PSFS ratings,
the plan's earlier doses (two since the journal began for one exercise) and their undo copies.
Prints the seed; the same seed makes the same rows.
"""
import os, random, subprocess, sys, tempfile

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else random.SystemRandom().randrange(2**32)
print(f"seed {seed}", file=sys.stderr)
rng = random.Random(seed)
binary = os.environ.get("JOURNAL_BIN", "/work/main/.build-static/release/journal")

home = tempfile.mkdtemp()
env = dict(os.environ, HOME=home, JOURNAL_DB=out, JOURNAL_NOW="1795000000", NO_COLOR="1")
if os.path.exists(out):
    os.remove(out)
# `journal checkin` makes the file with every migration applied; its row is kept.
subprocess.run([binary, "checkin", "--pain", "3"], env=env, check=True, capture_output=True)

exercises = ["glute-bridge", "bird-dog", "pelvic-tilt", "side-plank"]
flags = ["fever", "night-pain", "one-leg", "both-legs"]
base = 1795000000
sql = ["BEGIN;"]
def created():
    # Few distinct seconds, so ties are common; sometimes far back (an import, a clock gone back).
    return base + rng.choice([0, 1, 2, 3, 5, 8]) * 60 + rng.randrange(3) if rng.random() < 0.9 else base - rng.randrange(10**6)
entry_ids, checkin_ids = [], [1]
for i in range(1, count + 1):
    c = created()
    sql.append(f"INSERT INTO entries (id, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, created_at) "
               f"VALUES ({i}, '{rng.choice(exercises)}', {c - rng.randrange(4000)}, 0, 1, {rng.randrange(11)}, {rng.randrange(11)}, {c});")
    entry_ids.append(i)
    if rng.random() < 0.3:
        k = len(checkin_ids) + 1
        c2 = created()
        sql.append(f"INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES ({k}, {c2 - rng.randrange(4000)}, 0, {rng.randrange(11)}, {c2});")
        for f in rng.sample(flags, rng.randrange(3)):
            sql.append(f"INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES ({k}, '{f}');")
        checkin_ids.append(k)
    if rng.random() < 0.02:
        c3 = created()
        sql.append(f"INSERT INTO reviews (exercise_id, reviewed_at, utc_offset, created_at, through_entry_id) "
                   f"VALUES ('{rng.choice(exercises)}', {c3 - rng.randrange(3000)}, 0, {c3}, {rng.choice(entry_ids)});")
        c4 = created()
        sql.append(f"INSERT INTO red_flag_reviews (reviewed_at, utc_offset, created_at, through_checkin_id) "
                   f"VALUES ({c4 - rng.randrange(3000)}, 0, {c4}, {rng.choice(checkin_ids)});")
# Deletes with undo copies (as `journal delete` and `journal checkins delete` keep them), and edits.
for n in range(1, 9):
    sql.append(f"INSERT INTO changes (id, kind, made_at) VALUES ({100 + n}, '{rng.choice(['delete', 'edit', 'checkin-delete'])}', {base + 900});")
    victim = rng.choice(entry_ids)
    sql.append(f"INSERT INTO change_entries (change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at) "
               f"SELECT {100 + n}, 'restore', id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM entries WHERE id = {victim};")
    if n % 2:
        sql.append(f"DELETE FROM entries WHERE id = {victim};")
    cvictim = rng.choice(checkin_ids[1:] or [1])
    sql.append(f"INSERT INTO change_checkins (change_id, action, id, performed_at, utc_offset, pain, note, created_at, red_flags) "
               f"SELECT {100 + n}, 'restore', id, performed_at, utc_offset, pain, note, created_at, "
               f"(SELECT group_concat(red_flag) FROM checkin_red_flags WHERE checkin_id = checkins.id) FROM checkins WHERE id = {cvictim};")
    if n % 2:
        sql.append(f"DELETE FROM checkins WHERE id = {cvictim};")
sql.append(f"INSERT INTO psfs_activities (activity, added_at, utc_offset, created_at) VALUES ('Socks', {base}, 0, {base}), ('Sitting', {base}, 0, {base});")
for _ in range(50):
    sql.append(f"INSERT INTO psfs_ratings (activity_id, rated_at, utc_offset, score, created_at) VALUES ({rng.choice([1, 2])}, {base}, 0, {rng.randrange(11)}, {created()});")
# The plan's earlier doses (v22): two in force since the journal began (NULL, which UNIQUE lets
# repeat; the later is the one in force) and a dated one, with a kept copy of them for undo.
sql.append("INSERT INTO plan_history (exercise_id, since, sets, reps, per_week) VALUES "
           "('glute-bridge', NULL, 2, 8, 3), ('glute-bridge', NULL, 2, 10, 4), ('glute-bridge', '2026-10-01', 3, 8, 5);")
sql.append(f"INSERT INTO changes (id, kind, made_at, subject) VALUES (201, 'plan', {base + 900}, 'glute-bridge');")
sql.append("INSERT INTO change_plan_history (change_id, exercise_id, since, sets, reps, hold_seconds, per_week) "
           "SELECT 201, exercise_id, since, sets, reps, hold_seconds, per_week FROM plan_history;")
# An id deleted at the top: the counter stays above every id in use.
sql.append(f"UPDATE sqlite_sequence SET seq = seq + 3 WHERE name = 'entries';")
sql.append("COMMIT;")
subprocess.run(["sqlite3", "-bail", out], input="PRAGMA foreign_keys = ON;\n" + "\n".join(sql), text=True, check=True)
