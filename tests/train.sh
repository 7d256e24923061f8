#!/bin/sh
# The learned models are reproducible: training twice on PolNeAR train gives
# byte-identical weights, and they are the weights committed in
# src/cue_weights.c, src/bound_weights.c, src/quote_weights.c, src/source_weights.c and
# src/start_weights.c.
# Skips when ../shared or liblinear is absent.
# usage: tests/train.sh BUILD_DIR SHARED_DIR
B=${1:-build}
S=${2:-../shared}
train="$S/data/polnear/train.jsonl"
if [ ! -f "$train" ]; then
    echo "skipped: $train not found"
    echo "0 passed, 0 failed"
    exit 0
fi
if ! make -s "$B/train_cues" BUILD="$B" >/dev/null 2>&1; then
    echo "skipped: cannot build $B/train_cues (liblinear-dev missing, or a sanitizer build)"
    echo "0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-train.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0
failed=0
"$B/train_cues" "$train" "$tmp/a.c" "$tmp/a_b.c" "$tmp/a_q.c" "$tmp/a_s.c" "$tmp/a_t.c" 2>/dev/null
"$B/train_cues" "$train" "$tmp/b.c" "$tmp/b_b.c" "$tmp/b_q.c" "$tmp/b_s.c" "$tmp/b_t.c" 2>/dev/null
if cmp -s "$tmp/a.c" "$tmp/b.c" && cmp -s "$tmp/a_b.c" "$tmp/b_b.c" && cmp -s "$tmp/a_q.c" "$tmp/b_q.c" &&
    cmp -s "$tmp/a_s.c" "$tmp/b_s.c" && cmp -s "$tmp/a_t.c" "$tmp/b_t.c"; then
    pass=$((pass + 1)); echo "ok   two trainings give byte-identical weights"
else
    failed=$((failed + 1)); echo "FAIL two trainings give byte-identical weights"
fi
if cmp -s "$tmp/a.c" src/cue_weights.c && cmp -s "$tmp/a_b.c" src/bound_weights.c &&
    cmp -s "$tmp/a_q.c" src/quote_weights.c && cmp -s "$tmp/a_s.c" src/source_weights.c &&
    cmp -s "$tmp/a_t.c" src/start_weights.c; then
    pass=$((pass + 1)); echo "ok   the committed weights (src/*_weights.c) are what make train produces"
else
    failed=$((failed + 1)); echo "FAIL the committed weights (src/*_weights.c) are what make train produces (run make train)"
fi
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
