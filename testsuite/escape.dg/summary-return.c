/* Interprocedural: a callee that returns its pointer parameter (or a pointer stored in what it points to) carries the caller's stack address into the caller's return value. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stddef.h>
#include <string.h>

struct buf { char *data; size_t len; };
struct node { int v; struct node *next; };

static int s_int;

int *identity(int *p)
{
    return p;
}

int *pick(int *a, int *b, int c)
{
    return c ? a : b;
}

char *skip(char *s, size_t n)
{
    return s + n;
}

/* Level 1: returns the pointer held in *pp. */
int *deref(int **pp)
{
    return *pp;
}

/* Level 1: returns a pointer field of the struct its parameter points to. */
char *data_of(const struct buf *b)
{
    return b->data;
}

/* Level 0: returns the address of a field inside the pointee. */
int *value_slot(struct node *n)
{
    return &n->v;
}

char *copy_of(const char *s)
{
    return strdup(s);
}

int *ignores_param(int *p)
{
    (void)p;
    return &s_int;
}

int *direct(void)
{
    int x; /* { dg-message "'x' declared here" } */
    return identity(&x); /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_variable(void)
{
    int x;
    int *r = identity(&x); /* { dg-message "flow: r = identity \\(&x, ...\\) \\(returns a pointer into argument 1\\)" } */
    return r; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *second_of_two(int c)
{
    int x;
    return pick(&s_int, &x, c); /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

char *interior(void)
{
    char buf[32] = "hello, world";
    return skip(buf, 7); /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

int *pointee(void)
{
    int x;
    int *p = &x;
    return deref(&p); /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

char *field_of_param(void)
{
    char storage[16];
    struct buf b = { storage, sizeof storage };
    return data_of(&b); /* { dg-warning "address of local 'storage' escapes via the return value \\\[escape-return\\\]" } */
}

int *address_of_field(void)
{
    struct node n = { 0, NULL };
    return value_slot(&n); /* { dg-warning "address of local 'n' escapes via the return value \\\[escape-return\\\]" } */
}

void into_out_param(int **out)
{
    int x;
    *out = identity(&x); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* Silent: the returned pointer does not come from the local. */
int *ignored(void)
{
    int x;
    return ignores_param(&x); /* { dg-bogus "\\\[escape-" } */
}

int *static_through_identity(void)
{
    return identity(&s_int); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: deref returns what the local slot holds, which is static. */
int *slot_holds_static(void)
{
    int *p = &s_int;
    return deref(&p); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: data_of returns b.data, a heap-or-caller pointer, not &b. */
char *struct_holds_param(char *data)
{
    struct buf b = { data, 0 };
    return data_of(&b); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the callee returns a fresh heap copy. */
char *heap_copy(void)
{
    char buf[8] = "abc";
    return copy_of(buf); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the result is used only inside the frame. */
int used_locally(void)
{
    int x = 3;
    int *p = identity(&x);
    return *p; /* { dg-bogus "\\\[escape-" } */
}
