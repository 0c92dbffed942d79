/* Returning 'alloca' memory, directly and through derived pointers. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

/* Declared here rather than through <alloca.h>: GCC still treats it as
   __builtin_alloca, and no location sits in a system-header macro
   (return-alloca-macro.c covers the header's macro). */
void *alloca(__SIZE_TYPE__);

void *direct_constant(void)
{
    return alloca(16); /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}

void *direct_variable(int n)
{
    return alloca(n); /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}

char *through_copy(int n)
{
    char *p = alloca(n); /* { dg-message "memory allocated by 'alloca' here" } */
    char *q = p + 1; /* { dg-message "flow: q = p \\(pointer arithmetic\\)" } */
    return q; /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}

void *assigned_later(int n)
{
    void *p;
    p = alloca(n); /* { dg-message "flow: p = alloca \\(...\\) \\(allocation\\)" } */
    return p; /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: alloca memory only holds a pointer the caller gave us. */
int *slot_in_alloca(int *a)
{
    int **slot = alloca(sizeof *slot);
    *slot = a;
    return *slot; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: alloca used as scratch space, only a value comes back. */
int scratch(int n)
{
    int *tmp = alloca(n * sizeof *tmp);
    for (int i = 0; i < n; i++)
        tmp[i] = i;
    return tmp[n - 1]; /* { dg-bogus "\\\[escape-" } */
}
