/* release.c - frees what it is given. */
#include <stdlib.h>

void item_release(char *s)
{
    free(s);
}
