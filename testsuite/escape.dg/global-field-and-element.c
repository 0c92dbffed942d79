/* Storing a stack address into a field or element of a global. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

struct rec { int *p; int *arr[4]; int v; };

struct rec gs;
int *garr[8];
struct rec gtab[4];
int g_int;

void field(void)
{
    int x; /* { dg-message "'x' declared here" } */
    gs.p = &x; /* { dg-warning "address of local 'x' escapes to global 'gs' \\\[escape-global\\\]" } */
}

void element(int i)
{
    int x;
    garr[i] = &x; /* { dg-warning "address of local 'x' escapes to global 'garr' \\\[escape-global\\\]" } */
}

void element_of_field(void)
{
    int x;
    gs.arr[2] = &x; /* { dg-warning "address of local 'x' escapes to global 'gs' \\\[escape-global\\\]" } */
}

void field_of_element(int i)
{
    int x;
    int *p = &x;
    gtab[i].p = p; /* { dg-warning "address of local 'x' escapes to global 'gtab' \\\[escape-global\\\]" } */
}

void whole_struct(void)
{
    int x;
    struct rec r;
    r.p = &x; /* { dg-message "flow: r.p = &x \\(store\\)" } */
    r.v = 0;
    gs = r; /* { dg-warning "address of local 'x' escapes to global 'gs' \\\[escape-global\\\]" } */
}

void static_local_field(void)
{
    int x;
    static struct rec cache;
    cache.arr[1] = &x; /* { dg-warning "address of local 'x' escapes to static 'cache' \\\[escape-global\\\]" } */
}

/* Silent: values and static addresses stored into the same places. */
void values(int i)
{
    int x = 1;
    int *p = &x;
    gs.v = *p; /* { dg-bogus "\\\[escape-" } */
    garr[i] = &g_int; /* { dg-bogus "\\\[escape-" } */
    gtab[i].p = gs.p; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a local copy of a global struct is not the global. */
void local_copy(void)
{
    int x;
    struct rec r = gs;
    r.p = &x; /* { dg-bogus "\\\[escape-" } */
    g_int = *r.p;
}
