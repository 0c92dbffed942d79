/* Interprocedural: a callee that stores its pointer parameter in static storage makes the caller's stack address escape. */
/* { dg-do compile } */

#include <stdarg.h>
#include <stdlib.h>

struct config { int n; int *ptr; };

static int *g_saved;
struct config g_cfg;
int *g_table[8];
int g_value;
static int s_int;

void keep(int *p)
{
    g_saved = p; /* { dg-message "in 'keep': flow: g_saved = p \\(store\\)" } */
}

void keep_in_field(int *p)
{
    g_cfg.ptr = p; /* { dg-message "in 'keep_in_field': flow: g_cfg.ptr = p \\(store\\)" } */
}

void keep_in_static_local(int *p)
{
    static int *last;
    last = p;
    *last = 0;
}

void keep_in_table(int *p, int i)
{
    g_table[i & 7] = p;
}

void keep_interior(char *p)
{
    g_saved = (int *)(p + 4);
}

void keep_sometimes(int *p, int c)
{
    if (c)
        g_saved = p;
}

void keep_second(int n, int *p)
{
    g_value = n;
    g_saved = p;
}

static _Thread_local int *tl_saved;

void keep_thread_local(int *p)
{
    tl_saved = p;
}

/* A struct passed by value: the pointer it holds is stored. */
void keep_struct_value(struct config c)
{
    g_saved = c.ptr;
}

/* A variadic callee: the pointer arrives through va_arg. */
void keep_variadic(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    g_saved = va_arg(ap, int *);
    va_end(ap);
}

/* Defined after its callers (below). */
void keep_later(int *p);

/* Level 1: the pointer stored in the memory the parameter points to. */
void keep_pointee(int **pp)
{
    g_saved = *pp;
}

/* Returns a pointer into static storage. */
static struct config g_pool[4];

struct config *pool_get(int i)
{
    return &g_pool[i & 3];
}

void direct(void)
{
    int x; /* { dg-message "'x' declared here" } */
    keep(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep', which stores it in static storage \\\[escape-call\\\]" } */
}

void through_variable(void)
{
    int x;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    keep(p); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep', which stores it in static storage \\\[escape-call\\\]" } */
}

void field(void)
{
    int x;
    keep_in_field(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_in_field', which stores it in static storage \\\[escape-call\\\]" } */
}

void static_local(void)
{
    int x;
    keep_in_static_local(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_in_static_local', which stores it in static storage \\\[escape-call\\\]" } */
}

void table(int i)
{
    int x;
    keep_in_table(&x, i); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_in_table', which stores it in static storage \\\[escape-call\\\]" } */
}

void array_element(void)
{
    char buf[16];
    keep_interior(&buf[2]); /* { dg-warning "address of local 'buf' escapes through argument 1 of 'keep_interior', which stores it in static storage \\\[escape-call\\\]" } */
}

void only_on_some_paths(int c)
{
    int x;
    keep_sometimes(&x, c); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_sometimes', which stores it in static storage \\\[escape-call\\\]" } */
}

void second_argument(void)
{
    int x;
    keep_second(1, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'keep_second', which stores it in static storage \\\[escape-call\\\]" } */
}

void parameter_address(int v)
{
    keep(&v); /* { dg-warning "address of parameter 'v' escapes through argument 1 of 'keep', which stores it in static storage \\\[escape-call\\\]" } */
}

void pointee(void)
{
    int x;
    int *p = &x;
    keep_pointee(&p); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_pointee', which stores it in static storage \\\[escape-call\\\]" } */
}

void thread_local_storage(void)
{
    int x;
    keep_thread_local(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_thread_local', which stores it in static storage \\\[escape-call\\\]" } */
}

void struct_by_value(void)
{
    int x;
    struct config c = { 0, &x };
    keep_struct_value(c); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_struct_value', which stores it in static storage \\\[escape-call\\\]" } */
}

void variadic(void)
{
    int x;
    keep_variadic(1, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'keep_variadic', which stores it in static storage \\\[escape-call\\\]" "variadic arguments read with va_arg are not tracked into the callee" { xfail *-*-* } } */
}

void callee_defined_later(void)
{
    int x;
    keep_later(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'keep_later', which stores it in static storage \\\[escape-call\\\]" } */
}

void keep_later(int *p)
{
    g_saved = p;
}

/* The callee hands back static storage, and the caller stores into it. */
void store_into_returned_static(int i)
{
    int x;
    struct config *c = pool_get(i);
    c->ptr = &x; /* { dg-warning "address of local 'x' escapes to static 'g_pool' \\\[escape-global\\\]" } */
}

/* Silent: what the caller hands over outlives it. */
void static_storage(void)
{
    static int s;
    keep(&s); /* { dg-bogus "\\\[escape-" } */
    keep(&s_int); /* { dg-bogus "\\\[escape-" } */
    keep_in_field(&g_value); /* { dg-bogus "\\\[escape-" } */
}

void heap_storage(void)
{
    int *h = malloc(sizeof *h);
    keep(h); /* { dg-bogus "\\\[escape-" } */
}

void own_parameter(int *p)
{
    keep(p); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: keep_pointee keeps *pp, and the slot pp points to is the caller's
   local but what it holds is static. */
void pointee_is_static(void)
{
    int *p = &s_int;
    keep_pointee(&p); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the global is cleared before the frame dies, by the caller or by
   a helper (the push/pop pattern of cleanup stacks). */
struct frame { struct frame *prev; int v; };
static struct frame *g_top;

void frame_push(struct frame *f)
{
    f->prev = g_top;
    g_top = f;
}

void frame_pop(void)
{
    g_top = g_top->prev;
}

void work(void);

void pushed_and_popped(void)
{
    struct frame fr;
    frame_push(&fr); /* { dg-bogus "\\\[escape-" } */
    work();
    frame_pop();
}

void cleared_after_the_call(void)
{
    int x;
    keep(&x); /* { dg-bogus "\\\[escape-" } */
    *g_saved = 1;
    g_saved = NULL;
}
