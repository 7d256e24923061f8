#!/bin/sh
# cli.sh - tests of the whosaid command-line program.
#
# usage: sh tests/cli.sh path/to/whosaid
#
# Prints one "ok"/"FAIL" line per check and "N passed, M failed" last; exits
# non-zero when any check failed. POSIX sh; needs only the usual utilities.

W=${1:-}
if [ -z "$W" ] || [ ! -x "$W" ]; then
    echo "usage: sh tests/cli.sh path/to/whosaid (not executable: '$W')" >&2
    exit 2
fi

pass=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP

# ok, bad
. "$(dirname "$0")/lib.sh"

# run ARGS...: run whosaid with stdin from /dev/null; stdout, stderr and the
# exit status in $tmp/out, $tmp/err and $rc
run() {
    "$W" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
}

# run_in FILE ARGS...: the same with stdin from FILE
run_in() {
    in=$1
    shift
    "$W" "$@" >"$tmp/out" 2>"$tmp/err" <"$in"
    rc=$?
}

# has FILE STRING: FILE contains STRING (fixed string)
has() { grep -Fq -- "$2" "$1"; }

# line N: line N of stdout
line() { sed -n "$1p" "$tmp/out"; }

# line_has N STRING
line_has() { line "$1" | grep -Fq -- "$2"; }

nlines() { wc -l <"$1" | tr -d ' '; }

# one JSON object per line: each line starts with { and ends with }
all_objects() {
    [ -s "$1" ] && ! grep -qv '^{.*}$' "$1"
}

# ---- fixtures ------------------------------------------------------------------

printf '"The bridge will reopen in May," Mayor Carla Ruiz said on Tuesday.\n' >"$tmp/a.txt"
printf 'Finance Minister Jonas Weber said that inflation would fall next year.\n' >"$tmp/b.txt"
printf 'A bad \377 byte, "here," said Mira Tan.\n' >"$tmp/bad.txt"
printf 'A NUL \000 byte, "here," said Mira Tan.\n' >"$tmp/nul.txt"
{
    printf '{"id":"a","text":"\\"Yes,\\" said Mira Tan."}\n'
    printf 'this line is not JSON\n'
    printf '{"id":"c","body":"no text field"}\n'
} >"$tmp/three.jsonl"

# ---- help, version, usage errors -------------------------------------------------

run --help
if [ "$rc" -eq 0 ] && has "$tmp/out" "--jsonl" && has "$tmp/out" "--format"; then
    ok "--help exits 0 and mentions --jsonl and --format"
else
    bad "--help exits 0 and mentions --jsonl and --format"
fi

run -h
if [ "$rc" -eq 0 ] && has "$tmp/out" "--jsonl"; then ok "-h is --help"; else bad "-h is --help"; fi

run --version
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] &&
    grep -Eq '^whosaid [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out"; then
    ok "--version prints 'whosaid X.Y.Z' and exits 0"
else
    bad "--version prints 'whosaid X.Y.Z' and exits 0"
fi

run --no-such-option "$tmp/a.txt"
if [ "$rc" -eq 2 ] && has "$tmp/err" "--no-such-option" && [ ! -s "$tmp/out" ]; then
    ok "unknown option exits 2 with a message on stderr"
else
    bad "unknown option exits 2 with a message on stderr"
fi

run --format xml "$tmp/a.txt"
if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ]; then ok "--format xml exits 2"; else bad "--format xml exits 2"; fi

run --format
if [ "$rc" -eq 2 ]; then ok "--format without a value exits 2"; else bad "--format without a value exits 2"; fi

run --max-article-bytes lots "$tmp/a.txt"
if [ "$rc" -eq 2 ]; then ok "--max-article-bytes with a bad count exits 2"; else bad "--max-article-bytes with a bad count exits 2"; fi

# ---- plain-text articles ------------------------------------------------------------

run "$tmp/a.txt"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && all_objects "$tmp/out" &&
    has "$tmp/out" '"quotes":[{' && has "$tmp/out" "\"id\":\"$tmp/a.txt\"" &&
    has "$tmp/out" '"speaker":"Carla Ruiz"' && has "$tmp/out" '"entities":[' &&
    has "$tmp/out" '"events":['; then
    ok "plain file gives one JSON line with quotes (jsonl when stdout is not a terminal)"
