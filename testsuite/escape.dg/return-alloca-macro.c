/* Returning 'alloca' memory obtained through <alloca.h>'s alloca macro. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */
/* alloca is a macro from a system header; the warning and its notes
   belong on the user's line, as for GCC's own warnings.  */

#include <alloca.h>

void *direct(void)
{
    return alloca(16); /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}

char *through_copy(int n)
{
    char *p = alloca(n); /* { dg-message "memory allocated by 'alloca' here" } */
    return p; /* { dg-warning "address of 'alloca' memory escapes via the return value \\\[escape-return\\\]" } */
}
