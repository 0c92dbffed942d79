/* Returning the address of a parameter's own slot (not what it points to). */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct box { int a[4]; };

int *direct(int v) /* { dg-message "'v' declared here" } */
{
    return &v; /* { dg-warning "address of parameter 'v' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_copy(int v)
{
    int *p = &v; /* { dg-message "flow: p = &v \\(address-of\\)" } */
    return p; /* { dg-warning "address of parameter 'v' escapes via the return value \\\[escape-return\\\]" } */
}

int **slot_of_pointer_param(int *v)
{
    int **pp = &v; /* { dg-message "flow: pp = &v" } */
    return pp; /* { dg-warning "address of parameter 'v' escapes via the return value \\\[escape-return\\\]" } */
}

int *struct_param_member(struct box b)
{
    return b.a; /* { dg-warning "address of parameter 'b' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: the parameter's value, read back through its own slot. */
int *value_through_slot(int *v)
{
    int **pp = &v;
    return *pp; /* { dg-bogus "\\\[escape-" } */
}

int *value_copy(int *v)
{
    int *p = v;
    return p; /* { dg-bogus "\\\[escape-" } */
}
