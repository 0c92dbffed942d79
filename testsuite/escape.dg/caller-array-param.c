/* Storing a stack address into an element of an array parameter (arr[i] = &x). */
/* { dg-do compile } */

void pointer_param(int **arr, int i)
{
    int x; /* { dg-message "'x' declared here" } */
    arr[i] = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

void array_syntax(int *arr[])
{
    int x;
    arr[3] = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

void static_size(int *arr[static 4])
{
    int x;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    arr[0] = p; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

void filled_in_loop(int **arr, int n)
{
    int a[8];
    for (int i = 0; i < n; i++)
        arr[i] = &a[i]; /* { dg-warning "address of local 'a' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

void through_cursor(int **arr, int n)
{
    int x;
    int **end = arr + n;
    for (int **it = arr; it < end; it++)
        *it = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

/* Silent: the same stores into a local array. */
int local_array(int i)
{
    int x = 1;
    int *arr[4];
    arr[i & 3] = &x; /* { dg-bogus "\\\[escape-" } */
    return *arr[i & 3];
}

/* Silent: the caller's own pointers stored into its array. */
void param_values(int **arr, int *a, int n)
{
    for (int i = 0; i < n; i++)
        arr[i] = a + i; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: an array of ints gets values, not addresses. */
void int_array(int *arr, int i)
{
    int x = 3;
    int *p = &x;
    arr[i] = *p; /* { dg-bogus "\\\[escape-" } */
}
