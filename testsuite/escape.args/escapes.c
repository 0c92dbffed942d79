/* escapes.c - one escape of each of three rules, for the disable= tests. */
int *g;

int *returned(int *p)
{
    int x = *p;
    int *q = &x;
    return q;
}

void stored_in_global(void)
{
    int y = 0;
    g = &y;
    g = &y + 0;
}

void stored_in_caller(int **out)
{
    int z = 0;
    *out = &z;
}
