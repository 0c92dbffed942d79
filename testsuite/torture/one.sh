#!/bin/sh
# one.sh - compile one torture file with and without the plugin; print one DejaGnu result line.
#
# usage: one.sh CC PLUGIN OPT FILE WORKDIR
# The plugin must not crash GCC, must not make a compile fail that passes
# without it, and must not change the generated assembly.
cc=$1 plugin=$2 opt=$3 file=$4 work=$5
name="${file#*gcc.c-torture/} $opt"
base=$(basename "$file" .c)$(echo "$opt" | tr -d ' ')
dir=$work/$(basename "$(dirname "$file")")
mkdir -p "$dir"

# GCC's harness skips some files at some levels (asmgoto-5.c hangs GCC
# itself at -O0 on x86_64); do the same, roughly: any dg-skip-if naming OPT.
if grep -q "dg-skip-if.*\"$opt\"" "$file"; then
    echo "UNSUPPORTED: $name (dg-skip-if)"
    exit 0
fi

# Options the test itself asks for, unless they are for some other target.
extra=$(sed -n 's/.*dg-\(additional-\)\{0,1\}options "\([^"]*\)" *}.*/\2/p' "$file" | head -n 1)
if grep -q 'dg-\(additional-\)\{0,1\}options "[^"]*" *{ *target' "$file"; then extra=; fi

# -g records the command line (with -fplugin=) in DW_AT_producer, and
# -fprofile-generate stamps the object with the time unless given a seed:
# keep both out of the comparison.
extra="$extra -gno-record-gcc-switches -frandom-seed=gcc-escape"
# Both compiles write the same file name, which -fprofile-generate and
# others embed in the assembly, then it is renamed.
# shellcheck disable=SC2086
LC_ALL=C timeout 300 $cc -S $opt $extra -o "$dir/$base.s" "$file" >"$dir/$base.base.err" 2>&1
rc_base=$?
# GCC 14 made implicit declarations, implicit int and pointer-integer mixes
# errors, and GCC 15 made C23 the default (no K&R definitions, bool and
# true are keywords): a third of GCC 12's torture files, written for the
# old defaults, stop compiling.  Such a file is compiled again, both ways,
# with the language it was written for (run.sh sets TORTURE_FALLBACK to
# -std=gnu17 -fpermissive from GCC 14 on); the others stay at the defaults.
if [ $rc_base -ne 0 ] && [ $rc_base -ne 124 ] && [ -n "${TORTURE_FALLBACK:-}" ]; then
    extra="$extra $TORTURE_FALLBACK"
    name="$name (as $TORTURE_FALLBACK)"
    # shellcheck disable=SC2086
    LC_ALL=C timeout 300 $cc -S $opt $extra -o "$dir/$base.s" "$file" >"$dir/$base.base.err" 2>&1
    rc_base=$?
fi
mv -f "$dir/$base.s" "$dir/$base.base.s" 2>/dev/null
# shellcheck disable=SC2086
LC_ALL=C timeout 300 $cc -S $opt $extra -fplugin="$plugin" -o "$dir/$base.s" "$file" \
    >"$dir/$base.plugin.err" 2>&1
rc_plugin=$?
mv -f "$dir/$base.s" "$dir/$base.plugin.s" 2>/dev/null
# With -fplugin-arg-escape-embed the only difference may be the
# .gcc_escape section, from .pushsection to .popsection.
# shellcheck disable=SC2086
LC_ALL=C timeout 300 $cc -S $opt $extra -fplugin="$plugin" -fplugin-arg-escape-embed \
    -o "$dir/$base.s" "$file" >"$dir/$base.embed.err" 2>&1
rc_embed=$?
sed '/^\t\.pushsection\t\.gcc_escape,/,/^\t\.popsection$/d' "$dir/$base.s" \
    >"$dir/$base.embed.s" 2>/dev/null
rm -f "$dir/$base.s"

if [ $rc_plugin -eq 124 ] && [ $rc_base -ne 124 ]; then
    echo "FAIL: $name (timed out only with the plugin)"
elif grep -q 'internal compiler error\|Segmentation fault\|Please submit a full bug report' \
    "$dir/$base.plugin.err" && ! grep -q 'internal compiler error' "$dir/$base.base.err"; then
    echo "FAIL: $name (internal compiler error with the plugin)"
elif [ $rc_base -ne 0 ] && [ $rc_plugin -ne 0 ]; then
    echo "UNSUPPORTED: $name (does not compile without the plugin either)"
elif [ $rc_base -eq 0 ] && [ $rc_plugin -ne 0 ]; then
    echo "FAIL: $name (compiles only without the plugin)"
elif [ $rc_base -ne 0 ]; then
    echo "FAIL: $name (compiles only with the plugin)"
elif ! cmp -s "$dir/$base.base.s" "$dir/$base.plugin.s"; then
    echo "FAIL: $name (assembly differs with the plugin)"
elif [ $rc_embed -ne 0 ] || grep -q 'internal compiler error' "$dir/$base.embed.err"; then
    echo "FAIL: $name (fails only with -fplugin-arg-escape-embed)"
elif [ "$(grep 'warning:' "$dir/$base.plugin.err")" != "$(grep 'warning:' "$dir/$base.embed.err")" ]; then
    echo "FAIL: $name (-fplugin-arg-escape-embed changes the warnings)"
elif ! cmp -s "$dir/$base.base.s" "$dir/$base.embed.s"; then
    echo "FAIL: $name (code or data differ with -fplugin-arg-escape-embed)"
else
    echo "PASS: $name"
    rm -f "$dir/$base.base.s" "$dir/$base.plugin.s" "$dir/$base.embed.s" "$dir/$base.base.err" \
        "$dir/$base.embed.err"
fi
