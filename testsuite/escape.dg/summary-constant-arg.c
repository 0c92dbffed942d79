/* Interprocedural: a constant argument picks the callee's path (SQLite's sqlite3_result_text (ctx, buf, n, SQLITE_TRANSIENT) copies, SQLITE_STATIC keeps); only the paths it allows count. */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

typedef void (*destructor)(void *);
#define STATIC_TEXT ((destructor)0)
#define TRANSIENT ((destructor)-1)

struct mem { char *z; destructor del; int type; char *pending; };
struct context { struct mem *out; };

/* SQLite's sqlite3VdbeMemSetText: copies the text for TRANSIENT, keeps the pointer otherwise. */
void mem_set_text(struct mem *m, const char *z, size_t n, destructor del)
{
    if (n > 1000) {
        /* GCC folds this test into one range check when optimizing. */
        if (del && del != TRANSIENT)
            m->pending = (char *)z; /* for the destructor, later */
        return;
    }
    if (del == TRANSIENT) {
        m->z = malloc(n + 1);
        if (m->z)
            memcpy(m->z, z, n + 1);
    } else {
        m->z = (char *)z;
        m->del = del;
    }
}

/* sqlite3_result_text: a wrapper that passes the destructor on. */
void result_text(struct context *c, const char *z, size_t n, destructor del)
{
    mem_set_text(c->out, z, n, del);
}

/* sqlite3_result_error: always copies. */
void result_error(struct context *c, const char *z, size_t n)
{
    mem_set_text(c->out, z, n, TRANSIENT);
}

void print_number(struct context *c, int v)
{
    char buf[16];
    buf[0] = (char)('0' + v % 10);
    buf[1] = 0;
    result_text(c, buf, 1, TRANSIENT); /* { dg-bogus "\\\[escape-" } */
}

void report_error(struct context *c)
{
    char msg[32] = "failed";
    result_error(c, msg, 6); /* { dg-bogus "\\\[escape-" } */
}

/* The constant that takes the keeping path: a real escape. */
void print_static(struct context *c)
{
    char buf[16] = "text"; /* { dg-message "'buf' declared here" } */
    result_text(c, buf, 4, STATIC_TEXT); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
}

/* A value the caller does not know: both paths count. */
void print_with(struct context *c, destructor del)
{
    char buf[16] = "text"; /* { dg-message "'buf' declared here" } */
    result_text(c, buf, 4, del); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
}

/* SQLite's sqlite3VdbeChangeP4 and freeP4: a switch and a sign test on an int. */
#define P4_DYNAMIC (-7)
#define P4_FUNCCTX (-16)

struct op { void *p4; int p4type; };
struct pool { void *free_list; };
struct vdbe { struct op *ops; struct pool *db; };

void pool_free(struct pool *db, void *p)
{
    db->free_list = p; /* a lookaside list: the block is kept for reuse */
}

void free_p4(struct pool *db, int p4type, void *p4)
{
    switch (p4type) {
    case P4_DYNAMIC:
    case P4_FUNCCTX:
        pool_free(db, p4);
        break;
    default:
        break;
    }
}

void change_p4(struct vdbe *v, const char *z, int n)
{
    free_p4(v->db, n, v->ops->p4);
    if (n >= 0) {
        v->ops->p4 = strndup(z, (size_t)n); /* copied */
        v->ops->p4type = P4_DYNAMIC;
    } else {
        free_p4(v->db, n, (void *)z);
        v->ops->p4 = (void *)z; /* kept: the caller promises it lives long enough */
        v->ops->p4type = n;
    }
}

void code_affinity(struct vdbe *v)
{
    char affinity = 'A';
    change_p4(v, &affinity, 1); /* { dg-bogus "\\\[escape-" } */
}

void code_name(struct vdbe *v)
{
    char name[8] = "x";
    change_p4(v, name, 0); /* { dg-bogus "\\\[escape-" } */
}

void code_kept(struct vdbe *v)
{
    char name[8] = "x"; /* { dg-message "'name' declared here" } */
    change_p4(v, name, P4_DYNAMIC); /* { dg-warning "address of local 'name' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
}

/* A constant through a local: still a constant at every -O level. */
void code_local_constant(struct vdbe *v)
{
    char name[8] = "x";
    int type = 3;
    change_p4(v, name, type); /* { dg-bogus "\\\[escape-" } */
}

/* GCC folds `n >= 0 && n < 4` into `(unsigned) n <= 3` when optimizing. */
void set_small(struct vdbe *v, char *z, int n)
{
    if (n >= 0 && n < 4)
        v->ops->p4 = z;
}

void code_small(struct vdbe *v)
{
    char name[8] = "x"; /* { dg-message "'name' declared here" } */
    set_small(v, name, 2); /* { dg-warning "address of local 'name' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
}

void code_large(struct vdbe *v)
{
    char name[8] = "x";
    set_small(v, name, 4); /* { dg-bogus "\\\[escape-" } */
    set_small(v, name, -1); /* { dg-bogus "\\\[escape-" } */
}

/* SQLite's sqlite3VdbeChangeP4 and vdbeChangeP4Full call each other: the
   cycle is specialised once its summaries are final. */
void change_cycle(struct vdbe *v, const char *z, int n);

static void change_cycle_full(struct vdbe *v, const char *z, int n)
{
    if (n < 0)
        change_cycle(v, z, n);
    else
        v->ops->p4 = strndup(z, (size_t)n);
}

void change_cycle(struct vdbe *v, const char *z, int n)
{
    if (n >= 0 || v->ops->p4type) {
        change_cycle_full(v, z, n);
        return;
    }
    v->ops->p4 = (void *)z;
}

void code_cycle(struct vdbe *v)
{
    char a = 'A';
    change_cycle(v, &a, 1); /* { dg-bogus "\\\[escape-" } */
}

void code_cycle_kept(struct vdbe *v)
{
    char a = 'A'; /* { dg-message "'a' declared here" } */
    change_cycle(v, &a, -3); /* { dg-warning "address of local 'a' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
}

/* GCC joins these into one test when optimizing, `(n == 1) | (n == 5)`
   and `(a == 1) & (b == 2)`: the same paths count as at -O0. */
void keep_odd(struct vdbe *v, char *z, int n)
{
    if (n == 1 || n == 5)
        v->ops->p4 = z;
}

void keep_both(struct vdbe *v, char *z, int a, int b)
{
    if (a == 1 && b == 2)
        v->ops->p4 = z;
}

void code_joined(struct vdbe *v, int b)
{
    char n3[8] = "x", n5[8] = "x", b13[8] = "x", b12[8] = "x", b1b[8] = "x";
    keep_odd(v, n3, 3); /* { dg-bogus "\\\[escape-" } */
    keep_odd(v, n5, 5); /* { dg-warning "address of local 'n5' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
    keep_both(v, b13, 1, 3); /* { dg-bogus "\\\[escape-" } */
    keep_both(v, b12, 1, 2); /* { dg-warning "address of local 'b12' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
    keep_both(v, b1b, 1, b); /* { dg-warning "address of local 'b1b' escapes to the caller through parameter 'v' \\\[escape-caller\\\]" } */
}
