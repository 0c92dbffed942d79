/* A library function that glibc's headers define inline when optimizing is summarised like any other. */
/* { dg-do compile } */
/* Pinned to -O2 (it overrides dg.exp's -O level): glibc's <stdlib.h>
   defines bsearch as an extern inline function when __OPTIMIZE__ is set
   (not at -Os), so at -O1 to -O3 the translation unit itself differs and
   the call goes to a body in this unit instead of the library table.  At
   -O0 and -Os the model reports it; at -O1 to -O3 the inline body's
   summary (its result points into argument 2) does.  */
/* { dg-options "-O2 -Wno-return-local-addr" } */

#include <stdlib.h>

void *bsearch_into_local(const int *key)
{
    int a[4] = { 1, 2, 3, 4 };
    void *r = bsearch(key, a, 4, sizeof a[0], 0);
    return r; /* { dg-warning "address of local 'a' escapes via the return value \\\[escape-return\\\]" } */
}

