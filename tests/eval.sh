#!/bin/sh
# eval.sh - tests of "whosaid eval", the scorer built into the CLI.
#
# usage: sh tests/eval.sh path/to/whosaid [SHARED_DIR]
#
# 1. Invented fixtures in tests/fixtures/, with numbers worked out by hand
#    and checked with ../shared/eval/score.py when the fixtures were written:
#    - eval-rules.*: gold plus hand-written predictions that exercise
#      score.py's rules: a prediction overlapping two gold quotes by exactly
#      half each (the tie goes to the later gold quote, as Python's
#      sorted(reverse=True) on (ratio, i, j) does), trimming of marks and
#      ,.;: , two fragments, single vs double quote marks, a prediction of
#      nothing but marks (dropped), a wrong speaker, both sources null, an
#      article missing from the predictions and an error record;
#    - eval-news.*: five short news articles, and what whosaid predicted for
#      them when they were written: misses, false alarms, a pairing below 50%
#      overlap, a wrong speaker, an article with no id.
#    The figures for the stored predictions are fixed below. That
#    "whosaid eval" (which runs the library) scores exactly like
#    "whosaid eval --pred" on what "whosaid --jsonl" writes is checked
#    whatever the library predicts today.
# 2. When SHARED_DIR/data/polnear/dev.jsonl exists (SHARED_DIR defaults to
#    ../shared) and python3 is there: "whosaid eval --json" agrees with
#    score.py on whosaid's output to three decimals on every figure, and its
#    table has score.py's layout.
#
# Prints one "ok"/"FAIL" line per check and "N passed, M failed" last; exits
# non-zero when any check failed. POSIX sh.

W=${1:-}
if [ -z "$W" ] || [ ! -x "$W" ]; then
    echo "usage: sh tests/eval.sh path/to/whosaid [SHARED_DIR] (not executable: '$W')" >&2
    exit 2
fi
FX=$(dirname "$0")/fixtures
SHARED=${2:-../shared}
if [ -z "${2:-}" ] && [ ! -d "$SHARED" ] && [ -d "$(dirname "$0")/../../shared" ]; then
    SHARED=$(dirname "$0")/../../shared
fi

pass=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-eval.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP

# ok, bad
. "$(dirname "$0")/lib.sh"

# run ARGS...: whosaid with stdout, stderr and status in $tmp/out, $tmp/err, $rc
run() {
    "$W" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    : >"$tmp/diff"
}

# same FILE: stdout equals FILE (the difference goes to $tmp/diff)
same() { diff "$1" "$tmp/out" >"$tmp/diff" 2>&1; }

has() { grep -Fq -- "$2" "$1"; }

# ---- 1. the rules fixture -------------------------------------------------------

cat >"$tmp/rules.expected" <<'EOF'
MISS        r-ties  indirect
    Mo said [[0123456789]]abcdefghij today.
    cue: said | source: Mo
MISS        r-missing  indirect
    Nobody said [[anything]].
    cue: said | source: Nobody
MISS        r-error  indirect
    Officials said [[the road is open]].
    cue: said | source: Officials
3 misses, 0 false alarms (no partner at overlap >= 0.5)

exact                  P 0.667  R 0.333  F1 0.444
overlap                P 1.000  R 0.500  F1 0.667
any_overlap            P 1.000  R 0.500  F1 0.667
end_to_end             P 0.667  R 0.333  F1 0.444
marked_overlap         P 3.000  R 1.000  F1 1.500
marked_end_to_end      P 2.000  R 0.667  F1 1.000
speaker_accuracy       0.500
marked_speaker_accuracy 0.500
counts                 {'gold': 6, 'pred': 3, 'exact': 2, 'overlap': 3, 'any': 3, 'spk_n': 2, 'spk_ok': 1, 'e2e': 2, 'm_gold': 3, 'm_pred': 1, 'm_overlap': 3, 'm_e2e': 2, 'm_spk_n': 2, 'm_spk_ok': 1}
missing_docs           1

