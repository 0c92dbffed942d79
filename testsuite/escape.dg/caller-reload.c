/* A store through a pointer loaded right after it was stored: it goes where that pointer was set to point, not wherever the place pointed before. */
/* { dg-do compile } */

struct buf { char *start; };
struct file { struct buf *buffer; int fd; };
struct conf { struct file *conf_file; struct buf *spare; };

extern char *parse(struct conf *cf);
extern void touch(struct conf *cf);

/* nginx's ngx_conf_param: the buffer goes into the local conf_file, whose
   own address is taken back before the return. */
char *conf_param(struct conf *cf, char *data)
{
    struct file conf_file;
    struct buf b;
    b.start = data;
    cf->conf_file = &conf_file;
    cf->conf_file->buffer = &b;
    char *rv = parse(cf);
    cf->conf_file = 0;
    return rv;
}

/* No store before: cf->conf_file is the caller's file. */
char *conf_param_callers_file(struct conf *cf, char *data)
{
    struct buf b;
    b.start = data;
    cf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    return parse(cf);
}

/* A call in between may change what cf->conf_file holds; a call of
   another unit is trusted not to when a store through it is silenced
   (calltrust.c, framestore.c): the miss docs/limits.md states. */
char *conf_param_call_between(struct conf *cf, char *data)
{
    struct file conf_file;
    struct buf b;
    b.start = data;
    cf->conf_file = &conf_file;
    touch(cf);
    cf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" "a call this unit cannot see is trusted to leave cf->conf_file alone" { xfail *-*-* } } */
    char *rv = parse(cf);
    cf->conf_file = 0;
    return rv;
}

/* Another store in between, through a pointer that may be cf itself. */
char *conf_param_store_between(struct conf *cf, struct conf *other, char *data)
{
    struct file conf_file;
    struct buf b;
    b.start = data;
    cf->conf_file = &conf_file;
    other->conf_file = 0;
    cf->conf_file->buffer = &b; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'cf' \\\[escape-caller\\\]" } */
    char *rv = parse(cf);
    cf->conf_file = 0;
    return rv;
}
