/* An undo through a pointer read again from the same unchanged place writes the place the pointer was stored in. */
/* { dg-do compile } */

extern void __escape_dump_stores(void);

struct buffer { char *data; };
struct state { char *buf; struct buffer *out; int n; };
struct app { struct state *state; int flags; };

struct app *g_app;
extern void unknown(struct app *app);
extern void work(struct state *s);

static int helper_calls;
static void helper(void) { helper_calls++; }

/* app a parameter: the second app->state is the state s names. */
void param_form(struct app *app)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-message "store into 's->buf' \\(line 23\\): undone on every path to a return \\(reloaded: " } */
    s->n = 3;
    app->flags = 1;
    app->state->buf = saved;
    __escape_dump_stores();
}

/* app read again from a static: both reads of g_app->state name one
   state, and a `struct buffer *` store does not write a `struct state *`. */
void global_form(void)
{
    struct buffer local;
    struct state *s = g_app->state;
    struct buffer *saved = s->out;
    s->out = &local; /* { dg-bogus "\\\[escape-" } */
    s->n = 3;
    g_app->state->out = saved;
}

/* One path skips the undo. */
void param_skip(struct app *app, int c)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    if (c)
        return;
    app->state->buf = saved;
}

/* app->state itself changes in between: the undo writes another state. */
void param_moved(struct app *app, struct state *next)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    app->state = next;
    app->state->buf = saved;
}

/* An unknown call is trusted to leave app->state alone (calltrust.c),
   but it is given app, so it may keep what app reaches: &local. */
void param_unknown(struct app *app)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    unknown(app);
    app->state->buf = saved;
}

/* A store through a pointer that may be app. */
void param_alias(struct app *app, struct app *other)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    other->state = 0;
    app->state->buf = saved;
}

/* g_app may be changed by any store to a `struct app *`. */
void global_alias(struct app **slot)
{
    struct buffer local;
    struct state *s = g_app->state;
    struct buffer *saved = s->out;
    s->out = &local; /* { dg-warning "address of local 'local' escapes to memory reachable from global 'g_app' \\\[escape-global\\\]" } */
    *slot = 0;
    g_app->state->out = saved;
}

/* A `char *` field of what a static reaches: all of that memory is one
   object, and a char * store may write any pointer. */
void global_char(void)
{
    char local[16];
    struct state *s = g_app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-bogus "\\\[escape-" "a char * store into static-reachable memory may write g_app->state" { xfail *-*-* } } */
    g_app->state->buf = saved;
}

/* A function of this unit that stores no `struct state *`: trusted
   (calltrust.c). */
void param_helper(struct app *app)
{
    char local[16];
    struct state *s = app->state;
    char *saved = s->buf;
    s->buf = local; /* { dg-bogus "\\\[escape-" } */
    helper();
    app->state->buf = saved;
}

/* git's update_working_directory: r->index read again from a static
   repository, with only library calls and stores to locals between. */
struct pattern_list { int nr; };
struct index_state { struct pattern_list *sparse_checkout_patterns; int cache_nr; };
struct repository { struct index_state *index; };
struct options { int verbose_update; struct index_state *src_index; };
struct repository *the_repository;
extern int isatty(int fd);
extern void *memset(void *s, int c, unsigned long n);
extern void setup_work_tree(void);
extern int update_sparsity(struct options *o);

int update_local(void)
{
    struct pattern_list pl;
    struct options o;
    struct repository *r = the_repository;
    r->index->sparse_checkout_patterns = &pl; /* { dg-bogus "\\\[escape-" } */
    memset(&o, 0, sizeof o);
    o.verbose_update = isatty(2);
    o.src_index = 0;
    r->index->sparse_checkout_patterns = 0;
    return o.verbose_update;
}

/* The same with calls into other units between: they are trusted to
   leave the_repository->index alone (calltrust.c; docs/limits.md says
   what that misses). */
int update_working_directory(void)
{
    struct pattern_list pl;
    struct options o;
    struct repository *r = the_repository;
    r->index->sparse_checkout_patterns = &pl; /* { dg-bogus "\\\[escape-" } */
    memset(&o, 0, sizeof o);
    setup_work_tree();
    int result = update_sparsity(&o);
    r->index->sparse_checkout_patterns = 0;
    return result;
}
