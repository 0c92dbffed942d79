#!/bin/sh
# run.sh - GCC's C torture suite with and without the plugin, on every core.
#
# usage: run.sh CC PLUGIN GCC_TESTSUITE WORKDIR JOBS
# Writes WORKDIR/torture.sum (DejaGnu-style result lines) and prints a
# summary; the plugin's diagnostics for each file stay in WORKDIR.
set -u
cc=$1 plugin=$2 tests=$3 work=$4 jobs=$5
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
# A private copy: rebuilding the plugin during the run cannot change it.
cp "$plugin" "$work/escape.so"
plugin=$work/escape.so
start=$(date +%s)
# one.sh: what a file that no longer compiles at this GCC's defaults is
# compiled with instead (-fpermissive is C's from GCC 14 on).
major=$($cc -dumpversion | cut -d. -f1)
TORTURE_FALLBACK=
[ "$major" -ge 14 ] && TORTURE_FALLBACK="-std=gnu17 -fpermissive"
export TORTURE_FALLBACK
for opt in -O0 -O2; do
    find "$tests/gcc.c-torture/compile" "$tests/gcc.c-torture/execute" -name '*.c' | sort |
        xargs -P "$jobs" -I{} sh "$here/one.sh" "$cc" "$plugin" "$opt" {} "$work"
done >"$work/torture.unsorted"

# The plugin's warnings must not depend on -O: compare each file's
# escape warnings and heap-to-stack suggestions at both levels.
ours='\[(escape-[a-z]+|heap-to-stack)\]'
for o0 in "$work"/*/*-O0.plugin.err; do
    o2=${o0%-O0.plugin.err}-O2.plugin.err
    [ -f "$o2" ] || continue
    name=$(basename "$(dirname "$o0")")/$(basename "${o0%-O0.plugin.err}").c
    if [ "$(grep -E "$ours" "$o0" | sort)" = "$(grep -E "$ours" "$o2" | sort)" ]; then
        echo "PASS: $name same warnings at -O0 and -O2"
    else
        echo "FAIL: $name warnings differ between -O0 and -O2"
    fi
done >>"$work/torture.unsorted"
sort -k2 "$work/torture.unsorted" >"$work/torture.sum"
rm -f "$work/torture.unsorted"
end=$(date +%s)
pass=$(grep -c '^PASS:' "$work/torture.sum")
fail=$(grep -c '^FAIL:' "$work/torture.sum")
unsup=$(grep -c '^UNSUPPORTED:' "$work/torture.sum")
ice=$(grep -c 'internal compiler error' "$work/torture.sum")
warned=$(cat "$work"/*/*-O0.plugin.err | grep -c 'warning: .*\[escape-')
advised=$(cat "$work"/*/*-O0.plugin.err | grep -c 'warning: .*\[heap-to-stack\]')
fallback=$(grep -cF -- "(as $TORTURE_FALLBACK)" "$work/torture.sum")
[ -n "$TORTURE_FALLBACK" ] || fallback=0
echo "torture: $pass PASS, $fail FAIL ($ice internal compiler errors), $unsup UNSUPPORTED" \
    "in $((end - start)) s with $jobs jobs; $warned escape warnings and $advised heap-to-stack" \
    "suggestions at -O0; $fallback compiles at GCC $major's defaults failed and were done as" \
    "${TORTURE_FALLBACK:-(none)}"
grep '^FAIL:' "$work/torture.sum" | head -n 20
exit 0
