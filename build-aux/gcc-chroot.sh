#!/bin/sh
# gcc-chroot.sh - a Debian chroot holding GCC N and what the testsuite needs, made once in a cache folder.
#
# usage: gcc-chroot.sh CACHE N
#
# GCC 13 and 14 are Debian 13's (trixie), 15 and 16 Debian unstable's
# (sid); Debian 12 has only 11 and 12.  One chroot per suite, CACHE/SUITE,
# made by debootstrap --variant=minbase from the Debian mirror this
# machine's apt sources name (MIRROR= overrides it), so nothing comes from
# anywhere apt-get would not fetch from.  CACHE is outside the clone and is
# kept: CI works on a fresh clone each time, and a chroot costs about a
# minute to make and a few more to fill.  Later runs only install what is
# missing, without network when nothing is.  A lock serialises two runs
# on one suite; a chroot is built in SUITE.new and renamed when whole, so
# an interrupted debootstrap is started again, never used.
#
# Prints the chroot's path on standard output; everything else goes to
# standard error.
set -eu
cache=$1
major=$2

case $major in
13 | 14) suite=trixie ;;
15 | 16) suite=sid ;;
*)
    echo "error: GCC $major has no chroot here: 11 and 12 are Debian 12's own, 13 and 14 come from trixie, 15 and 16 from sid" >&2
    exit 1
    ;;
esac
if [ "$(id -u)" != 0 ]; then
    echo "error: GCC $major is tested in a Debian $suite chroot, which only root can make and enter;" \
        "run as root: make check-gcc GCC=$major" >&2
    exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
"$here/require.sh" "a GCC $major chroot" debootstrap:debootstrap util-linux:unshare util-linux:flock >&2

# The mirror of this machine's own release (bookworm), as apt names it.
if [ -z "${MIRROR:-}" ]; then
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    # shellcheck disable=SC2016
    MIRROR=$(apt-get indextargets --format '$(CODENAME) $(SITE)' 'Created-By: Packages' 2>/dev/null |
        awk -v c="$codename" '$1 == c { print $2; exit }')
    MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi

# sid's Release can be older than its Valid-Until on a frozen mirror.
apt_opts="-o Acquire::Check-Valid-Until=false -o DPkg::Lock::Timeout=900 -q"
sources_opts=
[ "$suite" = sid ] && sources_opts="[check-valid-until=no] "

# What the DejaGnu suite, the torture run and the oracle use; the plugin
# headers come with GCC's plugin-dev package.
packages="gcc-$major g++-$major gcc-$major-plugin-dev make libjansson-dev libelf-dev dejagnu
    python3 python3-jsonschema python3-yaml cmake ccache distcc xz-utils util-linux binutils
    csmith libcsmith-dev"

mkdir -p "$cache"
root=$cache/$suite
exec 9>"$cache/$suite.lock"
flock 9

if [ ! -x "$root/bin/sh" ]; then
    echo "gcc-chroot: making a Debian $suite chroot in $root from $MIRROR (about a minute)" >&2
    rm -rf "$root.new"
    debootstrap --variant=minbase "$suite" "$root.new" "$MIRROR" >"$cache/$suite.debootstrap.log" 2>&1 || {
        tail -n 20 "$cache/$suite.debootstrap.log" >&2
        echo "error: debootstrap $suite failed; its log: $cache/$suite.debootstrap.log" >&2
        exit 1
    }
    echo "deb $sources_opts$MIRROR $suite main" >"$root.new/etc/apt/sources.list"
    # No package's service (distcc's daemon) starts inside the chroot.
    printf '#!/bin/sh\nexit 101\n' >"$root.new/usr/sbin/policy-rc.d"
    chmod 755 "$root.new/usr/sbin/policy-rc.d"
    rm -rf "$root"
    mv "$root.new" "$root"
fi

missing=
for p in $packages; do
    # shellcheck disable=SC2016
    chroot "$root" dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "gcc-chroot: installing in the $suite chroot:$missing" >&2
    # shellcheck disable=SC2086
    {
        chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get $apt_opts update &&
            chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get $apt_opts install -y \
                --no-install-recommends $missing &&
            chroot "$root" apt-get clean
    } >&2
fi
echo "$root"
