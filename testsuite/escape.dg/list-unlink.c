/* An on-stack list node linked into the caller's list and unlinked before every return: no neighbour points at it. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error: they need no
   dg-bogus.  Each idiom has its silent form and a form where one path
   skips the unlink, which is reported. */

/* The kernel's <linux/list.h>, as functions (links: next at 0, prev at 8). */
struct list_head { struct list_head *next, *prev; };

static inline void __list_add(struct list_head *new, struct list_head *prev,
                              struct list_head *next)
{
    next->prev = new;
    new->next = next;
    new->prev = prev;
    prev->next = new;
}
static inline void list_add(struct list_head *new, struct list_head *head)
{
    __list_add(new, head, head->next);
}
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
    __list_add(new, head->prev, head);
}
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
    next->prev = prev;
    prev->next = next;
}
static inline void __list_del_entry(struct list_head *entry)
{
    __list_del(entry->prev, entry->next);
}
static inline void list_del(struct list_head *entry)
{
    __list_del_entry(entry);
    entry->next = (struct list_head *)0x100;
    entry->prev = (struct list_head *)0x122;
}
static inline void INIT_LIST_HEAD(struct list_head *list)
{
    list->next = list;
    list->prev = list;
}
static inline void list_del_init(struct list_head *entry)
{
    __list_del_entry(entry);
    INIT_LIST_HEAD(entry);
}

struct wait_queue_head { int lock; struct list_head head; };
struct wait_entry { unsigned flags; void *private; struct list_head entry; };

extern void schedule(void);
extern int signal_pending(void);
struct list_head *g_last;

/* wait_event: linked, slept on, unlinked. */
void wait_here(struct wait_queue_head *wq)
{
    struct wait_entry w;
    w.flags = 0;
    w.private = 0;
    list_add_tail(&w.entry, &wq->head);
    schedule();
    list_del(&w.entry);
}

/* The same node linked at the head and taken off with list_del_init, in
   a loop. */
int wait_loop(struct wait_queue_head *wq)
{
    struct wait_entry w;
    w.flags = 1;
    list_add(&w.entry, &wq->head);
    while (!signal_pending())
        schedule();
    list_del_init(&w.entry);
    return 0;
}

/* An early return skips the unlink: the caller's list keeps &w. */
int wait_interruptible(struct wait_queue_head *wq)
{
    struct wait_entry w;
    w.flags = 0;
    list_add_tail(&w.entry, &wq->head); /* { dg-warning "address of local 'w' escapes to the caller through parameter 'wq' \\\[escape-caller\\\]" } */
    if (signal_pending())
        return -4;
    schedule();
    list_del(&w.entry);
    return 0;
}

/* Unlinked, but its address is also kept elsewhere: that store stays. */
void wait_and_remember(struct wait_queue_head *wq)
{
    struct wait_entry w;
    list_add(&w.entry, &wq->head);
    g_last = &w.entry; /* { dg-warning "address of local 'w' escapes to global 'g_last' \\\[escape-global\\\]" } */
    schedule();
    list_del(&w.entry);
}

/* The other node is unlinked, not this one. */
void unlink_the_other(struct wait_queue_head *wq, struct list_head *other)
{
    struct wait_entry w;
    list_add(&w.entry, &wq->head); /* { dg-warning "address of local 'w' escapes to the caller through parameter 'wq' \\\[escape-caller\\\]" } */
    schedule();
    list_del(other);
}

/* The kernel's list operations written out inline. */
void inline_ops(struct wait_queue_head *wq)
{
    struct wait_entry w;
    struct list_head *head = &wq->head, *next = head->next;
    next->prev = &w.entry;
    w.entry.next = next;
    w.entry.prev = head;
    head->next = &w.entry;
    schedule();
    w.entry.next->prev = w.entry.prev;
    w.entry.prev->next = w.entry.next;
}

