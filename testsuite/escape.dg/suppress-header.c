/* #pragma escape governs the file it is written in: not the headers it includes, nor the files including it. */
/* { dg-do compile } */

/* The region around the #include does not reach into the header ... */
#pragma escape push
#pragma escape ignored "escape-caller"
#include "suppress-header.h"
#pragma escape pop
/* { dg-warning "suppress-header.h:\[0-9\]+: warning: address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" "header region" { target *-*-* } 0 } */
/* { dg-message "file included from" "include trace" { target *-*-* } 0 } */

int *g;

/* ... and the header's ignored, never popped, does not reach out of it. */
void main_file(int **out)
{
    int x;
    header_store(); /* silenced inside the header */
    header_out(out);
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}
