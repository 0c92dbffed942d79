/* registry.c - keeps what it is given in a static table: the other half of use.c. */
struct item;

static struct item *registry[16];
static int count;

void registry_add(struct item *it)
{
    registry[count++ % 16] = it;
}

/* Reads its argument and keeps nothing. */
int item_peek(const char *s)
{
    int n = 0;
    while (s[n])
        n++;
    return n;
}
