/* An undo under the same test as the store, or under a test of the place itself, is an undo on every path that stored. */
/* { dg-do compile } */

extern void __escape_dump_stores(void);

struct conf_file { char *buffer; };
struct conf { struct conf_file *conf_file; };
int parse(struct conf *cf);

/* nginx's ngx_conf_parse: the same unchanged parameter guards both. */
int same_flag(struct conf *cf, const char *filename)
{
    struct conf_file f, *prev = 0;
    if (filename) {
        prev = cf->conf_file;
        cf->conf_file = &f; /* { dg-bogus "\\\[escape-" } */
    }
    int rv = parse(cf);
    if (filename)
        cf->conf_file = prev;
    return rv;
}

/* The undo needs one more condition: the path with keep set skips it. */
int skipped_undo(struct conf *cf, const char *filename, int keep)
{
    struct conf_file f, *prev = 0;
    if (filename) {
        prev = cf->conf_file;
        cf->conf_file = &f; /* { dg-warning "address of local 'f' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    }
    int rv = parse(cf);
    if (filename && !keep)
        cf->conf_file = prev;
    return rv;
}

/* A flag computed from a parameter: the lowering records it as a test of the parameter. */
int derived_flag(struct conf *cf, int n)
{
    struct conf_file f;
    struct conf_file *prev = cf->conf_file;
    int verbose = n > 3;
    if (verbose)
        cf->conf_file = &f; /* { dg-bogus "\\\[escape-" } */
    int rv = parse(cf);
    if (verbose)
        cf->conf_file = prev;
    return rv;
}

struct info { unsigned long *sizep; };
int fill(struct info *oi);

/* git's loose_object_info: the place is tested against the address. */
int place_tested(struct info *oi)
{
    unsigned long scratch;
    if (!oi->sizep)
        oi->sizep = &scratch; /* { dg-message "store into 'oi->sizep' \\(line 60\\): undone on every path to a return \\(place-tested: " } */
    int status = fill(oi);
    if (oi->sizep == &scratch)
        oi->sizep = 0;
    __escape_dump_stores();
    return status;
}

struct ostate { void *dir; };
void clear_dir(void *d);

/* git's unpack_trees: the undo under a test that the place is set. */
int place_nonnull(struct ostate *o, int keep)
{
    int dir;
    if (!keep)
        o->dir = &dir; /* { dg-bogus "\\\[escape-" } */
    int rc = fill(0);
    if (o->dir) {
        clear_dir(o->dir);
        o->dir = 0;
    }
    return rc;
}

/* A test against another pointer says nothing about ours. */
int other_test(struct info *oi, unsigned long *other)
{
    unsigned long scratch;
    oi->sizep = &scratch; /* { dg-warning "address of local 'scratch' escapes to the caller through parameter 'oi' \\\[escape-caller\\\]" } */
    int status = fill(oi);
    if (oi->sizep == other)
        oi->sizep = 0;
    return status;
}

/* A flag read from memory may change in between (parse may set it): no correlation. */
struct flagged { struct conf_file *conf_file; int verbose; };
int parse_flagged(struct flagged *cf);
int memory_flag(struct flagged *cf)
{
    struct conf_file f;
    struct conf_file *prev = cf->conf_file;
    if (cf->verbose)
        cf->conf_file = &f; /* { dg-warning "address of local 'f' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    int rv = parse_flagged(cf);
    if (cf->verbose)
        cf->conf_file = prev;
    return rv;
}

/* A test made before the store says nothing about what the place holds after it. */
int tested_before(struct info *oi)
{
    unsigned long scratch;
    unsigned long *old = oi->sizep;
    oi->sizep = &scratch; /* { dg-warning "address of local 'scratch' escapes to the caller through parameter 'oi' \\\[escape-caller\\\]" } */
    int status = fill(oi);
    if (old)
        oi->sizep = old;
    return status;
}
