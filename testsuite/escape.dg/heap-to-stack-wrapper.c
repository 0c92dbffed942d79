/* heap-to-stack through this unit's malloc wrappers: their summaries give the size. */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fputs("out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static char *new_name(void)
{
    return malloc(32);
}

int wrapped_constant(int id)
{
    char *buf = xmalloc(48); /* { dg-warning "48-byte heap allocation by 'xmalloc' never outlives 'wrapped_constant' and is freed on every path" } */
    snprintf(buf, 48, "%d", id);
    int n = (int)strlen(buf);
    free(buf);
    return n;
}

int wrapped_fixed_size(void)
{
    char *name = new_name(); /* { dg-warning "32-byte heap allocation by 'new_name' never outlives 'wrapped_fixed_size'" } */
    if (!name)
        return 0;
    name[0] = 0;
    free(name);
    return 1;
}

int wrapped_variable(size_t n)
{
    char *buf = xmalloc(n); /* { dg-bogus "heap-to-stack" } */
    buf[0] = 0;
    free(buf);
    return 0;
}

/* The wrapper's own malloc returns its block: never a suggestion there. */
void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size); /* { dg-bogus "heap-to-stack" } */
    if (!p)
        exit(1);
    return p;
}

/* A deallocating wrapper: its call is the free. */
static void xfree(void *p)
{
    if (p)
        free(p);
}

void wrapped_free(void)
{
    char *buf = xmalloc(16); /* { dg-warning "16-byte heap allocation by 'xmalloc' never outlives 'wrapped_free' and is freed on every path" } */
    buf[0] = 0;
    xfree(buf); /* { dg-message "freed by 'xfree' here; a stack array needs no 'xfree'" } */
}

/* A calloc wrapper passes both of its sizes on. */
static void *xcalloc2(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        exit(1);
    return p;
}

void wrapped_calloc(void)
{
    int *v = xcalloc2(6, sizeof(int)); /* { dg-warning "24-byte heap allocation by 'xcalloc2' never outlives 'wrapped_calloc'" } */
    v[0] = 1;
    xfree(v);
}

/* A wrapper that lets code nothing is known about hold the block: the
   caller's block may outlive it, even though the wrapper returns it fresh. */
void register_block(void *p);

static void *tracked_alloc(size_t n)
{
    void *p = malloc(n);
    if (p)
        register_block(p);
    return p;
}

static void *hashed_alloc(size_t n)
{
    static unsigned long last;
    void *p = malloc(n);
    last = (unsigned long)p;
    return p;
}

void wrapper_shares(void)
{
    char *a = tracked_alloc(16); /* { dg-bogus "heap-to-stack" } */
    char *b = hashed_alloc(16); /* { dg-bogus "heap-to-stack" } */
    free(a);
    free(b);
}
