/* alloc_wrap.c - allocating and deallocating wrappers that alloc_use.c calls. */
#include <stdlib.h>

void my_free(void *p);
void *my_alloc(size_t n) __attribute__((malloc, malloc(my_free), alloc_size(1)));

/* git's: a block even for 0 bytes, so the size is the parameter's or 1. */
void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p && !n)
        p = malloc(1);
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
    if (p)
        free(p);
}

/* Returns my_alloc's block: my_free releases it. */
void *wrap_alloc(size_t n)
{
    return my_alloc(n);
}

int peek(const char *s)
{
    return s[0];
}

/* Keeps a copy of what it returns. */
static void *last;
void *tracked(size_t n)
{
    last = malloc(n);
    return last;
}

/* Releases its argument and keeps something else: not only a deallocator. */
static void *cache;
void recycle(void *p)
{
    free(cache);
    cache = p;
}

/* A slot of a list: the list's memory, not a fresh block. */
struct slot {
    void *util;
};
static struct slot slots[8];
static int nslots;
struct slot *list_append(void)
{
    return &slots[nslots++ & 7];
}

/* Stores DATA where its other unit's lookup says: kept, but not by a call. */
struct slot *find_slot(const char *key);
void map_put(const char *key, void *data)
{
    find_slot(key)->util = data;
}
