/* verbose=1, like Go's -m: a note with the verdict on every address-taken local, pointer parameter and allocation. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-verbose" } */

#include <stdlib.h>
#include <string.h>

int *g, *g2;
struct node { int *p; struct node *next; };

int *leaks(int *to_static, /* { dg-message "note: parameter 'to_static' leaks to static storage" } */
           int *to_result, /* { dg-message "note: parameter 'to_result' leaks to the result" } */
           int **out,      /* { dg-message "note: parameter 'out' does not escape" } */
           int *stored,    /* { dg-message "note: parameter 'stored' leaks into what parameter 'out' points to" } */
           struct node *n, /* { dg-message "note: the pointers stored in what parameter 'n' point to leak to static storage" } */
           char *freed,    /* { dg-message "note: parameter 'freed' may be freed" } */
           const char *read_only) /* { dg-message "note: parameter 'read_only' does not escape" } */
{
    g = to_static;
    *out = stored;
    g2 = n->p;
    free(freed);
    if (read_only[0])
        return 0;
    return to_result;
}

int locals(int k)
{
    int kept; /* { dg-message "note: local 'kept' does not escape" } */
    int gone; /* { dg-message "note: local 'gone' escapes to global 'g'" } */
    int *lit = (int[]){1, 2}; /* { dg-message "note: compound literal does not escape" } */
    int vla[k]; /* { dg-message "note: variable-length array 'vla' does not escape" } */
    int *p = &kept;
    g = &gone; /* { dg-warning "address of local 'gone' escapes to global 'g' \\\[escape-global\\\]" } */
    vla[0] = *p + lit[1];
    return vla[0];
}

size_t allocations(size_t n)
{
    char *small = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'allocations'" } */
    /* { dg-message "note: 16-byte heap allocation could be a stack array" "" { target *-*-* } 42 } */
    char *sized = malloc(n); /* { dg-message "note: allocation stays on the heap: size not constant" } */
    size_t r = n + (small != 0) + (sized != 0);
    free(small);
    free(sized);
    return r;
}
