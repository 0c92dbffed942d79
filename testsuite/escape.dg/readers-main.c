/* Ranking by readers: main's locals live until exit, so only an at-exit
   handler can read what it leaves in a global.  Without one, the finding
   is left for level 2 (readers-main-level2.c). */
/* { dg-do compile } */

int *g_last;

int main(void)
{
    int v = 0;
    g_last = &v; /* { dg-bogus "escape" } */
    return 0;
}
