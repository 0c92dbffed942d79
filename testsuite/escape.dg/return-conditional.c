/* Returning a local's address selected by the ?: operator. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

static int s_a, s_b;

/* One source return, one warning: it names the other local too. */
int *both_local(int c)
{
    int x, y; /* { dg-message "the same return may give the address of local 'y', declared here" } */
    return c ? &x : &y; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *one_local(int c)
{
    int x; /* { dg-message "'x' declared here" } */
    return c ? &x : &s_a; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_variable(int c)
{
    int x;
    int *p = c ? &s_a : &x; /* { dg-message "flow: p = &x" } */
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *nested(int c, int d, int *a)
{
    int x;
    int *p = c ? a : (d ? &s_b : &x);
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: every arm is static storage or the caller's memory. */
int *static_arms(int c)
{
    return c ? &s_a : &s_b; /* { dg-bogus "\\\[escape-" } */
}

int *param_arms(int c, int *a, int *b)
{
    int *p = c ? a : b + 1;
    return p; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the local's address only decides which value is returned. */
int *compare_only(int *a)
{
    int x;
    return a == &x ? 0 : a; /* { dg-bogus "\\\[escape-" } */
}
