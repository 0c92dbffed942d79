/* heap-to-stack through allocators known only from their declarations: GCC's malloc, alloc_size and malloc (dealloc) attributes. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-verbose" } */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void my_free(void *p);
void pool_put(void *pool, void *p);
void *my_alloc(size_t n) __attribute__((malloc, malloc(my_free), alloc_size(1)));
void *my_calloc(size_t count, size_t size) __attribute__((malloc, malloc(my_free), alloc_size(1, 2)));
void *pool_get(void *pool, size_t n) __attribute__((malloc, malloc(pool_put, 2), alloc_size(2)));
void *xmalloc(size_t n) __attribute__((malloc, alloc_size(1), returns_nonnull));
void *aligned(size_t align, size_t n)
    __attribute__((malloc, alloc_size(2), alloc_align(1), assume_aligned(16)));
void *glibc_style(size_t n) __attribute__((malloc, malloc(__builtin_free, 1), alloc_size(1)));
void *no_size(size_t n) __attribute__((malloc));
void *not_fresh(size_t n) __attribute__((malloc(my_free), alloc_size(1)));
void consume(const char *s);

int by_deallocator(int id)
{
    char *p = my_alloc(48); /* { dg-warning "48-byte heap allocation by 'my_alloc' never outlives 'by_deallocator' and is freed on every path; a stack array would do" } */
    if (!p)
        return -1;
    snprintf(p, 48, "%d", id);
    puts(p);
    my_free(p); /* { dg-message "freed by 'my_free' here; a stack array needs no 'my_free'" } */
    return 0;
}

int product(void)
{
    int *v = my_calloc(4, sizeof(int)); /* { dg-warning "16-byte heap allocation by 'my_calloc' never outlives 'product'" } */
    v[0] = 1;
    int r = v[0];
    my_free(v);
    return r;
}

int second_argument(void *pool)
{
    char *p = pool_get(pool, 24); /* { dg-warning "24-byte heap allocation by 'pool_get' never outlives 'second_argument'" } */
    p[0] = 0;
    pool_put(pool, p); /* { dg-message "freed by 'pool_put' here" } */
    return 0;
}

size_t never_null(void)
{
    char *p = xmalloc(32); /* { dg-warning "32-byte heap allocation by 'xmalloc' never outlives 'never_null' and is freed on every path" } */
    strcpy(p, "x");
    size_t n = strlen(p);
    free(p); /* { dg-message "freed here; a stack array needs no 'free'" } */
    return n;
}

void alignment_ignored(void)
{
    double *d = aligned(16, 64); /* { dg-warning "64-byte heap allocation by 'aligned' never outlives 'alignment_ignored'" } */
    d[0] = 1;
    free(d);
}

void builtin_free_named(void)
{
    char *p = glibc_style(8); /* { dg-warning "8-byte heap allocation by 'glibc_style' never outlives 'builtin_free_named'" } */
    p[0] = 0;
    free(p);
}

/* Silent: no alloc_size, so no size. */
void size_unknown(void)
{
    char *p = no_size(16); /* { dg-message "allocation stays on the heap: size not constant" } */
    p[0] = 0;
    free(p);
}

/* Silent: malloc (dealloc) without plain malloc does not promise fresh memory. */
void not_an_allocator(void)
{
    char *p = not_fresh(16); /* { dg-bogus "heap-to-stack" } */
    p[0] = 0;
    my_free(p);
}

/* Silent: over the limit. */
void too_big(void)
{
    char *p = my_alloc(4096); /* { dg-message "allocation stays on the heap: 4096 bytes is over the heap-max limit" } */
    p[0] = 0;
    my_free(p);
}

/* Silent: a function nothing is known about may keep it. */
void kept(void)
{
    char *p = my_alloc(16); /* { dg-message "allocation stays on the heap: nothing is known about what 'consume' does with it" } */
    strcpy(p, "x");
    consume(p);
    my_free(p);
}

/* Silent: freed by the wrong deallocator, both ways round. */
void wrong_free(void)
{
    char *p = my_alloc(16); /* { dg-message "allocation stays on the heap: 'free' is not the deallocator of 'my_alloc'" } */
    p[0] = 0;
    free(p);
}

void wrong_deallocator(void)
{
    char *p = malloc(16); /* { dg-message "allocation stays on the heap: 'my_free' is not the deallocator of 'malloc'" } */
    p[0] = 0;
    my_free(p);
}

/* The deallocator's other arguments stay unknown: P is passed to
   pool_put as its pool, Q is what it releases. */
void pool_kept(void *pool)
{
    char *p = my_alloc(16); /* { dg-message "allocation stays on the heap: nothing is known about what 'pool_put' does with it" } */
    char *q = pool_get(pool, 8); /* { dg-warning "8-byte heap allocation by 'pool_get' never outlives 'pool_kept' and is freed on every path" } */
    pool_put(p, q); /* { dg-message "freed by 'pool_put' here" } */
    my_free(p);
}
