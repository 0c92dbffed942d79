/* A wrong #pragma escape is a -Wpragmas warning naming the directive and what is valid, and is ignored. */
/* { dg-do compile } */

int *g;

#pragma escape /* { dg-warning "missing directive after '#pragma escape'; valid directives: push, pop, ignored \\\[\"RULE\", ...\\\], warning \\\[\"RULE\", ...\\\]" } */
#pragma escape ignore /* { dg-warning "unknown directive 'ignore' after '#pragma escape'; valid directives: push, pop, ignored" } */
#pragma escape "escape-global" /* { dg-warning "missing directive after '#pragma escape'" } */
#pragma escape pop /* { dg-warning "'#pragma escape pop' without a matching '#pragma escape push'" } */
#pragma escape push now /* { dg-warning "junk at end of '#pragma escape push'" } */
#pragma escape pop again /* { dg-warning "junk at end of '#pragma escape pop'" } */
#pragma escape ignored escape_global /* { dg-warning "expected a rule id string in '#pragma escape ignored'; valid rules: escape-return, escape-global, escape-caller, escape-heap" } */
#pragma escape ignored "escape-globl" /* { dg-warning "unknown rule 'escape-globl' in '#pragma escape ignored'; valid rules: escape-return, escape-global, escape-caller, escape-heap" } */
#pragma escape ignored "escape-return" "escape-global" /* { dg-warning "unknown rule 'escape-returnescape-global' in '#pragma escape ignored': adjacent strings are joined, separate rule ids with commas; valid rules: escape-return" } */
#pragma escape ignored "escape-global", /* { dg-warning "expected a rule id string in '#pragma escape ignored'" } */
#pragma escape ignored "escape-global" x /* { dg-warning "expected ',' or the end of the line after a rule id in '#pragma escape ignored'" } */
#pragma escape ignored "escape-global", "escape-bogus" /* { dg-warning "unknown rule 'escape-bogus' in '#pragma escape ignored'" } */
#pragma escape warning L"escape-global" /* { dg-warning "expected a rule id string in '#pragma escape warning'" } */

/* None of them took effect. */
void still_warns(void)
{
    int x;
    g = &x; /* { dg-warning "\\\[escape-global\\\]" } */
}

/* -Wpragmas is what turns them off, as for GCC's own pragmas. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma escape bogus /* { dg-bogus "bogus" } */
#pragma GCC diagnostic pop
