/* An integer field (loff_t, a counter) copied next to a pointer carries no address, in a unit that never turns an address into an integer. */
/* { dg-do compile } */

#include <stddef.h>
#include <string.h>

typedef long long loff_t;
struct file { loff_t pos; char *name; unsigned long count; };

/* The integer fields alone, copied from a structure that holds a local's address. */
void copy_position(struct file *out)
{
    char buf[8];
    struct file tmp = { 0, buf, 0 };
    tmp.pos = 5;
    out->pos = tmp.pos;     /* { dg-bogus "\\\[escape-" } */
    out->count = tmp.count; /* { dg-bogus "\\\[escape-" } */
}

/* The whole structure, its pointer written again. */
void copy_file(struct file *out)
{
    char buf[8];
    struct file tmp = { 0, buf, 0 };
    *out = tmp; /* { dg-bogus "\\\[escape-" } */
    out->name = NULL;
}

void copy_file_bytes(struct file *out)
{
    char buf[8];
    struct file tmp = { 0, buf, 0 };
    memcpy(out, &tmp, sizeof tmp); /* { dg-bogus "\\\[escape-" } */
    out->name = NULL;
}

/* The pointer written again on one path only. */
void copy_file_kept(struct file *out, int keep)
{
    char buf[8];
    struct file tmp = { 0, buf, 0 };
    memcpy(out, &tmp, sizeof tmp); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    if (!keep)
        out->name = NULL;
}
