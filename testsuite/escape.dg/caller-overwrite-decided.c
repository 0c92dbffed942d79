/* A default stored, then overwritten under tests the path has already decided: every feasible path overwrites it. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error. */

char *strdup(const char *);
struct opts { char *name; int level; };
extern void bump(struct opts *);

/* Both tests are of the same unchanged parameter: one of the two
   overwrites runs on every path. */
void set_name(struct opts *dst, const char *given)
{
    char buf[16] = "default";
    dst->name = buf;
    if (given)
        dst->name = strdup(given);
    if (!given)
        dst->name = strdup(buf);
}

/* The same through a flag computed from a parameter, with the tests
   in the other order and something in between. */
void set_level_name(struct opts *dst, int level)
{
    char buf[16] = "quiet";
    int loud = level > 3;
    dst->name = buf;
    dst->level = level;
    if (!loud)
        dst->name = strdup(buf);
    dst->level++;
    if (loud)
        dst->name = strdup("loud");
}

/* The second test is not the first's complement: a path with given
   NULL and n == 0 keeps buf. */
void set_name_sometimes(struct opts *dst, const char *given, int n)
{
    char buf[16] = "default";
    dst->name = buf; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'dst' \\\[escape-caller\\\]" } */
    if (given)
        dst->name = strdup(given);
    if (!given && n > 0)
        dst->name = strdup(buf);
}

/* A flag read from memory may change in between: when src->level is 0
   at first and bump() sets it, buf stays. */
void set_name_from(struct opts *dst, struct opts *src)
{
    char buf[16] = "default";
    dst->name = buf; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'dst' \\\[escape-caller\\\]" } */
    if (src->level)
        dst->name = strdup("x");
    bump(src);
    if (!src->level)
        dst->name = strdup(buf);
}
