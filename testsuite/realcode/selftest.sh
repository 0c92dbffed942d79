#!/bin/sh
# selftest.sh - the real-code check must fail on every kind of mismatch it promises to catch.
#
# usage: selftest.sh WORK SUM
# Runs build-aux/realcode-check.py on made-up findings and verdicts under
# WORK and writes one PASS or FAIL line per case to SUM: a finding without
# a verdict, a verdict whose finding is gone, a TODO verdict, a difference
# between -O0 and -O2 and a failed build each fail the check; matching
# findings pass it and count "wrong W of N"; --update adds the new finding
# with a TODO verdict and drops the gone one, but keeps the verdicts of a
# project that did not build.
set -u
here=$(cd "$(dirname "$0")" && pwd)
check=$here/../../build-aux/realcode-check.py
work=$1 sum=$2
rm -rf "$work"
mkdir -p "$work/-O2" "$work/-O0"
a="[sqlite] a.c: f: address of local 'x' escapes via the return value [escape-return] @ a.c: \`return p;\`"
b="[sqlite] a.c: g: address of local 'y' escapes to global 'g' [escape-global] @ a.c: \`g = &y;\`"
c="[sqlite] a.c: h: address of local 'z' escapes to global 'g' [escape-global] @ a.c: \`g = &z;\`"

# findings OPT LINE...: the findings of sqlite at OPT, built fine.
findings() {
    opt=$1
    shift
    : >"$work/$opt/sqlite.findings"
    for f in "$@"; do printf '%s\ta.c:1\n' "$f" >>"$work/$opt/sqlite.findings"; done
    echo "ok 1" >"$work/$opt/sqlite.status"
}
# verdicts KEY VERDICT ...: the verdicts file.
verdicts() {
    echo "# made up by selftest.sh" >"$work/verdicts.txt"
    while [ $# -ge 2 ]; do
        printf '\n%s\n    %s\n' "$1" "$2" >>"$work/verdicts.txt"
        shift 2
    done
}
# expect NAME STATUS PATTERN: run the check; STATUS 0 or 1, PATTERN in its output.
expect() {
    out=$(python3 "$check" "$work/verdicts.txt" "$work" "$work/case.sum" sqlite -O2 -O0 2>&1)
    got=$?
    if [ "$got" = "$2" ] && printf '%s\n' "$out" | grep -q -- "$3"; then
        echo "PASS: realcode selftest: $1"
    else
        echo "FAIL: realcode selftest: $1 (exit $got, wanted $2 and '$3')"
    fi
}

{
    findings -O2 "$a" "$b"
    findings -O0 "$a" "$b"
    verdicts "$a" "true: returned" "$b" "wrong correlated: undone"
    expect "matching findings pass and count the wrong ones" 0 "wrong 1 of 2"

    findings -O2 "$a" "$b" "$c"
    findings -O0 "$a" "$b" "$c"
    expect "a new finding without a verdict fails" 1 "new finding without a verdict"

    findings -O2 "$a"
    findings -O0 "$a"
    expect "a verdict whose finding is gone fails" 1 "finding gone"

    findings -O2 "$a" "$b"
    findings -O0 "$a" "$b"
    verdicts "$a" "true: returned" "$b" "TODO"
    expect "a TODO verdict fails" 1 "no verdict yet"

    verdicts "$a" "true: returned" "$b" "wrong: no tag"
    expect "a wrong verdict without its idiom fails" 1 "no verdict yet"

    verdicts "$a" "true: returned" "$b" "wrong correlated: undone"
    findings -O0 "$a"
    expect "a finding at -O2 only fails" 1 "differ between -O2 and -O0"

    findings -O0 "$a" "$b"
    echo "failed: make failed" >"$work/-O0/sqlite.status"
    expect "a failed build fails" 1 "builds at -O0: failed"

    echo "failed: make failed" >"$work/-O2/sqlite.status"
    : >"$work/-O2/sqlite.findings"
    python3 "$check" --update "$work/verdicts.txt" "$work" "$work/case.sum" sqlite -O2 -O0 >/dev/null 2>&1
    if grep -qF "$a" "$work/verdicts.txt" && grep -qF "$b" "$work/verdicts.txt"; then
        echo "PASS: realcode selftest: --update keeps the verdicts of a project that did not build"
    else
        echo "FAIL: realcode selftest: --update keeps the verdicts of a project that did not build"
    fi

    echo "ok 1" >"$work/-O0/sqlite.status"
    findings -O2 "$a" "$c"
    findings -O0 "$a" "$c"
    python3 "$check" --update "$work/verdicts.txt" "$work" "$work/case.sum" sqlite -O2 -O0 >/dev/null 2>&1
    if grep -qF "$c" "$work/verdicts.txt" && ! grep -qF "$b" "$work/verdicts.txt" &&
        grep -q '^    TODO' "$work/verdicts.txt" && grep -q '^    true: returned' "$work/verdicts.txt"; then
        echo "PASS: realcode selftest: --update adds the new finding as TODO and drops the gone one"
    else
        echo "FAIL: realcode selftest: --update adds the new finding as TODO and drops the gone one"
    fi
} >"$sum.tmp"
mv "$sum.tmp" "$sum"
