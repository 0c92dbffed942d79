/* Ranking by readers: level=2 shows what main leaves in a global when no
   at-exit handler reads it. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-level=2" } */

#include <stdlib.h>

int *g_last;

static void unrelated(void)
{
}

int main(void)
{
    int v = 0;
    atexit(unrelated);
    g_last = &v; /* { dg-warning "address of local 'v' escapes to global 'g_last' \\\[escape-global\\\]" } */
    /* { dg-message "nothing reads it again: 'main' leaves it in 'g_last' until exit, and no at-exit handler reads it" "" { target *-*-* } 18 } */
    return 0;
}
