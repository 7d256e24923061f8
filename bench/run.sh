#!/bin/sh
# Throughput benchmark (one command; README "Benchmark"):
#   whosaid --jsonl at -j1 and -j2 over a corpus of at least MB megabytes built
#   from the PolNeAR train texts (generated from examples/ when ../shared is
#   absent), side by side in the same run with `wc -w` on the same file (the
#   floor) and with npm compromise's quotations() on a 1 MB slice (the peer).
#   Also the scaling check: the time for a tenth of the corpus, times ten.
#   Each timing is the best of REPS runs (default 3), taken in turns: the
#   machine may be shared, and the best run is the one least disturbed.
# usage: bench/run.sh [MB]      (default 100; REPS=N in the environment)
set -e
cd "$(dirname "$0")/.."
MB=${1:-100}
BIN=${BIN:-build/whosaid}
SHARED=${SHARED:-../shared}
[ -x "$BIN" ] || make -s
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$SHARED/data/polnear/train.jsonl" ]; then
  src="$SHARED/data/polnear/train.jsonl"
  what="PolNeAR train texts, repeated"
else
  python3 -c 'import json; print(json.dumps({"id": "x", "text": open("examples/summit.txt").read()}))' > "$tmp/seed.jsonl"
  src="$tmp/seed.jsonl"
  what="generated from examples/summit.txt (../shared absent)"
fi
: > "$tmp/corpus.jsonl"
while [ "$(wc -c < "$tmp/corpus.jsonl")" -lt $((MB * 1000000)) ]; do cat "$src" >> "$tmp/corpus.jsonl"; done
head -c $((MB * 100000)) "$tmp/corpus.jsonl" | sed '$d' > "$tmp/tenth.jsonl"
size=$(wc -c < "$tmp/corpus.jsonl"); lines=$(wc -l < "$tmp/corpus.jsonl")
tsize=$(wc -c < "$tmp/tenth.jsonl")

# One run of a command, stdout discarded; keeps in $tmp/NAME the best
# elapsed and CPU (user + system) seconds and the largest peak RSS (KB) so
# far. The runs of the different commands take turns, REPS rounds (default
# 3), so that a burst of load from other users of a shared machine does not
# fall on all the runs of one of them.
REPS=${REPS:-3}
run_once() {
  name=$1; shift
  /usr/bin/time -f '%e %U %S %M' "$@" > /dev/null 2> "$tmp/time" || true
  tail -n 1 "$tmp/time" > "$tmp/time.last"
  read -r t u k m < "$tmp/time.last"
  c=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')
  if [ -f "$tmp/$name" ]; then read -r bt bc bm < "$tmp/$name"; else bt=$t bc=$c bm=$m; fi
  awk -v t="$t" -v c="$c" -v m="$m" -v bt="$bt" -v bc="$bc" -v bm="$bm" \
    'BEGIN { printf "%s %s %s\n", (t < bt ? t : bt), (c < bc ? c : bc), (m > bm ? m : bm) }' > "$tmp/$name"
}
result() { cat "$tmp/$1"; }

load0=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
r=0
while [ $r -lt "$REPS" ]; do
  run_once j1 "$BIN" -j1 --jsonl --format jsonl --quiet "$tmp/corpus.jsonl"
  run_once j2 "$BIN" -j2 --jsonl --format jsonl --quiet "$tmp/corpus.jsonl"
  run_once wc wc -w "$tmp/corpus.jsonl"
  run_once tenth "$BIN" -j1 --jsonl --format jsonl --quiet "$tmp/tenth.jsonl"
  r=$((r + 1))
done
set -- $(result j1); j1=$1; j1cpu=$2; j1rss=$3
set -- $(result j2); j2=$1; j2cpu=$2; j2rss=$3
set -- $(result wc); wc=$1; wccpu=$2
set -- $(result tenth); tenth=$1; tenthcpu=$2
load1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')

# the peer, on a 1 MB slice of the texts
peer="not run (node or npm compromise unavailable)"
if command -v node >/dev/null 2>&1; then
  if [ ! -d bench/node_modules/compromise ]; then
    (cd bench && npm install --no-save --silent compromise@14 > /dev/null 2>&1) || true
  fi
  if [ -d bench/node_modules/compromise ]; then
    head -c 1000000 "$tmp/corpus.jsonl" | sed '$d' > "$tmp/slice.jsonl"
    r=0; while [ $r -lt "$REPS" ]; do run_once slice "$BIN" -j1 --jsonl --format jsonl --quiet "$tmp/slice.jsonl"; r=$((r + 1)); done
    set -- $(result slice); ws_slice=$1
    peer=$(cd bench && node compromise_quotes.js "$tmp/slice.jsonl")
  fi
fi

echo "corpus: $what; $size bytes, $lines articles; machine: $(nproc) cores; load average $load0 before, $load1 after"
awk -v s="$size" -v n="$lines" -v j1="$j1" -v j2="$j2" -v r1="$j1rss" -v r2="$j2rss" -v wc="$wc" \
    -v c1="$j1cpu" -v c2="$j2cpu" -v cwc="$wccpu" -v tenth="$tenth" -v tc="$tenthcpu" -v ts="$tsize" 'BEGIN {
  printf "| run | seconds | MB/s | articles/s | CPU seconds | MB per CPU second | peak RSS |\n";
  printf "|---|---|---|---|---|---|---|\n";
  printf "| whosaid -j1 | %.2f | %.1f | %.0f | %.2f | %.1f | %.1f MB |\n", j1, s / j1 / 1e6, n / j1, c1, s / c1 / 1e6, r1 / 1024;
  printf "| whosaid -j2 | %.2f | %.1f | %.0f | %.2f | %.1f | %.1f MB |\n", j2, s / j2 / 1e6, n / j2, c2, s / c2 / 1e6, r2 / 1024;
  printf "| wc -w (floor) | %.2f | %.1f | | %.2f | %.1f | |\n", wc, s / wc / 1e6, cwc, s / cwc / 1e6;
  printf "\nwhosaid -j1 time / wc -w time: %.1fx (CPU time: %.1fx);  -j2 speed-up over -j1: %.2fx\n",
         j1 / wc, c1 / cwc, j1 / j2;
  printf "scaling: a tenth of the corpus took %.2f s (%.2f CPU s); the whole took %.2f s (%.2f CPU s) = %.1fx (%.1fx) for %.1fx the input\n",
         tenth, tc, j1, c1, j1 / tenth, c1 / tc, s / ts }'
if [ -n "${ws_slice:-}" ]; then
  echo "$peer" | python3 -c '
import json, sys
p = json.loads(sys.stdin.read()); ws = float(sys.argv[1])
print("peer on a 1 MB slice: compromise quotations() %.2f s (%.2f MB/s, %d quotes); whosaid -j1 %.2f s; whosaid is %.0fx faster"
      % (p["seconds"], p["bytes"] / p["seconds"] / 1e6, p["quotes"], ws, p["seconds"] / ws))' "$ws_slice"
else
  echo "peer: $peer"
fi
