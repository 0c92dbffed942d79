/* Returning the address of a block-scope compound literal. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct pt { int *p; int v; };

int *scalar(void)
{
    int *p = &(int){1}; /* { dg-message "flow: p = &\\(compound literal\\) \\(address-of\\)" } */
    return p; /* { dg-warning "address of compound literal escapes via the return value \\\[escape-return\\\]" } */
}

int *scalar_direct(void)
{
    return &(int){2}; /* { dg-warning "address of compound literal escapes via the return value \\\[escape-return\\\]" } */
}

int *array_through_copy(void)
{
    int *q = (int[]){1, 2, 3}; /* { dg-message "compound literal defined here" } */
    int *p = q + 1; /* { dg-message "flow: p = q \\(pointer arithmetic\\)" } */
    return p; /* { dg-warning "address of compound literal escapes via the return value \\\[escape-return\\\]" } */
}

int *array_direct(void)
{
    return (int[]){4, 5}; /* { dg-warning "address of compound literal escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: a file-scope compound literal has static storage. */
static int *const table = (int[]){7, 8, 9};

int *file_scope(void)
{
    return table; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a pointer value read out of a compound literal. */
int *value_from_literal(int *a)
{
    return ((struct pt){a, 0}).p; /* { dg-bogus "\\\[escape-" } */
}

int *element_from_literal(int *a)
{
    return *(int *[]){a}; /* { dg-bogus "\\\[escape-" } */
}
