/* `list_empty` as the kernel spells it, a static inline function: its test of the link holds after the call. */
/* { dg-do compile } */
/* list-first-entry.c has the macro form.  Here the test is a call whose
   integer result is tested; the callee only compares the head's link with
   the head (plugin/link-tests.cc). */

struct list_head { struct list_head *next, *prev; };
#define INIT_LIST_HEAD(l) do { (l)->next = (l); (l)->prev = (l); } while (0)
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define container_of(p, t, m) ((t *)((char *)(p) - __builtin_offsetof(t, m)))
#define list_first_entry(ptr, type, member) container_of((ptr)->next, type, member)

static inline int list_empty(const struct list_head *head)
{
    return READ_ONCE(head->next) == head;
}

static inline int list_nonempty(const struct list_head *head)
{
    return head->next != head;
}

/* Tests the other link: says nothing about next (the list invariant
   would, but the test is read as written). */
static inline int list_prev_empty(const struct list_head *head)
{
    return head->prev == head;
}

struct work { int id; struct list_head entry; };
struct worker { struct work *current; };
extern void take_all(struct list_head *from, struct list_head *to);

void start_first(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (!list_empty(&local))
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-bogus "escapes" "an element: the list is not empty" } */
}

void start_or_return(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (list_empty(&local))
        return;
    wk->current = list_first_entry(&local, struct work, entry); /* { dg-bogus "escapes" "an element: the list is not empty" } */
}

void start_nonempty(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (list_nonempty(&local))
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-bogus "escapes" "an element: the list is not empty" } */
}

/* The test the other way round: on this edge the list is empty, and its
   first "entry" is the head. */
void start_if_empty(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (list_empty(&local))
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}

/* Not tested at all. */
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

/* Another list was tested. */
void start_other_tested(struct worker *wk, struct list_head *pending)
{
    struct list_head local, other;
    INIT_LIST_HEAD(&local);
    INIT_LIST_HEAD(&other);
    take_all(pending, &local);
    take_all(pending, &other);
    if (!list_empty(&other))
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}

/* The test was of prev; the first entry is loaded from next. */
void start_prev_tested(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    if (!list_prev_empty(&local))
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}

/* Tested after the list was emptied again: the result is stale. */
void start_stale_result(struct worker *wk, struct list_head *pending)
{
    struct list_head local;
    INIT_LIST_HEAD(&local);
    take_all(pending, &local);
    int empty = list_empty(&local);
    INIT_LIST_HEAD(&local);
    if (!empty)
        wk->current = list_first_entry(&local, struct work, entry); /* { dg-warning "address of local 'local' escapes to the caller through parameter 'wk'" } */
}
