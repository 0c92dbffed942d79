/* A stack address stored in heap memory that never leaves the function: no escape warning (the heap memory itself could be a stack array: heap-to-stack). */
/* { dg-do compile } */

#include <stdlib.h>

struct node { int *p; struct node *next; };

int freed(void)
{
    int x = 1;
    struct node *h = malloc(sizeof *h); /* { dg-warning "16-byte heap allocation never outlives .freed." } */
    if (!h)
        return 0;
    h->p = &x; /* { dg-bogus "\\\[escape-" } */
    int r = *h->p;
    free(h);
    return r;
}

int kept_in_local_struct(void)
{
    int x = 2;
    struct node loc;
    loc.next = malloc(sizeof *loc.next); /* { dg-warning "16-byte heap allocation never outlives .kept_in_local_struct." } */
    if (!loc.next)
        return 0;
    loc.next->p = &x; /* { dg-bogus "\\\[escape-" } */
    int r = *loc.next->p;
    free(loc.next);
    return r;
}

int local_heap_list(int n)
{
    int x = 3;
    struct node *head = 0;
    for (int i = 0; i < n; i++) {
        struct node *h = malloc(sizeof *h);
        if (!h)
            break;
        h->p = &x; /* { dg-bogus "\\\[escape-" } */
        h->next = head;
        head = h;
    }
    int sum = 0;
    while (head) {
        struct node *next = head->next;
        sum += *head->p;
        free(head);
        head = next;
    }
    return sum;
}

/* Silent: only a value read from the heap object is returned. */
int value_returned(void)
{
    int x = 4;
    int **h = malloc(sizeof *h); /* { dg-warning "8-byte heap allocation never outlives .value_returned." } */
    if (!h)
        return 0;
    *h = &x; /* { dg-bogus "\\\[escape-" } */
    int v = **h;
    free(h);
    return v;
}

/* Silent: the heap object's contents are copied out as values only. */
void copied_out(int *out)
{
    int x = 5;
    struct node *h = malloc(sizeof *h); /* { dg-warning "16-byte heap allocation never outlives .copied_out." } */
    if (!h)
        return;
    h->p = &x; /* { dg-bogus "\\\[escape-" } */
    *out = *h->p;
    free(h);
}
