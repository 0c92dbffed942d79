/* Allocating and deallocating wrappers that other units call: their reports are the summaries. */
#include <stdlib.h>

void my_free(void *p);
void *my_alloc(size_t n) __attribute__((malloc, malloc(my_free), alloc_size(1)));

void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p)
        abort();
    return p;
}

void xfree(void *p)
{
    free(p);
}

/* Returns my_alloc's block: my_free releases it. */
void *wrap_alloc(size_t n)
{
    return my_alloc(n);
}

/* Keeps a copy of what it returns: no caller's block may move. */
static void *last;
void *tracked(size_t n)
{
    last = malloc(n);
    return last;
}
