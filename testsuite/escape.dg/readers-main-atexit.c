/* Ranking by readers: an at-exit handler that reads the global main
   leaves its local's address in makes the finding level 1. */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

static int *g_count;

static void report(void)
{
    printf("%d\n", *g_count); /* { dg-message "read again by 'report' \\(readers-main-atexit.c:12\\) without a write before it" } */
}

int main(void)
{
    int count = 0; /* { dg-message "'count' declared here" } */
    g_count = &count; /* { dg-warning "address of local 'count' escapes to static 'g_count' \\\[escape-global\\\]" } */
    atexit(report);
    return count;
}
