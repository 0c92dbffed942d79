/* verbose=1: a note for each suppressed finding, saying what silenced it, and a count for the unit. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-verbose -fplugin-arg-escape-disable=escape-caller" } */

int *g;

__attribute__((escape_suppress("escape-global"))) void by_attribute(void)
{
    int x;
    g = &x; /* { dg-message "note: suppressed by attribute 'escape_suppress': address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

void by_pragma(void)
{
    int x;
#pragma escape push
#pragma escape ignored
    g = &x; /* { dg-message "note: suppressed by '#pragma escape': address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
#pragma escape pop
}

/* The command line comes first: it is named even inside a pragma region. */
#pragma escape ignored "escape-caller"
void by_option(int **out)
{
    int x;
    *out = &x; /* { dg-message "note: suppressed by '-fplugin-arg-escape-disable': address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}
#pragma escape warning

void reported(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

/* { dg-message "note: gcc-escape: 1 finding reported, 3 suppressed" "count" { target *-*-* } 0 } */
