# Shared by the shell test scripts (sourced): ok and bad count and report
# one check each. The caller sets pass=0 failed=0, $tmp (its scratch
# folder) and $rc (the last exit status); bad shows $tmp/diff, $tmp/out and
# $tmp/err when they are there.
ok() {
    pass=$((pass + 1))
    printf 'ok   %s\n' "$1"
}

bad() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$1"
    if [ -s "$tmp/diff" ]; then sed 's/^/     /' "$tmp/diff" | head -n 20; fi
    if [ -s "$tmp/out" ]; then sed 's/^/     stdout: /' "$tmp/out" | head -n 8; fi
    if [ -s "$tmp/err" ]; then sed 's/^/     stderr: /' "$tmp/err" | head -n 8; fi
    printf '     exit status: %s\n' "${rc:-?}"
}
