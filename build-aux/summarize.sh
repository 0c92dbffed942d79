#!/bin/sh
# summarize.sh - count the results of DejaGnu-style .sum files; the last line is "N passed, M failed".
#
# passed: PASS.  failed: FAIL, XPASS (a stale xfail), UNRESOLVED and ERROR.
# XFAIL (known misses, each with a reason) and UNSUPPORTED are shown apart.
# Exits non-zero on any failure, or when no test ran at all.
pass=0 fail=0 xfail=0 unsup=0
for sum in "$@"; do
    if [ ! -f "$sum" ]; then
        echo "$sum: missing (that part of the testsuite did not run)"
        fail=$((fail + 1))
        continue
    fi
    p=$(grep -c '^PASS:' "$sum")
    f=$(grep -c '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\):' "$sum")
    x=$(grep -c '^XFAIL:' "$sum")
    u=$(grep -c '^\(UNSUPPORTED\|UNTESTED\):' "$sum")
    echo "$sum: $p PASS, $f FAIL/XPASS/UNRESOLVED, $x XFAIL, $u UNSUPPORTED"
    grep '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\):' "$sum" | head -n 40
    pass=$((pass + p)) fail=$((fail + f)) xfail=$((xfail + x)) unsup=$((unsup + u))
done
[ $xfail -gt 0 ] && echo "($xfail known misses marked XFAIL, $unsup unsupported)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
