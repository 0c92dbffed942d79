/* Ranking by readers (docs/rules.md#levels): level=2 also reports the
   stale addresses nothing reads again, each with a note saying why. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-level=2" } */

#include <string.h>

struct opts { int *value; int count; };

/* Every function that reads it fills it first. */
static struct opts t_opts;

void test_one(void)
{
    int local = 1;
    t_opts.value = &local; /* { dg-warning "address of local 'local' escapes to static 't_opts' \\\[escape-global\\\]" } */
    /* { dg-message "nothing reads it again: every function that reads 't_opts' writes it first" "" { target *-*-* } 16 } */
}

int test_two(void)
{
    int local = 2;
    memset(&t_opts, 0, sizeof t_opts);
    t_opts.value = &local; /* { dg-bogus "escape" } */
    int r = *t_opts.value;
    t_opts.value = &r; /* { dg-warning "address of local 'r' escapes to static 't_opts' \\\[escape-global\\\]" } */
    return 0;
}

/* Nothing reads it at all. */
void cache(void)
{
    int x;
    static int *last;
    last = &x; /* { dg-warning "escapes to static 'last' \\\[escape-global\\\]" } */
    /* { dg-message "nothing reads it again: no function of this unit reads 'last'" "" { target *-*-* } 35 } */
}

/* A static function whose callers all discard or overwrite the field. */
struct ctx { char *cur; char *end; };

static void start(struct ctx *c)
{
    char buf[16];
    c->cur = buf; /* { dg-warning "escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
    /* { dg-message "nothing reads it again: every caller of 'start' discards or overwrites what 'c' points to without reading it" "" { target *-*-* } 45 } */
}

int discards(void)
{
    struct ctx c;
    c.end = 0;
    start(&c);
    return c.end != 0;
}

void passes_on(struct ctx *c)
{
    start(c);
    c->cur = c->end;
}

/* The same through a static caller that passes its own parameter on. */
static void start_deep(struct ctx *c)
{
    char buf[16];
    c->cur = buf; /* { dg-warning "escapes to the caller through parameter 'c' \\\[escape-caller\\\]" } */
    /* { dg-message "nothing reads it again: every caller of 'start_deep'" "" { target *-*-* } 67 } */
}

static void middle(struct ctx *c)
{
    start_deep(c);
}

int outer(void)
{
    struct ctx c = { 0, 0 };
    middle(&c);
    c.cur = 0;
    return c.cur != 0;
}
