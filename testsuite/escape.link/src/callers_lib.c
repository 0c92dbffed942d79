/* callers_lib.c - functions other files call leave stack addresses in their caller's memory
   (callers_use.c): only gcc-escape link sees whether a caller reads them again. */
struct ctx {
    int *cur;
    int *other;
};

void fill_discarded(struct ctx *c)
{
    int a = 1;
    c->cur = &a; /* LINK-LEVEL2 escape-caller */
}

void fill_read(struct ctx *c)
{
    int b = 2;
    c->cur = &b; /* LINK-WARNING escape-caller */
}

void fill_other_field(struct ctx *c)
{
    int d = 3;
    c->cur = &d; /* LINK-LEVEL2 escape-caller */
}

void fill_deep(struct ctx *c)
{
    int e = 4;
    c->cur = &e; /* LINK-WARNING escape-caller */
}

void fill_wrapped(struct ctx *c)
{
    int f = 5;
    c->cur = &f; /* LINK-WARNING escape-caller */
}

void fill_taken(struct ctx *c)
{
    int g = 6;
    c->cur = &g; /* LINK-WARNING escape-caller */
}

void fill_uncalled(struct ctx *c)
{
    int h = 7;
    c->cur = &h; /* LINK-WARNING escape-caller */
}

void fill_tabled(struct ctx *c)
{
    int k = 8;
    c->cur = &k; /* LINK-WARNING escape-caller */
}
