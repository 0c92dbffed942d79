#!/bin/sh
# realcode-cc.sh - run the real compiler and keep each compile's diagnostics whole in a file of their own.
#
# Set as CC for the real-code builds (build-aux/realcode.sh), with
# REALCODE_CC the compiler and REALCODE_DIAG a directory: make -j2 lets two
# compilers write to one stderr at once, which would mix a warning with
# another file's "In function" line.  Each file starts with the compile's
# working directory, so that relative paths in it can be resolved.
log=$(mktemp "$REALCODE_DIAG/cc.XXXXXX") || exit 1
echo "# cwd: $PWD" >"$log"
# shellcheck disable=SC2086
$REALCODE_CC "$@" 2>>"$log"
rc=$?
tail -n +2 "$log" >&2
exit $rc
