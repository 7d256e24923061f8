#!/bin/sh
# Fuzz smoke test: build the libFuzzer targets and run each for N seconds.
#
#   sh fuzz/smoke.sh [SECONDS]       (default 60; from any directory)
#
# All targets run at once, from a scratch copy of the seed
# corpus (build-fuzz/smoke/), with -max_len=65536 -timeout=10
# -rss_limit_mb=2048. A crash, sanitizer report, failed invariant, timeout,
# out-of-memory or leak in either fails the script (exit 1); the log tail and
# the reproducer path are printed. A build failure fails it too (exit 1).
# When clang or its libFuzzer runtime is missing and cannot be installed
# (apt-get, as root or through sudo), it says so and exits 0 (skipped).
set -u
secs=${1:-60}
case $secs in '' | *[!0-9]*) echo "usage: sh fuzz/smoke.sh [SECONDS]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
out=$root/build-fuzz/smoke
CLANG=${CLANG:-clang}

skip() {
    echo "fuzz smoke: SKIPPED: $*"
    exit 0
}

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ] || return 1
    echo "fuzz smoke: installing $*" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
    $sudo apt-get update -qq >/dev/null 2>&1 &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

# Does $CLANG link a libFuzzer target with ASan and UBSan?
libfuzzer_works() {
    command -v "$CLANG" >/dev/null 2>&1 || return 1
    mkdir -p "$out" || return 1
    printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
        >"$out/probe.c"
    "$CLANG" -fsanitize=fuzzer,address,undefined "$out/probe.c" -o "$out/probe" >/dev/null 2>&1
}

if ! libfuzzer_works; then
    command -v "$CLANG" >/dev/null 2>&1 || apt_install clang
    command -v "$CLANG" >/dev/null 2>&1 || skip "$CLANG is not installed and could not be installed"
    if ! libfuzzer_works; then
        ver=$("$CLANG" -dumpversion 2>/dev/null | cut -d. -f1)
        apt_install "libclang-rt-$ver-dev" || apt_install libclang-rt-dev ||
            skip "the libFuzzer runtime for $CLANG is missing (libclang-rt-$ver-dev) and could not be installed"
        libfuzzer_works || skip "$CLANG cannot link -fsanitize=fuzzer,address,undefined"
    fi
fi
# the library's own build dependencies, and SQLite for fuzz_index (no-op when present)
if ! pkg-config --exists jansson libutf8proc sqlite3 2>/dev/null; then
    sh tools/deps.sh >/dev/null 2>&1 || true
fi

echo "fuzz smoke: building (make -f fuzz/Makefile libfuzzer)"
if ! make -s -f fuzz/Makefile libfuzzer CLANG="$CLANG" >"$out/build.log" 2>&1; then
    cat "$out/build.log"
    echo "fuzz smoke: FAILED: the fuzz targets do not build"
    exit 1
fi

targets="analyze jsonl index"
for t in $targets; do
    rm -rf "$out/corpus-$t" "$out/crashes-$t"
    mkdir -p "$out/corpus-$t" "$out/crashes-$t"
    cp fuzz/corpus/$t/* "$out/corpus-$t/"
done

echo "fuzz smoke: running fuzz_analyze, fuzz_jsonl and fuzz_index for ${secs}s each"
pids=""
for t in $targets; do
    "$root/build-fuzz/fuzz_$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -dict="fuzz/$t.dict" -print_final_stats=1 \
        -artifact_prefix="$out/crashes-$t/" "$out/corpus-$t" >"$out/$t.log" 2>&1 &
    pids="$pids $!"
done

fail=0 passed=0
set -- $pids
for t in $targets; do
    wait "$1"
    rc=$?
    shift
    log=$out/$t.log
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    crash=$(ls "$out/crashes-$t" 2>/dev/null | head -n 1)
    if [ "$rc" -eq 0 ] && [ -z "$crash" ]; then
        echo "fuzz_$t: ok: ${execs:-?} execs (${rate:-?}/s), $cov"
        passed=$((passed + 1))
    else
        echo "fuzz_$t: FAILED (exit $rc) after ${execs:-?} execs; log: $log"
        # the report: from the first error line, without libFuzzer's own frames
        sed -n '/runtime error\|invariant violated\|ERROR: \|^==[0-9]*==/,$p' "$log" |
            grep -v 'in fuzzer::\|libc_start\|in _start \|^MS: \|^NOTE: \|^ *Combine libFuzzer' |
            head -n 40 | sed 's/^/  | /'
        [ -n "$crash" ] && echo "  reproducer: $out/crashes-$t/$crash" &&
            echo "  replay:     build-fuzz/fuzz_$t $out/crashes-$t/$crash"
        fail=$((fail + 1))
    fi
done
echo "smoke: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
