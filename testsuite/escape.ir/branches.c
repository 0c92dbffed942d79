/* branches.c - a PHI of two addresses, a test against an address and a null test. */
#include <stdlib.h>

char *pick(int c)
{
    char buf[16];
    char *p = c ? buf : malloc(32);
    if (p == buf)
        p = malloc(16);
    if (!p)
        return 0;
    return p;
}
