#!/bin/sh
# realcode.sh - build the real-code corpus with its own build systems and the plugin, and collect its findings.
#
# usage: realcode.sh CC PLUGIN WORK OPT [EXTRA-FLAGS...]
# Environment: REALCODE_PROJECTS (default: every project of
# testsuite/realcode/sources.txt: sqlite zlib libiberty libuv nginx git),
# REALCODE_CACHE (default /var/cache/gcc-escape/realcode: the fetched and
# unpacked sources, kept between runs, outside the clone), JOBS (make -j,
# default 2).
#
# Each project is built as its own build system builds it, with CFLAGS
# "OPT -fplugin=PLUGIN -fdiagnostics-plain-output -fno-show-column
# EXTRA-FLAGS" and CC build-aux/realcode-cc.sh, which keeps each compile's
# diagnostics in a file of its own:
#   sqlite     gcc -c sqlite3.c (the amalgamation is one file);
#   zlib       configure (out of tree) && make libz.a;
#   libiberty  configure (out of tree) && make libiberty.a;
#   libuv      cmake -DBUILD_TESTING=OFF && cmake --build --target uv_a
#              (the library Debian's libuv1 ships, once: uv and uv_a
#              compile the same files);
#   nginx      configure with Debian's nginx-core modules, in a copy of the
#              tree (CFLAGS in the environment replaces nginx's own, -Werror
#              among them) && make;
#   git        make all NO_TCLTK=1, in a copy of the tree.
# Writes WORK/OPT/NAME.log (every diagnostic), WORK/OPT/NAME.findings (the
# plugin's warnings, one per line, keyed by build-aux/realcode-findings.py),
# WORK/OPT/NAME.status ("ok SECONDS" or "failed: why") and prints one line
# per project.  A project that fails to build does not stop the others;
# the exit status is then 1.
set -eu

