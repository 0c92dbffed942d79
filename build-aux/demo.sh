#!/bin/sh
# demo.sh - compile every example with the plugin, so its warnings show as in a normal build.
#
# usage: demo.sh CC PLUGIN DIR
# Warnings never fail the demo; a file that does not compile does.
set -eu
cc=$1 plugin=$2 dir=$3
status=0
for file in "$dir"/*.c; do
    echo "== $file"
    if ! $cc -std=c11 -O2 -fplugin="$plugin" -c "$file" -o /dev/null; then
        echo "demo: $file does not compile" >&2
        status=1
    fi
done
exit $status
