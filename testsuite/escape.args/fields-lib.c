/* fields-lib.c - a callee that keeps one field of what its argument points to (fields.exp). */
struct table { int n; };
struct expr { struct expr *left, *right; struct table *tab; int op; };
struct parse { struct table *last; };

void code(struct parse *p, struct expr *e)
{
    if (e->op == 1)
        p->last = e->tab;
}
