/* Pointers to static, thread-local, heap, string-literal and function storage never warn. */
/* { dg-do compile } */

#include <stdlib.h>

struct rec { int *p; char name[8]; };

int *g;
int g_int;
extern int ext_arr[10];
static struct rec s_rec;
_Thread_local int tl_int;

int *return_static_local(void)
{
    static int s;
    return &s; /* { dg-bogus "\\\[escape-" } */
}

int *return_static_choice(int c)
{
    static int a, b;
    int *p = c ? &a : &b;
    return p; /* { dg-bogus "\\\[escape-" } */
}

char *return_static_field(void)
{
    return s_rec.name; /* { dg-bogus "\\\[escape-" } */
}

int *return_extern_element(int i)
{
    return &ext_arr[i]; /* { dg-bogus "\\\[escape-" } */
}

int *return_thread_local(void)
{
    return &tl_int; /* { dg-bogus "\\\[escape-" } */
}

const char *return_literal(void)
{
    const char *s = "literal";
    return s; /* { dg-bogus "\\\[escape-" } */
}

int *return_heap(void)
{
    int *h = malloc(sizeof *h);
    return h; /* { dg-bogus "\\\[escape-" } */
}

void (*return_function(void))(void)
{
    extern void some_function(void);
    return &some_function; /* { dg-bogus "\\\[escape-" } */
}

void store_static_and_heap(int **out, struct rec *o)
{
    static int s;
    g = &s; /* { dg-bogus "\\\[escape-" } */
    *out = &g_int; /* { dg-bogus "\\\[escape-" } */
    o->p = malloc(sizeof *o->p); /* { dg-bogus "\\\[escape-" } */
    s_rec.p = (int *)&g; /* { dg-bogus "\\\[escape-" } */
}

/* A heap object holding static pointers, itself returned. */
struct rec *heap_holding_static(void)
{
    struct rec *h = malloc(sizeof *h);
    h->p = &g_int;
    return h; /* { dg-bogus "\\\[escape-" } */
}
