/* #pragma escape push/ignored/warning/pop silences findings between the directives, by position. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

/* One global per store, so no store is overwritten by the next. */
int *g1, *g2, *g3, *g4;

/* One statement wrapped: the next one warns again. */
void one_statement(void)
{
    int x;
#pragma escape push
#pragma escape ignored "escape-global"
    g1 = &x; /* { dg-bogus "\\\[escape-" } */
#pragma escape pop
    g2 = &x; /* { dg-warning "address of local 'x' escapes to global 'g2' \\\[escape-global\\\]" } */
}

/* A region over whole functions; only the rule named. */
#pragma escape push
#pragma escape ignored "escape-global"
void in_region(int **out)
{
    int x;
    g1 = &x;   /* { dg-bogus "\\\[escape-" } */
    *out = &x; /* { dg-warning "\\\[escape-caller\\\]" } */
}
#pragma escape pop

void after_region(void)
{
    int x;
    g1 = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

/* ignored without a rule: every rule. */
#pragma escape push
#pragma escape ignored
int *every_rule(int **out)
{
    int x;
    g1 = &x;   /* { dg-bogus "\\\[escape-" } */
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    return &x; /* { dg-bogus "\\\[escape-" } */
}
#pragma escape pop

/* Several rules, separated by commas; warning brings them back. */
#pragma escape push
#pragma escape ignored "escape-global", "escape-return"
int *two_rules(void)
{
    int x;
    g1 = &x; /* { dg-bogus "\\\[escape-" } */
#pragma escape warning "escape-return"
    g2 = &x; /* { dg-bogus "\\\[escape-" } */
#pragma escape warning
    g3 = &x;   /* { dg-warning "\\\[escape-global\\\]" } */
    return &x; /* { dg-warning "\\\[escape-return\\\]" } */
}
#pragma escape pop

/* Nested push/pop restores the outer state. */
void nested(void)
{
    int x;
#pragma escape push
#pragma escape ignored "escape-global"
#pragma escape push
#pragma escape warning "escape-global"
    g1 = &x; /* { dg-warning "\\\[escape-global\\\]" } */
#pragma escape pop
    g2 = &x; /* { dg-bogus "\\\[escape-" } */
#pragma escape pop
    g3 = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

/* _Pragma in a macro wraps one statement: the order of the expansion's
   tokens decides, as for #pragma GCC diagnostic. */
#define QUIETLY(stmt)                                                                              \
    _Pragma("escape push") _Pragma("escape ignored \"escape-global\"") stmt;                       \
    _Pragma("escape pop")

void wrapped_by_macro(void)
{
    int x;
    QUIETLY(g1 = &x); /* { dg-bogus "\\\[escape-" } */
    g2 = &x;          /* { dg-warning "\\\[escape-global\\\]" } */
}

/* A finding inside a macro's expansion is governed where the macro is
   used, not where it is defined. */
#define STORE(g, p) g = (p)
void in_macro_expansion(void)
{
    int x;
#pragma escape push
#pragma escape ignored
    STORE(g1, &x); /* { dg-bogus "\\\[escape-" } */
#pragma escape pop
}

/* ignored without push lasts to the end of the file. */
#pragma escape ignored "escape-return"
int *to_the_end(void)
{
    int x;
    return &x; /* { dg-bogus "\\\[escape-" } */
}
