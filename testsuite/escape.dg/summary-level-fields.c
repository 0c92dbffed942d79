/* Interprocedural: a callee that keeps one field of what its argument points to (SQLite's sqlite3ExprCodeTarget keeping pExpr->y.pTab) keeps that field only, not every pointer stored there. */
/* { dg-do compile } */

struct table { int n; };
struct expr { struct expr *left, *right; struct table *tab; int op; };
struct parse { struct table *last; struct expr *kept; };

void code(struct parse *p, struct expr *e)
{
    if (e->op == 1)
        p->last = e->tab;
}

void code_between(struct parse *p, struct expr *x)
{
    struct expr l = {0}, r = {0}, both = {0};
    l.left = x;
    r.left = x;
    both.left = &l;
    both.right = &r;
    both.op = 2;
    code(p, &both); /* { dg-bogus "\\\[escape-" "a level-1 leak is of the field e->tab it loads, not of every pointer in the argument's memory" } */
}

/* The field it does keep: a real escape. */
void code_table(struct parse *p)
{
    struct table t = {0}; /* { dg-message "'t' declared here" } */
    struct expr e = {0, 0, &t, 1};
    code(p, &e); /* { dg-warning "address of local 't' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

/* Recursive, as sqlite3ExprCodeTarget is: the fixed point keeps e->tab only. */
void code_rec(struct parse *p, struct expr *e)
{
    if (e->op == 3)
        code_rec(p, e->left);
    else if (e->op == 4)
        code_rec(p, e);
    else
        p->last = e->tab;
}

void code_rec_between(struct parse *p, struct expr *x)
{
    struct expr l = {0}, both = {0};
    l.left = x;
    both.left = &l;
    both.op = 3;
    code_rec(p, &both); /* { dg-bogus "\\\[escape-" "code_rec keeps e->tab only" } */
}

/* Keeps e->tab on one path, e->left on the other: both fields, found on
   every path, not on the first one only. */
void pick(struct parse *p, struct expr *e)
{
    struct expr *q;
    if (e->op == 1)
        q = (struct expr *)e->tab;
    else
        q = e->left;
    p->kept = q;
}

void pick_left(struct parse *p)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {&l, 0, 0, 2};
    pick(p, &both); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

void pick_right(struct parse *p)
{
    struct expr r = {0};
    struct expr both = {0, &r, 0, 2};
    pick(p, &both); /* { dg-bogus "\\\[escape-" "pick never loads e->right" } */
}

/* The very field the local is stored in. */
void keep_left(struct parse *p, struct expr *e)
{
    p->kept = e->left;
}

void keep_left_local(struct parse *p)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {0};
    both.left = &l;
    keep_left(p, &both); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

/* A pointer moved from one field to another before it is kept: the field
   it was loaded from counts. */
void move_keep(struct parse *p, struct expr *e)
{
    e->right = e->left;
    p->kept = e->right;
}

void move_keep_local(struct parse *p)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {0};
    both.left = &l;
    move_keep(p, &both); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

/* A field at an offset the callee does not know: every field. */
void keep_at(struct parse *p, struct expr *e, unsigned long off)
{
    p->kept = *(struct expr **)((char *)e + off);
}

void keep_at_local(struct parse *p, unsigned long off)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {0};
    both.right = &l;
    keep_at(p, &both, off); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

/* Through the callee's own local: the field it was loaded from. */
void via_local(struct parse *p, struct expr *e)
{
    struct expr *slot[2];
    slot[e->op & 1] = e->right;
    p->kept = slot[0];
}

void via_local_right(struct parse *p)
{
    struct expr r = {0}; /* { dg-message "'r' declared here" } */
    struct expr both = {0};
    both.right = &r;
    via_local(p, &both); /* { dg-warning "address of local 'r' escapes to the caller through parameter 'p' \\\[escape-caller\\\]" } */
}

void via_local_left(struct parse *p)
{
    struct expr l = {0};
    struct expr both = {0};
    both.left = &l;
    via_local(p, &both); /* { dg-bogus "\\\[escape-" "via_local keeps e->right only" } */
}

/* A result leak of one field: only that field's target comes back (a
   warning for 'a' would be an excess error). */
struct pair { int *first, *second; };

int *second(struct pair *p)
{
    return p->second;
}

void second_out(int **out)
{
    int a, b; /* { dg-message "'b' declared here" } */
    struct pair pr = {&a, &b};
    *out = second(&pr); /* { dg-warning "address of local 'b' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* Callees that take the whole object, or a field at an offset they do
   not know: every field is taken, as before.  */
struct holder { struct expr *kept; struct expr copy; };

void copy_in(struct holder *h, struct expr *e)
{
    __builtin_memcpy(&h->copy, e, sizeof *e);
}

void copy_in_local(struct holder *h)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {0};
    both.left = &l;
    copy_in(h, &both); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'h' \\\[escape-caller\\\]" } */
}

void copy_then_keep(struct holder *h, struct expr *e)
{
    struct expr t;
    __builtin_memcpy(&t, e, sizeof t);
    h->kept = t.left;
}

void copy_then_keep_local(struct holder *h)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr both = {0};
    both.left = &l;
    copy_then_keep(h, &both); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'h' \\\[escape-caller\\\]" } */
}

void assign_in(struct holder *h, struct expr *e)
{
    h->copy = *e;
}

void assign_in_local(struct holder *h)
{
    struct expr r = {0}; /* { dg-message "'r' declared here" } */
    struct expr both = {0};
    both.right = &r;
    assign_in(h, &both); /* { dg-warning "address of local 'r' escapes to the caller through parameter 'h' \\\[escape-caller\\\]" } */
}

void walk(struct holder *h, struct expr *e)
{
    while (e->op == 5)
        e = e + 1;
    h->kept = e->left;
}

void walk_local(struct holder *h)
{
    struct expr l = {0}; /* { dg-message "'l' declared here" } */
    struct expr list[2] = {0};
    list[1].left = &l;
    walk(h, list); /* { dg-warning "address of local 'l' escapes to the caller through parameter 'h' \\\[escape-caller\\\]" } */
}
