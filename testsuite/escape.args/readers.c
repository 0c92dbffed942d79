/* readers.exp: one stale address read again, one nothing reads. */
static int *g_read;
static int *g_unread;

void leave_read(void)
{
    int x = 1;
    g_read = &x;
}

int read_it(void)
{
    return *g_read;
}

void leave_unread(void)
{
    int y = 2;
    g_unread = &y;
}
