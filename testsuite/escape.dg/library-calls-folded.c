/* Library calls that GCC folds into plain copies must still carry the address, at every -O. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdlib.h>
#include <string.h>

int *g;

/* memcpy of one pointer becomes an integer copy,
   MEM <unsigned long> [&g] = VIEW_CONVERT_EXPR <unsigned long> (p). */
void memcpy_pointer_to_global(void)
{
    int x;
    int *p = &x;
    memcpy(&g, &p, sizeof p); /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

void memcpy_pointer_to_out(int **out)
{
    int x;
    int *p = &x;
    memcpy(out, &p, sizeof p); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* Control: the same copy of an array of pointers is still seen. */
void memcpy_array_to_out(int **out)
{
    int y;
    int *arr[1] = { &y };
    memcpy(out, arr, sizeof arr); /* { dg-warning "address of local 'y' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}
