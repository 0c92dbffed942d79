/* heap-to-stack: freed on every path by free() itself, or never freed; otherwise no suggestion. */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

void not_on_every_path(int c)
{
    char *p = malloc(8); /* { dg-bogus "heap-to-stack" } */
    if (c)
        return;
    free(p);
}

void reallocated(void)
{
    char *p = malloc(8); /* { dg-bogus "heap-to-stack" } */
    char *q = realloc(p, 16); /* { dg-bogus "heap-to-stack" } */
    free(q);
}

/* A function of this unit that only frees its argument is a
   deallocator: its call is the free. */
static void release(char *p)
{
    free(p);
}

void freed_by_callee(void)
{
    char *p = malloc(8); /* { dg-warning "8-byte heap allocation never outlives 'freed_by_callee' and is freed on every path" } */
    release(p); /* { dg-message "freed by 'release' here; a stack array needs no 'release'" } */
}

/* One that also does something else with it takes the memory over. */
static void recycle(char *p)
{
    char *q = realloc(p, 1);
    free(q);
}

void taken_over_by_callee(void)
{
    char *p = malloc(8); /* { dg-bogus "heap-to-stack" } */
    recycle(p);
}

/* ... or frees what a struct holds. */
struct buffer { char *data; };

static void buffer_destroy(struct buffer *b)
{
    free(b->data);
}

void freed_by_callee_deep(void)
{
    struct buffer b;
    b.data = malloc(32); /* { dg-bogus "heap-to-stack" } */
    buffer_destroy(&b);
}

/* One free for two blocks: it cannot go. */
void shared_free(int c)
{
    char *a = malloc(8); /* { dg-bogus "heap-to-stack" } */
    char *b = malloc(8); /* { dg-bogus "heap-to-stack" } */
    free(c ? a : b);
}

/* free through a pointer is an unknown call. */
void free_through_pointer(void (*dealloc)(void *))
{
    char *p = malloc(8); /* { dg-bogus "heap-to-stack" } */
    dealloc(p);
}

/* Freed on every path, through goto. */
int cleanup_label(int c)
{
    int rc = -1;
    char *p = malloc(64); /* { dg-warning "64-byte heap allocation never outlives 'cleanup_label' and is freed on every path" } */
    if (!p)
        return -1;
    if (c < 0)
        goto out;
    memset(p, c, 64);
    rc = p[0];
out:
    free(p); /* { dg-message "freed here" } */
    return rc;
}