else
    bad "plain file gives one JSON line with quotes (jsonl when stdout is not a terminal)"
fi

run --format jsonl "$tmp/a.txt" "$tmp/b.txt"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 2 ] && all_objects "$tmp/out" &&
    line_has 1 "\"id\":\"$tmp/a.txt\"" && line_has 2 "\"id\":\"$tmp/b.txt\"" &&
    line_has 2 '"type":"indirect"'; then
    ok "--format jsonl with two files gives two lines in order"
else
    bad "--format jsonl with two files gives two lines in order"
fi

run --format text "$tmp/a.txt"
if [ "$rc" -eq 0 ] && has "$tmp/out" "Carla Ruiz" && ! grep -q '^{' "$tmp/out"; then
    ok "--format text gives a readable report"
else
    bad "--format text gives a readable report"
fi

printf 'Okafor said the plan would fail.\n' > "$tmp/one.txt"
run --format text "$tmp/one.txt"
if [ "$rc" -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "1 quotation, 1 person, 0 meetings" ]; then
    ok "--format text counts in the singular for one"
else
    bad "--format text counts in the singular for one"
fi

run --format=jsonl "$tmp/a.txt"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"quotes"'; then
    ok "--format=jsonl (with =) is accepted"
else
    bad "--format=jsonl (with =) is accepted"
fi

run --format jsonl "$tmp/no-such-file.txt" "$tmp/a.txt"
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 2 ] && line_has 1 '"error"' &&
    line_has 2 '"quotes"' && has "$tmp/err" "no-such-file.txt"; then
    ok "a missing file is an error record, the next file is still analysed, exit 1"
else
    bad "a missing file is an error record, the next file is still analysed, exit 1"
fi

: >"$tmp/empty.txt"
run --format jsonl "$tmp/empty.txt"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"quotes":[]'; then
    ok "an empty article gives an empty result"
else
    bad "an empty article gives an empty result"
fi

# ---- JSON Lines input --------------------------------------------------------------------

run --jsonl --format jsonl "$tmp/three.jsonl"
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 3 ] && all_objects "$tmp/out" &&
    line_has 1 '"id":"a"' && line_has 1 '"quotes":[{' && line_has 1 '"speaker":"Mira Tan"' &&
    line_has 2 '"line":2' && line_has 2 '"error":' && ! line_has 2 '"quotes"' &&
    line_has 3 '"line":3' && line_has 3 '"error":' && line_has 3 '"id":"c"' &&
    ! line_has 3 '"quotes"'; then
    ok "--jsonl: 3 lines in, 3 lines out in order, error records for the bad ones, exit 1"
else
    bad "--jsonl: 3 lines in, 3 lines out in order, error records for the bad ones, exit 1"
fi

if has "$tmp/err" "three.jsonl:2:" && has "$tmp/err" "three.jsonl:3:"; then
    ok "--jsonl: stderr names FILE:LINE of each bad line"
else
    bad "--jsonl: stderr names FILE:LINE of each bad line"
fi

run --jsonl --quiet "$tmp/three.jsonl"
if [ "$rc" -eq 1 ] && [ ! -s "$tmp/err" ] && [ "$(nlines "$tmp/out")" -eq 3 ]; then
    ok "--quiet: no per-article messages, same records"
else
    bad "--quiet: no per-article messages, same records"
fi

printf '{"text":"No quotation here."}\n{"id":7,"text":"Nor here."}\n' >"$tmp/ids.jsonl"
run --jsonl --format jsonl "$tmp/ids.jsonl"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 2 ] && line_has 1 '"id":0' &&
    line_has 2 '"id":7'; then
    ok "--jsonl: id is the input id, else the 0-based line number"
else
    bad "--jsonl: id is the input id, else the 0-based line number"
fi

{
    printf '{"id":"ok1","text":"Fine."}\n'
    printf '{"id":"bad","text":"bad \377 byte"}\n'
    printf '{"id":"ok2","text":"Also fine."}\n'
} >"$tmp/utf8.jsonl"
run --jsonl --format jsonl "$tmp/utf8.jsonl"
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 3 ] && line_has 1 '"quotes"' &&
    line_has 2 '"error"' && line_has 2 '"line":2' && line_has 3 '"id":"ok2"' &&
    line_has 3 '"quotes"'; then
    ok "--jsonl: a line with invalid UTF-8 fails alone"
