/* fields-user.c - calls of another unit's callee that keeps only e->tab (fields.exp). */
struct table { int n; };
struct expr { struct expr *left, *right; struct table *tab; int op; };
struct parse { struct table *last; };

void code(struct parse *p, struct expr *e);

void code_left(struct parse *p)
{
    struct expr l = {0};
    struct expr both = {&l, 0, 0, 2};
    code(p, &both);
}

void code_table(struct parse *p)
{
    struct table t = {0};
    struct expr e = {0, 0, &t, 1};
    code(p, &e);
}
