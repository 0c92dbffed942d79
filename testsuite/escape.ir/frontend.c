/* frontend.c - returns the C front end erases before GIMPLE, kept as facts outside the CFG. */
int *f(void)
{
    int x;
    return &x; /* { dg-bogus "" "the IR test compiles with -w" } */
}

char *g(void)
{
    char buf[8];
    return buf + 2;
}
