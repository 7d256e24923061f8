#!/bin/sh
# Linear time on pathological input (issue 6; test_pathological only checks
# that each case finishes): for each generator, the time for n and for 10n,
# and their ratio, which should stay near 10 (the bar is 11).
# usage: bench/scaling.sh [N]   (N: size of the small case in repetitions; default 20000)
set -e
cd "$(dirname "$0")/.."
N=${1:-20000}
BIN=build/whosaid
[ -x "$BIN" ] || make -s
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen() { # gen KIND REPEATS > file
  python3 - "$1" "$2" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
pieces = {
  "quote-marks": '" ',
  "nested-quotes": "\u201ca \u2018b ",
  "capitalised": "Alpha ",
  "pronouns": "he she ",
  "cue-verbs": "said ",
  "article": '"The levy is fair," Mayor Ruth Abara said on Monday, adding that it would stay. ',
  "people": None,
}
if kind == "people":
    sys.stdout.write("".join('Ann Person%d met Bo Other%d. "Yes," she said. he he. ' % (i, i) for i in range(n)))
else:
    sys.stdout.write(pieces[kind] * n)
PY
}
secs() { /usr/bin/time -f '%e' "$BIN" --format jsonl --max-article-bytes 0 "$1" > /dev/null 2> "$tmp/t"; tail -n 1 "$tmp/t"; }
printf '| input | n | time (n) | time (10n) | ratio |\n|---|---|---|---|---|\n'
for kind in quote-marks nested-quotes capitalised pronouns cue-verbs article people; do
  n=$N
  [ "$kind" = people ] && n=$((N / 4))
  gen "$kind" "$n" > "$tmp/a.txt"
  gen "$kind" $((n * 10)) > "$tmp/b.txt"
  a=$(secs "$tmp/a.txt"); b=$(secs "$tmp/b.txt")
  awk -v k="$kind" -v n="$n" -v a="$a" -v b="$b" 'BEGIN { printf "| %s | %d | %.2f s | %.2f s | %.1f |\n", k, n, a, b, (a > 0 ? b / a : 0) }'
done
