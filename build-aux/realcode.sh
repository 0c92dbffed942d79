#!/bin/sh
# realcode.sh - compile SQLite, GCC's zlib and GCC's libiberty with the plugin and collect its findings.
#
# usage: realcode.sh CC PLUGIN WORK OPT [EXTRA-FLAGS...]
# Builds, under WORK (created if needed; sources are fetched once):
#   zlib and libiberty from GCC 12's source tarball (Debian's gcc-12-source),
#     each configured out of tree and built with its own Makefile (libz.a,
#     libiberty.a: exactly the .c files the library is made of on this host);
#   the SQLite amalgamation sqlite3.c from npm's better-sqlite3@12.11.1.
# with CFLAGS "OPT -fplugin=PLUGIN -fdiagnostics-plain-output
# -fno-show-column EXTRA-FLAGS", and writes WORK/OPT/NAME.log (the
# compilers' diagnostics, source paths relative to the code base) and
# WORK/OPT/NAME.findings (only the plugin's warnings), then prints the count
# per code base.  docs/findings.md reviews every finding.
set -eu

if [ $# -lt 4 ]; then
    echo "usage: $0 CC PLUGIN WORK OPT [EXTRA-FLAGS...]" >&2
    exit 2
fi
cc=$1 plugin=$2 work=$3 opt=$4
shift 4
tarball=
for t in /usr/src/gcc-12/gcc-12*.tar.xz; do
    [ -e "$t" ] && tarball=$t && break
done
sqlite_pkg=better-sqlite3@12.11.1
ours='\[(escape-[a-z]+|heap-to-stack)\]'

mkdir -p "$work"
work=$(cd "$work" && pwd)
src=$work/src/gcc-12.2.0
if [ ! -f "$src/.extracted" ]; then
    [ -n "$tarball" ] || { echo "$0: no GCC 12 source tarball; apt-get install gcc-12-source" >&2; exit 1; }
    mkdir -p "$work/src"
    tar -xJf "$tarball" -C "$work/src" --wildcards 'gcc-12.2.0/zlib/*' \
        'gcc-12.2.0/libiberty/*' 'gcc-12.2.0/include/*' 'gcc-12.2.0/config/*' \
        gcc-12.2.0/config.guess gcc-12.2.0/config.sub gcc-12.2.0/install-sh \
        gcc-12.2.0/depcomp gcc-12.2.0/missing gcc-12.2.0/mkinstalldirs \
        gcc-12.2.0/move-if-change gcc-12.2.0/ltmain.sh gcc-12.2.0/compile
    touch "$src/.extracted"
fi
sqlite=$work/sqlite/package/deps/sqlite3/sqlite3.c
if [ ! -f "$sqlite" ]; then
    mkdir -p "$work/sqlite"
    (cd "$work/sqlite" && npm pack --silent "$sqlite_pkg" >/dev/null &&
        tar -xzf better-sqlite3-*.tgz)
fi

out=$work/$opt
rm -rf "$out"
mkdir -p "$out"
flags="$opt -fplugin=$plugin -fdiagnostics-plain-output -fno-show-column $*"

for lib in zlib libiberty; do
    build=$out/$lib-build
    mkdir -p "$build"
    (cd "$build" && CC=$cc "$src/$lib/configure" >configure.log 2>&1) ||
        { echo "$0: configuring $lib failed: $build/configure.log" >&2; exit 1; }
    target=libz.a
    [ "$lib" = libiberty ] && target=libiberty.a
    # Each compile's diagnostics, whatever make prints around them.
    if ! (cd "$build" && LC_ALL=C make -j2 "$target" CFLAGS="$flags" >make.out 2>"$out/$lib.raw"); then
        echo "$0: building $lib failed: $out/$lib.raw" >&2
        exit 1
    fi
    sed "s|$src/$lib/||" "$out/$lib.raw" >"$out/$lib.log"
    rm "$out/$lib.raw"
done

# shellcheck disable=SC2086
(cd "$(dirname "$sqlite")" && LC_ALL=C $cc $flags -c sqlite3.c -o "$out/sqlite3.o") \
    2>"$out/sqlite.log" || { echo "$0: compiling sqlite3.c failed: $out/sqlite.log" >&2; exit 1; }

for name in zlib libiberty sqlite; do
    grep -E "$ours" "$out/$name.log" >"$out/$name.findings" || true
    printf '%s %s: %s findings (%s heap-to-stack)\n' "$opt" "$name" \
        "$(wc -l <"$out/$name.findings")" "$(grep -c 'heap-to-stack\]' "$out/$name.findings" || true)"
done
