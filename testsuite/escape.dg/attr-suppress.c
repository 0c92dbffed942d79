/* __attribute__((escape_suppress)) silences a function's findings: every rule, or the rules named. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

int *g;

/* No arguments: every rule. */
__attribute__((escape_suppress)) int *all_rules(int **out)
{
    int x;
    g = &x;     /* { dg-bogus "\\\[escape-" } */
    *out = &x;  /* { dg-bogus "\\\[escape-" } */
    return &x; /* { dg-bogus "\\\[escape-" } */
}

/* One rule: the others still warn. */
__attribute__((escape_suppress("escape-global"))) int *one_rule(int **out)
{
    int x;
    g = &x;    /* { dg-bogus "\\\[escape-" } */
    *out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    return &x; /* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" } */
}

/* Several rules in one attribute, or in several. */
__attribute__((escape_suppress("escape-global", "escape-return"))) int *two_rules(int **out)
{
    int x;
    g = &x;    /* { dg-bogus "\\\[escape-" } */
    *out = &x; /* { dg-warning "\\\[escape-caller\\\]" } */
    return &x; /* { dg-bogus "\\\[escape-" } */
}

__attribute__((escape_suppress("escape-global")))
__attribute__((escape_suppress("escape-caller"))) int *
two_attributes(int **out)
{
    int x;
    g = &x;    /* { dg-bogus "\\\[escape-" } */
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    return &x; /* { dg-warning "\\\[escape-return\\\]" } */
}

/* On a prototype, it holds for the definition that follows. */
void declared_first(void) __attribute__((escape_suppress));
void declared_first(void)
{
    int x;
    g = &x; /* { dg-bogus "\\\[escape-" } */
}

/* The C2x spelling goes to the same attribute. */
[[gnu::escape_suppress("escape-global")]] void standard_syntax(void)
{
    int x;
    g = &x; /* { dg-bogus "\\\[escape-" } */
}

/* Only the function it is on: its neighbours still warn. */
void unannotated(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}
