/* stack-user.c - calls push/pop of stack.c, which only its JSON report describes. */
struct frame {
    struct frame *prev;
    int depth;
};

void push(struct frame *f);
void pop(void);

int balanced(void)
{
    struct frame f = {0, 1};
    push(&f);
    pop();
    return f.depth;
}

int unbalanced(void)
{
    struct frame f = {0, 2};
    push(&f);
    return f.depth;
}
