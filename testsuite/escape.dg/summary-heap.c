/* Interprocedural: a stack address stored in heap memory escapes when that memory is kept by a callee, or when it comes from a malloc wrapper of this unit and is returned. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdlib.h>

struct node { int *p; struct node *next; };

static struct node *g_list;
static int g_count;

/* Keeps the heap object it is given. */
void push_node(struct node *n)
{
    n->next = g_list;
    g_list = n;
}

/* Only reads the object. */
int count_node(const struct node *n)
{
    return n->p ? *n->p : 0;
}

/* Frees the object. */
void drop_node(struct node *n)
{
    free(n);
}

/* Malloc wrappers: return fresh heap memory. */
void *xmalloc(size_t size)
{
    void *m = malloc(size);
    if (!m)
        abort();
    return m;
}

struct node *node_new(void)
{
    struct node *n = xmalloc(sizeof *n);
    n->p = NULL;
    n->next = NULL;
    return n;
}

void kept_by_unit_function(void)
{
    int x; /* { dg-message "'x' declared here" } */
    struct node *n = malloc(sizeof *n);
    n->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is kept by 'push_node' \\\[escape-heap\\\]" } */
    push_node(n);
}

void kept_after_wrapper(void)
{
    int x;
    struct node *n = node_new(); /* { dg-message "heap memory allocated by 'node_new' here" } */
    n->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is kept by 'push_node' \\\[escape-heap\\\]" } */
    push_node(n); /* { dg-message "flow: push_node \\(..., n, ...\\) keeps it \\(argument 1\\)" } */
}

void kept_by_library(pthread_key_t key)
{
    int x;
    int **slot = malloc(sizeof *slot);
    *slot = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is kept by 'pthread_setspecific' \\\[escape-heap\\\]" } */
    pthread_setspecific(key, slot);
}

int **returned_from_wrapper(void)
{
    int x;
    int **slot = xmalloc(sizeof *slot); /* { dg-message "heap memory allocated by 'xmalloc' here" } */
    *slot = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return slot;
}

struct node *returned_from_two_level_wrapper(void)
{
    int x;
    struct node *n = node_new();
    n->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return n;
}

void wrapper_memory_into_out(struct node **out)
{
    int x;
    struct node *n = node_new();
    n->p = &x; /* { dg-warning "address of local 'x' is stored in heap memory that escapes to the caller through parameter 'out' \\\[escape-heap\\\]" } */
    *out = n;
}

/* Silent: the heap object only goes to callees that read or free it
   (drop_node only frees it: a stack struct would do). */
int read_by_callee(void)
{
    int x = 4;
    struct node *n = malloc(sizeof *n); /* { dg-warning "16-byte heap allocation never outlives .read_by_callee. and is freed on every path" } */
    n->p = &x; /* { dg-bogus "\\\[escape-" } */
    int r = count_node(n);
    drop_node(n);
    return r;
}

int wrapper_memory_freed(void)
{
    int x = 4;
    struct node *n = node_new(); /* { dg-warning "16-byte heap allocation by .node_new. never outlives .wrapper_memory_freed." } */
    n->p = &x; /* { dg-bogus "\\\[escape-" } */
    g_count += count_node(n);
    free(n);
    return g_count;
}

/* Silent: the kept object holds only static and heap pointers. */
void kept_holds_heap(void)
{
    static int s;
    struct node *n = node_new();
    n->p = &s; /* { dg-bogus "\\\[escape-" } */
    push_node(n);
    n = node_new();
    n->p = malloc(sizeof *n->p); /* { dg-bogus "\\\[escape-" } */
    push_node(n);
}

/* Silent: the pointer is cleared before the object is handed over. */
void cleared_before_kept(void)
{
    int x;
    struct node *n = node_new();
    n->p = &x; /* { dg-bogus "\\\[escape-" } */
    *n->p = 1;
    n->p = NULL;
    push_node(n);
}
