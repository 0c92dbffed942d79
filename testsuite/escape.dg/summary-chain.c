/* Interprocedural: a leak several calls deep is found, and the notes follow the pointer through every call down to the statement that keeps it. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

static void *g_slot;
int *g_out;

void level1(void *p)
{
    g_slot = p; /* { dg-message "in 'level1': flow: g_slot = p \\(store\\)" } */
}

void level2(void *q)
{
    level1(q); /* { dg-message "in 'level2': flow: level1 \\(..., q, ...\\) keeps it \\(argument 1\\)" } */
}

void level3(int unused, void *r)
{
    (void)unused;
    level2(r); /* { dg-message "in 'level3': flow: level2 \\(..., r, ...\\) keeps it \\(argument 1\\)" } */
}

void level4(void *s)
{
    void *t = s; /* { dg-message "in 'level4': flow: t = s \\(assignment\\)" } */
    level3(0, t); /* { dg-message "in 'level4': flow: level3 \\(..., t, ...\\) keeps it \\(argument 2\\)" } */
}

void four_deep(void)
{
    char buf[16]; /* { dg-message "'buf' declared here" } */
    /* { dg-message "flow: level4 \\(..., &buf, ...\\) keeps it \\(argument 1\\)" "" { target *-*-* } 0 } */
    level4(buf); /* { dg-warning "address of local 'buf' escapes through argument 1 of 'level4', which stores it in static storage \\\[escape-call\\\]" } */
}

void three_deep(void)
{
    int x;
    level3(1, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'level3', which stores it in static storage \\\[escape-call\\\]" } */
}

/* A return value handed up three levels. */
int *ret1(int *p) { return p; }
int *ret2(int *p) { return ret1(p); }
int *ret3(int *p) { int *r = ret2(p); return r; }

int *returned_three_deep(void)
{
    int x;
    return ret3(&x); /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* An out-parameter store three levels down. */
void out1(int **o, int *v) { *o = v; }
void out2(int **o, int *v) { out1(o, v); }
void out3(int *v, int **o) { out2(o, v); }

void out_three_deep_global(void)
{
    int x;
    out3(&x, &g_out); /* { dg-warning "address of local 'x' escapes to global 'g_out' \\\[escape-global\\\]" } */
}

void out_three_deep_param(int **o)
{
    int x;
    out3(&x, o); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

/* A return feeding a store: the chain crosses from result to static. */
void returned_then_kept(int *p)
{
    level1(ret3(p)); /* { dg-message "in 'returned_then_kept': flow: level1 \\(..., ret3 \\(...\\), ...\\) keeps it \\(argument 1\\)" } */
}

void mixed_chain(void)
{
    int x;
    returned_then_kept(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of 'returned_then_kept', which stores it in static storage \\\[escape-call\\\]" } */
}

/* Silent: the same chains fed with static storage or local-only memory. */
void chain_static(void)
{
    static char sbuf[16];
    level4(sbuf); /* { dg-bogus "\\\[escape-" } */
}

int chain_local_out(void)
{
    int x = 1, *slot;
    out3(&x, &slot); /* { dg-bogus "\\\[escape-" } */
    return *slot;
}

int chain_return_used_locally(void)
{
    int x = 1;
    return *ret3(&x); /* { dg-bogus "\\\[escape-" } */
}
