/* Pointers into a parameter's pointee (the caller's memory) never warn. */
/* { dg-do compile } */

struct rec { int *p; char buf[16]; struct rec *next; };

int *element(int *a)
{
    return &a[3]; /* { dg-bogus "\\\[escape-" } */
}

char *member_array(struct rec *p)
{
    return p->buf; /* { dg-bogus "\\\[escape-" } */
}

char *member_element(struct rec *p, int i)
{
    return &p->buf[i]; /* { dg-bogus "\\\[escape-" } */
}

int **member_address(struct rec *p)
{
    return &p->p; /* { dg-bogus "\\\[escape-" } */
}

int *loaded(int **pp)
{
    return *pp; /* { dg-bogus "\\\[escape-" } */
}

int *member_value_of_struct_param(struct rec s)
{
    return s.p; /* { dg-bogus "\\\[escape-" } */
}

char *argv_element(char **argv)
{
    return argv[1]; /* { dg-bogus "\\\[escape-" } */
}

char *end_of_string(struct rec *p)
{
    char *b = p->buf;
    while (*b)
        b++;
    return b; /* { dg-bogus "\\\[escape-" } */
}

int *chosen(int *a, int c)
{
    int *p = c ? &a[1] : &a[2];
    return p; /* { dg-bogus "\\\[escape-" } */
}

struct rec *next_of_next(struct rec *p)
{
    return p->next->next; /* { dg-bogus "\\\[escape-" } */
}

void store_into_other_param(int **out, int *a, struct rec *r)
{
    *out = a + 1; /* { dg-bogus "\\\[escape-" } */
    r->next = r; /* { dg-bogus "\\\[escape-" } */
    r->p = (int *)r->buf; /* { dg-bogus "\\\[escape-" } */
}
