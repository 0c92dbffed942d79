/* Returning a pointer into the temporary that holds a call's struct result. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct arr { int a[4]; };
struct arr make(void);
struct holder { int *p; };
struct holder make_holder(void);

int *member_of_temporary(void)
{
    return make().a; /* { dg-warning "address of temporary escapes via the return value \\\[escape-return\\\]" } */
}

int *through_copy(void)
{
    int *p = make().a; /* { dg-message "temporary created here" } */
    return p; /* { dg-warning "address of temporary escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: a pointer value carried by the temporary, not its address. */
int *pointer_in_temporary(void)
{
    return make_holder().p; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: only an element's value. */
int value_of_temporary(void)
{
    return make().a[2]; /* { dg-bogus "\\\[escape-" } */
}