else
    bad "--jsonl: a line with invalid UTF-8 fails alone"
fi

run --jsonl --format jsonl --replace-invalid "$tmp/utf8.jsonl"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 3 ] && ! has "$tmp/out" '"error"'; then
    ok "--jsonl --replace-invalid: the line is analysed"
else
    bad "--jsonl --replace-invalid: the line is analysed"
fi

run_in "$tmp/three.jsonl" --jsonl --format jsonl
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 3 ] && line_has 1 '"id":"a"' &&
    line_has 2 '"line":2'; then
    ok "--jsonl reads stdin"
else
    bad "--jsonl reads stdin"
fi

# ---- invalid input --------------------------------------------------------------------------

run --format jsonl "$tmp/bad.txt"
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"error"' &&
    ! has "$tmp/out" '"quotes"' && has "$tmp/err" "bad.txt"; then
    ok "invalid UTF-8: error record and message, exit 1"
else
    bad "invalid UTF-8: error record and message, exit 1"
fi

run --format jsonl --replace-invalid "$tmp/bad.txt"
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"quotes":[{' &&
    ! has "$tmp/out" '"error"'; then
    ok "--replace-invalid: the article is analysed, exit 0"
else
    bad "--replace-invalid: the article is analysed, exit 0"
fi

run --format jsonl "$tmp/nul.txt"
if [ "$rc" -eq 1 ] && has "$tmp/out" '"error"'; then ok "a NUL byte is an error"; else bad "a NUL byte is an error"; fi

run --format jsonl --replace-invalid "$tmp/nul.txt"
if [ "$rc" -eq 0 ] && has "$tmp/out" '"quotes"'; then
    ok "--replace-invalid replaces a NUL byte"
else
    bad "--replace-invalid replaces a NUL byte"
fi

run --format jsonl --max-article-bytes 10 "$tmp/a.txt"
if [ "$rc" -eq 1 ] && has "$tmp/out" '"error"'; then
    ok "--max-article-bytes 10 fails a longer article"
else
    bad "--max-article-bytes 10 fails a longer article"
fi

run --format jsonl --max-article-bytes 1024 "$tmp/a.txt"
if [ "$rc" -eq 0 ] && has "$tmp/out" '"quotes":[{'; then
    ok "--max-article-bytes 1024 accepts a short article"
else
    bad "--max-article-bytes 1024 accepts a short article"
fi

# ---- stdin ------------------------------------------------------------------------------------

run_in "$tmp/a.txt" --format jsonl
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"id":"-"' &&
    has "$tmp/out" '"speaker":"Carla Ruiz"'; then
    ok "no FILE reads the article from stdin"
else
    bad "no FILE reads the article from stdin"
fi

run_in "$tmp/a.txt" --format jsonl -
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"id":"-"' &&
    has "$tmp/out" '"quotes":[{'; then
    ok "- reads the article from stdin"
else
    bad "- reads the article from stdin"
fi

printf '"Piped in," said Mira Tan.' | "$W" --format jsonl >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -eq 1 ] && has "$tmp/out" '"speaker":"Mira Tan"'; then
    ok "stdin from a pipe, without a final newline"
else
    bad "stdin from a pipe, without a final newline"
fi

# ---- threads ----------------------------------------------------------------------------------

# 700 lines (more than one batch), every tenth broken: -j1 and -j2 give the same bytes
i=0
: >"$tmp/many.jsonl"
while [ $i -lt 700 ]; do
    if [ $((i % 10)) -eq 3 ]; then
        printf '{"id": %d, "text": 17}\n' "$i" >>"$tmp/many.jsonl"
    else
        printf '{"id": %d, "text": "\\"We will win,\\" Mayor Ana Reis %d said. She added that the vote was fair."}\n' "$i" "$i" >>"$tmp/many.jsonl"
    fi
    i=$((i + 1))
done
"$W" -j 1 --jsonl --format jsonl "$tmp/many.jsonl" >"$tmp/j1" 2>/dev/null
rc1=$?
"$W" -j 2 --jsonl --format jsonl "$tmp/many.jsonl" >"$tmp/j2" 2>/dev/null
rc=$?
: >"$tmp/out"
: >"$tmp/err"
if [ "$rc1" -eq 1 ] && [ "$rc" -eq 1 ] && cmp -s "$tmp/j1" "$tmp/j2" && [ "$(nlines "$tmp/j2")" -eq 700 ] &&
    [ "$(grep -c '"error"' "$tmp/j2")" -eq 70 ]; then
    ok "-j2: 700 lines in, the same 700 lines out as -j1, 70 error records, exit 1"
else
    bad "-j2: 700 lines in, the same 700 lines out as -j1, 70 error records, exit 1"
fi
# 10,000 lines, 1% of them broken in four ways: 10,000 lines out, 100 error records, exit 1
awk 'BEGIN {
    for (i = 0; i < 10000; i++) {
        if (i % 100 == 50) {
            k = (i / 100) % 4
            if (k == 0) print "{not json"
            else if (k == 1) printf "{\"id\": %d}\n", i
            else if (k == 2) printf "{\"id\": %d, \"text\": [1]}\n", i
            else print ""
        } else printf "{\"id\": %d, \"text\": \"Officials said the bridge would reopen.\"}\n", i
    } }' >"$tmp/tenk.jsonl"
