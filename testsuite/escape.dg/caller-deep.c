/* Storing a stack address deep inside memory reachable from a parameter. */
/* { dg-do compile } */

struct node { int *p; struct node *next; int *arr[4]; };

void two_hops(struct node *o)
{
    int x; /* { dg-message "'x' declared here" } */
    o->next->next->p = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void triple_pointer(int ***ppp)
{
    int x;
    **ppp = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'ppp' \\\[escape-caller\\\]" } */
}

void pointer_to_pointer_then_field(struct node **o)
{
    int x;
    (*o)->next->arr[2] = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void list_traversal(struct node *o)
{
    int x;
    struct node *n = o;
    while (n->next)
        n = n->next;
    n->p = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void through_slot_pointer(struct node *o, int i)
{
    int x;
    int **slot = &o->arr[i];
    *slot = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

/* Silent: a local copy of the caller's node is the callee's own. */
void local_copy(struct node *o)
{
    int x;
    struct node copy = *o->next;
    copy.p = &x; /* { dg-bogus "\\\[escape-" } */
    *copy.p = 0;
}

/* Silent: the caller's own nodes relinked. */
void relink(struct node *o)
{
    o->next->next = o; /* { dg-bogus "\\\[escape-" } */
}
