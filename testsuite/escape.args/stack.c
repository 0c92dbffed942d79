/* stack.c - a push/pop pair on a global, compiled apart from its callers (stack-user.c) for the cross-file tests. */
struct frame {
    struct frame *prev;
    int depth;
};

struct frame *g_top;

void push(struct frame *f)
{
    f->prev = g_top;
    g_top = f;
}

void pop(void)
{
    g_top = g_top->prev;
}
