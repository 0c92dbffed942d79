/* Returning a local's address through pointer and integer casts. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdint.h>

struct base { int tag; };
struct derived { struct base b; int extra; };

char *to_char_pointer(void)
{
    int x; /* { dg-message "'x' declared here" } */
    char *p = (char *)&x; /* { dg-message "flow: p = &x" } */
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

void *to_void_pointer(void)
{
    double d;
    void *v = &d;
    return v; /* { dg-warning "address of local 'd' escapes via the return value \\\[escape-return\\\]" } */
}

struct base *upcast(void)
{
    struct derived s;
    struct base *b = (struct base *)&s;
    return b; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

int *double_cast(void)
{
    int x;
    return (int *)(char *)&x; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

const int *to_const(void)
{
    int x = 0;
    const int *c = (const int *)&x;
    return c; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

void *integer_round_trip(void)
{
    int x;
    uintptr_t u = (uintptr_t)&x;
    return (void *)u; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: casts of static storage and of parameters. */
char *static_cast(void)
{
    static int s;
    return (char *)&s; /* { dg-bogus "\\\[escape-" } */
}

void *param_round_trip(int *a)
{
    uintptr_t u = (uintptr_t)a;
    return (void *)(u + sizeof *a); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the address converted to an integer is only compared. */
int is_aligned(void)
{
    int x;
    return ((uintptr_t)&x & 3) == 0; /* { dg-bogus "\\\[escape-" } */
}
