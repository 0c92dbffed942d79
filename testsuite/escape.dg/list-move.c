/* A local list head whose nodes all move to another head (QUEUE_MOVE, a split at its first node): no node points at it afterwards. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error. */

/* libuv's queue.h (1.44): links next at 0, prev at 8 of a void *[2]. */
typedef void *QUEUE[2];
#define QUEUE_NEXT(q) (*(QUEUE **)&((*(q))[0]))
#define QUEUE_PREV(q) (*(QUEUE **)&((*(q))[1]))
#define QUEUE_PREV_NEXT(q) (QUEUE_NEXT(QUEUE_PREV(q)))
#define QUEUE_NEXT_PREV(q) (QUEUE_PREV(QUEUE_NEXT(q)))
#define QUEUE_DATA(ptr, type, field) ((type *)((char *)(ptr) - __builtin_offsetof(type, field)))
#define QUEUE_EMPTY(q) ((const QUEUE *)(q) == (const QUEUE *)QUEUE_NEXT(q))
#define QUEUE_HEAD(q) (QUEUE_NEXT(q))
#define QUEUE_INIT(q) do { QUEUE_NEXT(q) = (q); QUEUE_PREV(q) = (q); } while (0)
#define QUEUE_SPLIT(h, q, n) do { QUEUE_PREV(n) = QUEUE_PREV(h); QUEUE_PREV_NEXT(n) = (n); QUEUE_NEXT(n) = (q); QUEUE_PREV(h) = QUEUE_PREV(q); QUEUE_PREV_NEXT(h) = (h); QUEUE_PREV(q) = (n); } while (0)
#define QUEUE_MOVE(h, n) do { if (QUEUE_EMPTY(h)) QUEUE_INIT(n); else { QUEUE *q_ = QUEUE_HEAD(h); QUEUE_SPLIT(h, q_, n); } } while (0)
#define QUEUE_REMOVE(q) do { QUEUE_PREV_NEXT(q) = QUEUE_NEXT(q); QUEUE_NEXT_PREV(q) = QUEUE_PREV(q); } while (0)
#define QUEUE_INSERT_TAIL(h, q) do { QUEUE_NEXT(q) = (h); QUEUE_PREV(q) = QUEUE_PREV(h); QUEUE_PREV_NEXT(q) = (q); QUEUE_PREV(h) = (q); } while (0)

struct watcher_list { int wd; QUEUE watchers; };
struct handle { char *path; QUEUE watchers; };
struct loop { QUEUE handles; };

extern int restart(struct handle *h);
extern void *g_saved;

/* uv__inotify_fork: handles gathered on a local list, which then moves
   them to a second local head; that head is drained back into the
   caller's list. */
void regather(struct loop *loop, struct handle *a, struct handle *b)
{
    struct watcher_list tmp;
    QUEUE queue;
    QUEUE_INIT(&tmp.watchers);
    QUEUE_INSERT_TAIL(&tmp.watchers, &a->watchers);
    QUEUE_INSERT_TAIL(&tmp.watchers, &b->watchers);
    QUEUE_MOVE(&tmp.watchers, &queue);
    while (!QUEUE_EMPTY(&queue)) {
        QUEUE *q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        struct handle *h = QUEUE_DATA(q, struct handle, watchers);
        QUEUE_INSERT_TAIL(&loop->handles, &h->watchers);
        h->path = 0;
    }
}

/* The same with a return in the drain: the nodes left behind point at
   `queue`, never at `tmp` (reported where the macros are). */
int regather_or_fail(struct loop *loop, struct handle *a, struct handle *b)
{
    struct watcher_list tmp;
    QUEUE queue;
    QUEUE_INIT(&tmp.watchers);
    QUEUE_INSERT_TAIL(&tmp.watchers, &a->watchers);
    QUEUE_INSERT_TAIL(&tmp.watchers, &b->watchers);
    QUEUE_MOVE(&tmp.watchers, &queue);
    /* QUEUE_SPLIT's, QUEUE_REMOVE's and QUEUE_INSERT_TAIL's stores:
       { dg-warning "address of local 'queue' escapes to the caller through parameter '(loop|a|b)'" "" { target *-*-* } 15 }
       { dg-warning "address of local 'queue' escapes to the caller through parameter '(loop|a|b)'" "" { target *-*-* } 17 }
       { dg-warning "address of local 'queue' escapes to the caller through parameter '(loop|a|b)'" "" { target *-*-* } 18 } */
    while (!QUEUE_EMPTY(&queue)) {
        QUEUE *q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        struct handle *h = QUEUE_DATA(q, struct handle, watchers);
        if (restart(h))
            return -1;
        QUEUE_INSERT_TAIL(&loop->handles, &h->watchers);
    }
    return 0;
}

