/* Returning a pointer computed by arithmetic from a local's address. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

int *constant_offset(void)
{
    int a[8]; /* { dg-message "'a' declared here" } */
    return a + 3; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *variable_offset(int i)
{
    int a[8];
    int *p = a + i; /* { dg-message "flow: p = &a" } */
    return p; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *element_address(int i)
{
    int a[8];
    int *p = &a[i];
    return p; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *compound_assignment(void)
{
    int a[8];
    int *p = a;
    p += 3; /* { dg-message "flow: p = p \\(pointer arithmetic\\)" } */
    return p - 1; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *one_past_then_back(void)
{
    int a[4];
    return &a[4] - 2; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *past_a_scalar(void)
{
    int x;
    return &x + 1; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

char *byte_offset(void)
{
    int buf[4];
    return (char *)buf + 8; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: arithmetic on a parameter's pointer. */
char *param_end(char *s, int n)
{
    char *end = s + n;
    return end - 1; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a difference of two local addresses is an integer. */
long distance(void)
{
    int a[8];
    int *p = &a[6];
    return p - a; /* { dg-bogus "\\\[escape-" } */
}
