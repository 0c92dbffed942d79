/* memcpy reads only the memory its source pointer can really point to, not every object field-insensitive sets tie to it. */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct node { struct node *next, *prev; };
struct range_ctx { struct node *root; struct node sentinel; void ***low; };
struct arr { void *elts; };

/* nginx's ngx_http_geo_block: ctx holds its own address in one field and
   the caller's array in another; the copy reads the caller's memory only. */
void fields_load(struct arr **low, void **out, size_t len)
{
    struct range_ctx ctx;
    ctx.root = &ctx.sentinel;
    ctx.low = (void ***)low;
    struct arr *a = (struct arr *)ctx.low[0];
    void *copy = malloc(len);
    memcpy(copy, a->elts, len); /* { dg-bogus "\\\[escape-" } */
    *out = copy;
}

/* A copy of a structure that does hold a local's address, into the caller's memory. */
struct holder { int *p; int n; };
void copied_out(struct holder *out)
{
    int x = 0;
    struct holder h = { &x, 1 };
    memcpy(out, &h, sizeof h); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}
