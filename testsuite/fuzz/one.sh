#!/bin/sh
# one.sh - one Csmith program, compiled with and without the plugin at -O0 and -O2; prints DejaGnu result lines.
#
# usage: one.sh CC PLUGIN SEED WORKDIR
# The program is `csmith $CSMITH_OPTS --seed SEED`: the same seed gives the
# same program with the same Csmith.  The plugin must not crash GCC, must
# not make a compile fail or hang, must not change the assembly, and must
# not report an internal error of its own.  At one of the two levels
# (-O0 for even seeds, -O2 for odd ones) it also writes its JSON report
# and SARIF log, which must be valid JSON and match their schemas.
# A failing seed keeps everything in WORKDIR/failed/SEED, with the
# commands that were run; a passing one leaves only its escape warnings.
set -u
cc=$1 plugin=$2 seed=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

# Csmith's defaults, bounded so that no program takes long to compile:
# fewer, shallower functions than the defaults (10 functions, blocks 5
# deep) still give every construct Csmith knows (pointers to pointers,
# structs, unions, bit-fields, arrays, volatiles, goto).
CSMITH_OPTS="--max-funcs 8 --max-block-depth 4"
# Csmith's headers (libcsmith-dev); its safe-math helpers are static inline.
CFLAGS="-I/usr/include/csmith -fdiagnostics-plain-output -fno-diagnostics-color"
TIMEOUT=${FUZZ_TIMEOUT:-120}

dir=$work/seeds/$seed
rm -rf "$dir"
mkdir -p "$dir"
# Csmith writes platform.info into the current directory.
cd "$dir" || exit 1
src=$dir/fuzz-$seed.c
commands=$dir/commands
echo "cd $dir" >"$commands"
export LC_ALL=C

# Runs a command with the timeout, recording it in COMMANDS so it can be replayed.
run() {
    out=$1
    shift
    echo "$* >$out 2>&1" >>"$commands"
    timeout "$TIMEOUT" "$@" >"$out" 2>&1
}

fail() {
    echo "FAIL: fuzz seed $seed $1"
    failed=yes
}

failed=no
# shellcheck disable=SC2086
if ! run "$dir/csmith.err" csmith $CSMITH_OPTS --seed "$seed" -o "$src"; then
    echo "UNSUPPORTED: fuzz seed $seed (csmith failed or timed out)"
    rm -rf "$dir"
    exit 0
fi

for opt in -O0 -O2; do
    reports=
    case $((seed % 2))$opt in
    0-O0 | 1-O2)
        reports="-fplugin-arg-escape-json=$dir/report$opt.json -fplugin-arg-escape-sarif=$dir/report$opt.sarif"
        ;;
    esac
    # shellcheck disable=SC2086
    run "$dir/base$opt.err" "$cc" -S $opt $CFLAGS -o "$dir/base$opt.s" "$src"
    rc_base=$?
    # shellcheck disable=SC2086
    run "$dir/plugin$opt.err" "$cc" -S $opt $CFLAGS -fplugin="$plugin" $reports \
        -o "$dir/plugin$opt.s" "$src"
    rc_plugin=$?

    # Same order as the torture run's checks: the first that fails is the cause.
    if [ $rc_base -eq 124 ] && [ $rc_plugin -eq 124 ]; then
        echo "UNSUPPORTED: fuzz seed $seed $opt (over ${TIMEOUT} s even without the plugin)"
        continue
    elif [ $rc_plugin -eq 124 ]; then
        fail "$opt (timed out after ${TIMEOUT} s only with the plugin)"
    elif grep -q 'internal compiler error\|Segmentation fault\|Please submit a full bug report' \
        "$dir/plugin$opt.err" && ! grep -q 'internal compiler error' "$dir/base$opt.err"; then
        fail "$opt (internal compiler error with the plugin)"
    elif [ $rc_base -ne 0 ] && [ $rc_plugin -ne 0 ]; then
        echo "UNSUPPORTED: fuzz seed $seed $opt (does not compile without the plugin either)"
        continue
    elif [ $rc_base -eq 124 ]; then
        echo "UNSUPPORTED: fuzz seed $seed $opt (over ${TIMEOUT} s without the plugin)"
        continue
    elif [ $rc_plugin -ne 0 ]; then
        fail "$opt (compiles only without the plugin)"
    elif [ $rc_base -ne 0 ]; then
        fail "$opt (compiles only with the plugin)"
    elif ! cmp -s "$dir/base$opt.s" "$dir/plugin$opt.s"; then
        fail "$opt (assembly differs with the plugin)"
    elif grep -q 'internal error' "$dir/plugin$opt.err"; then
        fail "$opt (the plugin reports an internal error)"
    else
        echo "PASS: fuzz seed $seed $opt"
    fi

    if [ -n "$reports" ]; then
        echo "python3 $here/reports.py $top $dir/report$opt.json $dir/report$opt.sarif" >>"$commands"
        if [ $rc_plugin -ne 0 ]; then
            :
        elif why=$(python3 "$here/reports.py" "$top" "$dir/report$opt.json" "$dir/report$opt.sarif" 2>&1); then
            echo "PASS: fuzz seed $seed $opt JSON and SARIF reports valid"
        else
            fail "$opt JSON and SARIF reports valid ($why)"
        fi
    fi
done

# What the plugin said, for the run's totals.  Whether its warnings are
# the same at both levels is counted but not a failure: GCC removes code
# it proves dead before the plugin runs at -O2 and not at -O0 (a branch on
# a const local; see docs/limits.md), and Csmith writes such code often.
mkdir -p "$work/warnings"
ours='\[(escape-[a-z]+|heap-to-stack)\]$'
for opt in -O0 -O2; do
    grep -E "$ours" "$dir/plugin$opt.err" >"$work/warnings/$seed$opt.txt" 2>/dev/null
    grep 'gcc-escape: analysis of .* skipped' "$dir/plugin$opt.err" 2>/dev/null |
        grep -vc 'internal error' >"$work/warnings/$seed$opt.skipped"
done
if [ -f "$dir/plugin-O0.s" ] && [ -f "$dir/plugin-O2.s" ] &&
    [ "$(sort "$work/warnings/$seed-O0.txt")" != "$(sort "$work/warnings/$seed-O2.txt")" ]; then
    touch "$work/warnings/$seed.differ"
fi

if [ $failed = yes ]; then
    mkdir -p "$work/failed"
    rm -rf "$work/failed/$seed"
    mv "$dir" "$work/failed/$seed"
    # Replayable where the files now are.
    sed "s|$dir|$work/failed/$seed|g" "$work/failed/$seed/commands" >"$work/failed/$seed/commands.new"
    mv "$work/failed/$seed/commands.new" "$work/failed/$seed/commands"
else
    rm -rf "$dir"
fi
exit 0