/* Gathered but never moved on: the handles keep pointing at `tmp`. */
void gathered_only(struct handle *a)
{
    struct watcher_list tmp;
    QUEUE_INIT(&tmp.watchers);
    QUEUE_NEXT(&a->watchers) = &tmp.watchers; /* { dg-warning "address of local 'tmp' escapes to the caller through parameter 'a' \\\[escape-caller\\\]" } */
    QUEUE_PREV(&a->watchers) = QUEUE_PREV(&tmp.watchers); /* { dg-warning "address of local 'tmp' escapes to the caller through parameter 'a' \\\[escape-caller\\\]" } */
    QUEUE_PREV_NEXT(&a->watchers) = &a->watchers;
    QUEUE_PREV(&tmp.watchers) = &a->watchers;
}

/* Moved on, but its address was also kept elsewhere first. */
void moved_but_kept(struct handle *a)
{
    struct watcher_list tmp;
    QUEUE queue;
    QUEUE_INIT(&tmp.watchers);
    g_saved = &tmp; /* { dg-warning "address of local 'tmp' escapes to global 'g_saved' \\\[escape-global\\\]" } */
    QUEUE_INSERT_TAIL(&tmp.watchers, &a->watchers);
    QUEUE_MOVE(&tmp.watchers, &queue);
    QUEUE_INIT(&queue);
}

/* nginx's ngx_queue.h (links: prev at 0, next at 8), each macro on one
   line as in the header. */
typedef struct ngx_queue_s ngx_queue_t;
struct ngx_queue_s { ngx_queue_t *prev; ngx_queue_t *next; };
#define ngx_queue_init(q) (q)->prev = q; (q)->next = q
#define ngx_queue_head(h) (h)->next
#define ngx_queue_last(h) (h)->prev
#define ngx_queue_sentinel(h) (h)
#define ngx_queue_next(q) (q)->next
#define ngx_queue_split(h, q, n) (n)->prev = (h)->prev; (n)->prev->next = n; (n)->next = q; (h)->prev = (q)->prev; (h)->prev->next = h; (q)->prev = n;
#define ngx_queue_add(h, n) (h)->prev->next = (n)->next; (n)->next->prev = (h)->prev; (h)->prev = (n)->prev; (h)->prev->next = h;

typedef struct { ngx_queue_t queue; void *inclusive; ngx_queue_t list; } location_queue_t;
extern int same_prefix(ngx_queue_t *a, ngx_queue_t *b);

/* ngx_http_create_locations_list: the locations under q's prefix are
   split off into tail and at once added to q's own list (tail is not
   empty: the split puts q in it); then the rest is split off again and
   put back.  After each add no node points at tail, so what the
   recursive calls load from those lists is never tail. */
static void create_locations_list(ngx_queue_t *locations, ngx_queue_t *q)
{
    ngx_queue_t *x, tail;
    location_queue_t *lq;
    if (q == ngx_queue_last(locations))
        return;
    lq = (location_queue_t *) q;
    if (lq->inclusive == 0) {
        create_locations_list(locations, ngx_queue_next(q));
        return;
    }
    for (x = ngx_queue_next(q); x != ngx_queue_sentinel(locations); x = ngx_queue_next(x))
        if (!same_prefix(q, x))
            break;
    q = ngx_queue_next(q);
    if (q == x) {
        create_locations_list(locations, x);
        return;
    }
    ngx_queue_split(locations, q, &tail);
    ngx_queue_add(&lq->list, &tail);
    if (x == ngx_queue_sentinel(locations)) {
        create_locations_list(&lq->list, ngx_queue_head(&lq->list));
        return;
    }
    ngx_queue_split(&lq->list, x, &tail);
    ngx_queue_add(locations, &tail);
    create_locations_list(&lq->list, ngx_queue_head(&lq->list));
    create_locations_list(locations, x);
}

