/* Returning a local's address after a round trip through a local struct. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct holder { int *q; int *other; };

int *field_round_trip(void)
{
    int x; /* { dg-message "'x' declared here" } */
    struct holder h;
    h.q = &x; /* { dg-message "flow: h.q = &x \\(store\\)" } */
    return h.q; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *struct_copy(void)
{
    int x;
    struct holder h = { &x, 0 };
    struct holder h2 = h;
    return h2.q; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_pointer_to_struct(void)
{
    int x;
    struct holder h;
    struct holder *hp = &h;
    hp->q = &x;
    return h.q; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *pointer_to_pointer(void)
{
    int x;
    int *p = &x;
    int **pp = &p;
    return *pp; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: the struct holds the caller's pointer. */
int *holds_param(int *a)
{
    struct holder h;
    h.q = a;
    return h.q; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the local's address sits in another field than the one returned. */
int *other_field(int *a)
{
    int x;
    struct holder h;
    h.q = &x;
    h.other = a;
    return h.other; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the field is overwritten before it is returned. */
int *field_overwritten(int *a)
{
    int x = 0;
    struct holder h;
    h.q = &x;
    *h.q = 1;
    h.q = a;
    return h.q; /* { dg-bogus "\\\[escape-" } */
}
