#!/bin/sh
# Makes a small real journal with a built journal binary: entries, check-ins with red flags,
# reviews (resume, resume --red-flags), PSFS activities and ratings, a plan, a custom exercise,
# a setting, edits, deletes and undos. Two entries are recorded in the same second as a review
# (one before it, one after), so the migration's "recorded before" readings are exercised.
#
#   docs/sync-ids/make-journal.sh OUT.sqlite3 [JOURNAL_BINARY]
set -eu
out=$1
bin=${2:-/work/main/.build-static/release/journal}
HOME=$(mktemp -d)
export HOME
export JOURNAL_DB="$HOME/j.sqlite3"
export NO_COLOR=1 TZ=UTC
j() { "$bin" "$@" >/dev/null 2>&1 || { echo "failed: journal $*" >&2; exit 1; }; }
at() { JOURNAL_NOW=$1; export JOURNAL_NOW; }

at 1795000000
j exercises add my-stretch --name "My stretch" --category stretch --hold
j config set region GB
j plan set glute-bridge --sets 3 --reps 10 --per-week 5
j plan set bird-dog --sets 2 --reps 8 --per-week 3
j plan set my-stretch --sets 1 --hold 30 --per-week 7
at 1795000100; j log glute-bridge --pain-before 3 --pain-after 3 --sets 3 --reps 10
at 1795000200; j log glute-bridge --pain-before 3 --pain-after 5 --sets 3 --reps 10   # a rise: hold
at 1795000300; j log bird-dog --pain-before 2 --pain-after 2 --reps 8 --side left --note "fine"
at 1795000400; j checkin --pain 4 --note "stiff morning"
at 1795000500; j checkin --pain 6 --red-flag night-pain --red-flag fever
# Same second: an entry before the review, the review, an entry after it.
at 1795000600
j log glute-bridge --pain-before 2 --pain-after 6 --at "2026-11-18 11:16"
j resume glute-bridge --note "physio: carry on, fewer reps"
j log glute-bridge --pain-before 2 --pain-after 6 --at "2026-11-18 11:16"
j checkin --pain 5 --red-flag one-leg
j resume --red-flags --note "GP saw me"
j checkin --pain 5 --red-flag night-pain --at "2026-11-18 11:16"
at 1795000700; j psfs add "Putting on socks"
at 1795000701; j psfs add "Sitting for an hour"
at 1795000702; j psfs rate 1 4
at 1795000703; j psfs rate 2 6 --note "better after walk"
at 1795000800; j log my-stretch --pain-before 3 --pain-after 2 --hold 30
at 1795000900; j edit 1 --pain-after 2 --note "edited"
at 1795001000; j delete 3 --yes
at 1795001100; j log bird-dog --pain-before 2 --pain-after 1 --reps 8 --side right
at 1795001200; j delete 7 --yes
at 1795001300; j undo                      # brings entry 7 back
at 1795001400; j checkins edit 1 --pain 3
at 1795001500; j psfs remove 2
at 1795001600; j plan remove bird-dog
at 1795001700; j undo                      # bird-dog back on the plan
at 1795001800; j log pelvic-tilt --pain-before 1 --pain-after 1 --reps 10
at 1795001900; j undo                      # the log of pelvic-tilt undone: an id at the top left unused
at 1795002000; j psfs rate 1 5
cp "$JOURNAL_DB" "$out"
rm -rf "$HOME"
