/* readers_leave.c - leaves stack addresses in globals that other files may read (readers_use.c):
   only gcc-escape link sees whether one does. */
int *g_read;   /* readers_use.c reads it */
int *g_filled; /* readers_use.c writes it before reading it */
int *g_unread; /* nothing reads it */

void leave_read(void)
{
    int x = 1;
    g_read = &x; /* LINK-WARNING escape-global */
}

void leave_filled(void)
{
    int y = 2;
    g_filled = &y; /* LINK-LEVEL2 escape-global */
}

void leave_unread(void)
{
    int z = 3;
    g_unread = &z; /* LINK-LEVEL2 escape-global */
}
