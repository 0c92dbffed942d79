/* buffer_pool.c - a buffer pool, C's stand-in for Go's sync.Pool. */
/*
 * Go:
 *     var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
 *     buf := pool.Get().(*bytes.Buffer); ...; pool.Put(buf)
 * Pooled buffers live on the heap and outlive every caller.  A C pool is a
 * static array of buffer pointers; putting a stack buffer into it leaves a
 * dangling pointer for the next user:
 *
 *     buffer_pool.c:41: warning: address of local 'scratch' escapes to
 *                       static 'pool' [escape-global]
 *
 * pool_put() with heap buffers is the correct version (silent).  The
 * kernel-style "current frame" pattern at the end saves the old pointer,
 * installs a stack frame, and restores the old pointer on every path: the
 * kind of code that made the Linux kernel turn GCC 12's -Wdangling-pointer
 * off.  gcc-escape sees the store overwritten before every return and stays
 * silent.
 */
#include <stdlib.h>

#define POOL_SIZE 4
#define BUF_SIZE 256

static char *pool[POOL_SIZE];
static int pool_count;

void pool_put(char *buf)
{
    if (pool_count < POOL_SIZE)
        pool[pool_count++] = buf;
    else
        free(buf);
}

void format_bad(int value)
{
    char scratch[BUF_SIZE];
    scratch[0] = (char)value;
    if (pool_count < POOL_SIZE)
        pool[pool_count++] = scratch; /* the pool keeps a dead buffer */
}

char *pool_get(void)
{
    return pool_count ? pool[--pool_count] : malloc(BUF_SIZE);
}

struct frame {
    struct frame *prev;
    const char *what;
};

static struct frame *current;

int with_frame(const char *what, int (*work)(void))
{
    struct frame f;
    f.prev = current;
    f.what = what;
    current = &f;
    int rc = work();
    current = f.prev; /* restored before every return */
    return rc;
}
