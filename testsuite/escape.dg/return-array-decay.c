/* Returning a local array, which decays to a pointer to its first element. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

static char g_buf[16];

char *direct(void)
{
    char buf[16]; /* { dg-message "'buf' declared here" } */
    buf[0] = 0;
    return buf; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

const char *through_copy(void)
{
    char buf[16] = "hello";
    const char *msg = buf; /* { dg-message "flow: msg = &buf \\(address-of\\)" } */
    return msg; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

int *row_of_matrix(void)
{
    int m[3][4];
    int *row = m[1];
    return row; /* { dg-warning "address of local 'm' escapes via the return value \\\[escape-return\\\]" } */
}

int (*whole_array(void))[4]
{
    int a[4];
    int (*pa)[4] = &a;
    return pa; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: static arrays and array parameters (which are pointers). */
char *static_array(void)
{
    static char buf[16];
    return buf; /* { dg-bogus "\\\[escape-" } */
}

char *global_array(void)
{
    char *p = g_buf;
    return p; /* { dg-bogus "\\\[escape-" } */
}

int *array_param(int a[4])
{
    return a; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: only an element's value. */
char first(void)
{
    char buf[4] = "abc";
    char *p = buf;
    return *p; /* { dg-bogus "\\\[escape-" } */
}
