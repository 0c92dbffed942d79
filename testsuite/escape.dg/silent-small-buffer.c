/* The small-buffer idiom: after `if (p == buf)` the other edge knows p is not buf. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdlib.h>
#include <string.h>

char *copy_out(const char *s, size_t n)
{
    char buf[64];
    char *p = n < sizeof buf ? buf : malloc(n);
    memcpy(p, s, n);
    if (p == buf)
        p = strdup(buf);
    return p; /* { dg-bogus "\\\[escape-" } */
}

char *early_return(size_t n)
{
    char buf[64];
    char *p = n < sizeof buf ? buf : malloc(n);
    if (p == buf)
        return strdup(buf);
    return p; /* { dg-bogus "\\\[escape-" } */
}

char *reversed_test(size_t n)
{
    char buf[64];
    char *p = n < sizeof buf ? buf : malloc(n);
    if (buf != p)
        return p; /* { dg-bogus "\\\[escape-" } */
    return strdup(buf);
}

/* GCC's own gcc.dg/Wreturn-local-addr-9.c, where GCC 12 warns wrongly. */
struct S {
    int i;
};
void *source(void);
struct S *reset_to_null(int i)
{
    struct S *p = source(), q;
    if (p == 0)
        p = &q;
    p->i = i;
    if (p == &q)
        p = 0;
    return p; /* { dg-bogus "\\\[escape-" } */
}

/* The test on the wrong edge proves nothing: this one is a real bug. */
char *freed_but_returned(size_t n)
{
    char buf[64]; /* { dg-message "'buf' declared here" } */
    char *p = n < sizeof buf ? buf : malloc(n);
    if (p != buf)
        free(p);
    return p; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

/* Comparing one pointer says nothing about another. */
char *other_pointer(size_t n)
{
    char buf[64];
    char *p = buf, *q = n ? buf : 0;
    if (p == buf)
        p = 0;
    return q; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}
