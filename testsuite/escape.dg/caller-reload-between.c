/* A store through a pointer read again after other statements: it goes where that pointer was set to point when nothing between can write it. */
/* { dg-do compile } */

#include <string.h>
#include <sys/stat.h>

struct buf { char *start; };
struct file { int fd; struct stat info; struct buf *spare; };
struct conf_file { struct file file; struct buf *buffer; int line; };
struct log { int level; };
struct conf { struct conf_file *conf_file; struct log *log; struct buf *scratch; };

extern char *parse(struct conf *cf);
extern void log_error(struct log *log, const char *fmt, ...);

static int helper_calls;
static void helper(void) { helper_calls++; }

/* nginx's ngx_conf_parse: fstat fills the local conf_file, a store goes
   into another field of cf and one into the local, all before the buffer
   is stored through cf->conf_file read again. */
char *conf_parse(struct conf *cf, int fd)
{
    struct conf_file *prev, conf_file;
    struct buf b, spare;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    fstat(fd, &cf->conf_file->file.info);
    memset(&spare, 0, sizeof spare);
    cf->scratch = 0;
    cf->conf_file->file.spare = &spare; /* { dg-bogus "\\\[escape-" } */
    cf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* The same across a branch whose arms write only the local. */
char *conf_parse_branch(struct conf *cf, int fd, int keep)
{
    struct conf_file *prev, conf_file;
    struct buf b, spare;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    if (keep)
        cf->conf_file->file.spare = &spare; /* { dg-bogus "\\\[escape-" } */
    else
        fstat(fd, &cf->conf_file->file.info);
    cf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* nginx logs a failed fstat with ngx_log_error_core, of another unit:
   the points-to sets do not trust it to leave cf->conf_file alone, but
   the store through cf->conf_file read again does (framestore.c with
   calltrust.c): it writes the local conf_file. */
char *conf_parse_log(struct conf *cf, int fd)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    if (fstat(fd, &cf->conf_file->file.info) == -1)
        log_error(cf->log, "fstat failed");
    cf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* A library call given cf itself may write cf->conf_file. */
char *conf_parse_memset(struct conf *cf)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    memset(cf, 0, sizeof *cf);
    cf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* A store through a pointer that may be cf->conf_file's own place. */
char *conf_parse_alias(struct conf *cf, struct conf_file **other, int fd)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    fstat(fd, &cf->conf_file->file.info);
    *other = 0;
    cf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* A function of this unit that stores no `struct conf_file *`: trusted
   to leave cf->conf_file alone (calltrust.c). */
char *conf_parse_helper(struct conf *cf)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = cf->conf_file;
    cf->conf_file = &conf_file;
    helper();
    cf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    char *rv = parse(cf);
    cf->conf_file = prev;
    return rv;
}

/* The configuration in a static: g_conf is read again for each access,
   and a store of a `struct conf_file *` does not write a `struct conf *`;
   the reset through g_conf read again undoes the first store
   (caller-undo-reloaded.c). */
struct conf *g_conf;
void conf_parse_static(void)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = g_conf->conf_file;
    g_conf->conf_file = &conf_file; /* { dg-bogus "\\\[escape-" } */
    g_conf->scratch = 0;
    g_conf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    g_conf->conf_file = prev;
}

/* Before points-to sets exist, a pointer read from a static is not known
   to stay clear of this frame's locals: fstat given the local conf_file
   may write g_conf->conf_file, for all flows.c's reload can tell; the
   refinement (framestore.c) asks again with the points-to sets. */
void conf_parse_static_fstat(int fd)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = g_conf->conf_file;
    g_conf->conf_file = &conf_file; /* { dg-bogus "\\\[escape-" } */
    fstat(fd, &g_conf->conf_file->file.info);
    g_conf->conf_file->buffer = &b; /* { dg-bogus "\\\[escape-" } */
    g_conf->conf_file = prev;
}

/* A store through a `struct conf **` may change g_conf itself: the
   buffer may go into the caller's conf_file, and the reset may miss. */
void conf_parse_static_moved(struct conf **slot)
{
    struct conf_file *prev, conf_file;
    struct buf b;
    prev = g_conf->conf_file;
    g_conf->conf_file = &conf_file; /* { dg-warning "address of local 'conf_file' escapes to memory reachable from global 'g_conf' \\\[escape-global\\\]" } */
    *slot = 0;
    g_conf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to memory reachable from global 'g_conf' \\\[escape-global\\\]" } */
    g_conf->conf_file = prev;
}
