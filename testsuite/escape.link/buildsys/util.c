/* util.c - warns at compile time as well: last_seed returns a local's address. */
int *last_seed(int seed)
{
    int copy = seed;
    return &copy; /* COMPILE-WARNING escape-return */
}

int checksum(int seed)
{
    return seed * 31 + 7;
}
