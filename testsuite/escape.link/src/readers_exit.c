/* readers_exit.c - the at-exit handler readers_main.c registers. */
#include <stdio.h>

extern int *g_exit_read;

void report(void)
{
    printf("%d\n", *g_exit_read);
}
