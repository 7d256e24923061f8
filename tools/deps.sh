#!/bin/sh
# Install the Debian packages whosaid needs to build and test, when missing.
set -e
need=""
for p in build-essential pkg-config libutf8proc-dev libjansson-dev libcmocka-dev liblinear-dev zlib1g-dev libzstd-dev zstd gzip valgrind \
         python3-dev python3-setuptools python3-wheel python3-pip python3-pytest python3-dask \
         python3-distributed libsqlite3-dev sqlite3 libmicrohttpd-dev chromium curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "installing:$need" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi
# the browser test's node packages (playwright-core, pinned by package-lock.json),
# when node and npm are present; without them the browser test is skipped
browser="$(dirname "$0")/../tests/browser"
if command -v npm >/dev/null 2>&1 && [ -f "$browser/package-lock.json" ] &&
   [ ! -d "$browser/node_modules/playwright-core" ]; then
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "deps: npm ci failed in tests/browser; the browser test will be skipped" >&2
fi
