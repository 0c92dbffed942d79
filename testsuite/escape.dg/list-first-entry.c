/* The first element of a local list tested not empty is an element, never the head itself. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error. */

struct list_head { struct list_head *next, *prev; };
#define INIT_LIST_HEAD(l) do { (l)->next = (l); (l)->prev = (l); } while (0)
#define list_empty(h) ((h)->next == (h))
#define container_of(p, t, m) ((t *)((char *)(p) - __builtin_offsetof(t, m)))
#define list_first_entry(ptr, type, member) container_of((ptr)->next, type, member)

struct work { int id; struct list_head entry; };
struct worker { struct work *current; };
extern void take_all(struct list_head *from, struct list_head *to);

/* The kernel's idiom: take the pending work, and start on the first
   item if there is one. */
void start_first(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (!list_empty(&local))
        wk->current = list_first_entry(&local, struct work, entry);
}

/* Without the test, an empty list's first "entry" is the head. */
void start_unchecked(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}

/* The list may change after the test: a call is handed the head. */
void start_after_refill(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (!list_empty(&local)) {
        take_all(&local, pending);
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
    }
}

/* Tested on one path only. */
void start_maybe_checked(struct worker *wk, struct list_head *pending, int trust)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (!trust && list_empty(&local))
        return;
    wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}
