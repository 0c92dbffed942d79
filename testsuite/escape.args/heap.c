/* heap.c - two heap allocations a stack array could replace, 64 and 512 bytes, for the heap-max= tests. */
#include <stdlib.h>
#include <string.h>

int *g;

int small(void)
{
    char *p = malloc(64);
    if (!p)
        return 0;
    memset(p, 1, 64);
    int r = p[3];
    free(p);
    return r;
}

int large(void)
{
    char *p = malloc(512);
    if (!p)
        return 0;
    memset(p, 1, 512);
    int r = p[3];
    free(p);
    return r;
}

void stored_in_global(void)
{
    int y = 0;
    g = &y;
}
