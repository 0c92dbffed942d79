/* A local head that splits the tail off the caller's list and drops it: the cut nodes point at it, but nothing reaches them. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error: they need no
   dg-bogus.  Each silent form has a reported one where something keeps a
   cut node (or the nodes were the caller's before they were listed). */

/* nginx's ngx_queue.h (links: prev at 0, next at 8), the macros on one
   line each, as in the header, so that warnings land there. */
typedef struct ngx_queue_s ngx_queue_t;
struct ngx_queue_s { ngx_queue_t *prev; ngx_queue_t *next; };
#define ngx_queue_init(q) (q)->prev = q; (q)->next = q
#define ngx_queue_head(h) (h)->next
#define ngx_queue_sentinel(h) (h)
#define ngx_queue_next(q) (q)->next
#define ngx_queue_insert_tail(h, x) (x)->prev = (h)->prev; (x)->prev->next = x; (x)->next = h; (h)->prev = x
#define ngx_queue_remove(x) (x)->next->prev = (x)->prev; (x)->prev->next = (x)->next
#define ngx_queue_split(h, q, n) (n)->prev = (h)->prev; (n)->prev->next = n; (n)->next = q; (h)->prev = (q)->prev; (h)->prev->next = h; (q)->prev = n;

typedef struct { ngx_queue_t queue; void *exact, *inclusive; } location_queue_t;
typedef struct { void *name[2]; ngx_queue_t *locations; void **named, *noname; } loc_conf_t;
extern int is_named(void *conf);
extern int is_noname(void *conf);
extern void *pool_alloc(unsigned long size);
extern void visit(ngx_queue_t *q);
/* This unit's keep: a node handed to it is kept in a static. */
static ngx_queue_t *kept_node;
void keep(ngx_queue_t *q) { kept_node = q; }

/* ngx_http_init_locations: the noname locations, then the named ones,
   are split off into tail and dropped; only their configurations are
   kept, in a new array. */
int init_locations(loc_conf_t *pclcf)
{
    ngx_queue_t *q, *locations, *named = 0, tail;
    location_queue_t *lq;
    void **p;
    unsigned n = 0;
    locations = pclcf->locations;
    if (locations == 0)
        return 0;
    for (q = ngx_queue_head(locations); q != ngx_queue_sentinel(locations); q = ngx_queue_next(q)) {
        lq = (location_queue_t *) q;
        if (is_named(lq->exact)) {
            n++;
            if (named == 0)
                named = q;
            continue;
        }
        if (is_noname(lq->exact))
            break;
    }
    if (q != ngx_queue_sentinel(locations)) {
        ngx_queue_split(locations, q, &tail);
    }
    if (named) {
        p = pool_alloc((n + 1) * sizeof *p);
        if (p == 0)
            return -1;
        pclcf->named = p;
        for (q = named; q != ngx_queue_sentinel(locations); q = ngx_queue_next(q)) {
            lq = (location_queue_t *) q;
            *(p++) = lq->exact;
        }
        *p = 0;
        ngx_queue_split(locations, named, &tail);
    }
    return 0;
}

/* A cut node taken off the dropped ring, which stays dropped. */
void drop_after_first(ngx_queue_t *locations)
{
    ngx_queue_t tail, *q = ngx_queue_head(locations);
    if (q == ngx_queue_sentinel(locations) || ngx_queue_next(q) == ngx_queue_sentinel(locations))
        return;
    q = ngx_queue_next(q);
    ngx_queue_split(locations, q, &tail);
    ngx_queue_remove(q);
}

/* A function of another unit that nothing describes keeps nothing, as
   everywhere else: handing it a cut node keeps the ring dropped. */
void drop_after_visit(ngx_queue_t *visited)
{
    ngx_queue_t tail, *q = ngx_queue_head(visited);
    if (q == ngx_queue_sentinel(visited))
        return;
    ngx_queue_split(visited, q, &tail);
    visit(q);
}