void init_locations_list(ngx_queue_t *locations)
{
    create_locations_list(locations, ngx_queue_head(locations));
}

/* The split happens on one path only: on the other, tail is still
   empty, and adding an empty list stores &tail into the last node of
   `into` (reported where the add is; the split's stores, which the add
   undoes when it happens, are reported too, as the add is not seen to
   take every node when it may find the list empty).
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'into'" "" { target *-*-* } 105 }
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'from'" "" { target *-*-* } 104 }
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'from'" "" { target *-*-* } 105 } */
void maybe_split_then_add(ngx_queue_t *from, ngx_queue_t *into, int flag)
{
    ngx_queue_t tail;
    ngx_queue_init(&tail);
    if (flag && ngx_queue_head(from) != ngx_queue_sentinel(from)) {
        ngx_queue_split(from, ngx_queue_head(from), &tail);
    }
    ngx_queue_add(into, &tail);
}

/* uv__inotify_fork: each list's handles are moved to `queue`, put back,
   taken off again and gathered on tmp; then QUEUE_MOVE moves tmp's
   handles to `queue` (a split at tmp's first node: tmp is empty after
   it) and they are restarted, with a return on failure.  The handles
   left behind then point at `queue` (reported where the macros are),
   never at tmp.
   { dg-warning "address of local 'queue' escapes to the caller through parameter 'lists'" "" { target *-*-* } 15 }
   { dg-warning "address of local 'queue' escapes to the caller through parameter 'lists'" "" { target *-*-* } 17 } */
int refork(struct watcher_list *lists, int n)
{
    struct watcher_list tmp;
    QUEUE queue, *q;
    QUEUE_INIT(&tmp.watchers);
    for (int i = 0; i < n; i++) {
        QUEUE_MOVE(&lists[i].watchers, &queue);
        while (!QUEUE_EMPTY(&queue)) {
            q = QUEUE_HEAD(&queue);
            QUEUE_REMOVE(q);
            QUEUE_INSERT_TAIL(&lists[i].watchers, q);
            QUEUE_REMOVE(q);
            QUEUE_INSERT_TAIL(&tmp.watchers, q);
        }
    }
    QUEUE_MOVE(&tmp.watchers, &queue);
    while (!QUEUE_EMPTY(&queue)) {
        q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        if (restart(QUEUE_DATA(q, struct handle, watchers)))
            return -1;
    }
    return 0;
}

/* The same, but a path returns before tmp's handles move on: they
   still point at tmp.
   { dg-warning "address of local 'tmp' escapes to the caller through parameter 'lists'" "" { target *-*-* } 15 }
   { dg-warning "address of local 'tmp' escapes to the caller through parameter 'lists'" "" { target *-*-* } 17 }
   { dg-warning "address of local 'tmp' escapes to the caller through parameter 'lists'" "" { target *-*-* } 18 } */
int refork_or_give_up(struct watcher_list *lists, int n)
{
    struct watcher_list tmp;
    QUEUE queue, *q;
    QUEUE_INIT(&tmp.watchers);
    for (int i = 0; i < n; i++) {
        QUEUE_MOVE(&lists[i].watchers, &queue);
        while (!QUEUE_EMPTY(&queue)) {
            q = QUEUE_HEAD(&queue);
            QUEUE_REMOVE(q);
            QUEUE_INSERT_TAIL(&tmp.watchers, q);
        }
    }
    if (n > 8)
        return -1;
    QUEUE_MOVE(&tmp.watchers, &queue);
    while (!QUEUE_EMPTY(&queue)) {
        q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
        QUEUE_INSERT_TAIL(&lists[0].watchers, q);
    }
    return 0;
}

/* Drained, but its address was also kept in the caller's memory: that
   store is no list link, whatever the list does afterwards. */
void drained_but_kept(struct loop *loop, QUEUE **keep)
{
    QUEUE queue;
    QUEUE_MOVE(&loop->handles, &queue);
    *keep = &queue; /* { dg-warning "address of local 'queue' escapes to the caller through parameter 'keep' \\\[escape-caller\\\]" } */
    while (!QUEUE_EMPTY(&queue)) {
        QUEUE *q = QUEUE_HEAD(&queue);
        QUEUE_REMOVE(q);
    }
}
