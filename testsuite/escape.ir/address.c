/* address.c - addresses of locals, fields and elements; stores to a global, a field and through a pointer. */
struct pair {
    int *first, *second;
};
int *g;
struct pair gp;

void f(int **out)
{
    int x, a[4];
    struct pair p;
    g = &x;
    gp.second = &a[2];
    p.first = &x;
    *out = p.first;
}

/* &p->second is p eight bytes on, not a copy of p: a store through it
   never writes p->first. */
void through_field_address(struct pair *p)
{
    int **second = &p->second;
    *second = 0;
}
