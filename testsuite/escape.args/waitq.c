/* waitq.c - a wait queue: its functions link and unlink the entry they are given, as the kernel's prepare_to_wait and finish_wait do. */
struct list_head { struct list_head *next, *prev; };
struct wait_queue_head { int lock; struct list_head head; };
struct wait_entry { unsigned flags; void *task; struct list_head entry; };

void prepare_to_wait(struct wait_queue_head *wq, struct wait_entry *w)
{
    struct list_head *prev = wq->head.prev;
    w->entry.next = &wq->head;
    w->entry.prev = prev;
    prev->next = &w->entry;
    wq->head.prev = &w->entry;
}

void finish_wait(struct wait_queue_head *wq, struct wait_entry *w)
{
    (void)wq;
    w->entry.next->prev = w->entry.prev;
    w->entry.prev->next = w->entry.next;
}

int wait_condition(struct wait_queue_head *wq)
{
    return wq->lock;
}
