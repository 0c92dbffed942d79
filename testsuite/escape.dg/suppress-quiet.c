/* Without verbose, a suppressed finding leaves no trace: no warning, no note, no count. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-disable=escape-caller" } */

int *g;

__attribute__((escape_suppress)) void by_attribute(void)
{
    int x;
    g = &x; /* { dg-bogus "escape" } */
}

void by_pragma(void)
{
    int x;
#pragma escape push
#pragma escape ignored
    g = &x; /* { dg-bogus "escape" } */
#pragma escape pop
}

void by_option(int **out)
{
    int x;
    *out = &x; /* { dg-bogus "escape" } */
}

/* { dg-bogus "gcc-escape" "no count" { target *-*-* } 0 } */
