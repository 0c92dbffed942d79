/* calls.c - direct calls to this unit and to others, an indirect call, a noreturn call, a VLA. */
#include <stdlib.h>

static int *keep;
__attribute__((noinline)) static void store(int *p)
{
    keep = p;
}
void other(int *);

void f(int n, void (*cb)(int *))
{
    int x, v[n];
    store(&x);
    other(v);
    cb(&x);
    if (n < 0)
        abort();
}
