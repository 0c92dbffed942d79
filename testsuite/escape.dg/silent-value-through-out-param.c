/* Writing a value (not an address) through an out-parameter never warns. */
/* { dg-do compile } */

#include <stddef.h>

struct pair { int v; int *p; };

void int_value(int *out)
{
    int x = 5;
    *out = x; /* { dg-bogus "\\\[escape-" } */
}

void value_through_local_pointer(int *out, int *in)
{
    int x = *in;
    int *p = &x;
    *out = *p; /* { dg-bogus "\\\[escape-" } */
}

void copy_of_caller_value(int *out, int *p)
{
    *out = *p; /* { dg-bogus "\\\[escape-" } */
}

void value_two_levels_down(int **out)
{
    int x = 6;
    int *p = &x;
    **out = *p; /* { dg-bogus "\\\[escape-" } */
}

void pointer_difference(ptrdiff_t *out)
{
    int a[4];
    int *p = &a[3];
    *out = p - a; /* { dg-bogus "\\\[escape-" } */
}

void address_comparison(int *out)
{
    int x, y;
    *out = &x == &y; /* { dg-bogus "\\\[escape-" } */
}

void size_of_address(size_t *out)
{
    int x;
    *out = sizeof &x; /* { dg-bogus "\\\[escape-" } */
}

void struct_of_values(struct pair *out)
{
    int x = 1;
    struct pair q;
    q.v = x;
    q.p = 0;
    *out = q; /* { dg-bogus "\\\[escape-" } */
}

void caller_pointer_after_local_use(int **out, int *a)
{
    int x;
    int *p = &x;
    *p = 1;
    *out = a; /* { dg-bogus "\\\[escape-" } */
}

void pointer_reassigned_from_input(int **out, int **in)
{
    int x;
    int *tmp = &x;
    *tmp = 0;
    tmp = *in;
    *out = tmp; /* { dg-bogus "\\\[escape-" } */
}
