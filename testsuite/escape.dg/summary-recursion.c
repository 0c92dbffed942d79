/* Interprocedural: summaries of recursive functions (self and mutual recursion) reach a fixed point: a leak anywhere in the cycle is seen by every caller, and a cycle that leaks nothing stays silent. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct node { int v; struct node *next; };

static int *g_last;
int *g_found;

/* Mutual recursion: only is_odd stores its pointer, but is_even reaches it. */
int is_odd(unsigned n, int *p);

int is_even(unsigned n, int *p)
{
    if (n == 0)
        return 1;
    return is_odd(n - 1, p); /* { dg-message "in 'is_even': flow: is_odd \\(..., p, ...\\) keeps it \\(argument 2\\)" } */
}

int is_odd(unsigned n, int *p)
{
    if (n == 0)
        return 0;
    g_last = p; /* { dg-message "in 'is_odd': flow: g_last = p \\(store\\)" } */
    return is_even(n - 1, p);
}

int call_even(unsigned n)
{
    int x;
    return is_even(n, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'is_even', which stores it in static storage \\\[escape-call\\\]" } */
}

int call_odd(unsigned n)
{
    int x;
    return is_odd(n, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'is_odd', which stores it in static storage \\\[escape-call\\\]" } */
}

/* Self recursion: the store happens only at the bottom of the recursion. */
void remember_at_depth(int *p, unsigned depth)
{
    if (depth == 0) {
        g_last = p;
        return;
    }
    remember_at_depth(p, depth - 1);
}

void call_self(void)
{
    int x;
    remember_at_depth(&x, 3); /* { dg-warning "address of local 'x' escapes through argument 1 of 'remember_at_depth', which stores it in static storage \\\[escape-call\\\]" } */
}

/* Self recursion passing the pointer along a list: the result may be p. */
int *find_or_default(struct node *n, int key, int *dflt)
{
    if (!n)
        return dflt;
    if (n->v == key)
        return &n->v;
    return find_or_default(n->next, key, dflt);
}

int *call_find(struct node *list)
{
    int dflt = -1;
    return find_or_default(list, 7, &dflt); /* { dg-warning "address of local 'dflt' escapes via the return value \\\[escape-return\\\]" } */
}

/* Three functions in one cycle; the store is in the last. */
void cyc_a(int *p, int n);
void cyc_b(int *p, int n);
void cyc_c(int *p, int n);

void cyc_a(int *p, int n) { if (n > 0) cyc_b(p, n - 1); }
void cyc_b(int *p, int n) { if (n > 0) cyc_c(p, n - 1); }
void cyc_c(int *p, int n) { if (n > 0) cyc_a(p, n - 1); else g_found = p; }

void call_cycle(void)
{
    int x;
    cyc_a(&x, 9); /* { dg-warning "address of local 'x' escapes through argument 1 of 'cyc_a', which stores it in static storage \\\[escape-call\\\]" } */
}

/* Silent: recursive functions that only read through their pointer. */
int sum_list(const struct node *n, int *acc)
{
    if (!n)
        return *acc;
    *acc += n->v;
    return sum_list(n->next, acc);
}

int count_down(unsigned n, int *p);

int count_up(unsigned n, int *p)
{
    if (n == 0)
        return *p;
    return count_down(n - 1, p) + 1;
}

int count_down(unsigned n, int *p)
{
    if (n == 0)
        return *p;
    return count_up(n - 1, p) - 1;
}

int call_silent(const struct node *list)
{
    int acc = 0;
    int x = 5;
    int r = sum_list(list, &acc); /* { dg-bogus "\\\[escape-" } */
    return r + count_up(4, &x); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a recursive walk that builds a list of frames on the stack, each
   frame pointing at its caller's; nothing outlives the outermost call. */
struct frame { const struct frame *up; int depth; };

int walk(const struct frame *up, int depth)
{
    struct frame here = { up, depth };
    if (depth == 0)
        return here.up ? here.up->depth : 0;
    return walk(&here, depth - 1); /* { dg-bogus "\\\[escape-" } */
}

int call_walk(void)
{
    return walk((const struct frame *)0, 5);
}
