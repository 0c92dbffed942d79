/* counter.c - a counter "closure" built from a context struct, as C writes Go's closures. */
/*
 * Go:
 *     func counter() func() int { n := 0; return func() int { n++; return n } }
 * The closure captures n by reference, so Go's escape analysis moves n to
 * the heap ("moved to heap: n") and the program is correct.
 *
 * C has no closures: a function pointer travels with a context struct.
 * make_counter_bad() builds the context on its own stack and hands it
 * back, so the caller calls next() on a dead frame.  gcc-escape reports
 * (GCC 12's -Wall also catches this direct case, with -Wdangling-pointer):
 *
 *     counter.c:40: warning: address of local 'ctx' escapes to the caller
 *                   through parameter 'out' [escape-caller]
 *
 * make_counter() is the C version of what Go does for you: the context
 * lives on the heap (or in storage the caller provides, as in
 * counter_init()), and nothing is reported.
 */
#include <stdlib.h>

struct counter_ctx {
    int n;
};

struct counter {
    int (*next)(struct counter_ctx *ctx);
    struct counter_ctx *ctx;
};

static int next(struct counter_ctx *ctx)
{
    return ++ctx->n;
}

void make_counter_bad(struct counter *out)
{
    struct counter_ctx ctx = {0};
    out->next = next;
    out->ctx = &ctx; /* the frame dies when this function returns */
}

int make_counter(struct counter *out)
{
    struct counter_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return -1;
    out->next = next;
    out->ctx = ctx;
    return 0;
}

void counter_init(struct counter *out, struct counter_ctx *storage)
{
    storage->n = 0;
    out->next = next;
    out->ctx = storage;
}

int count_to(int limit)
{
    struct counter_ctx storage; /* the caller's frame outlives the counter */
    struct counter c;
    counter_init(&c, &storage);
    int last = 0;
    while (last < limit)
        last = c.next(c.ctx);
    return last;
}
