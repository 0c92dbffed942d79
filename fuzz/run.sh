#!/bin/sh
# run.sh - one libFuzzer harness for a bounded time; one PASS or FAIL line for make check's summary.
#
# usage: run.sh HARNESS NAME SECONDS WORKDIR SEEDS MAX_LEN [DICT]
# The corpus grows in WORKDIR/corpus/NAME from the seeds in SEEDS (kept
# between runs, so each run goes further); a crash, a leak, undefined
# behaviour, a timeout (10 s per input) or 2 GB of memory is a FAIL, whose
# input stays in WORKDIR/crashes/ and whose report is printed.  Replay:
#   HARNESS WORKDIR/crashes/NAME-crash-...
set -u
harness=$1 name=$2 seconds=$3 work=$4 seeds=$5 max_len=$6 dict=${7:-}
corpus=$work/corpus/$name
mkdir -p "$corpus" "$work/crashes" "$work/logs"
log=$work/logs/$name.log
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$work/crashes/$name-"
[ -n "$dict" ] && set -- "$@" -dict="$dict"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$harness" "$@" "$corpus" "$seeds" >"$log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
size=$(find "$corpus" -type f | wc -l)
if [ $status -eq 0 ]; then
    echo "PASS: fuzz-parsers: $name: ${runs:-?} inputs in $seconds s under ASan and UBSan, no crash (corpus $size)"
else
    crash=$(sed -n 's/.*Test unit written to //p' "$log" | head -n 1)
    echo "FAIL: fuzz-parsers: $name: exit $status after ${runs:-?} inputs; input ${crash:-(none)}; log $log"
    grep -m 1 -A 30 'ERROR: \|runtime error\|SUMMARY' "$log" | sed 's/^/    /' >&2
fi
