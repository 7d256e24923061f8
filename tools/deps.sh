#!/bin/sh
# Install the Debian packages whosaid needs to build and test, when missing.
set -e
need=""
for p in build-essential pkg-config libutf8proc-dev libjansson-dev libcmocka-dev liblinear-dev zlib1g-dev libzstd-dev zstd gzip valgrind \
         python3-dev python3-setuptools python3-wheel python3-pip python3-pytest python3-dask \
         python3-distributed; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
[ -z "$need" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "installing:$need" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
