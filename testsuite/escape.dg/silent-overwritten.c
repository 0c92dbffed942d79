/* A stored stack address that is overwritten or unlinked on every path before the return. */
/* { dg-do compile } */

#include <stddef.h>
#include <string.h>

struct frame { struct frame *prev; int v; };
struct list { struct list *next; };
struct pair { int *p; int *q; };

struct frame *g_top;
struct list *g_head;
int *g;

void work(void);
int cond(void);

/* The Linux kernel pattern: prev = g_top; g_top = &frame; ...; g_top = prev; */
void kernel_pattern(void)
{
    struct frame fr;
    struct frame *prev = g_top;
    g_top = &fr; /* { dg-bogus "\\\[escape-" } */
    work();
    g_top = prev;
}

void saved_in_frame(void)
{
    struct frame fr;
    fr.prev = g_top;
    g_top = &fr; /* { dg-bogus "\\\[escape-" } */
    work();
    g_top = fr.prev;
}

void restored_on_early_return(void)
{
    struct frame fr;
    struct frame *prev = g_top;
    g_top = &fr; /* { dg-bogus "\\\[escape-" } */
    if (cond()) {
        g_top = prev;
        return;
    }
    work();
    g_top = prev;
}

void restored_at_shared_exit(void)
{
    int x;
    int *prev = g;
    g = &x; /* { dg-bogus "\\\[escape-" } */
    if (cond())
        goto out;
    work();
out:
    g = prev;
}

void restored_in_every_case(void)
{
    int x;
    g = &x; /* { dg-bogus "\\\[escape-" } */
    switch (cond()) {
    case 1: g = 0; break;
    case 2: g = 0; return;
    default: g = 0; break;
    }
}

void restored_after_loop(void)
{
    int x;
    g = &x; /* { dg-bogus "\\\[escape-" } */
    while (cond())
        work();
    g = 0;
}

/* A local list node pushed on a global list head and popped again. */
void local_list_head_restored(void)
{
    struct list n;
    n.next = g_head;
    g_head = &n; /* { dg-bogus "\\\[escape-" } */
    work();
    g_head = n.next;
}

/* The same through a parameter's list. */
void param_list_restored(struct list *l)
{
    struct list n;
    n.next = l->next;
    l->next = &n; /* { dg-bogus "\\\[escape-" } */
    work();
    l->next = n.next;
}

/* An out-parameter reset to NULL on every path. */
void out_reset(int **out)
{
    int x;
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    work();
    *out = NULL;
}

void out_reset_on_both_paths(int **out)
{
    int x;
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    if (cond()) {
        *out = NULL;
        return;
    }
    work();
    *out = NULL;
}

void out_reset_by_struct_assignment(struct pair *o)
{
    int x;
    o->p = &x; /* { dg-bogus "\\\[escape-" } */
    work();
    *o = (struct pair){ 0, 0 };
}

void global_field_reset_by_struct_assignment(void)
{
    int x;
    static struct pair sp;
    sp.q = &x; /* { dg-bogus "\\\[escape-" } */
    work();
    sp = (struct pair){ 0, 0 };
}

/* Reset through a copy of the out-parameter. */
void out_reset_through_copy(int **out)
{
    int x;
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    int **q = out;
    *q = NULL;
}

/* Reset by memset. */
void out_reset_by_memset(int **out)
{
    int x;
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    work();
    memset(out, 0, sizeof *out);
}
