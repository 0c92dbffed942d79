/* A stack address stored in heap memory that is then returned. */
/* { dg-do compile } */

#include <stdlib.h>

struct node { int *p; struct node *next; };

static int s_val;

struct node *field(void)
{
    int x; /* { dg-message "'x' declared here" } */
    struct node *h = malloc(sizeof *h); /* { dg-message "heap memory allocated by 'malloc' here" } */
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

int **whole_object(void)
{
    int x;
    int **h = malloc(sizeof *h);
    *h = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h; /* { dg-message "flow: return h \\(return\\)" } */
}

struct node *calloc_memory(void)
{
    int x;
    struct node *h = calloc(1, sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *realloc_memory(struct node *old)
{
    int x;
    struct node *h = realloc(old, 2 * sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *second_heap_object(void)
{
    int x;
    struct node *h = calloc(1, sizeof *h);
    struct node *h2 = malloc(sizeof *h2);
    h2->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    h->next = h2; /* { dg-message "flow: h->next = h2 \\(store\\)" } */
    return h;
}

struct node *through_alias(void)
{
    int x;
    struct node *h = malloc(sizeof *h);
    struct node *alias = h;
    alias->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *returned_on_one_path(int c)
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    if (c)
        return h;
    free(h);
    return 0;
}

struct node *holds_param_address(int v)
{
    struct node *h = malloc(sizeof *h);
    h->p = &v; /* { dg-warning "address of parameter 'v' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *holds_compound_literal(void)
{
    struct node *h = malloc(sizeof *h);
    h->p = (int[]){1, 2}; /* { dg-warning "address of compound literal is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *holds_vla(int n)
{
    int a[n];
    struct node *h = malloc(sizeof *h);
    h->p = a; /* { dg-warning "address of variable-length array 'a' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

struct node *holds_alloca(int n)
{
    struct node *h = malloc(sizeof *h);
    h->p = __builtin_alloca(n); /* { dg-warning "address of 'alloca' memory is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h;
}

/* Silent: the returned heap object holds only static or caller storage. */
struct node *holds_static(int *a)
{
    struct node *h = malloc(sizeof *h);
    h->p = &s_val; /* { dg-bogus "\\\[escape-" } */
    h->next = (struct node *)a; /* { dg-bogus "\\\[escape-" } */
    return h;
}

/* Silent: the local's address is overwritten before the object is returned. */
struct node *overwritten(void)
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-bogus "\\\[escape-" } */
    *h->p = 1;
    h->p = 0;
    return h;
}
