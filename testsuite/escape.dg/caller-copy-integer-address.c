/* In a unit that turns an address into an integer as wide as a pointer, a copy of such an integer field may carry it. */
/* { dg-do compile } */

#include <stdint.h>
#include <stddef.h>

struct cookie { uintptr_t id; char *name; };

void copy_cookie(struct cookie *out)
{
    int x = 0;
    struct cookie tmp = { (uintptr_t)&x, NULL };
    *out = tmp; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    out->name = NULL;
}

/* A counter as wide as a pointer, beside the cookie: it may carry one too. */
struct counted { long count; char *name; };
void copy_counted(struct counted *out)
{
    char buf[8];
    struct counted tmp = { (long)(intptr_t)buf, buf };
    *out = tmp; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    out->name = NULL;
}
