#!/bin/sh
# Throughput benchmark: whosaid --jsonl over a corpus built from the PolNeAR
# train texts (or a generated one when ../shared is absent), side by side with
# `wc -w` on the same text as the floor. usage: bench/run.sh [MB]
set -e
cd "$(dirname "$0")/.."
MB=${1:-20}
BIN=build/whosaid
SHARED=${SHARED:-../shared}
[ -x "$BIN" ] || make -s
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$SHARED/data/polnear/train.jsonl" ]; then
  src="$SHARED/data/polnear/train.jsonl"
  echo "corpus: PolNeAR train texts repeated to ${MB} MB"
else
  echo "corpus: ../shared absent; generated from examples/ (${MB} MB)"
  python3 -c 'import json,sys; t=open("examples/summit.txt").read(); print(json.dumps({"id":"x","text":t}))' > "$tmp/seed.jsonl"
  src="$tmp/seed.jsonl"
fi
: > "$tmp/corpus.jsonl"
while [ "$(wc -c < "$tmp/corpus.jsonl")" -lt $((MB * 1000000)) ]; do
  cat "$src" >> "$tmp/corpus.jsonl"
done
size=$(wc -c < "$tmp/corpus.jsonl")
lines=$(wc -l < "$tmp/corpus.jsonl")
t0=$(date +%s.%N); "$BIN" --jsonl --format jsonl "$tmp/corpus.jsonl" > /dev/null; t1=$(date +%s.%N)
w0=$(date +%s.%N); wc -w "$tmp/corpus.jsonl" > /dev/null; w1=$(date +%s.%N)
rss=$( { /usr/bin/time -f '%M' "$BIN" --jsonl --format jsonl "$tmp/corpus.jsonl" > /dev/null; } 2>&1 | tail -n 1 ) || rss=?
awk -v s="$size" -v n="$lines" -v a="$t0" -v b="$t1" -v c="$w0" -v d="$w1" -v r="$rss" 'BEGIN {
  t = b - a; w = d - c;
  printf "| tool | seconds | MB/s | articles/s | peak RSS |\n|---|---|---|---|---|\n";
  printf "| whosaid -j1 | %.2f | %.1f | %.0f | %s KB |\n", t, s / t / 1e6, n / t, r;
  printf "| wc -w (floor) | %.2f | %.1f | | |\n", w, s / w / 1e6;
  printf "whosaid time / wc -w time: %.1fx\n", t / w }'