/* Only one neighbour is rewritten: the other still points at w. */
void half_unlinked(struct wait_queue_head *wq)
{
    struct wait_entry w;
    struct list_head *head = &wq->head, *next = head->next;
    next->prev = &w.entry; /* { dg-warning "address of local 'w' escapes to the caller through parameter 'wq' \\\[escape-caller\\\]" } */
    w.entry.next = next;
    w.entry.prev = head;
    head->next = &w.entry; /* { dg-warning "address of local 'w' escapes to the caller through parameter 'wq' \\\[escape-caller\\\]" } */
    schedule();
    w.entry.prev->next = w.entry.next;
}

/* nginx's ngx_queue.h (links: prev at 0, next at 8). */
typedef struct ngx_queue_s ngx_queue_t;
struct ngx_queue_s { ngx_queue_t *prev; ngx_queue_t *next; };
#define ngx_queue_insert_tail(h, x) \
    (x)->prev = (h)->prev; (x)->prev->next = x; (x)->next = h; (h)->prev = x
#define ngx_queue_remove(x) \
    (x)->next->prev = (x)->prev; (x)->prev->next = (x)->next

struct ngx_waiter { ngx_queue_t queue; int done; };
extern int ngx_process_events(void);

void ngx_wait(ngx_queue_t *waiters)
{
    struct ngx_waiter w;
    w.done = 0;
    ngx_queue_insert_tail(waiters, &w.queue);
    while (!w.done)
        w.done = ngx_process_events();
    ngx_queue_remove(&w.queue);
}

int ngx_wait_or_fail(ngx_queue_t *waiters)
{
    struct ngx_waiter w;
    w.done = 0;
    w.queue.prev = waiters->prev;
    w.queue.prev->next = &w.queue; /* { dg-warning "address of local 'w' escapes to the caller through parameter 'waiters' \\\[escape-caller\\\]" } */
    w.queue.next = waiters;
    waiters->prev = &w.queue; /* { dg-warning "address of local 'w' escapes to the caller through parameter 'waiters' \\\[escape-caller\\\]" } */
    if (ngx_process_events() < 0)
        return -1;
    ngx_queue_remove(&w.queue);
    return 0;
}

/* libuv's queue.h (1.44): links next at 0, prev at 8 of a void *[2]. */
typedef void *QUEUE[2];
#define QUEUE_NEXT(q) (*(QUEUE **)&((*(q))[0]))
#define QUEUE_PREV(q) (*(QUEUE **)&((*(q))[1]))
#define QUEUE_PREV_NEXT(q) (QUEUE_NEXT(QUEUE_PREV(q)))
#define QUEUE_NEXT_PREV(q) (QUEUE_PREV(QUEUE_NEXT(q)))
#define QUEUE_REMOVE(q) do { QUEUE_PREV_NEXT(q) = QUEUE_NEXT(q); QUEUE_NEXT_PREV(q) = QUEUE_PREV(q); } while (0)
#define QUEUE_INSERT_TAIL(h, q) do { QUEUE_NEXT(q) = (h); QUEUE_PREV(q) = QUEUE_PREV(h); QUEUE_PREV_NEXT(q) = (q); QUEUE_PREV(h) = (q); } while (0)

struct uv_req { QUEUE wq; int result; };
extern int uv_run_once(void);

int uv_wait(QUEUE *pending)
{
    struct uv_req req;
    req.result = 0;
    QUEUE_INSERT_TAIL(pending, &req.wq);
    while (!req.result)
        req.result = uv_run_once();
    QUEUE_REMOVE(&req.wq);
    return req.result;
}

int uv_wait_unless(QUEUE *pending, int nowait)
{
    struct uv_req req;
    req.result = 0;
    QUEUE_NEXT(&req.wq) = pending;
    QUEUE_PREV(&req.wq) = QUEUE_PREV(pending);
    QUEUE_PREV_NEXT(&req.wq) = &req.wq; /* { dg-warning "address of local 'req' escapes to the caller through parameter 'pending' \\\[escape-caller\\\]" } */
    QUEUE_PREV(pending) = &req.wq;      /* { dg-warning "address of local 'req' escapes to the caller through parameter 'pending' \\\[escape-caller\\\]" } */
    if (nowait)
        return 0;
    while (!req.result)
        req.result = uv_run_once();
    QUEUE_REMOVE(&req.wq);
    return req.result;
}
