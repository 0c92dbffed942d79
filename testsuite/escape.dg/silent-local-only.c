/* Stack addresses that only flow into other locals never warn. */
/* { dg-do compile } */

struct list { struct list *next; int v; };

int g_int;

int array_of_pointers(void)
{
    int x = 1, y = 2;
    int *arr[2] = { &x, &y }; /* { dg-bogus "\\\[escape-" } */
    return *arr[0] + *arr[1];
}

int filled_array_of_pointers(void)
{
    int a[4] = { 1, 2, 3, 4 };
    int *ptrs[4];
    for (int i = 0; i < 4; i++)
        ptrs[i] = &a[i]; /* { dg-bogus "\\\[escape-" } */
    int s = 0;
    for (int i = 0; i < 4; i++)
        s += *ptrs[i];
    return s;
}

int local_linked_list(void)
{
    struct list a, b, c;
    a.next = &b; /* { dg-bogus "\\\[escape-" } */
    b.next = &c; /* { dg-bogus "\\\[escape-" } */
    c.next = 0;
    a.v = b.v = c.v = 1;
    int s = 0;
    for (struct list *p = &a; p; p = p->next)
        s += p->v;
    return s; /* { dg-bogus "\\\[escape-" } */
}

int pointer_to_pointer(void)
{
    int x;
    int *p = &x;
    int **pp = &p;
    **pp = 3;
    return x; /* { dg-bogus "\\\[escape-" } */
}

struct holder { int *p; struct holder *self; };

int self_referential(void)
{
    int x = 4;
    struct holder h;
    h.p = &x;
    h.self = &h; /* { dg-bogus "\\\[escape-" } */
    return *h.self->p;
}

void inner_scope_to_outer_local(void)
{
    int *keep;
    {
        int x = 5;
        keep = &x; /* { dg-bogus "\\\[escape-" } */
        g_int = *keep;
    }
}

int pointer_comparison(int *a)
{
    int x;
    int *p = &x;
    return p == a; /* { dg-bogus "\\\[escape-" } */
}
