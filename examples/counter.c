/* counter.c - Go's counter closure in C: a context struct plus a function pointer. */
/*
 * Go:
 *
 *     func counter() func() int {
 *         n := 0
 *         return func() int { n++; return n }
 *     }
 *
 * `go build -gcflags=-m` prints "moved to heap: n": the closure outlives
 * counter(), so the variable it captured must outlive it too.  C has no
 * closures and nothing moves a variable off the stack for you: a closure is
 * a function pointer plus a context struct, and the programmer decides
 * where the context lives.
 *
 * gcc-escape, on counter_buggy(), whose closure points at a local context:
 *
 *     counter.c:68: warning: address of local 'ctx' escapes via the return value [escape-return]
 *
 * with the flow in notes: c.ctx = &ctx (store), then return c (return).
 * The address travels inside the returned struct, which GCC's own
 * -Wreturn-local-addr does not follow: GCC alone says nothing here.
 *
 * The half fix, counter_half_fixed(), moves the closure to the heap but
 * leaves the context on the stack:
 *
 *     counter.c:78: warning: address of local 'ctx' is stored in heap memory that is returned [escape-heap]
 *
 * with notes for both paths: c->ctx = &ctx (store), then where the heap
 * memory was allocated and how it leaves (return c).  GCC alone says
 * nothing here either.
 *
 * Silent, correctly:
 * - counter_heap(): the context is malloc'd -- what Go does for you.
 * - counter_init(): the caller provides the context; a pointer into a
 *   parameter's pointee is not this function's stack memory.
 * - count_to_three(): the closure never leaves the function, so its stack
 *   context is fine.  Go agrees: for a closure that is only called locally
 *   it prints "func literal does not escape" and n stays on the stack.
 */
#include <stdlib.h>

struct counter_ctx {
    int n;
};

struct closure {
    int (*fn)(struct counter_ctx *ctx);
    struct counter_ctx *ctx;
};

static int counter_next(struct counter_ctx *ctx)
{
    ctx->n++;
    return ctx->n;
}

int closure_call(struct closure c)
{
    return c.fn(c.ctx);
}

/* Buggy: the returned closure points at counter_buggy()'s dead frame. */
struct closure counter_buggy(void)
{
    struct counter_ctx ctx = { 0 };
    struct closure c = { counter_next, &ctx };
    return c;
}

/* Half fixed: the closure is on the heap, but it still points at the stack. */
struct closure *counter_half_fixed(void)
{
    struct counter_ctx ctx = { 0 };
    struct closure *c = malloc(sizeof *c);
    if (c) {
        c->fn = counter_next;
        c->ctx = &ctx;
    }
    return c;
}

/* Fixed: the context lives on the heap; the caller frees c.ctx. */
struct closure counter_heap(void)
{
    struct counter_ctx *ctx = malloc(sizeof *ctx);
    if (ctx)
        ctx->n = 0;
    struct closure c = { counter_next, ctx };
    return c;
}

/* Fixed: the caller owns the context, so it lives as long as the caller says. */
struct closure counter_init(struct counter_ctx *ctx)
{
    ctx->n = 0;
    struct closure c = { counter_next, ctx };
    return c;
}

/* Fine: the closure and its stack context die together. */
int count_to_three(void)
{
    struct counter_ctx ctx = { 0 };
    struct closure c = { counter_next, &ctx };
    closure_call(c);
    closure_call(c);
    return closure_call(c);
}