run --jsonl --format jsonl "$tmp/tenk.jsonl"
if [ "$rc" -eq 1 ] && [ "$(nlines "$tmp/out")" -eq 10000 ] && [ "$(grep -c '"error"' "$tmp/out")" -eq 100 ] &&
    [ "$(grep -c '"line"' "$tmp/out")" -eq 100 ] && [ "$(wc -l <"$tmp/err" | tr -d ' ')" -eq 100 ]; then
    ok "10,000 lines with 1% broken: 10,000 out, 100 error records, 100 messages, exit 1"
else
    bad "10,000 lines with 1% broken: 10,000 out, 100 error records, 100 messages, exit 1"
fi
run -j 0 --jsonl "$tmp/many.jsonl"
if [ "$rc" -eq 2 ]; then ok "-j 0 is a usage error"; else bad "-j 0 is a usage error"; fi

# ---- compressed input --------------------------------------------------------------------------

"$W" --jsonl --format jsonl "$tmp/many.jsonl" >"$tmp/plain" 2>/dev/null
gzip -c "$tmp/many.jsonl" >"$tmp/many.jsonl.gz"
run --jsonl --format jsonl "$tmp/many.jsonl.gz"
if [ "$rc" -eq 1 ] && cmp -s "$tmp/out" "$tmp/plain"; then ok "gzip input gives the same output"; else bad "gzip input gives the same output"; fi
cat "$tmp/many.jsonl.gz" "$tmp/many.jsonl.gz" >"$tmp/twice.gz"
run --jsonl --format jsonl "$tmp/twice.gz"
if [ "$(nlines "$tmp/out")" -eq 1400 ]; then ok "concatenated gzip members are read in turn"; else bad "concatenated gzip members are read in turn"; fi
head -c 2000 "$tmp/many.jsonl.gz" >"$tmp/cut.gz"
run --jsonl --format jsonl "$tmp/cut.gz"
if [ "$rc" -eq 1 ] && has "$tmp/err" "truncated gzip stream"; then ok "a truncated gzip file is reported, exit 1"; else bad "a truncated gzip file is reported, exit 1"; fi
if command -v zstd >/dev/null 2>&1; then
    zstd -q -c "$tmp/many.jsonl" >"$tmp/many.jsonl.zst"
    run --jsonl --format jsonl "$tmp/many.jsonl.zst"
    if [ "$rc" -eq 1 ] && cmp -s "$tmp/out" "$tmp/plain"; then ok "zstd input gives the same output"; else bad "zstd input gives the same output"; fi
else
    echo "skipped: zstd not installed"
fi
printf 'She said: "The bridge opens in May."\n' | gzip -c >"$tmp/art.txt.gz"
run --format jsonl "$tmp/art.txt.gz"
if [ "$rc" -eq 0 ] && has "$tmp/out" "The bridge opens in May"; then ok "a gzip-compressed plain article"; else bad "a gzip-compressed plain article"; fi

# ---- output errors -----------------------------------------------------------------------------

if [ -w /dev/full ]; then
    "$W" --format jsonl "$tmp/a.txt" >/dev/full 2>"$tmp/err"
    rc=$?
    : >"$tmp/out"
    if [ "$rc" -eq 3 ] && [ -s "$tmp/err" ]; then
        ok "a write error exits 3 with a message"
    else
        bad "a write error exits 3 with a message"
    fi
fi

echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
