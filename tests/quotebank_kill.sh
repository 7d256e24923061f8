#!/bin/sh
# quotebank_kill.sh - whosaid index killed with SIGKILL in the middle of a run
# leaves a valid database that keeps every committed batch, and a rerun
# completes the set without duplicates.
#
# usage: sh tests/quotebank_kill.sh path/to/whosaid
#
# The input is generated: the fixture articles repeated with distinct ids.
# Needs the sqlite3 shell (Debian package sqlite3).

W=${1:-}
if [ -z "$W" ] || [ ! -x "$W" ]; then
    echo "usage: sh tests/quotebank_kill.sh path/to/whosaid" >&2
    exit 2
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "quotebank kill: FAIL: the sqlite3 shell is missing (sh tools/deps.sh installs it)"
    exit 1
fi
FIX=$(cd "$(dirname "$0")/fixtures/quotebank" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-kill.XXXXXX") || exit 2
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP
pass=0
failed=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; }

REPS=${WS_KILL_REPS:-1000}
# 4 fixture articles x REPS, each id made unique: r17-qb-1 ...
cat "$FIX/articles.jsonl" "$FIX/hostile.jsonl" |
    awk -v n="$REPS" '{ l[NR] = $0 } END { for (i = 1; i <= n; i++) for (j = 1; j <= NR; j++) {
        s = l[j]; sub(/"id": "/, "\"id\": \"r" i "-", s); print s } }' >"$tmp/many.jsonl"
total=$(wc -l <"$tmp/many.jsonl" | tr -d ' ')
per_set=$("$W" --jsonl --format jsonl "$FIX/articles.jsonl" "$FIX/hostile.jsonl" |
    grep -o '"type":"\(direct\|mixed\|indirect\)"' | wc -l | tr -d ' ')
DB=$tmp/kill.db
sql() { sqlite3 "$DB" "$1" 2>/dev/null; }

# small batches, so that the kill lands between commits and within one
"$W" index --quiet --batch 20 --db "$DB" "$tmp/many.jsonl" 2>"$tmp/err1" &
pid=$!
n=0
i=0
while [ "$i" -lt 2000 ]; do # wait for some committed batches (at most ~100 s)
    n=$(sql 'SELECT count(*) FROM articles')
    [ "${n:-0}" -ge 200 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
    i=$((i + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
rc=$?
pid=
after_kill=$(sql 'SELECT count(*) FROM articles')
if [ "$rc" -eq 137 ] && [ "${after_kill:-0}" -gt 0 ] && [ "$after_kill" -lt "$total" ]; then
    ok "index killed with SIGKILL after $after_kill of $total articles were committed"
else
    bad "index killed mid-run (exit $rc, $after_kill of $total committed; try a larger WS_KILL_REPS)"
fi

if [ "$(sql 'PRAGMA integrity_check')" = ok ] &&
    [ "$(sql "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1); SELECT 1")" = 1 ]; then
    ok "after the kill: PRAGMA integrity_check is ok, and so is the FTS5 index"
else
    bad "after the kill: integrity check"
fi

# every committed article is whole: all its quotes are there
whole=$(sql "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) =
             (SELECT count(*) FROM quotes q JOIN articles b ON b.id = q.article_id
              WHERE b.ext_id = 'r1-' || substr(a.ext_id, instr(a.ext_id, '-') + 1))")
if [ "$whole" = "$after_kill" ] && [ "$(sql 'SELECT count(*) FROM quotes')" -eq $((after_kill * per_set / 4)) ] 2>/dev/null; then
    ok "every committed article has all its quotes (no half-written article)"
else
    bad "committed articles are whole ($whole of $after_kill)"
fi

"$W" index --batch 20 --db "$DB" "$tmp/many.jsonl" 2>"$tmp/err2"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "$((total - after_kill)) added, 0 replaced, $after_kill unchanged, 0 failed" "$tmp/err2"; then
    ok "the rerun skips the $after_kill committed articles and adds the rest"
else
    bad "the rerun resumes (exit $rc: $(head -n 1 "$tmp/err2"))"
fi

if [ "$(sql 'SELECT count(*) FROM articles')" = "$total" ] &&
    [ "$(sql 'SELECT count(DISTINCT ext_id) FROM articles')" = "$total" ] &&
    [ "$(sql 'SELECT count(*) FROM quotes')" = $((REPS * per_set)) ] &&
    [ "$(sql 'SELECT count(*) FROM quotes_fts')" = $((REPS * per_set)) ] &&
    [ "$(sql 'PRAGMA integrity_check')" = ok ]; then
    ok "the full set: $total articles, $((REPS * per_set)) quotes, no duplicates, integrity ok"
else
    bad "the full set after the rerun ($(sql 'SELECT count(*) FROM articles') articles, $(sql 'SELECT count(*) FROM quotes') quotes)"
fi

printf '%s passed, %s failed\n' "$pass" "$failed"
[ "$failed" -eq 0 ]
