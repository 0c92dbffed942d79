/* A stack address stored in heap memory that is then stored in static storage. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

#include <stdlib.h>

struct node { int *p; struct node *next; };

struct node *g_head;
struct node *g_list;
_Thread_local struct node *tl_head;

void global(void)
{
    int x; /* { dg-message "'x' declared here" } */
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to global 'g_head' \\\[escape-heap\\\]" } */
    g_head = h; /* { dg-message "flow: g_head = h \\(store\\)" } */
}

void published_first(void)
{
    int x;
    struct node *h = malloc(sizeof *h);
    g_head = h;
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to global 'g_head' \\\[escape-heap\\\]" } */
}

void static_local(void)
{
    int x;
    static struct node *cache;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to static 'cache' \\\[escape-heap\\\]" } */
    cache = h;
}

void stored_thread_local(void)
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to thread-local 'tl_head' \\\[escape-heap\\\]" } */
    tl_head = h;
}

void reachable_from_global(void)
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to memory reachable from global 'g_list' \\\[escape-heap\\\]" } */
    g_list->next = h;
}

/* Silent: the published heap object holds heap or static pointers only. */
void holds_heap(void)
{
    struct node *h = malloc(sizeof *h);
    h->p = malloc(sizeof *h->p); /* { dg-bogus "\\\[escape-" } */
    h->next = g_head; /* { dg-bogus "\\\[escape-" } */
    g_head = h;
}

/* Silent: the heap object is unlinked from the global before the return. */
void unlinked(void (*work)(void))
{
    int x;
    struct node *h = malloc(sizeof *h);
    h->p = &x; /* { dg-bogus "\\\[escape-" } */
    h->next = g_head;
    g_head = h;
    work();
    g_head = h->next; /* { dg-bogus "\\\[escape-" } */
    free(h);
}
