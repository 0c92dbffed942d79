/* Functions with several returns: GCC merges them into one unlocated return; the notes still end at the source return. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdlib.h>

int cond(void);

int *early_return(void)
{
    int x = 0; /* { dg-message "'x' declared here" } */
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    if (cond())
        return 0; /* { dg-bogus "\\\[escape-" } */
    return p; /* { dg-message "flow: return p \\(return\\)" } */
}
/* The warning itself sits on the return too; one directive per line, so
   it is matched by its unique text anywhere in the file.  */
/* { dg-warning "address of local 'x' escapes via the return value \\\[escape-return\\\]" "" { target *-*-* } 0 } */

struct node {
    struct node *next;
    int v;
};

struct node *wrap_checked(void)
{
    int local = 7;
    struct node *h = malloc(sizeof *h);
    if (!h)
        return NULL;
    h->next = (struct node *)&local; /* { dg-warning "address of local 'local' is stored in heap memory that is returned \\\[escape-heap\\\]" } */
    return h; /* { dg-message "flow: return h \\(return\\)" } */
}
