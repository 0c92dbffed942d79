/* waiter.c - sleeps on a wait queue with its entry on the stack, linked and unlinked by waitq.c's functions. */
struct list_head { struct list_head *next, *prev; };
struct wait_queue_head { int lock; struct list_head head; };
struct wait_entry { unsigned flags; void *task; struct list_head entry; };

void prepare_to_wait(struct wait_queue_head *wq, struct wait_entry *w);
void finish_wait(struct wait_queue_head *wq, struct wait_entry *w);
int wait_condition(struct wait_queue_head *wq);

/* Unlinked on every path: silent. */
void sleep_on(struct wait_queue_head *wq)
{
    struct wait_entry w = {0, 0, {0, 0}};
    prepare_to_wait(wq, &w);
    while (!wait_condition(wq))
        continue;
    finish_wait(wq, &w);
}

/* The early return leaves the entry on the queue. */
int sleep_unless(struct wait_queue_head *wq, int nowait)
{
    struct wait_entry w = {0, 0, {0, 0}};
    prepare_to_wait(wq, &w); /* LINK-WARNING escape-caller */
    if (nowait)
        return 1;
    finish_wait(wq, &w);
    return 0;
}
