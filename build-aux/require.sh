#!/bin/sh
# require.sh - make sure Debian packages are installed: install them as root, else say how.
#
# usage: require.sh PURPOSE PACKAGE:CHECK...
# CHECK is an absolute path (a file or a glob that must match) or a command
# name that must be on PATH.  As root, missing packages are installed with
# apt-get (after apt-get update: a fresh machine has no package lists);
# otherwise the script stops with the exact command to run.
set -eu
purpose=$1
shift
missing=
for spec in "$@"; do
    pkg=${spec%%:*}
    check=${spec#*:}
    case $check in
    /*) # shellcheck disable=SC2086
        found=no
        for f in $check; do [ -e "$f" ] && found=yes; done ;;
    *) command -v "$check" >/dev/null 2>&1 && found=yes || found=no ;;
    esac
    if [ "$found" = no ]; then
        case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "$purpose needs:$missing; installing with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >&2
    exit 0
fi
echo "error: $purpose needs Debian packages that are not installed:$missing" >&2
echo "run:   sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
