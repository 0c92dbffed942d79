/* Returning the address of a local, directly and through copies. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

int *direct(void)
{
    int x = 1; /* { dg-message "'x' declared here" } */
    return &x; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_copy(void)
{
    int x = 1;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    int *q = p;
    return q; /* { dg-warning "address of local 'x' escapes via the return value" } */
}

int *static_is_fine(void)
{
    static int s;
    int *p = &s;
    return p; /* { dg-bogus "\\\[escape-" } */
}
