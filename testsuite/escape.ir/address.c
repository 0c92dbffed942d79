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