gold type       n  R exact  R overlap  R any  R e2e  speaker     of
direct          2    1.000      1.000  1.000  0.500    0.500      2
mixed           1    0.000      1.000  1.000  1.000        -      0
indirect        3    0.000      0.000  0.000  0.000        -      0
EOF
run eval "$FX/eval-rules.gold.jsonl" --pred "$FX/eval-rules.pred.jsonl" --errors
if [ "$rc" -eq 0 ] && same "$tmp/rules.expected" && [ ! -s "$tmp/err" ]; then
    ok "rules fixture: ties, trimming, marks, speakers, missing and error records"
else
    bad "rules fixture: ties, trimming, marks, speakers, missing and error records"
fi

run eval "$FX/eval-rules.gold.jsonl" --pred "$FX/eval-rules.pred.jsonl" --json
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 1 ] &&
    has "$tmp/out" '{"exact": [0.66666666666666663, 0.33333333333333331, 0.44444444444444442], "overlap": [1.0, 0.5, ' &&
    has "$tmp/out" '"speaker_accuracy": 0.5, "marked_speaker_accuracy": 0.5, "counts": {"gold": 6, "pred": 3, "exact": 2, "overlap": 3, "any": 3, "spk_n": 2, "spk_ok": 1, "e2e": 2, "m_gold": 3, "m_pred": 1, "m_overlap": 3, "m_e2e": 2, "m_spk_n": 2, "m_spk_ok": 1}, "missing_docs": 1, "by_type": {"direct": {"gold": 2, "exact": 2, "overlap": 2, "any": 2, "e2e": 1, "spk_n": 2, "spk_ok": 1, "recall_exact": 1.0,' &&
    has "$tmp/out" '"any_overlap": [1.0, 0.5, 0.66666666666666663], "end_to_end": [0.66666666666666663, 0.33333333333333331, 0.44444444444444442], "marked_overlap": [3.0, 1.0, 1.5], "marked_end_to_end": [2.0, 0.66666666666666663, 1.0], ' &&
    ! has "$tmp/out" '"errors"'; then
    ok "rules fixture --json: score.py's keys and values, then by_type"
else
    bad "rules fixture --json: score.py's keys and values, then by_type"
fi

run eval "$FX/eval-rules.gold.jsonl" --pred "$FX/eval-rules.pred.jsonl" --json --errors
if [ "$rc" -eq 0 ] &&
    has "$tmp/out" '"errors": [{"id": "r-ties", "line": 1, "kind": "miss", "type": "indirect", "span": [[8, 18]], "text": "0123456789", "context": "Mo said [[0123456789]]abcdefghij today.", "cue": "said", "source": "Mo", "overlap": null}, {"id": "r-missing"'; then
    ok "--json --errors: the misses as records"
else
    bad "--json --errors: the misses as records"
fi

# ---- 1. the news fixture ---------------------------------------------------------

cat >"$tmp/news.expected" <<'EOF'
exact                  P 0.636  R 0.583  F1 0.609
overlap                P 0.727  R 0.667  F1 0.696
any_overlap            P 0.818  R 0.750  F1 0.783
end_to_end             P 0.545  R 0.500  F1 0.522
marked_overlap         P 1.000  R 0.800  F1 0.889
marked_end_to_end      P 0.750  R 0.600  F1 0.667
speaker_accuracy       0.857
marked_speaker_accuracy 0.750
counts                 {'gold': 12, 'pred': 11, 'exact': 7, 'overlap': 8, 'any': 9, 'spk_n': 7, 'spk_ok': 6, 'e2e': 6, 'm_gold': 5, 'm_pred': 4, 'm_overlap': 4, 'm_e2e': 3, 'm_spk_n': 4, 'm_spk_ok': 3}
missing_docs           0

gold type       n  R exact  R overlap  R any  R e2e  speaker     of
direct          3    1.000      1.000  1.000  0.667    0.667      3
mixed           2    0.000      0.500  0.500  0.500    1.000      1
indirect        7    0.571      0.571  0.714  0.429    1.000      3
EOF
run eval "$FX/eval-news.gold.jsonl" --pred "$FX/eval-news.pred.jsonl"
if [ "$rc" -eq 0 ] && same "$tmp/news.expected"; then
    ok "news fixture, stored predictions: the expected figures"
