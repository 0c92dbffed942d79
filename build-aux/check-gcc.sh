#!/bin/sh
# check-gcc.sh - run a make target of this clone with GCC N: natively for 11 and 12, in a Debian chroot for 13 to 16.
#
# usage: check-gcc.sh CACHE N DEFAULT_MAJOR TARGET...
#
# Run from the top of the clone (make check-gcc does).  The build goes to
# build/gcc-N/ as for make CC=gcc-N; DEFAULT_MAJOR is the host's default
# GCC, passed on so that the chroot's own default (trixie's gcc is 14)
# does not make make pick build/.  For 13 to 16 the clone is bind-mounted
# at the same path inside the chroot (build-aux/gcc-chroot.sh), with /proc
# and /dev for DejaGnu's expect (it runs programs on a pseudo-terminal),
# in a mount namespace of its own: the mounts go away with the run, even
# when it is killed.
set -eu
cache=$1
major=$2
default_major=$3
shift 3
top=$(pwd)

case $major in
11 | 12)
    exec make --no-print-directory CC="gcc-$major" CXX="g++-$major" DEFAULT_MAJOR="$default_major" "$@"
    ;;
esac

root=$(build-aux/gcc-chroot.sh "$cache" "$major")
mkdir -p "$root$top"
echo "check-gcc: GCC $major in $root: make $*" >&2
status=0
# shellcheck disable=SC2016
unshare --mount --propagation private sh -euc '
    root=$1 top=$2
    shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --bind "$top" "$root$top"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin ${MAKEFLAGS:+MAKEFLAGS="$MAKEFLAGS"} \
        HOME=/root LANG=C.UTF-8 TERM=dumb ${CI:+CI=$CI} ${ESCAPE_UPDATE_IR:+ESCAPE_UPDATE_IR=$ESCAPE_UPDATE_IR} sh -c "cd \"\$0\" && exec make --no-print-directory \"\$@\"" "$top" "$@"
' check-gcc "$root" "$top" CC="gcc-$major" CXX="g++-$major" DEFAULT_MAJOR="$default_major" "$@" ||
    status=$?
# The mount point stays, empty: removing it from here would unmount the
# clone from under another run on it in its own namespace (Linux detaches
# a mount whose mount point is removed in another namespace).
exit $status
