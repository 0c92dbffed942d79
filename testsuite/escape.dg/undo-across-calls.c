/* An undo through a pointer read again trusts the calls this unit cannot see between the store and it (calltrust.c). */
/* { dg-do compile } */

struct buf { char *data; };
struct state { struct buf *cur; int n; };
struct app { struct state *state; void (*cb)(struct state *); int flags; };

extern void work(void);                 /* another unit's */
extern int more(void);
extern void (*hook)(void);

static struct state other;
static int counter;

/* Writes no `struct state *`: trusted. */
static void count(void) { counter++; }
/* Points app->state elsewhere: not trusted. */
static void retarget(struct app *app) { app->state = &other; }
static void retarget_later(struct app *app) { if (app->flags) retarget(app); }

/* git's update_working_directory: calls of other units between. */
void unseen_call(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-bogus "\\\[escape-" } */
    work();
    work();
    app->state->cur = 0;
}

/* A call through a function pointer between. */
void pointer_call(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-bogus "\\\[escape-" } */
    hook();
    app->state->cur = 0;
}

/* libuv's uv__io_poll: the undo after a loop of calls. */
void loop_calls(struct app *app, int n)
{
    struct buf b;
    app->state->cur = &b; /* { dg-bogus "\\\[escape-" } */
    for (int i = 0; i < n; i++) {
        work();
        hook();
    }
    app->state->cur = 0;
}

/* nginx's ngx_event_recvmsg: the handler may have dropped the state, so
   the undo is guarded; the pointer was not null when the store went
   through it, and the handler is trusted to leave it. */
void guarded(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-bogus "\\\[escape-" } */
    app->cb(app->state);
    if (app->state)
        app->state->cur = 0;
}

/* A function of this unit that stores no pointer of that type. */
void helper_call(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-bogus "\\\[escape-" } */
    count();
    app->state->cur = 0;
}

/* One path skips the undo. */
void skips(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    work();
    if (more())
        return;
    app->state->cur = 0;
}

/* A function of this unit retargets app->state between: the undo writes
   another state. */
void helper_retargets(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    retarget_later(app);
    app->state->cur = 0;
}

/* The same, the store to app->state in the function itself. */
void visible_retarget(struct app *app, struct state *next)
{
    struct buf b;
    app->state->cur = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    work();
    app->state = next;
    app->state->cur = 0;
}

/* The guard after a call that may retarget: still reported. */
void guarded_retarget(struct app *app)
{
    struct buf b;
    app->state->cur = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'app' \\\[escape-caller\\\]" } */
    retarget(app);
    if (app->state)
        app->state->cur = 0;
}
