/* Storing a stack address into a field of a parameter's pointee (p->f = &x). */
/* { dg-do compile } */

struct node { int *p; struct node *next; int *arr[4]; int v; };

void field(struct node *o)
{
    int x; /* { dg-message "'x' declared here" } */
    o->p = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void array_field(struct node *o)
{
    int x;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    o->arr[1] = p; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void link_local_node(struct node *o)
{
    struct node loc;
    o->next = &loc; /* { dg-warning "address of local 'loc' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void whole_struct(struct node *o)
{
    int x;
    struct node n = { 0 };
    n.p = &x; /* { dg-message "flow: n.p = &x \\(store\\)" } */
    *o = n; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

void through_alias(struct node *o)
{
    int x;
    struct node *n = o;
    n->p = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

/* Silent: a struct passed by value is the callee's own copy. */
void by_value(struct node o)
{
    int x;
    o.p = &x; /* { dg-bogus "\\\[escape-" } */
    *o.p = 1;
}

/* Silent: values, and the caller's own pointers, stored in the fields. */
void values(struct node *o, int *a)
{
    int x = 2;
    int *p = &x;
    o->v = *p; /* { dg-bogus "\\\[escape-" } */
    o->p = a; /* { dg-bogus "\\\[escape-" } */
    o->next = o; /* { dg-bogus "\\\[escape-" } */
}
