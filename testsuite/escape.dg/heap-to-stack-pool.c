/* heap-to-stack and Go's sync.Pool in C: the pool keeps its buffers; a per-call buffer could be a stack array. */
/* { dg-do compile } */

/* Go:

       var bufPool = sync.Pool{New: func() any { return new([256]byte) }}
       buf := bufPool.Get().(*[256]byte)
       ...
       bufPool.Put(buf)

   In C the pool is a static array of heap buffers.  Buffers that go
   through it outlive any one call: no suggestion.  A buffer allocated and
   freed in one call, as the pool exists to avoid, is one. */

#include <stdio.h>
#include <stdlib.h>

#define BUF_SIZE 256
#define POOL_MAX 8

static char *pool[POOL_MAX];
static int pool_len;

void emit(const char *s);

char *pool_get(void)
{
    if (pool_len > 0)
        return pool[--pool_len];
    return malloc(BUF_SIZE); /* { dg-bogus "heap-to-stack" } */
}

void pool_put(char *buf)
{
    if (pool_len < POOL_MAX)
        pool[pool_len++] = buf;
    else
        free(buf);
}

/* Through the pool: the buffer is the pool's. */
void format_pooled(int value)
{
    char *buf = pool_get();
    if (!buf)
        return;
    snprintf(buf, BUF_SIZE, "value=%d", value);
    puts(buf);
    pool_put(buf);
}

/* A fresh buffer that the pool never sees: stack material. */
void format_fresh(int value)
{
    char *buf = malloc(BUF_SIZE); /* { dg-warning "256-byte heap allocation never outlives 'format_fresh' and is freed on every path" } */
    if (!buf)
        return;
    snprintf(buf, BUF_SIZE, "value=%d", value);
    puts(buf);
    free(buf); /* { dg-message "freed here" } */
}

/* Put back into the pool after use: kept by the pool. */
void format_recycled(int value)
{
    char *buf = malloc(BUF_SIZE); /* { dg-bogus "heap-to-stack" } */
    if (!buf)
        return;
    snprintf(buf, BUF_SIZE, "value=%d", value);
    puts(buf);
    pool_put(buf);
}
