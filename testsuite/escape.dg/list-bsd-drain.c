/* A local BSD TAILQ or LIST head that takes a caller's elements and is drained until empty: no element points at it. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error.  Each has a
   form where a path leaves elements on the local head, or something else
   keeps its address, which is reported. */

#include <stddef.h>
#include <sys/queue.h>

struct req { int x; int (*cb)(struct req *); TAILQ_ENTRY(req) next; };
TAILQ_HEAD(reqq, req);
struct conn { int fd; struct reqq requests; };
struct item { int x; LIST_ENTRY(item) link; };
LIST_HEAD(itemq, item);
extern void req_free(struct req *);
extern void item_free(struct item *);
extern struct req **g_last;
extern struct req ***g_keep;

/* libevent's evhttp_connection_cb_cleanup: the callbacks may queue new
   requests on evcon, so the old ones are moved to a local queue first. */
void take_and_drain(struct conn *evcon)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next);
        TAILQ_INSERT_TAIL(&requests, r, next);
    }
    while (TAILQ_FIRST(&requests) != NULL) {
        struct req *r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next);
        r->cb(r);
        req_free(r);
    }
}

/* TAILQ_EMPTY, and elements put at the head. */
void take_head_and_drain(struct conn *evcon)
{
    struct reqq requests;
    struct req *r;
    TAILQ_INIT(&requests);
    while ((r = TAILQ_FIRST(&evcon->requests)) != NULL) {
        TAILQ_REMOVE(&evcon->requests, r, next);
        TAILQ_INSERT_HEAD(&requests, r, next);
    }
    while (!TAILQ_EMPTY(&requests)) {
        r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next);
        req_free(r);
    }
}

/* A LIST: LIST_INSERT_HEAD's `elm->le_prev = &head->lh_first`. */
void take_list_and_drain(struct itemq *q)
{
    struct itemq local;
    struct item *it;
    LIST_INIT(&local);
    while ((it = LIST_FIRST(q)) != NULL) {
        LIST_REMOVE(it, link);
        LIST_INSERT_HEAD(&local, it, link);
    }
    while (!LIST_EMPTY(&local)) {
        it = LIST_FIRST(&local);
        LIST_REMOVE(it, link);
        item_free(it);
    }
}

/* A failing callback returns with the rest still on the local queue,
   whose first element points at it. */
int drain_or_fail(struct conn *evcon)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        TAILQ_INSERT_TAIL(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
    }
    while (TAILQ_FIRST(&requests) != NULL) {
        struct req *r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        if (r->cb(r) < 0)
            return -1;
        req_free(r);
    }
    return 0;
}

/* Moved, and never drained. */
void take_only(struct conn *evcon)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        TAILQ_INSERT_TAIL(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
    }
}

/* The drain tests the caller's queue, not the local one. */
void drain_other(struct conn *evcon, struct conn *other)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        TAILQ_INSERT_TAIL(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
    }
    while (TAILQ_FIRST(&other->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        req_free(r);
    }
}

/* The tail pointer copied to a static is no list's link. */
void last_kept(struct conn *evcon)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    g_last = requests.tqh_last; /* { dg-warning "address of local 'requests' escapes to global 'g_last' \\\[escape-global\\\]" } */
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next);
        TAILQ_INSERT_TAIL(&requests, r, next);
    }
    while (TAILQ_FIRST(&requests) != NULL) {
        struct req *r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next);
        req_free(r);
    }
}

/* &requests.tqh_first kept outside any insertion: every store of the
   head's address is suspect then. */
void first_kept(struct conn *evcon, struct req ***keep)
{
    struct reqq requests;
    TAILQ_INIT(&requests);
    *keep = &requests.tqh_first; /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'keep' \\\[escape-caller\\\]" } */
    while (TAILQ_FIRST(&evcon->requests) != NULL) {
        struct req *r = TAILQ_FIRST(&evcon->requests);
        TAILQ_REMOVE(&evcon->requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        TAILQ_INSERT_TAIL(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
    }
    while (TAILQ_FIRST(&requests) != NULL) {
        struct req *r = TAILQ_FIRST(&requests);
        TAILQ_REMOVE(&requests, r, next); /* { dg-warning "address of local 'requests' escapes to the caller through parameter 'evcon' \\\[escape-caller\\\]" } */
        req_free(r);
    }
}
