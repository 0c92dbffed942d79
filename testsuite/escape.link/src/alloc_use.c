/* alloc_use.c - allocates through alloc_wrap.c's wrappers: only link knows they allocate. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void xfree(void *p);
void *wrap_alloc(size_t n);
void *tracked(size_t n);
int peek(const char *s);
void recycle(void *p);
void my_free(void *p);
void not_defined_anywhere(void *p);

int by_wrapper(void)
{
    char *p = xmalloc(48); /* LINK-ADVICE heap-to-stack */
    strcpy(p, "x");
    int r = peek(p);
    xfree(p);
    return r;
}

int by_calloc_wrapper(void)
{
    int *v = xcalloc(4, sizeof(int)); /* LINK-ADVICE heap-to-stack */
    v[0] = 1;
    int r = v[0];
    free(v);
    return r;
}

void by_declared_wrapper(void)
{
    char *p = wrap_alloc(24); /* LINK-ADVICE heap-to-stack */
    p[0] = 0;
    my_free(p);
}

void never_freed(void)
{
    char *p = xmalloc(16); /* LINK-ADVICE heap-to-stack */
    p[0] = 0;
}

void wrong_deallocator(void)
{
    char *p = wrap_alloc(24); /* silent: free is not my_free */
    p[0] = 0;
    free(p);
}

void kept_by_allocator(void)
{
    char *p = tracked(16); /* silent: tracked keeps a copy */
    p[0] = 0;
    free(p);
}

void unknown_callee(void)
{
    char *p = xmalloc(16); /* silent: no input defines not_defined_anywhere */
    not_defined_anywhere(p);
    xfree(p);
}

void too_big(void)
{
    char *p = xmalloc(4096); /* silent: over heap-max */
    p[0] = 0;
    xfree(p);
}

void freed_sometimes(int c)
{
    char *p = xmalloc(16); /* silent: freed on one path only */
    p[0] = 0;
    if (c)
        xfree(p);
}

void new_owner(void)
{
    char *p = xmalloc(16); /* silent: recycle keeps it */
    p[0] = 0;
    recycle(p);
}

struct slot {
    void *util;
};
struct slot *list_append(void);

void stored_in_a_list(void)
{
    char *p = xcalloc(1, 16); /* silent: kept in list_append's slot */
    p[0] = 0;
    list_append()->util = p;
}

void map_put(const char *key, void *data);

void stored_by_callee(void)
{
    char *p = xcalloc(1, 16); /* silent: map_put stores it where find_slot says */
    p[0] = 0;
    map_put("k", p);
}
