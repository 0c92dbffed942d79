/* A stack array parked in the caller's table inside a polling loop: what is loaded before the loop never holds it (libuv's uv__io_poll). */
/* { dg-do compile } */

/* libuv's QUEUE: links are void pointers, so C's aliasing rules tell
   nothing apart. */
struct node { void *next, *prev; };
struct loop;
struct io { struct node queue; void (*cb)(struct loop *, struct io *, unsigned); int fd; };
struct loop { struct node pending; struct io **watchers; unsigned nwatchers; };
struct event { unsigned events; int fd; };
extern int wait_events(struct loop *loop, struct event *events, int n);
extern void arm(int fd);

/* The queue of watchers to arm is drained first; then events, a local
   array, is parked past the end of loop->watchers while the callbacks
   run, and taken back before every return.  The address of the slot is
   computed again at each turn of the loop, so nothing is known to write
   it again; still, what the store put there can only be read after it,
   and the unlinks come before. */
void poll_events(struct loop *loop)
{
    struct event events[64];
    while (loop->pending.next != &loop->pending) {
        struct node *q = loop->pending.next;
        ((struct node *)q->prev)->next = q->next; /* { dg-bogus "escape" } */
        ((struct node *)q->next)->prev = q->prev; /* { dg-bogus "escape" } */
        q->next = q->prev = q; /* { dg-bogus "escape" } */
        arm(((struct io *)q)->fd);
    }
    for (;;) {
        int n = wait_events(loop, events, 64);
        loop->watchers[loop->nwatchers] = (struct io *)(void *)events; /* { dg-bogus "\\\[escape-" "the IR keeps no integer loads: the two reads of loop->nwatchers are not known to be equal, so neither is the slot (the callbacks between are trusted, limits.md)" { xfail *-*-* } } */
        for (int i = 0; i < n; i++) {
            struct io *w = loop->watchers[events[i].fd];
            if (w)
                w->cb(loop, w, events[i].events);
        }
        loop->watchers[loop->nwatchers] = 0;
        if (n < 64)
            return;
    }
}

/* The same unlink inside the loop, after the store: there the load may
   read the slot (both are somewhere in the caller's memory), so it is
   reported. */
void poll_events_unlink_after(struct loop *loop)
{
    struct event events[64];
    for (;;) {
        int n = wait_events(loop, events, 64);
        loop->watchers[loop->nwatchers] = (struct io *)(void *)events; /* { dg-warning "address of local 'events' escapes" } */
        if (loop->pending.next != &loop->pending) {
            struct node *q = loop->pending.next;
            ((struct node *)q->prev)->next = q->next; /* { dg-warning "address of local 'events' escapes to the caller through parameter 'loop'" } */
            q->next = q->prev = q; /* { dg-warning "address of local 'events' escapes to the caller through parameter 'loop'" } */
        }
        loop->watchers[loop->nwatchers] = 0;
        if (n < 64)
            return;
    }
}
