#!/bin/sh
# sanitizer-run.sh - run one program of the sanitized testsuite (make SANITIZE=1) and keep a record of any sanitizer report.
#
# usage: sanitizer-run.sh LOGDIR PRELOAD DRIVER PROGRAM [ARG...]
# The generated $(B)/bin/gcc passes it to gcc as -wrapper, so it runs each
# of the driver's subprocesses; $(B)/bin/gcc-escape runs the tool with it.
#
# cc1 and lto1 are not built with ASan, so the ASan runtime (PRELOAD) must
# be loaded before them, when they load the plugin, for it to load at all.  Leaks are
# checked there too, with build-aux/lsan-gcc.supp hiding GCC's own, which
# are by design.  collect2 gets DRIVER as COLLECT_GCC: lto-wrapper runs that
# driver again, so lto1 comes through here as well.
#
# Any report stops the program with status 66.  ASan's and LSan's reports
# go to LOGDIR, then are copied to stderr where the test sees them; UBSan
# (GCC 12's, next to ASan) ignores log_path and writes to stderr itself, so
# the status is recorded in LOGDIR too.  build-aux/sanitizer-sum.sh turns
# each record into a FAIL: a test that expects a failure anyway, or only
# greps the output, cannot hide a report.
set -u
logdir=$1 preload=$2 driver=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
# make check empties it first; a partial run (make check-dg) may find none.
[ -d "$logdir" ] || mkdir -p "$logdir" 2>/dev/null
name=$(basename "$1")
log=$logdir/$name.$$
common="halt_on_error=1:exitcode=66:log_path=$log"
case $name in
cc1 | cc1plus | lto1)
    # Without the plugin there is nothing of ours to check (and LSan's
    # symbolizing GCC's leaks costs cc1 0.15 s of CPU each time).
    case " $* " in *" -fplugin="*) ;; *) exec "$@" ;; esac
    LD_PRELOAD=$preload${LD_PRELOAD:+:$LD_PRELOAD}
    export LD_PRELOAD
    ASAN_OPTIONS="$common:detect_leaks=1"
    LSAN_OPTIONS="suppressions=$here/lsan-gcc.supp:print_suppressions=0"
    export LSAN_OPTIONS
    ;;
collect2)
    COLLECT_GCC=$driver
    export COLLECT_GCC
    # The linker and its helpers are not under test: no runtime for them.
    exec "$@"
    ;;
cpp | as | ld | lto-wrapper) exec "$@" ;;
*) ASAN_OPTIONS="$common:detect_leaks=1" ;;
esac
UBSAN_OPTIONS="halt_on_error=1:exitcode=66:print_stacktrace=1"
export ASAN_OPTIONS UBSAN_OPTIONS
# Counted, so that a run with no report can be told from a run with no
# sanitized program.  (distccd may run this as another user.)
{ echo "$name" >>"$logdir/runs"; } 2>/dev/null
"$@"
status=$?
for report in "$log".*; do
    [ -f "$report" ] && cat "$report" >&2
done
if [ $status -eq 66 ]; then
    { echo "$*" >"$log.exit66"; } 2>/dev/null
fi
exit $status
