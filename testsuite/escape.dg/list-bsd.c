/* A stack element of a BSD <sys/queue.h> LIST or TAILQ, inserted into the caller's list and removed before every return: no place holds it. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error.  Each has a
   form where one path skips the removal, or something else keeps the
   element, which is reported. */

#include <stddef.h>
#include <sys/queue.h>

struct waiter { int done; TAILQ_ENTRY(waiter) link; };
TAILQ_HEAD(waitq, waiter);
struct lwaiter { int done; LIST_ENTRY(lwaiter) link; };
LIST_HEAD(lwaitq, lwaiter);
extern int poll_events(void);
extern void *g_saved;

void wait_tail(struct waitq *q)
{
    struct waiter w;
    w.done = 0;
    TAILQ_INSERT_TAIL(q, &w, link);
    while (!w.done)
        w.done = poll_events();
    TAILQ_REMOVE(q, &w, link);
}

void wait_head(struct waitq *q)
{
    struct waiter w;
    w.done = 0;
    TAILQ_INSERT_HEAD(q, &w, link);
    while (!w.done)
        w.done = poll_events();
    TAILQ_REMOVE(q, &w, link);
}

void wait_after(struct waitq *q, struct waiter *first)
{
    struct waiter w;
    w.done = 0;
    TAILQ_INSERT_AFTER(q, first, &w, link);
    while (!w.done)
        w.done = poll_events();
    TAILQ_REMOVE(q, &w, link);
}

void wait_before(struct waitq *q, struct waiter *first)
{
    struct waiter w;
    w.done = 0;
    TAILQ_INSERT_BEFORE(first, &w, link);
    while (!w.done)
        w.done = poll_events();
    TAILQ_REMOVE(q, &w, link);
}

void wait_list(struct lwaitq *q)
{
    struct lwaiter w;
    w.done = 0;
    LIST_INSERT_HEAD(q, &w, link);
    while (!w.done)
        w.done = poll_events();
    LIST_REMOVE(&w, link);
}

void wait_list_after(struct lwaiter *first)
{
    struct lwaiter w;
    w.done = 0;
    LIST_INSERT_AFTER(first, &w, link);
    while (!w.done)
        w.done = poll_events();
    LIST_REMOVE(&w, link);
}

/* A failure returns with the waiter still queued. */
int wait_or_fail(struct waitq *q)
{
    struct waiter w;
    w.done = 0;
    TAILQ_INSERT_TAIL(q, &w, link); /* { dg-warning "address of local 'w' escapes to the caller through parameter 'q' \\\[escape-caller\\\]" } */
    if (poll_events() < 0)
        return -1;
    TAILQ_REMOVE(q, &w, link);
    return 0;
}

/* Only the forward half is undone: the next element's prev (or the
   tail pointer) still holds &w.link.le_next. */
void half_removed(struct lwaitq *q)
{
    struct lwaiter w;
    w.done = 0;
    LIST_INSERT_HEAD(q, &w, link); /* { dg-warning "address of local 'w' escapes to the caller through parameter 'q' \\\[escape-caller\\\]" } */
    while (!w.done)
        w.done = poll_events();
    *w.link.le_prev = w.link.le_next;
}

/* Removed from the list, but its address was also kept elsewhere. */
void kept_too(struct waitq *q)
{
    struct waiter w;
    w.done = 0;
    g_saved = &w; /* { dg-warning "address of local 'w' escapes to global 'g_saved' \\\[escape-global\\\]" } */
    TAILQ_INSERT_TAIL(q, &w, link); /* { dg-warning "address of local 'w' escapes to the caller through parameter 'q' \\\[escape-caller\\\]" } */
    while (!w.done)
        w.done = poll_events();
    TAILQ_REMOVE(q, &w, link);
}
