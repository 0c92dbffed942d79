#!/bin/sh
# demo.sh - compile every example with the escape plugin, show its warnings, and write its JSON and SARIF.
#
# usage: demo.sh CC PLUGIN TOOL DIR WORK
# Compiles each DIR/*.c with "$CC -fplugin=$PLUGIN -O2 -c FILE -o /dev/null",
# after a header line naming the file, writing DIR/NAME.json (the JSON
# report) and WORK/NAME.sarif; then merges the SARIF logs with TOOL into
# DIR/escape.sarif, one run as code scanning wants it.  Warnings never
# fail the demo; it exits non-zero only if a compile fails (after trying
# every file) or the merge does.
set -eu

if [ $# -ne 5 ]; then
    echo "usage: $0 CC PLUGIN TOOL DIR WORK" >&2
    exit 2
fi
cc=$1
plugin=$2
tool=$3
dir=$4
work=$5

rm -rf "$work"
mkdir -p "$work"
failed=
count=0
for file in "$dir"/*.c; do
    if [ ! -e "$file" ]; then
        echo "$0: no *.c files in $dir" >&2
        exit 1
    fi
    count=$((count + 1))
    name=$(basename "$file" .c)
    echo "== $file"
    # $cc is deliberately unquoted: CC may be a command with arguments.
    # shellcheck disable=SC2086
    if ! $cc -fplugin="$plugin" -fplugin-arg-escape-json="$dir/$name.json" \
        -fplugin-arg-escape-sarif="$work/$name.sarif" -O2 -c "$file" -o /dev/null; then
        failed="$failed $file"
    fi
done

if [ -n "$failed" ]; then
    echo "$0: compile failed:$failed" >&2
    exit 1
fi
"$tool" merge -o "$dir/escape.sarif" "$work"/*.sarif
echo "== $count files compiled"
echo "== wrote $dir/*.json (a JSON report per file, docs/json.md)"
echo "== wrote $dir/escape.sarif (every finding, one SARIF run: docs/sarif.md)"
