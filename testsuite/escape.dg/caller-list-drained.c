/* A local list head that takes over a caller's list and is drained until empty: nothing points at it at the return. */
/* { dg-do compile } */
/* Any warning in the silent functions, on whatever line a macro puts it,
   is an excess error: they need no dg-bogus. */

/* libuv's queue.h (1.44), as the library spells it: links at offsets 0 (next) and 8 (prev). */
typedef void *QUEUE[2];
#define QUEUE_NEXT(q) (*(QUEUE **)&((*(q))[0]))
#define QUEUE_PREV(q) (*(QUEUE **)&((*(q))[1]))
#define QUEUE_PREV_NEXT(q) (QUEUE_NEXT(QUEUE_PREV(q)))
#define QUEUE_NEXT_PREV(q) (QUEUE_PREV(QUEUE_NEXT(q)))
#define QUEUE_EMPTY(q) ((const QUEUE *)(q) == (const QUEUE *)QUEUE_NEXT(q))
#define QUEUE_HEAD(q) (QUEUE_NEXT(q))
#define QUEUE_INIT(q) do { QUEUE_NEXT(q) = (q); QUEUE_PREV(q) = (q); } while (0)
#define QUEUE_SPLIT(h, q, n) do { QUEUE_PREV(n) = QUEUE_PREV(h); QUEUE_PREV_NEXT(n) = (n); QUEUE_NEXT(n) = (q); QUEUE_PREV(h) = QUEUE_PREV(q); QUEUE_PREV_NEXT(h) = (h); QUEUE_PREV(q) = (n); } while (0)
#define QUEUE_MOVE(h, n) do { if (QUEUE_EMPTY(h)) QUEUE_INIT(n); else { QUEUE *q_ = QUEUE_HEAD(h); QUEUE_SPLIT(h, q_, n); } } while (0)
#define QUEUE_REMOVE(q) do { QUEUE_PREV_NEXT(q) = QUEUE_NEXT(q); QUEUE_NEXT_PREV(q) = QUEUE_PREV(q); } while (0)
#define QUEUE_INSERT_TAIL(h, q) do { QUEUE_NEXT(q) = (h); QUEUE_PREV(q) = QUEUE_PREV(h); QUEUE_PREV_NEXT(q) = (q); QUEUE_PREV(h) = (q); } while (0)

extern void __escape_dump_stores(void);

struct loop { QUEUE wq; QUEUE handles; };
struct work { QUEUE wq; void (*done)(struct work *); };

/* uv__work_done: every node removed until the local head is empty. */
void drained(struct loop *loop)
{
    QUEUE wq;
    QUEUE_MOVE(&loop->wq, &wq);
    while (!QUEUE_EMPTY(&wq)) {
        QUEUE *q = QUEUE_HEAD(&wq);
        QUEUE_REMOVE(q);
        struct work *w = (struct work *)q;
        w->done(w);
    }
}

/* uv_walk: every node put back into the caller's list. */
void put_back(struct loop *loop, void (*cb)(QUEUE *))
{
    QUEUE queue;
    QUEUE_MOVE(&loop->handles, &queue);
    while (!QUEUE_EMPTY(&queue)) {
        QUEUE *q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        QUEUE_INSERT_TAIL(&loop->handles, q);
        cb(q);
    }
}

/* uv__inotify_fork: a return in the middle of the drain leaves the rest
   of the nodes on the local head, pointing at it.  (The macros expanded
   by hand, so that each warning is on its own line.) */
int left_behind(struct loop *loop, int (*start)(QUEUE *))
{
    QUEUE queue;
    QUEUE *first = QUEUE_NEXT(&loop->handles), *last = QUEUE_PREV(&loop->handles);
    if (first == &loop->handles)
        return 0;
    QUEUE_NEXT(&queue) = first;
    QUEUE_PREV(&queue) = last;
    QUEUE_PREV(first) = &queue; /* { dg-warning "address of local 'queue' escapes to the caller through parameter 'loop' \\\[escape-caller\\\]" } */
    QUEUE_NEXT(last) = &queue;  /* { dg-warning "address of local 'queue' escapes to the caller through parameter 'loop' \\\[escape-caller\\\]" } */
    QUEUE_INIT(&loop->handles);
    while (!QUEUE_EMPTY(&queue)) {
        QUEUE *q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        QUEUE_INSERT_TAIL(&loop->handles, q);
        /* QUEUE_REMOVE's and QUEUE_INSERT_TAIL's stores, where their macros are:
           { dg-warning "address of local 'queue' escapes to the caller" "" { target *-*-* } 17 }
           { dg-warning "address of local 'queue' escapes to the caller" "" { target *-*-* } 18 } */
        int err = start(q);
        if (err)
            return err;
    }
    return 0;
}

/* Linked in again after the drain: that store is reported. */
void linked_again(struct loop *loop, QUEUE *n)
{
    QUEUE wq;
    QUEUE_MOVE(&loop->wq, &wq);
    while (!QUEUE_EMPTY(&wq)) {
        QUEUE *q = QUEUE_HEAD(&wq);
        QUEUE_REMOVE(q);
    }
    QUEUE_NEXT(n) = &wq; /* { dg-warning "address of local 'wq' escapes to the caller through parameter 'n' \\\[escape-caller\\\]" } */
    QUEUE_PREV(&wq) = n;
}

/* The probe names the refinement. */
void probed(struct loop *loop)
{
    QUEUE wq;
    QUEUE *first = QUEUE_NEXT(&loop->wq), *last = QUEUE_PREV(&loop->wq);
    QUEUE_NEXT(&wq) = first;
    QUEUE_PREV(&wq) = last;
    QUEUE_PREV(first) = &wq; /* { dg-message "persists, but not the address of local 'wq' \\(head-emptied: the list whose head it is is tested empty on every path to a return\\)" } */
    QUEUE_INIT(&loop->wq);
    while (!QUEUE_EMPTY(&wq)) {
        QUEUE *q = QUEUE_HEAD(&wq);
        QUEUE_REMOVE(q);
    }
    __escape_dump_stores();
}

/* nginx's ngx_queue_t: prev first, emptiness tested on prev. */
typedef struct ngx_queue_s ngx_queue_t;
struct ngx_queue_s { ngx_queue_t *prev, *next; };
#define ngx_queue_empty(h) (h == (h)->prev)
#define ngx_queue_head(h) (h)->next
#define ngx_queue_remove(x) (x)->next->prev = (x)->prev; (x)->prev->next = (x)->next
#define ngx_queue_insert_tail(h, x) (x)->prev = (h)->prev; (x)->prev->next = x; (x)->next = h; (h)->prev = x

void nginx_drained(ngx_queue_t *from)
{
    ngx_queue_t local;
    local.prev = local.next = &local;
    while (!ngx_queue_empty(from)) {
        ngx_queue_t *q = ngx_queue_head(from);
        ngx_queue_remove(q);
        ngx_queue_insert_tail(&local, q); /* { dg-bogus "\\\[escape-" } */
    }
    while (!ngx_queue_empty(&local)) {
        ngx_queue_t *q = ngx_queue_head(&local);
        ngx_queue_remove(q); /* { dg-bogus "\\\[escape-" } */
        ngx_queue_insert_tail(from, q);
    }
}
