#!/bin/sh
# run.sh - random C programs from Csmith, each compiled with and without the plugin, on every core.
#
# usage: run.sh CC PLUGIN WORKDIR COUNT BASE_SEED JOBS
# Seeds BASE_SEED .. BASE_SEED+COUNT-1, one program each (one.sh).  Writes
# WORKDIR/fuzz.sum (DejaGnu-style result lines) and prints a summary, with
# the seed, the cause and the exact commands of every failure; a failing
# seed's program and outputs stay in WORKDIR/failed/SEED.
set -u
cc=$1 plugin=$2 work=$3 count=$4 base=$5 jobs=$6
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
# A private copy: rebuilding the plugin during the run cannot change it.
cp "$plugin" "$work/escape.so"
plugin=$work/escape.so
last=$((base + count - 1))
# (Csmith writes platform.info into the current directory.)
version=$(cd "$work" && csmith --version | head -n 1)
echo "fuzz: $count Csmith programs, seeds $base..$last, $jobs jobs ($version)"
start=$(date +%s)
seq "$base" "$last" | xargs -P "$jobs" -I{} sh "$here/one.sh" "$cc" "$plugin" {} "$work" \
    >"$work/fuzz.unsorted"

sort -t ' ' -k4,4n -k5 "$work/fuzz.unsorted" >"$work/fuzz.sum"
rm -f "$work/fuzz.unsorted"
end=$(date +%s)

pass=$(grep -c '^PASS:' "$work/fuzz.sum")
fail=$(grep -c '^FAIL:' "$work/fuzz.sum")
unsup=$(grep -c '^UNSUPPORTED:' "$work/fuzz.sum")
warned=$(cat "$work"/warnings/*-O0.txt 2>/dev/null | grep -c '\[escape-')
advised=$(cat "$work"/warnings/*-O0.txt 2>/dev/null | grep -c '\[heap-to-stack\]')
programs=$(cat "$work"/warnings/*-O0.txt 2>/dev/null | grep '\[escape-' | cut -d: -f1 | sort -u | wc -l)
too_large=$(cat "$work"/warnings/*.skipped 2>/dev/null | awk '{ n += $1 } END { print n + 0 }')
echo "fuzz: $pass PASS, $fail FAIL, $unsup UNSUPPORTED in $((end - start)) s;" \
    "$warned escape warnings in $programs programs and $advised heap-to-stack suggestions" \
    "at -O0; $too_large functions skipped as too large"
differ=$(find "$work/warnings" -name '*.differ' 2>/dev/null | sed 's|.*/||; s|\.differ$||' | sort -n)
if [ -n "$differ" ]; then
    echo "fuzz: $(echo "$differ" | wc -l) programs have escape warnings that differ between -O0" \
        "and -O2 (counted, not failed: docs/testing.md#fuzzing), seeds" \
        "$(echo "$differ" | head -n 10 | tr '\n' ' ')"
fi
grep '^UNSUPPORTED:' "$work/fuzz.sum" | head -n 10

# Each failure with what it takes to see it again.
for seed in $(grep '^FAIL:' "$work/fuzz.sum" | cut -d' ' -f4 | sort -un | head -n 20); do
    grep "^FAIL: fuzz seed $seed " "$work/fuzz.sum"
    echo "  kept in $work/failed/$seed; again: make check-fuzz FUZZ_SEED=$seed FUZZ_COUNT=1"
    sed 's/^/  $ /' "$work/failed/$seed/commands"
done
exit 0
