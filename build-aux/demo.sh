#!/bin/sh
# demo.sh - compile every example with the escape plugin and show its warnings like a normal build.
#
# usage: demo.sh CC PLUGIN DIR
# Compiles each DIR/*.c with "$CC -fplugin=$PLUGIN -O2 -c FILE -o /dev/null",
# after a header line naming the file.  Warnings never fail the demo; it
# exits non-zero only if a compile fails (after trying every file).
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 CC PLUGIN DIR" >&2
    exit 2
fi
cc=$1
plugin=$2
dir=$3

failed=
count=0
for file in "$dir"/*.c; do
    if [ ! -e "$file" ]; then
        echo "$0: no *.c files in $dir" >&2
        exit 1
    fi
    count=$((count + 1))
    echo "== $file"
    # $cc is deliberately unquoted: CC may be a command with arguments.
    # shellcheck disable=SC2086
    if ! $cc -fplugin="$plugin" -O2 -c "$file" -o /dev/null; then
        failed="$failed $file"
    fi
done

if [ -n "$failed" ]; then
    echo "$0: compile failed:$failed" >&2
    exit 1
fi
echo "== $count files compiled"
