/* Returning a local's address merged by if/else, switch and loops (PHI nodes). */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

static int s_val;

int *if_else(int c)
{
    int x; /* { dg-message "'x' declared here" } */
    int *p;
    if (c)
        p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    else
        p = &s_val;
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *if_without_else(int c)
{
    int x;
    int *p = &s_val;
    if (c)
        p = &x; /* { dg-message "flow: p = p \\(control-flow merge\\)" } */
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *switch_arms(int c, int *a)
{
    int x;
    int *p;
    switch (c) {
    case 0: p = a; break;
    case 1: p = &s_val; break;
    default: p = &x; break;
    }
    return p; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

int *last_of_loop(int n)
{
    int a[8];
    int *p = 0;
    for (int i = 0; i < n; i++)
        p = &a[i];
    return p; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *walk(int n)
{
    int a[8];
    int *p = a; /* { dg-message "flow: p = &a \\(address-of\\)" } */
    while (n--)
        p++;
    return p; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *search(void)
{
    int a[8] = { 0 };
    int *p = a;
    int *end = a + 7;
    while (p < end && *p)
        p++;
    return p; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *early_return(int c)
{
    int x;
    if (c)
        return &x; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
    return &s_val;
}

/* Silent: every incoming value is static storage or the caller's memory. */
int *merge_static_and_param(int c, int *a)
{
    int *p;
    if (c)
        p = a;
    else
        p = &s_val;
    return p; /* { dg-bogus "\\\[escape-" } */
}

char *walk_param(char *s)
{
    while (*s)
        s++;
    return s; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the local's address is replaced on every path before the merge. */
int *replaced_on_all_paths(int c, int *a)
{
    int x = 0;
    int *p = &x;
    *p = c;
    if (c)
        p = a;
    else
        p = &s_val;
    return p; /* { dg-bogus "\\\[escape-" } */
}
