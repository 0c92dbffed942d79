/* constants.c - tests of a parameter (a switch, a comparison) and calls with constant arguments. */
static int *slot;

__attribute__((noinline)) static void put(int *p, int mode)
{
    switch (mode) {
    case 1:
    case 5:
        slot = p;
        break;
    default:
        break;
    }
    if (mode > 7)
        slot = 0;
}

void f(int m)
{
    int x;
    put(&x, 2);
    put(&x, m);
}
