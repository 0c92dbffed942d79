/* heap-to-stack and GNU C nested functions: the static chain hands the caller's frame to the callee. */
/* { dg-do compile } */

#include <stdlib.h>

int *g;

int through_the_frame(void)
{
    int *i;
    void keep(void) { g = i; }
    i = malloc(4); /* { dg-bogus "heap-to-stack" } */
    keep();
    return 0;
}

/* The nested function does not see this block: the advice stands. */
int beside_the_frame(void)
{
    int n = 0;
    void count(void) { n++; }
    char *p = malloc(8); /* { dg-warning "8-byte heap allocation never outlives 'beside_the_frame'" } */
    if (!p)
        return 0;
    count();
    free(p);
    return n;
}
