/* readers_main.c - main leaves its locals' addresses in globals; its at-exit handler,
   defined in readers_exit.c, reads one of them. */
#include <stdlib.h>

int *g_exit_read;
int *g_exit_unread;

void report(void);

int main(void)
{
    int a = 1, b = 2;
    g_exit_read = &a;   /* LINK-WARNING escape-global */
    g_exit_unread = &b; /* LINK-LEVEL2 escape-global */
    atexit(report);
    return a + b;
}
