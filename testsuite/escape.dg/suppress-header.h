/* suppress-header.h - for suppress-header.c: a header that silences one rule for itself and never pops. */
#pragma escape ignored "escape-global"

extern int *g;

static inline void header_store(void)
{
    int x;
    g = &x;
}

static inline void header_out(int **out)
{
    int x;
    *out = &x;
}
