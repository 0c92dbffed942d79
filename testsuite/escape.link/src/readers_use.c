/* readers_use.c - reads one of readers_leave.c's globals, writes another before reading it. */
extern int *g_read, *g_filled;

int peek_read(void)
{
    return *g_read;
}

int use_filled(void)
{
    static int zero;
    g_filled = &zero;
    return *g_filled;
}
