#!/bin/sh
# run.sh - the browser test of whosaid serve (tests/browser/quotebank.test.mjs).
#
# usage: sh tests/browser/run.sh path/to/whosaid [SCREENSHOT.png]
#
# Builds a quote bank from the fixtures and the demo article, starts
# `whosaid serve --port 0` on it, and drives Debian's chromium with
# playwright-core. Skipped (exit 0, with a message) when node, chromium
# (/usr/bin/chromium) or tests/browser/node_modules is missing: tools/deps.sh
# installs chromium and runs npm ci here when node is present.
# The screenshot goes to SCREENSHOT.png (default: next to the binary);
# WS_SCREENSHOT=docs/quotebank.png refreshes the README's.

W=${1:-}
if [ -z "$W" ] || [ ! -x "$W" ]; then
    echo "usage: sh tests/browser/run.sh path/to/whosaid [SCREENSHOT.png]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $W in /*) ;; *) W=$(pwd)/$W ;; esac
shot=${WS_SCREENSHOT:-${2:-$(dirname "$W")/quotebank.png}}
case $shot in /*) ;; *) shot=$(pwd)/$shot ;; esac

skip() {
    echo "browser test: SKIPPED: $*"
    exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -x /usr/bin/chromium ] || skip "/usr/bin/chromium is missing (Debian package chromium; sh tools/deps.sh)"
[ -d "$here/node_modules/playwright-core" ] ||
    skip "playwright-core is not installed (cd tests/browser && npm ci; sh tools/deps.sh does it)"
command -v sqlite3 >/dev/null 2>&1 || skip "the sqlite3 shell is missing"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-browser.XXXXXX") || exit 2
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP

# ids as the README shows them: examples/summit.txt, run from the root
(cd "$root" && "$W" index --quiet --db "$tmp/q.db" tests/fixtures/quotebank/articles.jsonl \
    tests/fixtures/quotebank/hostile.jsonl examples/summit.txt) || {
    echo "browser test: FAIL: whosaid index failed"
    exit 1
}
count() {
    sqlite3 "$tmp/q.db" "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.ext_id = '$1'"
}
"$W" serve --db "$tmp/q.db" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
port=
i=0
while [ -z "$port" ] && [ "$i" -lt 100 ]; do
    port=$(sed -n 's|^whosaid serve: listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/serve.out")
    [ -z "$port" ] && sleep 0.05
    i=$((i + 1))
done
if [ -z "$port" ]; then
    cat "$tmp/serve.err"
    echo "browser test: FAIL: whosaid serve did not start"
    exit 1
fi
mkdir -p "$(dirname "$shot")"
WS_BASE=http://127.0.0.1:$port WS_QUOTES_QB1=$(count qb-1) WS_QUOTES_HOSTILE=$(count 'qb-hostile <b>&amp;') \
    WS_SCREENSHOT=$shot node "$here/quotebank.test.mjs"
