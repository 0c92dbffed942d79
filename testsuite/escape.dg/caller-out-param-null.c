/* An out-parameter that may be NULL, filled in only when it is not and rebased before the return: nothing is left in it. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error. */

double strtod(const char *, char **);
long strtol(const char *, char **, int);
void *memcpy(void *, const void *, __SIZE_TYPE__);

/* strtod fills *endptr only when endptr is not NULL; the rebase runs
   on that edge and moves it into s. */
double parse_number(const char *s, __SIZE_TYPE__ n, char **endptr)
{
    char buf[64];
    if (n > 63)
        n = 63;
    memcpy(buf, s, n);
    buf[n] = 0;
    double d = strtod(buf, endptr);
    if (endptr)
        *endptr = (char *)s + (*endptr - buf);
    return d;
}

/* The same with the library call's end kept aside, and the test written
   as a comparison. */
long parse_long(const char *s, char **endptr)
{
    char buf[32];
    memcpy(buf, s, 31);
    buf[31] = 0;
    long v = strtol(buf, endptr, 10);
    if (endptr == 0)
        return v;
    *endptr = (char *)s + (*endptr - buf);
    return v;
}

/* One path with endptr set skips the rebase. */
double parse_number_lazy(const char *s, char **endptr, int exact)
{
    char buf[64];
    memcpy(buf, s, 63);
    buf[63] = 0;
    double d = strtod(buf, endptr); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'endptr' \\\[escape-caller\\\]" } */
    if (endptr && exact)
        *endptr = (char *)s + (*endptr - buf);
    return d;
}

/* The pointer is not the parameter's own value: the one of a later
   iteration is NULL after a store through an earlier one, which no
   rebase undid; the loop's only exit is on that NULL. */
void parse_ends(char ***ends, int clear)
{
    char buf[16];
    memcpy(buf, "1", 2);
    for (int i = 0;; i++) {
        char **end = ends[i];
        strtol(buf, end, 10); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'ends'" } */
        if (!end)
            break;
        if (clear)
            *end = 0;
    }
}
