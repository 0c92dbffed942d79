/* A write through the address of one field (&p->b, p + 1) undoes a store to that field only, never to another. */
/* { dg-do compile } */
#include <string.h>

struct pair { int *a; int *b; };

static void clear(int **slot) { *slot = 0; }

/* The other field is written: p->a keeps &x. */
void through_address(struct pair *p)
{
    int x;
    p->a = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
    int **second = &p->b;
    *second = 0;
}

void memset_other_field(struct pair *p)
{
    int x;
    p->a = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
    memset(&p->b, 0, sizeof p->b);
}

void callee_clears_other_field(struct pair *p)
{
    int x;
    p->a = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
    clear(&p->b);
}

void next_element_cleared(int **slots)
{
    int x;
    slots[0] = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'slots' \\\[escape-caller\\\]" } */
    clear(slots + 1);
}

/* The same field: undone, silent. */
void through_address_same(struct pair *p)
{
    int x;
    p->b = &x;
    int **second = &p->b;
    *second = 0;
}

void callee_clears_same_field(struct pair *p)
{
    int x;
    p->b = &x;
    clear(&p->b);
}

void next_element_same(int **slots)
{
    int x;
    slots[1] = &x;
    clear(slots + 1);
}