/* The first cut node is kept in the caller's configuration: it still
   points at tail.
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'pclcf'" "" { target *-*-* } 17 } */
void keep_noname(loc_conf_t *pclcf)
{
    ngx_queue_t *q, *locations = pclcf->locations, tail;
    for (q = ngx_queue_head(locations); q != ngx_queue_sentinel(locations); q = ngx_queue_next(q))
        if (is_noname(((location_queue_t *) q)->exact))
            break;
    if (q == ngx_queue_sentinel(locations))
        return;
    ngx_queue_split(locations, q, &tail);
    pclcf->noname = q;
}

/* On one path a callee may keep a cut node.
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'locations'" "" { target *-*-* } 17 } */
void maybe_kept(ngx_queue_t *locations, int flag)
{
    ngx_queue_t tail, *q = ngx_queue_head(locations);
    if (q == ngx_queue_sentinel(locations))
        return;
    ngx_queue_split(locations, q, &tail);
    if (flag)
        keep(q);
}

/* The cut node is returned: the caller holds it.
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'list'" "" { target *-*-* } 17 } */
ngx_queue_t *split_and_return(ngx_queue_t *list)
{
    ngx_queue_t tail, *q = ngx_queue_head(list);
    if (q == ngx_queue_sentinel(list))
        return 0;
    ngx_queue_split(list, q, &tail);
    return q;
}

/* The nodes were the caller's own (a, b) before a local list gathered
   them: cut into tail, they still point at it, and the caller reaches
   them; a still points at all.
   { dg-warning "address of local 'tail' escapes to the caller through parameter '\[ab\]'" "" { target *-*-* } 17 }
   { dg-warning "address of local 'all' escapes to the caller through parameter '\[ab\]'" "" { target *-*-* } 15 }
   { dg-warning "address of local 'all' escapes to the caller through parameter '\[ab\]'" "" { target *-*-* } 17 } */
void gathered(location_queue_t *a, location_queue_t *b)
{
    ngx_queue_t all, tail;
    ngx_queue_init(&all);
    ngx_queue_insert_tail(&all, &a->queue);
    ngx_queue_insert_tail(&all, &b->queue);
    ngx_queue_split(&all, &b->queue, &tail);
}

/* libuv's queue.h (1.44): links next at 0, prev at 8. */
typedef void *QUEUE[2];
#define QUEUE_NEXT(q) (*(QUEUE **)&((*(q))[0]))
#define QUEUE_PREV(q) (*(QUEUE **)&((*(q))[1]))
#define QUEUE_PREV_NEXT(q) (QUEUE_NEXT(QUEUE_PREV(q)))
#define QUEUE_HEAD(q) (QUEUE_NEXT(q))
#define QUEUE_SPLIT(h, q, n) do { QUEUE_PREV(n) = QUEUE_PREV(h); QUEUE_PREV_NEXT(n) = (n); QUEUE_NEXT(n) = (q); QUEUE_PREV(h) = QUEUE_PREV(q); QUEUE_PREV_NEXT(h) = (h); QUEUE_PREV(q) = (n); } while (0)

struct loop { QUEUE closing; QUEUE *kept; };

/* The closing handles after the first are forgotten. */
void forget_rest(struct loop *loop)
{
    QUEUE rest, *q = QUEUE_HEAD(&loop->closing);
    if (q == &loop->closing || QUEUE_NEXT(q) == &loop->closing)
        return;
    q = QUEUE_NEXT(q);
    QUEUE_SPLIT(&loop->closing, q, &rest);
}

/* The same, but on one path the loop keeps the first forgotten handle.
   { dg-warning "address of local 'rest' escapes to the caller through parameter 'loop'" "" { target *-*-* } 151 } */
void forget_rest_but_one(struct loop *loop, int flag)
{
    QUEUE rest, *q = QUEUE_HEAD(&loop->closing);
    if (q == &loop->closing || QUEUE_NEXT(q) == &loop->closing)
        return;
    q = QUEUE_NEXT(q);
    QUEUE_SPLIT(&loop->closing, q, &rest);
    if (flag)
        loop->kept = q;
}
