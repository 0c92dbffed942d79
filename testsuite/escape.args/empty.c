/* empty.c - a translation unit with nothing to report, for argument tests. */
int answer(void)
{
    return 42;
}
