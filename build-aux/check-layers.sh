#!/bin/sh
# check-layers.sh - reject an #include that points up a layer: the core's phases, then the reports, then the tools.
#
# usage: check-layers.sh TOP OUT
# Writes OUT in DejaGnu's summary format (one PASS or FAIL per source
# file), for build-aux/summarize.sh.  Every include of the project's own
# headers is written from the top of the tree ("core/ir/ir.h"), so the
# directory a header lives in is its layer.  From the bottom:
#
#   core/base      memory, bitsets, strings, files, the work budget, rule ids
#   core/ir        the IR, its control flow and the conditions on its edges
#   core/summaries results, per-function summaries, the library table, model files
#   core/solve     flows and the points-to solution
#   core/refine    the refinements of refine-list.h and the questions they answer
#   core/analysis  the analysis of a function and of a unit, heap-to-stack, summaries computed
#   report         diagnostics text, JSON, SARIF, embedded records
#   plugin, tool   GCC's adapter and gcc-escape
#
# A file may include its own layer and those below it, never one above.
# docs/design.md explains why each phase sits where it does.
set -eu

top=$1 out=$2
rank() {
    case $1 in
    core/base) echo 0 ;;
    core/ir) echo 1 ;;
    core/summaries) echo 2 ;;
    core/solve) echo 3 ;;
    core/refine) echo 4 ;;
    core/analysis) echo 5 ;;
    report) echo 6 ;;
    plugin | tool | testsuite/escape.unit) echo 7 ;;
    *) echo "" ;;
    esac
}

cd "$top"
tmp=$out.tmp
: >"$tmp"
for file in core/*/*.[ch] report/*.[ch] tool/*.[ch] plugin/*.cc plugin/*.h; do
    [ -f "$file" ] || continue
    layer=$(dirname "$file")
    mine=$(rank "$layer")
    bad=
    for header in $(sed -n 's/^#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file"); do
        case $header in
        */*) [ -f "$header" ] || continue ;; # a system header (GCC's c-family/...)
        *)
            # The compiler looks beside the file first: a project header
            # there must be named from the top; anything else is GCC's.
            [ -f "$layer/$header" ] && bad="$bad $header (not written from the top of the tree)"
            continue
            ;;
        esac
        theirs=$(rank "$(dirname "$header")")
        if [ -z "$theirs" ]; then
            bad="$bad $header (no such layer)"
        elif [ "$theirs" -gt "$mine" ]; then
            bad="$bad $header (up from $layer to $(dirname "$header"))"
        fi
    done
    if [ -n "$bad" ]; then
        echo "FAIL: layers: $file includes$bad" >>"$tmp"
    else
        echo "PASS: layers: $file" >>"$tmp"
    fi
done
mv "$tmp" "$out"
