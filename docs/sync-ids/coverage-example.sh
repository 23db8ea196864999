#!/bin/sh
# The example in docs/sync-ids.md, "Recorded before it, across replicas", evaluated by sqlite3:
# the work computer's clock is 10 minutes slow. The laptop (replica aaaa…) records a review at
# 12:00; at 12:05 real time the work computer (replica bbbb…), not yet synced, records a painful
# session; its clock reads 11:55. Comparing readings alone covers the session; the `seen` rule,
# the one v17 stores, does not. A later review that had merged the session covers it.
set -eu
sqlite3 -batch :memory: "
CREATE TABLE readings (name TEXT, recorded TEXT, performed_at INTEGER);
-- 2026-12-07 11:55 UTC on the work computer; the last reading the laptop had merged from it was 11:30.
INSERT INTO readings VALUES ('session on the work computer',
    '001796644500000-00000000-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1796644500);
CREATE TABLE reviews (name TEXT, reading TEXT, reviewed_at INTEGER, seen TEXT);
INSERT INTO reviews VALUES ('review on the laptop at 12:00, before any sync',
    '001796644800000-00000000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1796644800,
    json_object('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '001796644800000-00000000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
                'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '001796643000000-00000000-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'));
INSERT INTO reviews VALUES ('review on the laptop at 12:20, after a sync',
    '001796646000000-00000000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1796646000,
    json_object('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '001796646000000-00000000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
                'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '001796644500000-00000000-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'));
SELECT r.name || ':' || char(10)
    || '  readings alone: ' || CASE WHEN e.performed_at <= r.reviewed_at AND e.recorded < r.reading
                                    THEN 'covered' ELSE 'stands' END || char(10)
    || '  seen (v17):     ' || CASE WHEN e.performed_at <= r.reviewed_at AND EXISTS (
                                        SELECT 1 FROM json_each(r.seen) AS s
                                        WHERE s.key = substr(e.recorded, 26) AND e.recorded <= s.value)
                                    THEN 'covered' ELSE 'stands' END
FROM readings AS e, reviews AS r;"
