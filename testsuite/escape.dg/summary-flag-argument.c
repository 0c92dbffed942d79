/* Interprocedural, known noise: a flag argument computed from a comparison (SQLite's clearSelect (db, p, p != &standin)) is not a constant, so the callee's path that frees the block counts for the stack stand-in too. */
/* { dg-do compile } */

struct pool { void *free_list; };
struct node { struct node *prior; int op; };

void *pool_alloc(struct pool *db);

/* A lookaside list: freed blocks are kept for reuse. */
void pool_free(struct pool *db, void *p)
{
    db->free_list = p;
}

void clear(struct pool *db, struct node *p, int free_it)
{
    while (p) {
        struct node *prior = p->prior;
        if (free_it)
            pool_free(db, p);
        p = prior;
        free_it = 1;
    }
}

struct node *new_node(struct pool *db, int failed)
{
    struct node standin, *n = pool_alloc(db), *allocated = n;
    if (!n)
        n = &standin;
    n->prior = 0;
    n->op = 1;
    if (failed) {
        clear(db, n, n != &standin); /* { dg-bogus "\\\[escape-" "free_it is 0 exactly when n is &standin: a value the caller computes, not a constant" { xfail *-*-* } } */
        allocated = 0;
    }
    return allocated;
}

