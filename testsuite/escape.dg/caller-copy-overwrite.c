/* A structure copied whose pointer fields are all written again right after leaves no address in the copy. */
/* { dg-do compile } */

#include <stddef.h>
#include <string.h>

char *xmemdupz(const void *p, size_t n);

/* git's diff.c: append_emitted_diff_symbol copies the symbol into the
   caller's array and gives the copy its own line; len and the flags
   beside it are integers, and carry no address. */
struct sym { const char *line; int len; int flags; unsigned id; int s; };
struct syms { struct sym *buf; int nr, alloc; };
struct opts { struct syms *emitted; };

static void append_sym(struct opts *o, struct sym *e)
{
    struct sym *f = &o->emitted->buf[o->emitted->nr++];
    memcpy(f, e, sizeof(struct sym));
    f->line = e->line ? xmemdupz(e->line, e->len) : NULL;
}

static void emit_sym(struct opts *o, int s, const char *line, int len)
{
    struct sym e = { .line = line, .len = len, .s = s };
    if (o->emitted)
        append_sym(o, &e);
}

void emit_body(struct opts *o)
{
    char line[71];
    line[0] = 'A';
    emit_sym(o, 1, line, 70); /* { dg-bogus "\\\[escape-" } */
}

/* The same copy, where one path keeps the caller's line in the copy. */
static void append_sym_shared(struct opts *o, struct sym *e, int share)
{
    struct sym *f = &o->emitted->buf[o->emitted->nr++];
    memcpy(f, e, sizeof(struct sym));
    if (!share)
        f->line = xmemdupz(e->line, e->len);
}

void emit_shared(struct opts *o, int share)
{
    char line[71];
    struct sym e = { .line = line, .len = 70 };
    append_sym_shared(o, &e, share); /* { dg-warning "address of local 'line' escapes to the caller through parameter 'o' \\\[escape-caller\\\]" } */
}

/* A structure assignment, then its one pointer written again. */
struct entry { char *name; unsigned count; };
void assign_entry(struct entry *out, const char *name)
{
    char buf[16];
    struct entry tmp = { buf, 1 };
    strncpy(buf, name, sizeof buf - 1);
    *out = tmp; /* { dg-bogus "\\\[escape-" } */
    out->name = NULL;
}

/* One path leaves the pointer copied. */
void assign_entry_kept(struct entry *out, const char *name, int keep)
{
    char buf[16];
    struct entry tmp = { buf, 1 };
    strncpy(buf, name, sizeof buf - 1);
    *out = tmp; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    if (!keep)
        out->name = NULL;
}

/* Two pointers copied, one written again: the other still holds the address. */
struct pair { char *first; char *second; };
void assign_pair(struct pair *out)
{
    char b[8];
    struct pair tmp = { NULL, b };
    *out = tmp; /* { dg-warning "address of local 'b' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    out->first = NULL;
}

/* The same, with the local in the field written again.  The copy does
   not know which of tmp's fields holds it (points-to sets are
   field-insensitive): the second pointer may as well. */
void assign_pair_first(struct pair *out)
{
    char a[8];
    struct pair tmp = { a, NULL };
    *out = tmp; /* { dg-bogus "\\\[escape-" "the source of a copy is one set for all its fields: second may hold a's address too" { xfail *-*-* } } */
    out->first = NULL;
}

/* Written again before anything reads the copy, by a call that fills it. */
void assign_then_cleared(struct pair *out)
{
    char a[8], b[8];
    struct pair tmp = { a, b };
    memcpy(out, &tmp, sizeof tmp); /* { dg-bogus "\\\[escape-" } */
    memset(out, 0, sizeof *out);
}
