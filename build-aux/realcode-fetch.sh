#!/bin/sh
# realcode-fetch.sh - fetch the real-code corpus once into a cache outside the clone, at the pinned versions.
#
# usage: realcode-fetch.sh SOURCES CACHE PROJECT...
# SOURCES is testsuite/realcode/sources.txt (project, how, package,
# version).  For each PROJECT, prints "PROJECT DIR": DIR is the extracted
# source tree in CACHE, fetched and unpacked on first use only:
#   npm         npm pack PACKAGE@VERSION (SQLite's amalgamation);
#   gcc-source  Debian's installed gcc-12-source tarball, whose version must
#               be VERSION (zlib/ and libiberty/ with what their configure
#               needs);
#   apt-source  apt-get source PACKAGE=VERSION, which unpacks with Debian's
#               patches applied; a deb-src entry for deb.debian.org bookworm
#               is added under /etc/apt/sources.list.d when there is none.
# A version that Debian no longer serves stops the script: the verdicts are
# for that code, so the pin and verdicts.txt must move together.
set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 SOURCES CACHE PROJECT..." >&2
    exit 2
fi
sources=$1 cache=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

# One fetch at a time (make check for two GCCs may share the cache).
exec 9>"$cache/.lock"
flock 9

die() {
    echo "$0: $*" >&2
    exit 1
}

# Apt's sources have a deb-src line (one-line or deb822 format) for
# bookworm on deb.debian.org, or we add one.
need_deb_src() {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        case $f in
        *.sources)
            awk 'BEGIN { RS = ""; found = 1 } /Types:[^\n]*deb-src/ && /deb\.debian\.org\/debian[ \n\/]/ &&
                /Suites:[^\n]*bookworm( |\n|$)/ { found = 0 } END { exit found }' "$f" && return 1 ;;
        *) grep -Eq '^[[:space:]]*deb-src[[:space:]].*deb\.debian\.org/debian/?[[:space:]]+bookworm[[:space:]]' "$f" &&
            return 1 ;;
        esac
    done
    return 0
}

add_deb_src() {
    need_deb_src || return 0
    list=/etc/apt/sources.list.d/gcc-escape-deb-src.sources
    if [ "$(id -u)" != 0 ]; then
        echo "$0: apt has no deb-src entry for deb.debian.org bookworm; as root, run:" >&2
        printf '  printf %s > %s && apt-get update\n' \
            "'Types: deb-src\\nURIs: http://deb.debian.org/debian\\nSuites: bookworm\\nComponents: main\\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\\n'" \
            "$list" >&2
        exit 1
    fi
    echo "$0: adding $list (Debian's source packages for bookworm)" >&2
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        >"$list.tmp"
    mv "$list.tmp" "$list"
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2
}

fetch_npm() { # project package version
    dir=$cache/npm/$2-$3
    if [ ! -f "$dir/.fetched" ]; then
        "$here/require.sh" "make check-realcode" npm:npm >&2
        rm -rf "$dir"
        mkdir -p "$dir"
        (cd "$dir" && npm pack --silent "$2@$3" >/dev/null && tar -xzf "$2-$3.tgz") ||
            die "npm pack $2@$3 failed"
        touch "$dir/.fetched"
    fi
    case $1 in
    sqlite) echo "$1 $dir/package/deps/sqlite3" ;;
    *) echo "$1 $dir/package" ;;
    esac
}

fetch_gcc_source() { # project package version
    "$here/require.sh" "make check-realcode" "$2:/usr/src/gcc-12/gcc-12*.tar.xz" >&2
    have=$(dpkg-query -W -f='${Version}' "$2" 2>/dev/null || true)
    [ "$have" = "$3" ] ||
        die "$2 is version $have, but the verdicts are for $3 (testsuite/realcode/sources.txt)"
    dir=$cache/gcc-source/$3
    if [ ! -f "$dir/.fetched" ]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        for tarball in /usr/src/gcc-12/gcc-12*.tar.xz; do break; done
        top=$(tar -tJf "$tarball" | head -n 1 | cut -d/ -f1)
        tar -xJf "$tarball" -C "$dir" --wildcards "$top/zlib/*" "$top/libiberty/*" \
            "$top/include/*" "$top/config/*" "$top/config.guess" "$top/config.sub" \
            "$top/install-sh" "$top/depcomp" "$top/missing" "$top/mkinstalldirs" \
            "$top/move-if-change" "$top/ltmain.sh" "$top/compile"
        [ "$top" = gcc ] || mv "$dir/$top" "$dir/gcc"
        touch "$dir/.fetched"
    fi
    echo "$1 $dir/gcc/$1"
}

fetch_apt_source() { # project package version
    upstream=${3#*:}
    dir=$cache/debian/$2_$upstream
    if [ ! -f "$dir/.fetched" ]; then
        "$here/require.sh" "make check-realcode" dpkg-dev:dpkg-source >&2
        add_deb_src
        rm -rf "$dir"
        mkdir -p "$dir"
        # apt's download user cannot write into root's private directories.
        [ "$(id -u)" != 0 ] || chown _apt "$dir" 2>/dev/null || true
        (cd "$dir" && apt-get source -q --download-only "$2=$3" >download.log 2>&1) || {
            cat "$dir/download.log" >&2
            die "apt-get source $2=$3 failed: is the pin in testsuite/realcode/sources.txt still in Debian (apt-cache showsrc $2)?"
        }
        (cd "$dir" && dpkg-source -x "$2_$upstream.dsc" src >extract.log 2>&1) ||
            { cat "$dir/extract.log" >&2; die "unpacking $2 $3 failed"; }
        got=$(dpkg-parsechangelog -l "$dir/src/debian/changelog" -S Version)
        [ "$got" = "$3" ] || die "apt-get source $2=$3 unpacked version $got"
        touch "$dir/.fetched"
    fi
    echo "$1 $dir/src"
}

for project in "$@"; do
    line=$(awk -v p="$project" '$1 == p { print; exit }' "$sources")
    [ -n "$line" ] || die "$project: not in $sources"
    # shellcheck disable=SC2086
    set -- $line
    case $2 in
    npm) fetch_npm "$1" "$3" "$4" ;;
    gcc-source) fetch_gcc_source "$1" "$3" "$4" ;;
    apt-source) fetch_apt_source "$1" "$3" "$4" ;;
    *) die "$project: unknown way to fetch '$2' in $sources" ;;
    esac
done
