/* Ranking by readers (docs/rules.md#levels), at the default level 1: a
   stale address in a static or in the caller's memory is reported when
   something may read it again before writing it, and named; the same
   finding that nothing reads is left for level 2 (readers-level2.c). */
/* { dg-do compile } */

#include <string.h>

struct opts { int *value; int count; };

/* Read by 'get_value' without a write first: level 1. */
static struct opts g_opts;

void set_value(void)
{
    int x = 1; /* { dg-message "'x' declared here" } */
    g_opts.value = &x; /* { dg-warning "address of local 'x' escapes to static 'g_opts' \\\[escape-global\\\]" } */
}

int get_value(void)
{
    return *g_opts.value; /* { dg-message "read again by 'get_value' \\(readers-static.c:22\\) without a write before it" } */
}

/* Every function that reads it fills it first (a test's options): level 2. */
static struct opts t_opts;

void test_one(void)
{
    int local = 1;
    t_opts.value = &local; /* { dg-bogus "escape" } */
}

int test_two(void)
{
    int local = 2;
    memset(&t_opts, 0, sizeof t_opts);
    t_opts.value = &local; /* { dg-bogus "escape" } */
    int r = *t_opts.value;
    t_opts.value = 0;
    return r;
}

int test_three(void)
{
    int local = 3;
    t_opts = (struct opts){ &local, 1 };
    int r = *t_opts.value;
    t_opts.value = 0;
    return r;
}

/* A static function whose callers all discard the struct: level 2. */
struct ctx { char *cur; char *end; };

static void start_discarded(struct ctx *c)
{
    char buf[16];
    c->cur = buf; /* { dg-bogus "escape" } */
}

int discards(void)
{
    struct ctx c;
    c.end = 0;
    start_discarded(&c);
    return c.end != 0;
}

int overwrites(void)
{
    struct ctx c;
    start_discarded(&c);
    c.cur = 0;
    return c.cur != 0;
}

/* ... and one whose caller reads the field: level 1. */
static void start_read(struct ctx *c)
{
    char buf[16]; /* { dg-message "'buf' declared here" } */
    c->cur = buf; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
}

int reads(void)
{
    struct ctx c;
    start_read(&c);
    return *c.cur; /* { dg-message "read again by 'reads' \\(readers-static.c:89\\)" } */
}

/* An external function: its callers are unknown, level 1. */
void start_external(struct ctx *c)
{
    char buf[16];
    c->cur = buf; /* { dg-warning "escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
    /* { dg-message "may be read again by a caller of 'start_external': other units can call it" "" { target *-*-* } 96 } */
}

/* A global of external linkage: other units may read it, level 1. */
int *g_shared;

void share(void)
{
    int v = 0;
    g_shared = &v; /* { dg-warning "escapes to global 'g_shared' \\\[escape-global\\\]" } */
    /* { dg-message "may be read again: 'g_shared' has external linkage" "" { target *-*-* } 106 } */
}
