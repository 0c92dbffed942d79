/* heap-to-stack with -fplugin-arg-escape-verbose: a note says why each other allocation stays on the heap. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-verbose" } */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *g;
uintptr_t g_bits;
void consume(char *p);

/* Releases P through realloc: not only a deallocator, so it takes P over. */
static void release(char *p)
{
    char *q = realloc(p, 1);
    free(q);
}

int verdicts(int c, size_t n)
{
    char *a = malloc(n); /* { dg-message "note: allocation stays on the heap: size not constant" } */
    char *b = malloc(2048); /* { dg-message "note: allocation stays on the heap: 2048 bytes is over the heap-max limit" } */
    char *d = malloc(16); /* { dg-message "note: allocation stays on the heap: it may outlive 'verdicts'" } */
    char *e = malloc(16); /* { dg-message "note: allocation stays on the heap: nothing is known about what 'consume' does with it" } */
    char *f = malloc(16); /* { dg-message "note: allocation stays on the heap: its address is converted to an integer" } */
    char *h = malloc(16); /* { dg-message "note: allocation stays on the heap: it is passed to 'realloc'" } */
    char *i = malloc(16); /* { dg-message "note: allocation stays on the heap: 'release' frees it" } */
    char *j = malloc(16); /* { dg-message "note: allocation stays on the heap: it is freed on some paths only" } */
    char *k = valloc(16); /* { dg-message "note: allocation stays on the heap: 'valloc' has no stack equivalent" } */
    char *ok = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'verdicts'" } */
    g = d;
    consume(e);
    g_bits = (uintptr_t)f;
    char *h2 = realloc(h, 32); /* { dg-message "note: allocation stays on the heap: 'realloc' has no stack equivalent" } */
    release(i);
    memset(ok, 0, 16);
    free(ok);
    if (c)
        return 0;
    free(a);
    free(b);
    free(h2);
    free(j);
    free(k);
    return 1;
}

int loop(int n)
{
    int sum = 0;
    for (int x = 0; x < n; x++) {
        char *p = malloc(8); /* { dg-message "note: allocation stays on the heap: allocated in a loop and not freed in the same iteration" } */
        sum += p != 0;
    }
    return sum;
}

int recurse(int n)
{
    char *p = malloc(8); /* { dg-message "note: allocation stays on the heap: it is live across a recursive call" } */
    int r = n > 0 ? recurse(n - 1) : 0;
    free(p);
    return r;
}
