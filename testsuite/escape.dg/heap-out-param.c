/* A stack address stored in heap memory that reaches the caller through a parameter. */
/* { dg-do compile } */

#include <stdlib.h>

struct node { int *p; struct node *next; };

void out_param(struct node **o)
{
    int x; /* { dg-message "'x' declared here" } */
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to the caller through parameter 'o' \\\[escape-heap\\\]" } */
    *o = h; /* { dg-message "flow: \\*o = h \\(store\\)" } */
}

void field_of_param(struct node *head)
{
    int y;
    struct node *h = malloc(sizeof *h); /* { dg-message "heap memory allocated by 'malloc' here" } */
    h->p = &y; /* { dg-warning "address of local 'y' is stored in heap memory that escapes to the caller through parameter 'head' \\\[escape-heap\\\]" } */
    head->next = h; /* { dg-message "flow: head->next = h \\(store\\)" } */
}

void published_first(struct node **o)
{
    int x;
    struct node *h = malloc(sizeof *h);
    *o = h;
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to the caller through parameter 'o' \\\[escape-heap\\\]" } */
}

void posix_memalign_memory(void **out)
{
    int x;
    void *m;
    if (posix_memalign(&m, 16, 64))
        return;
    *(int **)m = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to the caller through parameter 'out' \\\[escape-heap\\\]" } */
    *out = m;
}

/* Silent: the heap object handed out holds the caller's pointer. */
void holds_param(struct node **o, int *a)
{
    struct node *h = malloc(sizeof *h);
    h->p = a; /* { dg-bogus "\\\[escape-" } */
    h->next = *o; /* { dg-bogus "\\\[escape-" } */
    *o = h;
}

/* Silent: the out-parameter is reset before the return. */
void handed_back_then_reset(struct node **o)
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-bogus "\\\[escape-" } */
    *o = h;
    *o = 0;
    free(h);
}
