/* C's aliasing rules: a `struct a *` stored into memory is not read back as a `struct b *`. */
/* { dg-do compile } */

struct index {
    int n;
};
struct term {
    int op;
};
struct loop {
    struct loop *peer;
    struct index *index;
    struct term *term;
    void *any;
    union {
        struct index *as_index;
        struct term *as_term;
    } u;
};

/* All memory behind `l` is one abstract object, and l->peer is another
   pointer into it, so without the types the &local stored in l->index
   would seem to come back out of l->peer->term. */
void typed_fields(struct loop *l, struct term **out)
{
    struct index local;
    l->index = &local;
    *out = l->peer->term; /* { dg-bogus "\\\[escape-" } */
    l->index = 0;
}

/* The same through a generic pointer field is a real escape. */
void untyped_peer(struct loop *l, struct index **out)
{
    struct index local; /* { dg-message "'local' declared here" "the note of the xfail below" { xfail *-*-* } } */
    l->any = &local;
    *out = l->peer->any; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" "memory reached through a field of a parameter's memory is taken to be other memory: l->peer == l is not considered" { xfail *-*-* } } */
    l->any = 0;
}

/* void * may hold anything: the address can come back out. */
void through_void(struct loop *l, struct index **out)
{
    struct index local; /* { dg-message "'local' declared here" } */
    l->any = &local;
    *out = l->any; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    l->any = 0;
}

/* A union member is the same memory whatever its type. */
void through_union(struct loop *l, struct term **out)
{
    struct index local;
    l->u.as_index = &local;
    *out = l->u.as_term; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    l->u.as_index = 0;
}
