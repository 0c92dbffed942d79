/* The kernel's list_del behind its validity hook: a static inline `return true` is no path that skips the unlink. */
/* { dg-do compile } */
/* Without CONFIG_DEBUG_LIST the kernel's hooks are `static inline bool
   __list_del_entry_valid (...) { return true; }`, tested before the
   unlink (`if (!__list_del_entry_valid (entry)) return;`).  The plugin
   runs before GCC folds that test, so the edge to the early return is
   left out where the callee's constant result rules it out
   (plugin/const-calls.cc).  Each silent function has a reported twin. */


struct list_head { struct list_head *next, *prev; };
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define LIST_POISON1 ((void *) 0x100)
#define LIST_POISON2 ((void *) 0x122)

static inline _Bool __list_add_valid(struct list_head *new, struct list_head *prev, struct list_head *next) { return 1; }
static inline _Bool __list_del_entry_valid(struct list_head *entry) { return 1; }

static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
    if (!__list_add_valid(new, prev, next))
        return;
    next->prev = new;
    new->next = next;
    new->prev = prev;
    WRITE_ONCE(prev->next, new);
}
static inline void list_add_tail(struct list_head *new, struct list_head *head) { __list_add(new, head->prev, head); }
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
    next->prev = prev;
    WRITE_ONCE(prev->next, next);
}
static inline void __list_del_entry(struct list_head *entry)
{
    if (!__list_del_entry_valid(entry))
        return;
    __list_del(entry->prev, entry->next);
}
static inline void list_del(struct list_head *entry)
{
    __list_del_entry(entry);
    entry->next = LIST_POISON1;
    entry->prev = LIST_POISON2;
}

struct semaphore { int count; struct list_head wait_list; };
struct semaphore_waiter { struct list_head list; void *task; _Bool up; };
extern long schedule_timeout(long timeout);
extern int signal_pending(void);

/* The semaphore's slow path, without its waker's handoff: the waiter
   takes itself off the list on every path. */
int down_common(struct semaphore *sem, long timeout)
{
    struct semaphore_waiter waiter;
    list_add_tail(&waiter.list, &sem->wait_list);
    waiter.task = 0;
    for (;;) {
        if (signal_pending())
            goto interrupted;
        if (timeout <= 0)
            goto timed_out;
        timeout = schedule_timeout(timeout);
        if (sem->count > 0)
            break;
    }
    sem->count--;
    list_del(&waiter.list);
    return 0;
timed_out:
    list_del(&waiter.list);
    return -62;
interrupted:
    list_del(&waiter.list);
    return -4;
}

/* A hook with external linkage: another unit's definition may take its
   place and return false, so the early return stays a path.  */
_Bool list_del_hook(struct list_head *entry) { return 1; }
static inline void list_del_checked(struct list_head *entry)
{
    if (!list_del_hook(entry))
        return;
    __list_del(entry->prev, entry->next);
}

int down_checked(struct semaphore *sem)
{
    struct semaphore_waiter waiter;
    list_add_tail(&waiter.list, &sem->wait_list); /* { dg-warning "address of local 'waiter' escapes to the caller through parameter 'sem'" } */
    schedule_timeout(1);
    list_del_checked(&waiter.list);
    return 0;
}

/* A hook that counts its calls writes memory: not a constant predicate. */
static int checks;
static inline _Bool __list_del_counted_valid(struct list_head *entry) { checks++; return 1; }
static inline void list_del_counted(struct list_head *entry)
{
    if (!__list_del_counted_valid(entry))
        return;
    __list_del(entry->prev, entry->next);
}

int down_counted(struct semaphore *sem)
{
    struct semaphore_waiter waiter;
    list_add_tail(&waiter.list, &sem->wait_list); /* { dg-warning "address of local 'waiter' escapes to the caller through parameter 'sem'" } */
    schedule_timeout(1);
    list_del_counted(&waiter.list);
    return 0;
}

/* One path skips the unlink. */
int down_leaving(struct semaphore *sem, long timeout)
{
    struct semaphore_waiter waiter;
    list_add_tail(&waiter.list, &sem->wait_list); /* { dg-warning "address of local 'waiter' escapes to the caller through parameter 'sem'" } */
    timeout = schedule_timeout(timeout);
    if (timeout == 0)
        return -62;
    list_del(&waiter.list);
    return 0;
}
