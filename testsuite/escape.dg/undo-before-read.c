/* What a store put in memory is not read after the program undoes it: a loop's next round reads what the undo left. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error.  The forms
   that read the address before the undo, or skip the undo on one path,
   are reported. */

struct item { int x; };
struct inner { struct item *p; };
struct outer { struct inner *q; };
extern void use(struct outer *);
extern int try_use(struct outer *);

/* nginx's ngx_event_recvmsg: `c->udp->buffer = &buf; rev->handler (rev);
   if (c->udp) c->udp->buffer = NULL;` in a loop.  The next round's load
   of s->q->p comes after the undo, through s->q read again. */
void reload_loop(struct outer *s, struct item **out, int n)
{
    struct item buf;
    for (int i = 0; i < n; i++) {
        *out = s->q->p;
        s->q->p = &buf;
        use(s);
        s->q->p = 0;
    }
}

/* A failing round skips the undo: the next round reads &buf. */
void reload_loop_skip(struct outer *s, struct item **out, int n)
{
    struct item buf;
    for (int i = 0; i < n; i++) {
        *out = s->q->p; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
        s->q->p = &buf; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 's' \\\[escape-caller\\\]" } */
        if (try_use(s) < 0)
            continue;
        s->q->p = 0;
    }
}

/* Read before the undo. */
void read_before_undo(struct outer *s, struct item **out)
{
    struct item buf;
    s->q->p = &buf;
    use(s);
    *out = s->q->p; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    s->q->p = 0;
}

/* nginx's own shape: the undo is guarded by a test of the pointer read
   again, whose null edge ends the store's reach as the undo does. */
void reload_guarded_loop(struct outer *s, struct item **out, int n)
{
    struct item buf;
    for (int i = 0; i < n; i++) {
        *out = s->q->p;
        s->q->p = &buf;
        use(s);
        if (s->q)
            s->q->p = 0;
    }
}

/* The guard tests another pointer: on its false edge the next round
   reads &buf. */
void reload_guarded_other(struct outer *s, struct outer *t, struct item **out, int n)
{
    struct item buf;
    for (int i = 0; i < n; i++) {
        *out = s->q->p; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
        s->q->p = &buf; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 's' \\\[escape-caller\\\]" } */
        use(s);
        if (t->q)
            s->q->p = 0;
    }
}

static void clear(struct outer *s)
{
    s->q->p = 0;
}

/* An undo by a callee (its summary writes the place) silences the store
   itself, but does not end its reach in the path search (limits.md). */
void restore_loop(struct outer *s, struct item **out, int n)
{
    struct item buf;
    for (int i = 0; i < n; i++) {
        *out = s->q->p; /* { dg-bogus "\\\[escape-" "a callee's undo does not end a store's reach in the path search" { xfail *-*-* } } */
        s->q->p = &buf;
        use(s);
        clear(s);
    }
}