if [ $# -lt 4 ]; then
    echo "usage: $0 CC PLUGIN WORK OPT [EXTRA-FLAGS...]" >&2
    exit 2
fi
cc=$1 plugin=$2 work=$3 opt=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
sources=$here/../testsuite/realcode/sources.txt
projects=${REALCODE_PROJECTS:-$(awk '!/^#/ && NF { printf "%s ", $1 }' "$sources")}
cache=${REALCODE_CACHE:-/var/cache/gcc-escape/realcode}
jobs=${JOBS:-2}

mkdir -p "$work"
work=$(cd "$work" && pwd)
out=$work/$opt
rm -rf "$out"
mkdir -p "$out"
# A private copy: rebuilding the plugin during the run cannot change it.
cp "$plugin" "$out/escape.so"
flags="$opt -fplugin=$out/escape.so -fdiagnostics-plain-output -fno-show-column $*"

# shellcheck disable=SC2086
"$here/realcode-fetch.sh" "$sources" "$cache" $projects >"$out/sources"

export REALCODE_CC="$cc" LC_ALL=C
wrapper=$here/realcode-cc.sh

# build NAME SRC BUILD: run NAME's build system; its compiles' diagnostics
# land in $REALCODE_DIAG, emptied after configuring (configure's test
# programs are not the project's code).  Prints the source root that
# relative paths in the diagnostics are resolved against.
build() {
    name=$1 src=$2 bld=$3
    case $name in
    sqlite)
        mkdir -p "$bld"
        # shellcheck disable=SC2086
        (cd "$src" && "$wrapper" $flags -c sqlite3.c -o "$bld/sqlite3.o") ;;
    zlib | libiberty)
        mkdir -p "$bld"
        (cd "$bld" && CC=$wrapper "$src/configure" >configure.log 2>&1) ||
            { echo "configure failed: $bld/configure.log"; return 1; }
        rm -f "$REALCODE_DIAG"/*
        target=libz.a
        [ "$name" = libiberty ] && target=libiberty.a
        (cd "$bld" && make -j"$jobs" "$target" CFLAGS="$flags" >make.out) ;;
    libuv)
        "$here/require.sh" "building libuv" cmake:cmake >&2 || return 1
        cmake -S "$src" -B "$bld" -DCMAKE_C_COMPILER="$wrapper" -DCMAKE_BUILD_TYPE=None \
            -DBUILD_TESTING=OFF -DCMAKE_C_FLAGS="$flags" >"$out/libuv-configure.log" 2>&1 ||
            { echo "cmake failed: $out/libuv-configure.log"; return 1; }
        rm -f "$REALCODE_DIAG"/*
        cmake --build "$bld" --target uv_a -j "$jobs" >"$out/libuv-make.out" ;;
    nginx)
        "$here/require.sh" "building nginx" libpcre2-dev:/usr/include/pcre2.h \
            libssl-dev:/usr/include/openssl/ssl.h zlib1g-dev:/usr/include/zlib.h >&2 || return 1
        rm -rf "$bld"
        cp -a "$src" "$bld"
        # Debian's configure flags for nginx-core, less the modules that
        # need other libraries (GeoIP, GD, Perl, XSLT).
        (cd "$bld" && CFLAGS="$flags" ./configure --with-cc="$wrapper" --with-compat --with-debug \
            --with-pcre-jit --with-http_ssl_module --with-http_stub_status_module \
            --with-http_realip_module --with-http_auth_request_module --with-http_v2_module \
            --with-http_dav_module --with-http_slice_module --with-threads \
            --with-http_addition_module --with-http_flv_module --with-http_gunzip_module \
            --with-http_gzip_static_module --with-http_mp4_module \
            --with-http_random_index_module --with-http_secure_link_module \
            --with-http_sub_module --with-mail --with-mail_ssl_module --with-stream \
            --with-stream_ssl_module --with-stream_ssl_preread_module \
            --with-stream_realip_module >configure.log 2>&1) ||
            { echo "configure failed: $bld/configure.log"; return 1; }
        rm -f "$REALCODE_DIAG"/*
        (cd "$bld" && make -j"$jobs" >make.out) ;;
    git)
        "$here/require.sh" "building git" zlib1g-dev:/usr/include/zlib.h \
            libcurl4-gnutls-dev:'/usr/include/*/curl/curl.h' libexpat1-dev:/usr/include/expat.h \
            gettext:msgfmt >&2 || return 1
        rm -rf "$bld"
        cp -a "$src" "$bld"
        (cd "$bld" && make -j"$jobs" all CC="$wrapper" CFLAGS="$flags" NO_TCLTK=1 >make.out) ;;
    *)
        echo "no build for $name"
        return 1 ;;
    esac
}

status=0
for name in $projects; do
    src=$(awk -v p="$name" '$1 == p { print $2 }' "$out/sources")
    bld=$out/$name-build
    REALCODE_DIAG=$out/$name.diag
    export REALCODE_DIAG
    rm -rf "$REALCODE_DIAG"
    mkdir -p "$REALCODE_DIAG"
    root=$src
    case $name in nginx | git) root=$bld ;; esac
    start=$(date +%s)
    if why=$(build "$name" "$src" "$bld" 2>"$out/$name.stderr"); then
        echo "ok $(($(date +%s) - start))" >"$out/$name.status"
    else
        echo "failed: ${why:-the build failed; see $out/$name.stderr}" >"$out/$name.status"
        status=1
    fi
    # The compiles' diagnostics, without those that said nothing.
    for f in "$REALCODE_DIAG"/*; do
        [ -f "$f" ] || continue
        [ "$(wc -l <"$f")" -le 1 ] || cat "$f"
    done >"$out/$name.log"
    python3 "$here/realcode-findings.py" "$name" "$root" "$REALCODE_DIAG" >"$out/$name.findings"
    printf '%s %s: %s findings (%s heap-to-stack), %s\n' "$opt" "$name" \
        "$(wc -l <"$out/$name.findings")" "$(grep -c 'heap-to-stack\]' "$out/$name.findings" || true)" \
        "$(cat "$out/$name.status")"
done
exit $status
