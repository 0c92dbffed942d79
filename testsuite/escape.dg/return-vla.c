/* Returning the address of a variable-length array. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

char *decay(int n)
{
    char vla_decay[n];
    vla_decay[0] = 0;
    return vla_decay; /* { dg-warning "address of variable-length array 'vla_decay' escapes via the return value \\\[escape-return\\\]" } */
    /* { dg-bogus "address of local 'vla_decay'" "" { target *-*-* } 0 } */
}

char *through_pointer(int n)
{
    char a[n]; /* { dg-message "'a' declared here" } */
    char *p = a + 1; /* { dg-message "flow: p = &a \\(pointer arithmetic\\)" } */
    return p; /* { dg-warning "address of variable-length array 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int *element(int n, int i)
{
    int a[n];
    int *p = &a[i];
    return p; /* { dg-warning "address of variable-length array 'a' escapes via the return value \\\[escape-return\\\]" } */
}

int (*row(int n))[4]
{
    int m[n][4];
    int (*r)[4] = m;
    return r; /* { dg-warning "address of variable-length array 'm' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: a VLA of pointers that only holds the caller's pointer. */
int *holds_param(int n, int *a)
{
    int *v[n];
    v[0] = a;
    return v[0]; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: only a value read from the VLA is returned. */
int value(int n)
{
    int a[n];
    for (int i = 0; i < n; i++)
        a[i] = i;
    return a[n - 1]; /* { dg-bogus "\\\[escape-" } */
}
