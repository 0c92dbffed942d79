/* Calls allocators that only model files or other units' summaries describe. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void xfree(void *p);
void *wrap_alloc(size_t n);
void *tracked(size_t n);
void my_free(void *p);
void *model_alloc(size_t count, size_t size);
void model_free(void *p);
void *model_nosize(size_t n);

int by_wrapper(int id)
{
    char *p = xmalloc(48);
    snprintf(p, 48, "%d", id);
    puts(p);
    xfree(p);
    return 0;
}

int by_calloc_wrapper(void)
{
    int *v = xcalloc(4, sizeof(int));
    v[0] = 1;
    int r = v[0];
    free(v);
    return r;
}

void by_declared_wrapper(void)
{
    char *p = wrap_alloc(24);
    p[0] = 0;
    my_free(p);
}

void wrong_free(void)
{
    char *p = wrap_alloc(24);
    p[0] = 0;
    free(p);
}

void kept_by_allocator(void)
{
    char *p = tracked(16);
    p[0] = 0;
    free(p);
}

void by_model(void)
{
    char *p = model_alloc(3, 8);
    p[0] = 0;
    model_free(p);
}

void model_without_size(void)
{
    char *p = model_nosize(8);
    p[0] = 0;
    model_free(p);
}
