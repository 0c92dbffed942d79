/* cycle_c.c - closes the cycle back to cycle_a.c; hop_c keeps the pointer at the end. */
void hop_a(int *p, int n);
void calm_a(int *p, int n);

static int *saved;

void hop_c(int *p, int n)
{
    if (n > 0)
        hop_a(p, n - 1);
    else
        saved = p;
}

void calm_c(int *p, int n)
{
    if (n > 0)
        calm_a(p, n - 1);
    else
        *p = 1;
}
