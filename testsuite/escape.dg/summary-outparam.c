/* Interprocedural: a callee that stores one parameter into memory reachable from another (*out = v, c->buf = buf); whether that escapes depends on whose memory the caller passes. */
/* { dg-do compile } */

#include <stdlib.h>

struct ctx { char *buf; int len; };

int *g_ptr;
struct ctx g_ctx;

void set(int **out, int *v)
{
    *out = v;
}

void set_second(int *v, int **out)
{
    *out = v;
}

void ctx_init(struct ctx *c, char *buf, int len)
{
    c->buf = buf;
    c->len = len;
}

/* Level 1: the pointer stored in *src is copied into *dst. */
void copy_slot(int **dst, int **src)
{
    *dst = *src;
}

/* The caller's own memory: silent. */
int local_out(void)
{
    int x = 1;
    int *s;
    set(&s, &x); /* { dg-bogus "\\\[escape-" } */
    return *s;
}

int local_struct(void)
{
    char storage[64];
    struct ctx c;
    ctx_init(&c, storage, sizeof storage); /* { dg-bogus "\\\[escape-" } */
    c.buf[0] = 0;
    return c.len;
}

int local_slots(void)
{
    int x = 2;
    int *a = &x, *b;
    copy_slot(&b, &a); /* { dg-bogus "\\\[escape-" } */
    return *b;
}

/* A global out-parameter: the local's address lands in static storage. */
void global_out(void)
{
    int x; /* { dg-message "'x' declared here" } */
    set(&g_ptr, &x); /* { dg-warning "address of local 'x' escapes to global 'g_ptr' \\\[escape-global\\\]" } */
}

void global_out_second(void)
{
    int x;
    set_second(&x, &g_ptr); /* { dg-warning "address of local 'x' escapes to global 'g_ptr' \\\[escape-global\\\]" } */
}

void global_struct(void)
{
    char storage[64];
    ctx_init(&g_ctx, storage, sizeof storage); /* { dg-warning "address of local 'storage' escapes to global 'g_ctx' \\\[escape-global\\\]" } */
}

void global_slot(void)
{
    int x;
    int *a = &x;
    copy_slot(&g_ptr, &a); /* { dg-warning "address of local 'x' escapes to global 'g_ptr' \\\[escape-global\\\]" } */
}

/* The caller's caller's memory: the out-parameter is the caller's own parameter. */
void param_out(int **out)
{
    int x;
    set(out, &x); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void param_struct(struct ctx *c)
{
    char storage[64];
    ctx_init(c, storage, sizeof storage); /* { dg-warning "address of local 'storage' escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
}

/* Heap memory that is returned. */
struct ctx *heap_struct(void)
{
    char storage[64];
    struct ctx *c = malloc(sizeof *c);
    ctx_init(c, storage, sizeof storage); /* { dg-warning "address of local 'storage' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return c;
}

/* Silent: what is stored is static or the caller's own. */
void global_out_static(void)
{
    static int s;
    set(&g_ptr, &s); /* { dg-bogus "\\\[escape-" } */
}

void global_struct_param(char *data)
{
    ctx_init(&g_ctx, data, 0); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the global is reset before the frame dies. */
void global_out_reset(void)
{
    int x;
    set(&g_ptr, &x); /* { dg-bogus "\\\[escape-" } */
    *g_ptr = 1;
    g_ptr = NULL;
}

void param_out_reset(int **out)
{
    int x;
    set(out, &x); /* { dg-bogus "\\\[escape-" } */
    **out = 1;
    *out = NULL;
}
