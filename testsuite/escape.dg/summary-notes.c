/* Notes follow a pointer into the callees that store it into another argument's memory. */
/* { dg-do compile } */

int *g_ptr;

static void set(int **o, int *v)
{
    *o = v;
}

static void set_twice_removed(int **o, int *v)
{
    set(o, v);
}

void into_a_global(void)
{
    int x; /* { dg-message "'x' declared here" } */
    set_twice_removed(&g_ptr, &x); /* { dg-warning "address of local 'x' escapes to global 'g_ptr' \\\[escape-global\\\]" } */
    /* { dg-message "flow: 'set_twice_removed' stores &x into g_ptr" "" { target *-*-* } 0 } */
    /* { dg-message "in 'set_twice_removed': flow: 'set' stores v into \\*o" "" { target *-*-* } 0 } */
    /* { dg-message "in 'set': flow: \\*o = v \\(store\\)" "" { target *-*-* } 0 } */
}

/* A callee that hands back a static's address: storing into the result
   stores into the static. */
struct slot {
    int *ptr;
};
static struct slot g_slots[4];

static struct slot *slot_for(unsigned i)
{
    return &g_slots[i & 3];
}

void into_a_returned_static(unsigned i)
{
    int y;
    slot_for(i)->ptr = &y; /* { dg-warning "address of local 'y' escapes to static 'g_slots' \\\[escape-global\\\]" } */
}

/* Silent: the static slot is cleared again before returning. */
void into_a_returned_static_then_cleared(unsigned i)
{
    int z;
    struct slot *s = slot_for(i);
    s->ptr = &z; /* { dg-bogus "\\\[escape-" } */
    s->ptr = 0;
}
