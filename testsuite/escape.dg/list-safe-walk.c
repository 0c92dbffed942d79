/* A local list drained by list_for_each_entry_safe, every entry taken off: its head is empty where the walk ends. */
/* { dg-do compile } */
/* The kernel's exit_notify and cgroup_migrate_finish (core/refine/
   safewalk.c).  Any warning in the silent functions is an excess error;
   each has a reported twin where one path keeps a node on the list. */

struct list_head { struct list_head *next, *prev; };
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define container_of(p, t, m) ((t *)((char *)(p) - __builtin_offsetof(t, m)))
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))
#define list_for_each_entry_safe(pos, n, head, member) \
    for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_next_entry(pos, member); \
         !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))

static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
    next->prev = new;
    new->next = next;
    new->prev = prev;
    prev->next = new;
}
static inline void list_add(struct list_head *new, struct list_head *head) { __list_add(new, head, head->next); }
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
    next->prev = prev;
    prev->next = next;
}
static inline void INIT_LIST_HEAD(struct list_head *list)
{
    list->next = list;
    list->prev = list;
}
static inline void list_del_init(struct list_head *entry)
{
    __list_del(entry->prev, entry->next);
    INIT_LIST_HEAD(entry);
}

struct task { int id; struct list_head ptrace_entry; void *parent; int flags; };
extern void release_task(struct task *p);
extern int reap(struct task *p);
static struct task *g_last;

/* exit_notify: the reaped tasks are gathered on a local list, then each
   is taken off and released. */
void exit_notify(struct task **tasks, int n)
{
    struct task *p, *t;
    LIST_HEAD(dead);
    for (int i = 0; i < n; i++)
        if (reap(tasks[i]))
            list_add(&tasks[i]->ptrace_entry, &dead);
    list_for_each_entry_safe(p, t, &dead, ptrace_entry) {
        list_del_init(&p->ptrace_entry);
        p->parent = 0;
        release_task(p);
    }
}

/* A walk that stops at the first task it cannot release leaves the rest
   on the list. */
void exit_notify_stopping(struct task **tasks, int n)
{
    struct task *p, *t;
    LIST_HEAD(dead);
    for (int i = 0; i < n; i++)
        if (reap(tasks[i]))
            list_add(&tasks[i]->ptrace_entry, &dead); /* { dg-warning "address of local 'dead' escapes to the caller through parameter 'tasks'" } */
    list_for_each_entry_safe(p, t, &dead, ptrace_entry) {
        if (p->flags)
            break;
        list_del_init(&p->ptrace_entry);
        release_task(p);
    }
}

/* A walk that skips a task keeps it, and the head, linked. */
void exit_notify_skipping(struct task **tasks, int n)
{
    struct task *p, *t;
    LIST_HEAD(dead);
    for (int i = 0; i < n; i++)
        if (reap(tasks[i]))
            list_add(&tasks[i]->ptrace_entry, &dead); /* { dg-warning "address of local 'dead' escapes to the caller through parameter 'tasks'" } */
    list_for_each_entry_safe(p, t, &dead, ptrace_entry) {
        if (p->flags)
            continue;
        list_del_init(&p->ptrace_entry);
        release_task(p);
    }
}

/* A walk that hands a node to a function of this unit that links it
   elsewhere (or stores it) is not read as a drain. */
static struct list_head graveyard = LIST_HEAD_INIT(graveyard);
static void bury(struct task *p) { list_add(&p->ptrace_entry, &graveyard); }
void exit_notify_burying(struct task **tasks, int n)
{
    struct task *p, *t;
    LIST_HEAD(dead);
    for (int i = 0; i < n; i++)
        if (reap(tasks[i]))
            list_add(&tasks[i]->ptrace_entry, &dead); /* { dg-warning "address of local 'dead' escapes to the caller through parameter 'tasks'" } */
    list_for_each_entry_safe(p, t, &dead, ptrace_entry) {
        list_del_init(&p->ptrace_entry);
        g_last = p;
        bury(t); /* { dg-warning "address of local .dead. escapes through argument 1 of .bury., which stores it in static storage" "t is the head itself after the last node" } */
    }
}
