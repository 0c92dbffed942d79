/* A copy through a pointer that only the copy itself could have made point to the local: nginx's geo ranges. */
/* { dg-do compile } */

#include <string.h>

/* nginx's ngx_http_geo_block: ctx holds a self-pointer (its red-black
   tree's root is &ctx.sentinel) next to ranges filled by the parser;
   each range array is copied into pool memory.  The field-insensitive
   sets let a->elts point to ctx only through this very copy, made in an
   earlier iteration: no address gets there first. */
struct array { void *elts; unsigned long nelts; };
struct node { struct node *left; };
struct ctx { struct array **low; struct node *root; void *pool; struct node sentinel; };
struct conf { void *ctx; void *pool; };
extern int parse(struct conf *cf);
extern void *pool_alloc(void *pool, unsigned long size);

int geo_block(struct conf *cf)
{
    struct ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.root = &ctx.sentinel;
    ctx.pool = cf->pool;
    cf->ctx = &ctx;
    int rv = parse(cf);
    cf->ctx = 0;
    if (rv)
        return rv;
    if (ctx.low)
        for (int i = 0; i < 100; i++) {
            struct array *a = ctx.low[i];
            if (!a)
                continue;
            unsigned long len = a->nelts * 8;
            ctx.low[i] = pool_alloc(cf->pool, len);
            memcpy(ctx.low[i], a->elts, len); /* { dg-bogus "\\\[escape-" } */
        }
    return 0;
}

/* A range array of its own does hold ctx's address, loaded in the
   loop as above: the copy moves ctx's own pointer into the caller's
   pool. */
int geo_block_self(struct conf *cf)
{
    struct ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.root = &ctx.sentinel;
    struct array self = { &ctx, 1 };
    struct array *ranges[2] = { &self, 0 };
    struct array **low = ranges;
    for (int i = 0; i < 2; i++) {
        struct array *a = low[i];
        if (!a)
            continue;
        unsigned long len = a->nelts * 8;
        low[i] = pool_alloc(cf->pool, len);
        memcpy(cf->pool, a->elts, len); /* { dg-warning "address of local 'ctx' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    }
    return 0;
}
