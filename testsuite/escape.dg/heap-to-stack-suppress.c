/* heap-to-stack is silenced like any rule: by #pragma escape and by escape_suppress. */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

int *g;

int pragma_region(void)
{
#pragma escape push
#pragma escape ignored "heap-to-stack"
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
#pragma escape pop
    char *q = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'pragma_region'" } */
    int r = p && q;
    free(p);
    free(q);
    return r;
}

__attribute__((escape_suppress("heap-to-stack"))) int only_advice(void)
{
    int x = 0;
    g = &x; /* { dg-warning "\\\[escape-global\\\]" } */
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    free(p);
    return x;
}

__attribute__((escape_suppress("escape-global"))) int only_escapes(void)
{
    int x = 0;
    g = &x; /* { dg-bogus "\\\[escape-" } */
    char *p = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'only_escapes'" } */
    free(p);
    return x;
}
