/* cycle_b.c - the middle of the cycle: passes the pointer on. */
void hop_c(int *p, int n);
void calm_c(int *p, int n);

void hop_b(int *p, int n)
{
    hop_c(p, n);
}

void calm_b(int *p, int n)
{
    calm_c(p, n);
}