else
    bad "news fixture, stored predictions: the expected figures"
fi

run eval "$FX/eval-news.gold.jsonl" --pred "$FX/eval-news.pred.jsonl" --errors
if [ "$rc" -eq 0 ] && [ "$(grep -c '^MISS ' "$tmp/out")" -eq 4 ] &&
    [ "$(grep -c '^FALSE ALARM ' "$tmp/out")" -eq 3 ] &&
    has "$tmp/out" '4 misses, 3 false alarms (no partner at overlap >= 0.5)' &&
    has "$tmp/out" 'MISS        fx-harbour  mixed' &&
    has "$tmp/out" 'The council [[heralded the deal as a “breakthrough for the valley”]] on Monday.' &&
    has "$tmp/out" 'MISS        fx-ferry  indirect  (paired at overlap 0.27)' &&
    has "$tmp/out" 'Residents have complained [[for months about the detour]].' &&
    has "$tmp/out" 'FALSE ALARM fx-budget  indirect  confidence 0.75' &&
    has "$tmp/out" 'cue: said | source: he was confident -> Jonas Weber' &&
    has "$tmp/out" '…that the repair budget was safe.¶¶Residents' &&
    has "$tmp/out" 'MISS        4  indirect' &&
    tail -n 15 "$tmp/out" | diff "$tmp/news.expected" - >"$tmp/diff"; then
    ok "news fixture --errors: misses and false alarms with context, then the tables"
else
    bad "news fixture --errors: misses and false alarms with context, then the tables"
fi

# whosaid eval runs the library: it must score what whosaid --jsonl writes
"$W" --jsonl --format jsonl "$FX/eval-news.gold.jsonl" >"$tmp/news.pred" 2>/dev/null
"$W" eval "$FX/eval-news.gold.jsonl" --pred "$tmp/news.pred" --errors --json >"$tmp/news.viapred" 2>&1
run eval "$FX/eval-news.gold.jsonl" --errors --json
if [ "$rc" -eq 0 ] && same "$tmp/news.viapred"; then
    ok "news fixture: running the library scores as --pred on whosaid --jsonl output"
else
    bad "news fixture: running the library scores as --pred on whosaid --jsonl output"
fi

# ---- bad input, usage ------------------------------------------------------------

{
    sed -n 1p "$FX/eval-rules.gold.jsonl"
    echo 'this line is not JSON'
    echo
    echo '{"id":"x","text":"abc","quotes":[{"content":[[1,9]],"type":"direct"}]}'
    echo '{"id":"y","text":"abc","quotes":[{"content":[[0,2]],"type":"quoted"}]}'
    echo '{"id":"z","quotes":[]}'
    sed -n 2p "$FX/eval-rules.gold.jsonl"
} >"$tmp/bad.jsonl"
run eval "$tmp/bad.jsonl" --pred "$FX/eval-rules.pred.jsonl"
if [ "$rc" -eq 1 ] && has "$tmp/err" "bad.jsonl:2: invalid JSON" &&
    has "$tmp/err" "bad.jsonl:4: quotes[0].content[0] = [1, 9] is not a span of the text (3 code points)" &&
    has "$tmp/err" 'bad.jsonl:5: quotes[0].type is not "direct", "mixed" or "indirect"' &&
    has "$tmp/err" 'bad.jsonl:6: no "text" string' && [ "$(wc -l <"$tmp/err")" -eq 4 ] &&
    has "$tmp/out" "{'gold': 4, 'pred': 3, 'exact': 2, 'overlap': 3,"; then
    ok "bad gold lines: FILE:LINE on stderr, skipped, the rest scored, exit status 1"
else
    bad "bad gold lines: FILE:LINE on stderr, skipped, the rest scored, exit status 1"
fi

