#!/bin/sh
# quotebank.sh - tests of the quote bank: whosaid index, search, speakers and
# serve, on the fixtures in tests/fixtures/quotebank/.
#
# usage: sh tests/quotebank.sh path/to/whosaid
#
# Needs the sqlite3 command-line shell (Debian package sqlite3) to check the
# database, and curl for the serve checks (skipped without it). Prints one
# "ok"/"FAIL" line per check and "N passed, M failed" last.

W=${1:-}
if [ -z "$W" ] || [ ! -x "$W" ]; then
    echo "usage: sh tests/quotebank.sh path/to/whosaid (not executable: '$W')" >&2
    exit 2
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "quotebank: FAIL: the sqlite3 shell is missing (sh tools/deps.sh installs it)"
    exit 1
fi
case $W in /*) ;; *) W=$(pwd)/$W ;; esac
FIX=$(cd "$(dirname "$0")/fixtures/quotebank" && pwd)
EXAMPLE=$(cd "$(dirname "$0")/../examples" && pwd)/summit.txt

pass=0
failed=0
server=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-qb.XXXXXX") || exit 2
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

# ok, bad
. "$(dirname "$0")/lib.sh"

check() { # check DESCRIPTION: ok when the previous test command succeeded
    if [ "$?" -eq 0 ]; then ok "$1"; else bad "$1"; fi
}

run() {
    "$W" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
}

has() { grep -Fq -- "$2" "$1"; }
nlines() { wc -l <"$1" | tr -d ' '; }
sql() { sqlite3 "$DB" "$1"; }
# every count the re-indexing checks compare
counts() {
    sql "SELECT (SELECT count(*) FROM articles) || ' ' || (SELECT count(*) FROM quotes) || ' ' ||
                (SELECT count(*) FROM speakers) || ' ' || (SELECT count(*) FROM meetings) || ' ' ||
                (SELECT count(*) FROM meeting_participants) || ' ' || (SELECT count(*) FROM quotes_fts) || ' ' ||
                (SELECT sum(n_quotes) FROM speakers) || ' ' || (SELECT count(*) FROM speaker_titles)"
}

DB=$tmp/quotes.db
cp "$FIX/articles.jsonl" "$FIX/hostile.jsonl" "$tmp/"
cp "$EXAMPLE" "$tmp/summit.txt"

# The quotes the library finds in the fixtures, counted from its own JSONL
# output, so that accuracy work on the library does not break these tests.
count_quotes() {
    "$W" --format jsonl "$@" 2>/dev/null | grep -o '"type":"\(direct\|mixed\|indirect\)"' | wc -l | tr -d ' '
}
q_jsonl=$(cd "$tmp" && count_quotes --jsonl articles.jsonl hostile.jsonl)
q_plain=$(cd "$tmp" && count_quotes summit.txt)
q_all=$((q_jsonl + q_plain))

# ---- usage errors --------------------------------------------------------------

run index "$tmp/articles.jsonl"
[ "$rc" -eq 2 ] && has "$tmp/err" "--db" && [ ! -s "$tmp/out" ]
check "index without --db: exit 2 and a message"

run search --db "$DB" --no-such-option x
[ "$rc" -eq 2 ] && has "$tmp/err" "unknown option '--no-such-option'"
check "search with an unknown option: exit 2"

run search --db "$tmp/missing.db" word
[ "$rc" -eq 1 ] && has "$tmp/err" "missing.db" && [ ! -e "$tmp/missing.db" ]
check "search on a missing database: exit 1, a message, nothing created"

run index --db "$tmp/no/such/dir/q.db" "$tmp/articles.jsonl"
[ "$rc" -eq 1 ] && has "$tmp/err" "cannot open the database"
check "index into a directory that does not exist: exit 1 and a message"

printf 'not a database, just text\n' >"$tmp/junk.db"
run speakers --db "$tmp/junk.db"
[ "$rc" -eq 1 ] && has "$tmp/err" "not a database"
check "speakers on a file that is not a database: exit 1"

run search --db "$DB" --since yesterday x
[ "$rc" -eq 2 ] && has "$tmp/err" "--since"
check "search --since with a bad date: exit 2"

run search --db "$DB" --limit 0 x
[ "$rc" -eq 2 ]
check "search --limit 0: exit 2"

run speakers --db
[ "$rc" -eq 2 ] && has "$tmp/err" "needs a value"
check "speakers --db without a value: exit 2"

# ---- index ------------------------------------------------------------------------

(cd "$tmp" && "$W" index --db quotes.db articles.jsonl hostile.jsonl summit.txt) >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && has "$tmp/err" "5 added, 0 replaced, 0 unchanged, 0 failed"
check "index 4 JSONL articles and 1 plain-text article"

[ "$(sql 'SELECT count(*) FROM articles')" = 5 ] &&
    [ "$(sql 'SELECT count(*) FROM quotes')" = "$q_all" ] && [ "$q_all" -gt 10 ]
check "5 articles and every quote the library finds ($q_all) are stored"

[ "$(sql 'PRAGMA user_version')" = 3 ] && [ "$(sql 'PRAGMA journal_mode')" = wal ]
check "schema version 3 in PRAGMA user_version, WAL mode"

# a bank as version 1 wrote it (no outlet in quotes, no tags, a one-column
# FTS5 table) is migrated when opened
cp "$DB" "$tmp/v1.db"
sqlite3 "$tmp/v1.db" "DROP TRIGGER quotes_ai; DROP TRIGGER quotes_ad; DROP TABLE quotes_fts;
  ALTER TABLE quotes DROP COLUMN tags; DROP INDEX quotes_outlet_date; ALTER TABLE quotes DROP COLUMN outlet;
  CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
  INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
  CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    UPDATE speakers SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id; END;
  CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    UPDATE speakers SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id; END;
  PRAGMA user_version = 1;"
run search --db "$tmp/v1.db" --format jsonl --outlet 'Valley Times' --since 2024-03 --until 2024-04 report
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 2 ] && [ "$(sqlite3 "$tmp/v1.db" 'PRAGMA user_version')" = 3 ] &&
    [ "$(sqlite3 "$tmp/v1.db" "SELECT count(*) FROM quotes WHERE outlet = 'Valley Times'")" = 4 ] &&
    [ "$(sqlite3 "$tmp/v1.db" "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1); SELECT 'ok'")" = ok ]
check "a version-1 database is migrated to version 3 on open (outlets and tags, FTS5 rebuilt)"
(cd "$tmp" && "$W" index --force --quiet --db v1.db articles.jsonl hostile.jsonl summit.txt)
[ "$(DB=$tmp/v1.db counts)" = "$(counts)" ]
check "the migrated bank re-indexes to the same counts"

[ "$(sql "SELECT url || '|' || date || '|' || outlet || '|' || title FROM articles WHERE ext_id = 'qb-1'")" = \
    "https://example.org/qb-1|2024-03-04|Valley Times|Bridge vote delayed" ] &&
    [ "$(sql "SELECT count(*) FROM articles WHERE ext_id = 'summit.txt' AND date IS NULL")" = 1 ]
check "JSONL metadata is kept; a plain-text article's id is its path"

[ "$(sql "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'dredging'")" = 1 ] &&
    [ "$(sql "SELECT count(*) FROM quotes_fts")" = "$q_all" ]
check "the FTS5 index holds every quote"

# offsets are code points: the stored span, cut from the stored text, is the quote
[ "$(sql "SELECT substr(a.text, json_extract(q.spans, '\$[0][0]') + 1,
            json_extract(q.spans, '\$[0][1]') - json_extract(q.spans, '\$[0][0]')) = q.text
          FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.text LIKE '%dredging%'")" = 1 ]
check "quote spans are code-point offsets into the stored text"

[ "$(sql "SELECT count(*) FROM speakers WHERE key = 'ana duarte'")" = 1 ] &&
    [ "$(sql "SELECT n_quotes || ' ' || n_articles FROM speakers WHERE key = 'ana duarte'")" = "3 3" ]
check "Ana Duarte (Mayor, Dr. Ana Duarte) is one speaker across three articles"

[ "$(sql "SELECT group_concat(title, ',') FROM (SELECT title FROM speaker_titles t JOIN speakers s ON s.id = t.speaker_id WHERE s.key = 'ana duarte' ORDER BY title)")" = "Dr.,Mayor,mayor" ]
check "a speaker's titles are kept (\"Dr.\" among them, as FORMAT.md's example shows it)"

[ "$(sql "SELECT count(*) FROM meetings m JOIN articles a ON a.id = m.article_id WHERE a.ext_id = 'qb-3' AND m.when_text = 'Tuesday'")" = 1 ] &&
    [ "$(sql "SELECT group_concat(name, '+') FROM (SELECT p.name FROM meeting_participants p JOIN speakers s ON s.id = p.speaker_id JOIN meetings m ON m.id = p.meeting_id JOIN articles a ON a.id = m.article_id WHERE a.ext_id = 'qb-3' ORDER BY p.name)")" = "Ana Duarte+Jonas Brekke" ]
check "the meeting in qb-3 is stored with both participants"

before=$(counts)

(cd "$tmp" && "$W" index --db quotes.db articles.jsonl hostile.jsonl summit.txt) >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && has "$tmp/err" "0 added, 0 replaced, 5 unchanged" && [ "$(counts)" = "$before" ]
check "re-indexing the same files skips every article; counts unchanged"

(cd "$tmp" && "$W" index --force --db quotes.db articles.jsonl hostile.jsonl summit.txt) >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && has "$tmp/err" "0 added, 5 replaced, 0 unchanged" && [ "$(counts)" = "$before" ] &&
    [ "$(sql "PRAGMA integrity_check")" = ok ] &&
    [ "$(sql "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1); SELECT 'fts ok'")" = "fts ok" ]
check "--force replaces all five (delete, reinsert): counts unchanged, integrity ok"

# a changed article replaces the stored one: its old quotes and speakers go
sed 's/Councillor Piet Vos disagreed. “The report has been on our desks since January,” Vos said./The council adjourned./' \
    "$tmp/articles.jsonl" >"$tmp/changed.jsonl"
q_changed=$(count_quotes --jsonl "$tmp/changed.jsonl")
q_orig=$(count_quotes --jsonl "$tmp/articles.jsonl")
run index --db "$DB" "$tmp/changed.jsonl"
[ "$rc" -eq 0 ] && has "$tmp/err" "0 added, 1 replaced, 2 unchanged" &&
    [ "$(sql 'SELECT count(*) FROM quotes')" = $((q_all - q_orig + q_changed)) ] &&
    [ "$(sql "SELECT count(*) FROM speakers WHERE key = 'piet vos'")" = 0 ] &&
    [ "$(sql 'SELECT count(*) FROM articles')" = 5 ]
check "a changed article replaces its stored version (no duplicates, its lone speaker gone)"
run index --db "$DB" "$tmp/articles.jsonl"
[ "$rc" -eq 0 ] && [ "$(counts)" = "$before" ]
check "indexing the original again restores the same counts"

printf '{"id":"bad-1","text":17}\nnot json\n{"id":"ok-1","date":"2023-01-01","text":"“Fine,” said Rosa Lind."}\n' >"$tmp/bad.jsonl"
run index --db "$tmp/bad.db" "$tmp/bad.jsonl"
[ "$rc" -eq 1 ] && has "$tmp/err" "bad.jsonl:1: \"text\" is not a string" && has "$tmp/err" "bad.jsonl:2: invalid JSON" &&
    [ "$(sqlite3 "$tmp/bad.db" 'SELECT ext_id FROM articles')" = ok-1 ]
check "bad JSONL lines: FILE:LINE messages, exit 1, the good line indexed"

: >"$tmp/empty.txt"
run index --db "$tmp/bad.db" "$tmp/empty.txt"
[ "$rc" -eq 0 ] && has "$tmp/err" "empty.txt: empty, nothing indexed" &&
    [ "$(sqlite3 "$tmp/bad.db" 'SELECT count(*) FROM articles')" = 1 ]
check "an empty file: a message, nothing indexed, exit 0"

cp "$tmp/bad.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" 'PRAGMA user_version = 99'
run search --db "$tmp/newer.db" fine
[ "$rc" -eq 1 ] && has "$tmp/err" "schema version 99"
check "a database from a newer whosaid is refused with a message"

# ---- search ------------------------------------------------------------------------

run search --db "$DB" --format jsonl dredging
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 1 ] &&
    has "$tmp/out" '"text":"“We agreed on the dredging schedule,”"' &&
    has "$tmp/out" '"speaker":"Jonas Brekke"' && has "$tmp/out" '"article_id":"qb-3"' &&
    has "$tmp/out" '"date":"2024-04-02"' && has "$tmp/out" '"outlet":"Valley Times"' &&
    has "$tmp/out" '"cue":"said"' && has "$tmp/out" '"type":"direct"' && has "$tmp/out" '"rank":'
check "search dredging: exactly the one hit, with its speaker, article, date and outlet"

run search --db "$DB" dredging
[ "$rc" -eq 0 ] && [ "$(sed -n 1p "$tmp/out")" = "1. “We agreed on the dredging schedule,”" ] &&
    [ "$(sed -n 2p "$tmp/out")" = "   Jonas Brekke, said [direct] · qb-3 · 2024-04-02 · Valley Times" ]
check "search text output"

run search --db "$DB" --format jsonl --speaker 'dr.  ANA   duarte'
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 3 ] && [ "$(grep -c '"speaker":"Ana Duarte"' "$tmp/out")" = 3 ] &&
    head -n 1 "$tmp/out" | grep -q '"article_id":"qb-2"'
check "--speaker 'dr.  ANA   duarte' finds her 3 quotes, most recent first"

run search --db "$DB" --format jsonl --speaker Duarte report
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 1 ] && has "$tmp/out" "engineers’ report"
check "--speaker with a surname alone, and a query"

run search --db "$DB" --format jsonl --since 2024-03-05 --until 2024-03-31
# every hit is from qb-2, and its two quotations are there (a third, "welcomed
# the plan", depends on the learned cue model's weights)
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -ge 2 ] && [ "$(grep -c '"article_id":"qb-2"' "$tmp/out")" = "$(nlines "$tmp/out")" ]
check "--since/--until keep only the article dated in that range"

run search --db "$DB" --format jsonl --until 2024-03
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" -ge 5 ] && has "$tmp/out" '"article_id":"qb-2"' && ! has "$tmp/out" '"article_id":"qb-3"'
check "--until 2024-03 includes the whole month"

run search --db "$DB" --format jsonl --outlet 'Valley Times' --limit 100
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 4 ] && ! has "$tmp/out" 'Harbour Post'
check "--outlet"

run search --db "$DB" --format jsonl --limit 2
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 2 ] && ! grep -qv '"article_id":"qb-hostile <b>&amp;"' "$tmp/out"
check "no query: the most recent quotes first, --limit respected"

run search --db "$DB" --format jsonl --limit 1000
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = "$q_all" ]
check "no query, no filter: every quote"

run search --db "$DB" --format jsonl reopen bridge
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]
check "all query words must occur"

run search --db "$DB" --format jsonl 'sched*'
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 1 ]
check "a word ending in * is a prefix"

run search --db "$DB" --format jsonl --rank-all --time --speaker Brekke --outlet 'Valley Times' dredging
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 1 ] && grep -q '^whosaid search: 1 hits in [0-9.]* ms (CPU [0-9.]* ms)$' "$tmp/err"
check "--rank-all and --time, with a word and two filters"

run search --db "$DB" 'NOT' 'OR' '"' 'text:' '(' 'NEAR('
[ "$rc" -eq 0 ]
check "FTS5 operators in a query are words, not syntax"

# ---- hostile text --------------------------------------------------------------------

hostile='“<script>alert(1)</script> and '"'"'; DROP TABLE quotes; -- are just strings,”'
run search --db "$DB" --format jsonl alert
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 1 ] &&
    has "$tmp/out" "\"text\":\"$hostile\"" && has "$tmp/out" '"article_id":"qb-hostile <b>&amp;"' &&
    has "$tmp/out" '"outlet":"<i>Evil</i> Outlet"'
check "hostile text is stored and returned verbatim (jsonl)"

run search --db "$DB" "'; DROP TABLE quotes; --"
[ "$rc" -eq 0 ] && [ "$(sed -n 1p "$tmp/out")" = "1. $hostile" ] &&
    [ "$(sql 'SELECT count(*) FROM quotes')" = "$q_all" ]
check "searching for '; DROP TABLE quotes; -- finds it verbatim, and drops nothing"

run search --db "$DB" --format jsonl --speaker "x' OR '1'='1" 
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]
check "a quote in --speaker is a value, not SQL"

run search --db "$DB" --format jsonl hello goodbye
[ "$rc" -eq 0 ] && has "$tmp/out" '"text":"“Say \"hello\" & <b>goodbye</b>,”"'
check "double quotes in a quote are escaped in JSON output"

# ---- speakers ------------------------------------------------------------------------

run speakers --db "$DB" --format jsonl --limit 6
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = 6 ] &&
    grep -q '^{"speaker":"Ana Duarte","speaker_id":[0-9]*,"quotes":3,"articles":3,"titles":"[^"]*Mayor' "$tmp/out" &&
    cut -d, -f3 "$tmp/out" | tr -d 'quotes":' | sort -c -n -r
check "speakers --format jsonl: most quoted first, with counts"

run speakers --db "$DB" --limit 100
n_speakers=$(sql 'SELECT count(*) FROM speakers WHERE n_quotes > 0')
[ "$rc" -eq 0 ] && [ "$(nlines "$tmp/out")" = $((n_speakers + 1)) ] && has "$tmp/out" "Ana Duarte (" &&
    has "$tmp/out" "Mallory Quint"
check "speakers table lists every quoted speaker ($n_speakers)"

# ---- serve ------------------------------------------------------------------------------

run serve --port 8080
[ "$rc" -eq 2 ] && has "$tmp/err" "--db"
check "serve without --db: exit 2"

run serve --db "$DB" --port 99999
[ "$rc" -eq 2 ] && has "$tmp/err" "--port"
check "serve --port 99999: exit 2"

run serve --db "$DB" --host localhost
[ "$rc" -eq 2 ] && has "$tmp/err" "--host"
check "serve --host with a name, not an address: exit 2"

run serve --db "$tmp/missing.db"
[ "$rc" -eq 1 ] && has "$tmp/err" "missing.db"
check "serve on a missing database: exit 1"

if ! command -v curl >/dev/null 2>&1; then
    echo "skipped: the serve checks need curl"
else
    # --port 0: the kernel picks a free port, which serve prints
    "$W" serve --db "$DB" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
    server=$!
    port=
    i=0
    while [ -z "$port" ] && [ "$i" -lt 100 ]; do
        port=$(sed -n 's|^whosaid serve: listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/serve.out")
        [ -z "$port" ] && sleep 0.05
        i=$((i + 1))
    done
    base=http://127.0.0.1:$port
    get() { # get PATH: body in $tmp/out, status in $status
        status=$(curl -s -o "$tmp/out" -w '%{http_code}' "$base$1")
    }
    [ -n "$port" ]
    check "serve --port 0 listens on 127.0.0.1 and prints the port"

    get '/?q=alert'
    [ "$status" = 200 ] && has "$tmp/out" '&lt;script&gt;alert(1)&lt;/script&gt; and &#39;; DROP TABLE quotes; -- are just strings' &&
        ! has "$tmp/out" '<script>alert' && ! has "$tmp/out" '<script>window' && ! grep -q '<script' "$tmp/out" &&
        has "$tmp/out" '<title>alert'
    check "search page: the hostile quote is HTML-escaped, no script element"

    get '/?q=dredging'
    [ "$status" = 200 ] && has "$tmp/out" '1 quotation, most relevant first' &&
        has "$tmp/out" '<blockquote>“We agreed on the dredging schedule,”</blockquote>' &&
        grep -q 'href="/article?id=qb-3&amp;quote=[0-9]*#q[0-9]*"' "$tmp/out"
    check "search page: one hit with a link to its article"

    get '/?speaker=Ana+Duarte&since=2024-03-05'
    [ "$status" = 200 ] && has "$tmp/out" '1 quotation, most recent first' && has "$tmp/out" 'The ferry will run'
    check "search page: speaker and date filters"

    get '/?since=nonsense'
    [ "$status" = 400 ] && has "$tmp/out" "&#39;since&#39; must be a date"
    check "search page: a bad date is a 400 with a message"

    get '/article?id=qb-hostile%20%3Cb%3E%26amp%3B'
    nq=$(sql "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.ext_id = 'qb-hostile <b>&amp;'")
    [ "$status" = 200 ] && [ "$nq" -ge 2 ] &&
        [ "$(grep -o '<mark class="q sp[0-9x][^"]*" data-q="[0-9]*"' "$tmp/out" | sed 's/.*data-q=//' | sort -u | wc -l | tr -d ' ')" = "$nq" ] &&
        has "$tmp/out" "data-quotes=\"$nq\"" &&
        has "$tmp/out" '&lt;script&gt;alert(1)&lt;/script&gt;' && has "$tmp/out" '&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;' &&
        has "$tmp/out" '<h1>&lt;script&gt;window.__pwned=1;alert(2)&lt;/script&gt;</h1>' &&
        has "$tmp/out" 'qb-hostile &lt;b&gt;&amp;amp;' && has "$tmp/out" '&lt;i&gt;Evil&lt;/i&gt; Outlet' &&
        ! has "$tmp/out" '<img' && ! has "$tmp/out" 'href="javascript:' &&
        [ "$(grep -o '<script[^>]*>' "$tmp/out" | grep -vc '^<script nonce="[0-9a-f]*">$')" = 0 ]
    check "article page: $nq highlighted quotations, every article field HTML-escaped, no javascript: link"

    get '/article?id=qb-1'
    [ "$status" = 200 ] && has "$tmp/out" '<li class="sp0" data-sp="sp0"><span class="sw"></span><a href="/speaker?id=' &&
        has "$tmp/out" '>Ana Duarte</a> (2)</li>' && has "$tmp/out" '>Piet Vos</a> (1)</li>' &&
        grep -q '<mark class="q sp1" data-q="[0-9]*" id="q[0-9]*" title="Piet Vos, said (direct)">“The report has been on our desks since January,”</mark>' "$tmp/out"
    check "article page: a legend with one colour per speaker"

    get '/article?id=no-such-article'
    [ "$status" = 404 ]
    check "article page: an unknown id is a 404"

    sid=$(sql "SELECT id FROM speakers WHERE key = 'ana duarte'")
    get "/speaker?id=$sid"
    [ "$status" = 200 ] && has "$tmp/out" '<h1 id="speaker-name">Ana Duarte</h1>' &&
        has "$tmp/out" '<svg class="chart"' && has "$tmp/out" '<title>2024-03: 3</title>' &&
        [ "$(grep -o '<li class="hit"' "$tmp/out" | wc -l | tr -d ' ')" = 3 ]
    check "speaker page: name, a chart of quotations per month, the quotations"

    get '/speakers'
    [ "$status" = 200 ] && has "$tmp/out" '>Mallory Quint</a>'
    check "speakers page"

    get '/api/search?q=hello+goodbye'
    [ "$status" = 200 ] && has "$tmp/out" '"count":1' &&
        has "$tmp/out" '"text":"“Say \"hello\" & <b>goodbye<\/b>,”"' &&
        [ "$(sqlite3 :memory: "SELECT json_extract(CAST(readfile('$tmp/out') AS TEXT), '\$.hits[0].article_id')")" = 'qb-hostile <b>&amp;' ]
    check "JSON API: the hit, properly escaped"

    get '/api/search?q=%22%3B+DROP+TABLE+quotes%3B+--&speaker=x%27+OR+1%3D1+--'
    [ "$status" = 200 ] && has "$tmp/out" '"count":0' && [ "$(sql 'SELECT count(*) FROM quotes')" = "$q_all" ]
    check "JSON API: SQL in parameters is only a value"

    get '/api/speakers?limit=2'
    [ "$status" = 200 ] && [ "$(grep -o '"speaker":' "$tmp/out" | wc -l | tr -d ' ')" = 2 ]
    check "JSON API: speakers"

    get '/no/such/page'
    [ "$status" = 404 ]
    check "an unknown path is a 404"

    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/")
    [ "$status" = 405 ]
    check "POST is refused (405)"

    kill "$server" && wait "$server"
    rc=$?
    server=
    [ "$rc" -eq 0 ] && has "$tmp/serve.err" "stopped"
    check "serve stops cleanly on SIGTERM"
fi

printf '%s passed, %s failed\n' "$pass" "$failed"
[ "$failed" -eq 0 ]
