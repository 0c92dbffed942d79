/* buffer_pool.c - Go's sync.Pool in C: a static pool of buffers, a stack buffer put in it, and save/restore. */
/*
 * Go:
 *
 *     var bufPool = sync.Pool{New: func() any { return new([256]byte) }}
 *
 *     buf := bufPool.Get().(*[256]byte)
 *     ...
 *     bufPool.Put(buf)
 *
 * Put keeps its argument, so `go build -gcflags=-m` moves whatever is
 * handed to it to the heap: `var b [256]byte; bufPool.Put(&b)` prints
 * "moved to heap: b".  Go cannot put a stack buffer in a pool.  C can: the
 * next pool_get() then hands out a pointer into a dead frame.
 *
 * gcc-escape, on format_buggy(), which gives its stack buffer to the pool:
 *
 *     buffer_pool.c:78: warning: address of local 'buf' escapes to static 'pool' [escape-global]
 *
 * with the flow in a note: pool[pool_len] = &buf (store).  GCC alone says
 * nothing here.
 *
 * The same bug through the pool's own function, in format_via_put(),
 * which hands its stack buffer to pool_put():
 *
 *     buffer_pool.c:108: warning: address of local 'buf' escapes through
 *     argument 1 of 'pool_put', which stores it in static storage [escape-call]
 *
 * with notes that follow the buffer into pool_put() down to
 * pool[pool_len] = buf.  GCC notices that variant only at -O2, after
 * inlining, and only because pool_put() may free() the buffer
 * (-Wfree-nonheap-object).
 *
 * Silent, correctly:
 * - format(): takes a heap buffer from the pool and puts it back -- heap
 *   memory is never reported.
 * - with_scratch(): the kernel-style save/restore of a global
 *   (prev = scratch; scratch = buf; work(); scratch = prev;).  The global
 *   points at the stack buffer only while the frame is alive, and the store
 *   is overwritten on every path to the return, so nothing escapes.
 */
#include <stdio.h>
#include <stdlib.h>

#define BUF_SIZE 256
#define POOL_MAX 8

static char *pool[POOL_MAX];
static int pool_len;

char *scratch; /* the current scratch buffer, for work() */

void emit(const char *s);
void work(void);

char *pool_get(void)
{
    if (pool_len > 0)
        return pool[--pool_len];
    return malloc(BUF_SIZE);
}

void pool_put(char *buf)
{
    if (pool_len < POOL_MAX)
        pool[pool_len++] = buf;
    else
        free(buf);
}

/* Buggy: a stack buffer recycled into a pool that outlives it. */
void format_buggy(int value)
{
    char buf[BUF_SIZE];
    snprintf(buf, sizeof buf, "value=%d", value);
    emit(buf);
    if (pool_len < POOL_MAX)
        pool[pool_len++] = buf;
}

/* Fixed: the pool only ever holds heap buffers. */
void format(int value)
{
    char *buf = pool_get();
    if (!buf)
        return;
    snprintf(buf, BUF_SIZE, "value=%d", value);
    emit(buf);
    pool_put(buf);
}

/* Fine: the global is restored before the frame dies. */
void with_scratch(void)
{
    char buf[BUF_SIZE];
    char *prev = scratch;
    scratch = buf;
    work();
    scratch = prev;
}

/* Buggy: the same, through the pool's own function. */
void format_via_put(int value)
{
    char buf[BUF_SIZE];
    snprintf(buf, sizeof buf, "value=%d", value);
    emit(buf);
    pool_put(buf);
}
