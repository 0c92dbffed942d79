/* A static function whose address only a table's initializer holds has unknown callers: what it leaves in the caller's memory may be read. */
/* { dg-do compile } */

struct ctx { int *p; };
struct ops { void (*fill)(struct ctx *); };

static void fill(struct ctx *c)
{
    int local = 1;
    c->p = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'c'" } */
    /* { dg-message "may be read again by a caller of 'fill': its address is taken, so its callers are unknown" "" { target *-*-* } 10 } */
}

static struct ops table = { .fill = fill }; /* writable: its initializer is in no body */
struct ops *get_ops(void) { return &table; }

/* Called directly only, by a caller that discards the struct: nothing
   reads it (reported at level 2 only). */
static void fill_direct(struct ctx *c)
{
    int local = 2;
    c->p = &local; /* { dg-bogus "escapes" "level 2: nothing reads it" } */
}

void use_direct(void)
{
    struct ctx c;
    fill_direct(&c);
}
