/* cycle_a.c - one third of a cycle of calls across three files (cycle_b.c, cycle_c.c). */
void hop_b(int *p, int n);
void calm_b(int *p, int n);

void hop_a(int *p, int n)
{
    if (n > 0)
        hop_b(p, n - 1);
}

void start_cycle(void)
{
    int v = 0;
    hop_a(&v, 3); /* LINK-WARNING escape-call: hop_c stores it, two files away */
}

void calm_a(int *p, int n)
{
    if (n > 0)
        calm_b(p, n - 1);
}

void start_calm(void)
{
    int w = 0;
    calm_a(&w, 3); /* silent: no function of the cycle keeps it */
}
