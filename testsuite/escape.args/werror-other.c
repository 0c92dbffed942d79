/* werror-other.c - one escape-global finding beside one GCC warning (-Wunused-variable), for werror.exp. */
int *g;

void stored_in_global(void)
{
    int y = 0;
    int unused;
    g = &y;
}
