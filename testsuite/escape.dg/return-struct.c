/* Returning a struct (or union) by value that holds the address of a local. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct ref { int *p; int v; };
struct many { int *ptrs[2]; };
union pun { int *p; long l; };

static int counter;

struct ref initialized(void)
{
    int x = 1; /* { dg-message "'x' declared here" } */
    struct ref r = { &x, 1 }; /* { dg-message "flow: r.p = &x \\(store\\)" } */
    return r; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

struct ref field_assigned(void)
{
    int x = 1;
    struct ref r;
    r.p = &x;
    r.v = 2;
    return r; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

struct ref compound_literal_result(void)
{
    int x = 1;
    return (struct ref){ &x, 3 }; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

struct many array_member(void)
{
    int x = 1;
    struct many m;
    m.ptrs[0] = &x;
    m.ptrs[1] = 0;
    return m; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

union pun union_member(void)
{
    int x = 1;
    union pun u;
    u.p = &x;
    return u; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Large enough to be returned through a hidden pointer to the caller's slot. */
struct big { int *p; char pad[64]; };

struct big returned_in_memory(void)
{
    int x;
    struct big b;
    b.p = &x;
    return b; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: the returned struct holds static storage, a parameter's pointer
   or only values. */
struct ref static_pointer(void)
{
    struct ref r = { &counter, 0 };
    return r; /* { dg-bogus "\\\[escape-" } */
}

struct ref param_pointer(int *a)
{
    struct ref r;
    r.p = a;
    r.v = *a;
    return r; /* { dg-bogus "\\\[escape-" } */
}

struct ref value_of_local(void)
{
    int x = 5;
    int *p = &x;
    struct ref r = { 0, *p };
    return r; /* { dg-bogus "\\\[escape-" } */
}

struct big big_param_pointer(int *a)
{
    struct big b = { .p = a };
    return b; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the local's address is overwritten before the struct is returned. */
struct ref overwritten(int *a)
{
    int x = 1;
    struct ref r;
    r.p = &x;
    r.v = *r.p;
    r.p = a;
    return r; /* { dg-bogus "\\\[escape-" } */
}
