/* One escape-return warning per source return that gives a local's address, however GCC merged the returns. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

int work(void);

int *twice(int c)
{
    int x;
    int *p = &x;
    if (c)
        return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
    c = work();
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *one_of_three(int c)
{
    static int s;
    int x;
    if (c == 1)
        return &s; /* { dg-bogus "\\\[escape-" } */
    if (c == 2)
        return 0; /* { dg-bogus "\\\[escape-" } */
    int *p = &x;
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *two_locals(int c)
{
    int x, y;
    if (c) {
        int *p = &x;
        return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
    }
    int *q = &y;
    return q; /* { dg-warning "address of local 'y' escapes via the return value \\\[escape-return\\\]" } */
}
