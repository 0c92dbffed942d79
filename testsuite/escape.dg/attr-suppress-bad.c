/* A wrong escape_suppress is a -Wattributes warning naming the bad value, and is ignored entirely. */
/* { dg-do compile } */

int *g;

void unknown_rule(void) __attribute__((escape_suppress("escape-globl"))); /* { dg-warning "unknown rule 'escape-globl' in attribute 'escape_suppress'; valid rules: escape-return, escape-global, escape-caller, escape-heap" } */
void unknown_rule(void)
{
    int x;
    g = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

/* One bad id drops the good ones too: nothing is half-applied. */
void one_bad(void) __attribute__((escape_suppress("escape-global", "escape-bogus"))); /* { dg-warning "unknown rule 'escape-bogus' in attribute 'escape_suppress'" } */
void one_bad(void)
{
    int x;
    g = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

void not_a_string(void) __attribute__((escape_suppress(1))); /* { dg-warning "argument 1 of attribute 'escape_suppress' is not a rule id string; valid rules: escape-return" } */
void not_a_string(void)
{
    int x;
    g = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

void wide_string(void) __attribute__((escape_suppress("escape-global", L"escape-global"))); /* { dg-warning "argument 2 of attribute 'escape_suppress' is not a rule id string" } */

void empty_string(void) __attribute__((escape_suppress(""))); /* { dg-warning "unknown rule '' in attribute 'escape_suppress'" } */

int on_a_variable __attribute__((escape_suppress)); /* { dg-warning "'escape_suppress' attribute only applies to functions" } */

struct on_a_field {
    int f __attribute__((escape_suppress)); /* { dg-warning "'escape_suppress' attribute only applies to functions" } */
};

void on_a_parameter(int p __attribute__((escape_suppress))); /* { dg-warning "'escape_suppress' attribute only applies to functions" } */
