#!/bin/sh
# valgrind-one.sh - compile one torture file with the plugin, cc1 under memcheck; print one DejaGnu result line.
#
# usage: valgrind-one.sh CC PLUGIN WORKDIR OPT FILE
# gcc's -wrapper runs only cc1 (-S: no assembler) under valgrind.  A FAIL
# is any memcheck error (invalid access, use of uninitialised memory, a
# definite leak) that testsuite/torture/valgrind.supp does not match, or a
# compile that fails only with the plugin under valgrind.
cc=$1 plugin=$2 work=$3 opt=$4 file=$5
here=$(cd "$(dirname "$0")" && pwd)
name="valgrind: ${file#*gcc.c-torture/} $opt"
base=$(basename "$file" .c)$opt
dir=$work/$(basename "$(dirname "$file")")
mkdir -p "$dir"

# As one.sh: the levels GCC's harness skips, and the options the test asks for.
if grep -q "dg-skip-if.*\"$opt\"" "$file"; then
    echo "UNSUPPORTED: $name (dg-skip-if)"
    exit 0
fi
extra=$(sed -n 's/.*dg-\(additional-\)\{0,1\}options "\([^"]*\)" *}.*/\2/p' "$file" | head -n 1)
if grep -q 'dg-\(additional-\)\{0,1\}options "[^"]*" *{ *target' "$file"; then extra=; fi

vg="valgrind,--tool=memcheck,--error-exitcode=99,--num-callers=40,--leak-check=full"
vg="$vg,--show-leak-kinds=definite,--errors-for-leak-kinds=definite"
vg="$vg,--suppressions=$here/valgrind.supp,--log-file=$dir/$base.vg.%p"
# shellcheck disable=SC2086
LC_ALL=C timeout 1800 $cc -S $opt $extra -fplugin="$plugin" -wrapper "$vg" \
    -o "$dir/$base.s" "$file" >"$dir/$base.err" 2>&1
rc=$?
# One log per process valgrind ran: here only cc1.
set -- "$dir/$base".vg.*
if [ ! -f "$1" ]; then
    echo "FAIL: $name (cc1 did not run under valgrind)"
elif [ $rc -eq 99 ] || grep -q 'ERROR SUMMARY: [1-9]' "$@"; then
    echo "FAIL: $name ($(grep -h -m 1 'ERROR SUMMARY' "$@" | sed 's/^==[0-9]*== //'))"
elif [ $rc -eq 124 ]; then
    echo "FAIL: $name (timed out)"
elif [ $rc -ne 0 ]; then
    # shellcheck disable=SC2086
    if LC_ALL=C $cc -S $opt $extra -o /dev/null "$file" >/dev/null 2>&1; then
        echo "FAIL: $name (fails only with the plugin under valgrind, status $rc)"
    else
        echo "UNSUPPORTED: $name (does not compile without the plugin either)"
    fi
else
    echo "PASS: $name"
    rm -f "$dir/$base.s"
fi
