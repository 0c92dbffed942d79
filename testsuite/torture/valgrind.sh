#!/bin/sh
# valgrind.sh - a fixed sample of GCC's torture files compiled with the plugin, cc1 under valgrind's memcheck.
#
# usage: valgrind.sh CC PLUGIN GCC_TESTSUITE WORKDIR JOBS SAMPLE
# Takes SAMPLE files spread evenly over the sorted list of
# gcc.c-torture/{compile,execute} (the same files on every run), compiles
# each at -O0 and -O2 with the plugin (valgrind-one.sh) and writes
# WORKDIR/valgrind.sum (DejaGnu-style result lines); prints a summary.
set -u
cc=$1 plugin=$2 tests=$3 work=$4 jobs=$5 sample=$6
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
# A private copy: rebuilding the plugin during the run cannot change it.
cp "$plugin" "$work/escape.so"
plugin=$work/escape.so
start=$(date +%s)

find "$tests/gcc.c-torture/compile" "$tests/gcc.c-torture/execute" -name '*.c' | LC_ALL=C sort \
    >"$work/all"
total=$(wc -l <"$work/all")
[ "$sample" -gt "$total" ] && sample=$total
# Every (total/sample)-th file, from the first: spread over both directories.
awk -v n="$total" -v k="$sample" 'NR == 1 + int(i * n / k) { print; i++ }' "$work/all" \
    >"$work/sample"

while read -r file; do
    for opt in -O0 -O2; do echo "$opt $file"; done
done <"$work/sample" |
    xargs -P "$jobs" -L 1 sh "$here/valgrind-one.sh" "$cc" "$plugin" "$work" >"$work/unsorted"
sort -k3 "$work/unsorted" >"$work/valgrind.sum"
rm -f "$work/unsorted"
end=$(date +%s)
pass=$(grep -c '^PASS:' "$work/valgrind.sum")
fail=$(grep -c '^FAIL:' "$work/valgrind.sum")
unsup=$(grep -c '^UNSUPPORTED:' "$work/valgrind.sum")
echo "valgrind: $sample of $total torture files at -O0 and -O2: $pass PASS, $fail FAIL," \
    "$unsup UNSUPPORTED in $((end - start)) s with $jobs jobs"
grep '^FAIL:' "$work/valgrind.sum" | head -n 20
exit 0
