/* Returning the address of a field (or nested element) of a local struct. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

struct inner { int v; int w[2]; };
struct outer { int a; int b[4]; struct inner in; };

struct outer g_outer;

int *direct(void)
{
    struct outer s; /* { dg-message "'s' declared here" } */
    return &s.b[1]; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_copy(void)
{
    struct outer s;
    int *p = &s.a; /* { dg-message "flow: p = &s.a \\(address-of\\)" } */
    return p; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

int *nested(void)
{
    struct outer s;
    int *p = &s.in.w[1];
    return p; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

int *through_struct_pointer(void)
{
    struct outer s;
    struct outer *ps = &s; /* { dg-message "flow: ps = &s" } */
    return &ps->in.v; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

struct inner *substruct(void)
{
    struct outer s;
    struct inner *in = &s.in;
    return in; /* { dg-warning "address of local 's' escapes via the return value \\\[escape-return\\\]" } */
}

/* Silent: fields of a parameter's pointee or of a global. */
int *param_field(struct outer *o)
{
    return &o->in.w[1]; /* { dg-bogus "\\\[escape-" } */
}

int *global_field(void)
{
    int *p = &g_outer.b[2];
    return p; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a field's value, read through its address. */
int field_value(void)
{
    struct outer s = { 0 };
    int *p = &s.b[3];
    return *p; /* { dg-bogus "\\\[escape-" } */
}
