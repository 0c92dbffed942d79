/* A stored stack address restored on some paths only: it still escapes. */
/* { dg-do compile } */

#include <stddef.h>

struct frame { struct frame *prev; };
struct pair { int *p; int *q; };

struct frame *g_top;
int *g;

void work(void);
int cond(void);

void early_return_skips_restore(void)
{
    struct frame fr; /* { dg-message "'fr' declared here" } */
    struct frame *prev = g_top;
    g_top = &fr; /* { dg-warning "address of local 'fr' escapes to global 'g_top' \\\[escape-global\\\]" } */
    if (cond())
        return;
    work();
    g_top = prev;
}

void out_reset_on_one_path(int **out)
{
    int x;
    *out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    if (cond())
        return;
    work();
    *out = NULL;
}

void goto_skips_reset(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
    if (cond())
        goto out;
    g = 0;
out:
    ;
}

void case_without_reset(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
    switch (cond()) {
    case 1: g = 0; break;
    case 2: return;
    default: g = 0; break;
    }
}

void break_skips_reset(void)
{
    int x;
    for (int i = 0; i < 10; i++) {
        g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
        if (cond())
            break;
        g = 0;
    }
}

void reset_only_in_branch(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
    if (cond())
        g = 0;
}

/* Resetting another field does not reset this one. */
void other_field_reset(struct pair *o)
{
    int x;
    o->p = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
    o->q = NULL;
}

/* Resetting before the store does not help. */
void reset_before_store(void)
{
    int x;
    g = 0;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}
