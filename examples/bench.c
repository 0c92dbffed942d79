/* bench.c - what a small heap allocation costs next to a stack buffer, Go's benchmark in C. */
/*
 * Go's escape analysis matters because a value that does not escape stays
 * on the stack: no allocation, no GC.  The article's benchmark compares a
 * buffer that escapes (heap) with one that does not (stack).  In C the
 * programmer chooses: format_heap() mallocs a 64-byte buffer that never
 * outlives the call, format_stack() uses a local array.  Both are correct,
 * so gcc-escape reports nothing here today; suggesting that format_heap's
 * buffer could be a stack array is the later heap-to-stack rule.
 *
 * Build and run:  cc -O2 -o bench bench.c && ./bench
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROUNDS 2000000

static volatile unsigned sink;

static unsigned checksum(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static unsigned format_heap(int value)
{
    char *buf = malloc(64);
    if (!buf)
        return 0;
    int n = snprintf(buf, 64, "value=%d", value);
    unsigned h = checksum(buf, (size_t)n);
    free(buf);
    return h;
}

static unsigned format_stack(int value)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "value=%d", value);
    return checksum(buf, (size_t)n);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double bench(unsigned (*fn)(int))
{
    double start = seconds();
    for (int i = 0; i < ROUNDS; i++)
        sink += fn(i);
    return (seconds() - start) / ROUNDS * 1e9;
}

int main(void)
{
    double heap = bench(format_heap);
    double stack = bench(format_stack);
    printf("heap buffer:  %6.1f ns per call\n", heap);
    printf("stack buffer: %6.1f ns per call\n", stack);
    printf("heap/stack:   %6.2fx\n", heap / stack);
    return 0;
}
