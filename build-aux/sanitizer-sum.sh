#!/bin/sh
# sanitizer-sum.sh - one DejaGnu-style result per sanitizer report left by a make SANITIZE=1 run.
#
# usage: sanitizer-sum.sh LOGDIR >SUMFILE
# The sanitized programs leave their reports in LOGDIR (see
# build-aux/sanitizer-run.sh): ASan's and LSan's as NAME.WRAPPERPID.PID
# (other.PID for programs the tests run directly), and NAME.WRAPPERPID.exit66
# for a program stopped by a report, which for UBSan is the only record
# (the report itself is in the test's log).  Each is a FAIL; none at all
# is one PASS, provided sanitized programs did run.
set -u
logdir=$1
runs=0
[ -f "$logdir/runs" ] && runs=$(wc -l <"$logdir/runs")
reports=0
for report in "$logdir"/*.[0-9]*; do
    [ -f "$report" ] || continue
    reports=$((reports + 1))
    case $report in
    *.exit66)
        # Already counted when ASan's own report is there.
        ls "${report%.exit66}".[0-9]* >/dev/null 2>&1 && continue
        echo "FAIL: sanitizer: $(basename "${report%.exit66}"): stopped by a sanitizer" \
            "(UBSan's report is on its stderr, in the test's log): $(cut -c 1-200 "$report")"
        ;;
    *)
        what=$(grep -m 1 -E 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$report" |
            sed 's/^==[0-9]*==//')
        echo "FAIL: sanitizer: $(basename "$report"): ${what:-$(head -n 1 "$report")}"
        # The report itself goes to stderr, for the person reading make's output.
        sed -n '1,60s/^/    /p' "$report" >&2
        ;;
    esac
done
if [ "$runs" -eq 0 ]; then
    echo "FAIL: sanitizer: no sanitized compiler or tool ran (is $logdir writable?)"
elif [ $reports -eq 0 ]; then
    cc1=$(grep -c -E '^(cc1|lto1)$' "$logdir/runs")
    echo "PASS: sanitizer: no ASan, LSan or UBSan report from $runs sanitized runs" \
        "($cc1 of them cc1 or lto1, the ASan runtime preloaded)"
fi
exit 0
