/* Returning a local's address after a round trip through a local array of pointers. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

static int s_val;

int *constant_index(void)
{
    int x; /* { dg-message "'x' declared here" } */
    int *arr[2];
    arr[1] = &x; /* { dg-message "flow: arr\\\[1\\\] = &x \\(store\\)" } */
    return arr[1]; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *variable_index(int i)
{
    int x;
    int *arr[2] = { 0, 0 };
    arr[i] = &x;
    return arr[0]; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *initializer(int c)
{
    int x, y;
    int *arr[2] = { &s_val, &y };
    (void)x;
    return arr[c]; /* { dg-warning "address of local 'y' escapes via the return value \\\[escape-return\\\]" } */
}

int *filled_in_loop(int n)
{
    int a[4];
    int *ptrs[4];
    for (int i = 0; i < 4; i++)
        ptrs[i] = &a[i];
    return ptrs[n]; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: the array holds static storage and the caller's pointers. */
int *holds_static_and_param(int c, int *a)
{
    int *arr[2] = { &s_val, a };
    return arr[c]; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the local's address is in another element than the one returned. */
int *other_element(int *a)
{
    int x;
    int *arr[2];
    arr[0] = &x;
    arr[1] = a;
    return arr[1]; /* { dg-bogus "\\\[escape-" } */
}
