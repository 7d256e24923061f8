#!/bin/sh
# Quote bank benchmark (README "Quote bank"): build a quote bank of at least
# QUOTES quotations, then time typical searches.
#
#   bench/quotebank.sh [QUOTES] [DB]     (default 1000000 quotes; DB default:
#                                         a temporary file, deleted at the end)
#
# How the database is built: by really indexing, not by synthesising rows.
# PolNeAR train + dev (../shared/data/polnear, 924 articles, about 17,800
# quotations as whosaid finds them) is repeated with distinct ids ("r12/...")
# through `whosaid index` until the bank holds QUOTES quotations (57 copies,
# 52,668 articles, for a million). Each article gets its outlet and date from
# its PolNeAR id ("train/nyt_2016-10-02_..."), copy r dated r weeks earlier,
# so dates spread over about three years. Without ../shared the demo article
# is repeated instead (dated one day apart).
#
# Each search is run as a separate `whosaid search --time` process, 11 times.
# Three medians are reported, in milliseconds: the search itself as --time
# measures it (the query and writing its hits; the figure the < 50 ms target
# is about), in wall-clock time and in CPU time (which a busy machine
# inflates less), and the whole process's wall time (start-up, opening the
# database and checking its schema included).
set -e
cd "$(dirname "$0")/.."
QUOTES=${1:-1000000}
BIN=build/whosaid
SHARED=${SHARED:-../shared}
[ -x "$BIN" ] || make -s
command -v python3 >/dev/null || { echo "bench/quotebank.sh needs python3" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench/quotebank.sh needs the sqlite3 shell" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DB=${2:-$tmp/quotebank.db}

if [ -f "$SHARED/data/polnear/train.jsonl" ]; then
    cat "$SHARED/data/polnear/train.jsonl" "$SHARED/data/polnear/dev.jsonl" >"$tmp/src.jsonl"
    what="PolNeAR train + dev, repeated with distinct ids"
else
    python3 -c 'import json; print(json.dumps({"id": "demo/valley_2024-05-01_summit", "text": open("examples/summit.txt").read()}))' >"$tmp/src.jsonl"
    what="examples/summit.txt, repeated with distinct ids (../shared absent)"
fi

# copies FIRST COUNT: the source articles, copy r with id "rR/ID", outlet and
# date from the id, the date moved back r weeks
cat >"$tmp/copies.py" <<'EOF'
import datetime, json, re, sys
src, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
arts = [json.loads(l) for l in open(src, encoding="utf-8")]
out = sys.stdout
for r in range(first, first + count):
    for a in arts:
        m = re.search(r"/([a-z-]+)_(\d{4}-\d{2}-\d{2})_", a["id"])
        rec = {"id": "r%d/%s" % (r, a["id"]), "text": a["text"]}
        if m:
            d = datetime.date.fromisoformat(m.group(2)) - datetime.timedelta(weeks=r)
            rec["outlet"], rec["date"] = m.group(1), d.isoformat()
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
EOF

ms() { date +%s%N | cut -c1-13; }
quotes() { sqlite3 "$DB" 'SELECT count(*) FROM quotes' 2>/dev/null || echo 0; }

echo "quote bank benchmark: $what"
t0=$(ms)
r=0
step=1
while [ "$(quotes)" -lt "$QUOTES" ]; do
    python3 "$tmp/copies.py" "$tmp/src.jsonl" "$r" "$step" | "$BIN" index --quiet --db "$DB" -
    r=$((r + step))
    # after the first copy, index as many copies at once as the target needs
    have=$(quotes)
    per=$((have / r))
    step=$(( (QUOTES - have + per - 1) / per ))
    [ "$step" -gt 10 ] && step=10
    [ "$step" -lt 1 ] && step=1
done
t1=$(ms)
n_art=$(sqlite3 "$DB" 'SELECT count(*) FROM articles')
n_q=$(quotes)
n_sp=$(sqlite3 "$DB" 'SELECT count(*) FROM speakers WHERE n_quotes > 0')
size=$(du -m "$DB" | cut -f1)
echo "indexed $n_art articles ($r copies): $n_q quotes, $n_sp speakers, ${size} MB, in $(( (t1 - t0) / 1000 )) s"

# the busiest speaker, and a date range of one month, for the filters
top=$("$BIN" speakers --db "$DB" --format jsonl --limit 1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["speaker"])')
echo "most quoted speaker: $top"
echo
printf '%-50s %10s %10s %12s %6s\n' "search (median of 11 runs)" "search, ms" "CPU, ms" "process, ms" "hits"

# time LABEL ARGS...: the medians of 11 runs
time_it() {
    label=$1
    shift
    : >"$tmp/times"
    : >"$tmp/cpus"
    : >"$tmp/walls"
    for i in 1 2 3 4 5 6 7 8 9 10 11; do
        a=$(date +%s%N)
        "$BIN" "$@" --time >"$tmp/out" 2>"$tmp/err"
        b=$(date +%s%N)
        sed -n 's/.* in \([0-9.]*\) ms (CPU .*/\1/p' "$tmp/err" >>"$tmp/times"
        sed -n 's/.* (CPU \([0-9.]*\) ms)$/\1/p' "$tmp/err" >>"$tmp/cpus"
        echo $(( (b - a) / 100000 )) >>"$tmp/walls"
    done
    med=$(sort -n "$tmp/times" | sed -n 6p)
    cpu=$(sort -n "$tmp/cpus" | sed -n 6p)
    wall=$(sort -n "$tmp/walls" | sed -n 6p)
    hits=$(grep -c '^{' "$tmp/out" || true)
    printf '%-50s %10s %10s %10d.%d %6s\n' "$label" "$med" "$cpu" $((wall / 10)) $((wall % 10)) "$hits"
}

time_it "word: economy" search --db "$DB" --format jsonl economy
time_it "two words: tax returns" search --db "$DB" --format jsonl tax returns
time_it "common word: people" search --db "$DB" --format jsonl people
time_it "speaker: $top (most recent first)" search --db "$DB" --format jsonl --speaker "$top"
time_it "speaker by surname + word: Clinton email*" search --db "$DB" --format jsonl --speaker Clinton 'email*'
time_it "date range: 2016-03-01..2016-03-31" search --db "$DB" --format jsonl --since 2016-03-01 --until 2016-03-31
time_it "date range + word: 2016 + immigration" search --db "$DB" --format jsonl --since 2016-01-01 --until 2016-12-31 immigration
time_it "outlet: nyt (most recent first)" search --db "$DB" --format jsonl --outlet nyt
time_it "speakers --limit 20" speakers --db "$DB" --limit 20 --format jsonl
# what starting any process costs on this machine now, for the process column
: >"$tmp/walls"
for i in 1 2 3 4 5 6 7 8 9 10 11; do
    a=$(date +%s%N)
    /bin/true
    b=$(date +%s%N)
    echo $(( (b - a) / 100000 )) >>"$tmp/walls"
done
wall=$(sort -n "$tmp/walls" | sed -n 6p)
printf '%-50s %10s %10s %10d.%d\n' "(baseline: the /bin/true process)" "" "" $((wall / 10)) $((wall % 10))
uptime | sed 's/.*\(load average\)/machine \1/'
