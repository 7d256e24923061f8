#!/bin/sh
# Peak memory on a 1 GB input (issue 4: under 64 MB). The corpus is never
# written to disk: the PolNeAR train texts (or examples/summit.txt when
# ../shared is absent) are repeated into a pipe until GB gigabytes have
# gone through, and whosaid --jsonl reads the pipe. /usr/bin/time reports
# the peak RSS (its %M), the seconds and the throughput.
# usage: bench/rss_1g.sh [GB] [THREADS...]     (default: 1 GB, -j1 and -j2)
set -e
cd "$(dirname "$0")/.."
GB=${1:-1}
[ $# -gt 0 ] && shift
THREADS=${*:-1 2}
BIN=${BIN:-build/whosaid}
SHARED=${SHARED:-../shared}
[ -x "$BIN" ] || make -s
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$SHARED/data/polnear/train.jsonl" ]; then
  src="$SHARED/data/polnear/train.jsonl"
else
  python3 -c 'import json; print(json.dumps({"id": "x", "text": open("examples/summit.txt").read()}))' > "$tmp/seed.jsonl"
  src="$tmp/seed.jsonl"
fi
size=$(wc -c < "$src")
reps=$(( (GB * 1000000000 + size - 1) / size ))
total=$((reps * size))
echo "input: $reps copies of $src through a pipe, $total bytes; machine: $(nproc) cores"
echo "| run | seconds | MB/s | peak RSS |"
echo "|---|---|---|---|"
for j in $THREADS; do
  i=0
  { while [ $i -lt $reps ]; do cat "$src"; i=$((i + 1)); done; } |
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$BIN" -j"$j" --jsonl --format jsonl --quiet - > /dev/null
  set -- $(tail -n 1 "$tmp/time")
  awk -v s="$1" -v m="$2" -v t="$total" -v j="$j" \
    'BEGIN { printf "| whosaid -j%s, %.1f GB | %.1f | %.1f | %.1f MB |\n", j, t / 1e9, s, t / s / 1e6, m / 1024 }'
done