{ sed -n 1p "$FX/eval-rules.gold.jsonl"; sed -n 1p "$FX/eval-rules.gold.jsonl"; } >"$tmp/dup.jsonl"
run eval "$tmp/dup.jsonl" --pred "$FX/eval-rules.pred.jsonl"
if [ "$rc" -eq 0 ] && has "$tmp/err" 'dup.jsonl:1: id "r-ties" again on line 2' &&
    has "$tmp/out" "{'gold': 2, 'pred': 1,"; then
    ok "a repeated id: the later article replaces the earlier, as in score.py"
else
    bad "a repeated id: the later article replaces the earlier, as in score.py"
fi

run eval
r1=$rc
run eval "$FX/eval-rules.gold.jsonl" --no-such-option
r2=$rc
run eval "$FX/eval-rules.gold.jsonl" "$FX/eval-news.gold.jsonl"
if [ "$r1" -eq 2 ] && [ "$r2" -eq 2 ] && [ "$rc" -eq 2 ] && has "$tmp/err" "whosaid eval --help"; then
    ok "usage errors: exit status 2"
else
    bad "usage errors: exit status 2"
fi

run eval "$tmp/no-such-file.jsonl"
if [ "$rc" -eq 1 ] && has "$tmp/err" "no-such-file.jsonl" && [ ! -s "$tmp/out" ]; then
    ok "an unreadable gold file: exit status 1"
else
    bad "an unreadable gold file: exit status 1"
fi

run eval --help
r1=$rc
has "$tmp/out" "--errors" && has "$tmp/out" "--json" && h1=1 || h1=0
run --help
if [ "$r1" -eq 0 ] && [ "$h1" -eq 1 ] && [ "$rc" -eq 0 ] && has "$tmp/out" "whosaid eval GOLD.jsonl"; then
    ok "whosaid eval --help, and whosaid --help mentions eval"
else
    bad "whosaid eval --help, and whosaid --help mentions eval"
fi

# ---- 2. the PolNeAR dev month against score.py ------------------------------------

DEV=$SHARED/data/polnear/dev.jsonl
if [ ! -f "$DEV" ]; then
    echo "skipped: ../shared not found"
elif ! command -v python3 >/dev/null 2>&1; then
    echo "skipped: python3 not found"
else
    "$W" --jsonl --format jsonl "$DEV" >"$tmp/dev.pred" 2>/dev/null
    python3 "$SHARED/eval/score.py" "$DEV" "$tmp/dev.pred" --json >"$tmp/dev.score.json" 2>"$tmp/err"
    python3 "$SHARED/eval/score.py" "$DEV" "$tmp/dev.pred" >"$tmp/dev.score.txt" 2>>"$tmp/err"
    "$W" eval "$DEV" --json >"$tmp/dev.eval.json" 2>>"$tmp/err"
    rc=$?
    python3 - "$tmp/dev.eval.json" "$tmp/dev.score.json" >"$tmp/diff" 2>&1 <<'EOF'
import json, sys
ours, theirs = (json.load(open(p)) for p in sys.argv[1:3])
def same(a, b):
    if isinstance(b, float):
        return isinstance(a, float) and f'{a:.3f}' == f'{b:.3f}'
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(b, dict):
        return isinstance(a, dict) and all(k in a and same(a[k], v) for k, v in b.items())
    return a == b
bad = [k for k in theirs if k not in ours or not same(ours[k], theirs[k])]
for k in bad:
    print(f'{k}: whosaid eval {ours.get(k)}, score.py {theirs[k]}')
sys.exit(1 if bad or not theirs else 0)
EOF
    agree=$?
    if [ "$rc" -eq 0 ] && [ "$agree" -eq 0 ] && [ ! -s "$tmp/err" ]; then
        ok "PolNeAR dev: whosaid eval --json agrees with score.py on every figure"
    else
        bad "PolNeAR dev: whosaid eval --json agrees with score.py on every figure"
    fi
    run eval "$DEV"
    if [ "$rc" -eq 0 ] && head -n 10 "$tmp/out" | diff "$tmp/dev.score.txt" - >"$tmp/diff"; then
        ok "PolNeAR dev: the table is score.py's, line for line"
    else
        bad "PolNeAR dev: the table is score.py's, line for line"
    fi
fi

echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
