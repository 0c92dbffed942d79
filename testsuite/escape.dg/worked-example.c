/* The worked example at the top of core/analysis/escape.c, checked note by note. */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
    struct node *next;
};
struct node *g_list;

void f(struct node **out)
{
    struct node a, b; /* { dg-message "'a' declared here" } */
    struct node *p = &a; /* { dg-message "flow: p = &a \\(address-of\\)" } */
    a.next = &b; /* { dg-bogus "\\\[escape-" } */
    struct node *h = malloc(sizeof *h); /* { dg-message "heap memory allocated by 'malloc' here" } */
    h->next = p; /* { dg-warning "address of local 'a' is stored in heap memory that escapes to the caller through parameter 'out' \\\[escape-heap\\\]" } */
    *out = h; /* { dg-message "flow: \\*out = h \\(store\\)" } */
    g_list = &b; /* { dg-bogus "\\\[escape-" } */
    g_list = 0;
}
