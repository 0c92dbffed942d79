/* A read-only table of static addresses holds those statics and nothing else. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

static int *g_p, *g_q;
static int **const table[2] = {&g_p, &g_q};
static const char *const names[2] = {"p", "q"};

void named_table(int i)
{
    int l = 0;
    *table[i] = &l; /* { dg-warning "address of local 'l' escapes to static 'g_p' \\\[escape-global\\\]" } */
}

const char *strings_hold_no_pointer(int i)
{
    const char *s = names[i];
    return s; /* { dg-bogus "escape" } */
}

/* A large constant initializer is copied from a constant-pool entry GCC
   names '*.LC0': the warning names the static it holds, never the label. */
#define TEN &g_p, &g_q, &g_p, &g_q, &g_p, &g_q, &g_p, &g_q, &g_p, &g_q

void local_initializer(int i)
{
    int m = 0;
    int **t[200] = {TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN,
                    TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN, TEN};
    *t[i] = &m; /* { dg-warning "address of local 'm' escapes to static 'g_p' \\\[escape-global\\\]" } */
}
