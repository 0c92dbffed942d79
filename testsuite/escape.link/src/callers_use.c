/* callers_use.c - calls callers_lib.c's functions: discards the struct, reads the field, reads
   another field only, reads it in a caller's caller, passes it on from a function other files can
   call, takes a function's address, holds one in a table. */
struct ctx {
    int *cur;
    int *other;
};

void fill_discarded(struct ctx *c);
void fill_read(struct ctx *c);
void fill_other_field(struct ctx *c);
void fill_deep(struct ctx *c);
void fill_wrapped(struct ctx *c);
void fill_taken(struct ctx *c);

void use_discarded(void)
{
    struct ctx c = {0};
    fill_discarded(&c);
}

int use_read(void)
{
    struct ctx c = {0};
    fill_read(&c);
    return *c.cur;
}

int use_other_field(void)
{
    static int zero;
    struct ctx c = {0, &zero};
    fill_other_field(&c);
    c.cur = &zero;
    return *c.other + *c.cur;
}

static void middle(struct ctx *c)
{
    fill_deep(c);
}

int use_deep(void)
{
    struct ctx c = {0};
    middle(&c);
    return *c.cur;
}

void wrap(struct ctx *c)
{
    fill_wrapped(c);
}

void (*keep)(struct ctx *);

void keep_fill(void)
{
    keep = fill_taken;
}

/* fill_tabled: a caller that discards the struct, and a table of
   callbacks that holds its address, which no function body shows. */
void fill_tabled(struct ctx *c);

void use_tabled(void)
{
    struct ctx c = {0};
    fill_tabled(&c);
}

struct ops {
    void (*fill)(struct ctx *);
};
const struct ops callbacks = {fill_tabled};
