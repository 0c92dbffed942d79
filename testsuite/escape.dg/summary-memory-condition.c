/* Interprocedural, known noise: a callee whose path depends on a value in memory (SQLite's sqlite3StrAccumFinish, zlib's gz_read) is summarised over every path, whatever the caller stored there. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdlib.h>
#include <string.h>

/* SQLite's StrAccum: the text stays in the caller's buffer only when the
   accumulator may not allocate (max == 0); otherwise finishing copies it
   to the heap. */
struct acc { char *text; int n; int max; };

void acc_init(struct acc *a, char *base, int max)
{
    a->text = base;
    a->n = 0;
    a->max = max;
}

char *acc_finish(struct acc *a)
{
    if (a->max > 0) {
        char *copy = malloc((size_t)a->n + 1);
        if (copy)
            memcpy(copy, a->text, (size_t)a->n + 1);
        a->text = copy;
    }
    return a->text;
}

char *format(int v)
{
    char base[100];
    struct acc a;
    acc_init(&a, base, 1000);
    base[0] = (char)v;
    a.n = 1;
    return acc_finish(&a); /* { dg-bogus "\\\[escape-" "the path depends on a->max, a value in memory the caller set: summaries cover every path" { xfail *-*-* } } */
}

/* The forms the caller's path does not decide: each really returns its
   stack buffer, and any rule that silences format() must keep them. */
char *format_unlimited(int v)
{
    char base[100];
    struct acc a;
    acc_init(&a, base, 0);
    base[0] = (char)v;
    a.n = 1;
    return acc_finish(&a); /* { dg-warning "address of local 'base' escapes via the return value \\\[escape-return\\\]" } */
}

extern void acc_configure(struct acc *a);

char *format_configured(int v)
{
    char base[100];
    struct acc a;
    acc_init(&a, base, 1000);
    acc_configure(&a); /* may set a.max to 0 */
    base[0] = (char)v;
    a.n = 1;
    return acc_finish(&a); /* { dg-warning "address of local 'base' escapes via the return value \\\[escape-return\\\]" } */
}

char *format_limited(int v, int limit)
{
    char base[100];
    struct acc a;
    acc_init(&a, base, limit);
    base[0] = (char)v;
    a.n = 1;
    return acc_finish(&a); /* { dg-warning "address of local 'base' escapes via the return value \\\[escape-return\\\]" } */
}

/* SQLite's own shape: sqlite3StrAccumFinish returns p->zText as it is
   when p->mxAlloc <= 0 *or* the text is already on the heap (the
   SQLITE_PRINTF_MALLOCED bit of p->printfFlags).  The constant mxAlloc
   decides only the first: the appender in between (sqlite3_str_vappendf,
   through sqlite3StrAccumEnlarge) sets the bit, and does so only together
   with moving zText to the heap.  Silencing vmprintf needs that relation
   between two fields across calls, not a constant followed through
   memory. */
#define STR_MALLOCED 4
struct str { char *text; int n, alloc, max; unsigned char flags; };

void str_init(struct str *p, char *base, int n, int max)
{
    p->text = base;
    p->n = 0;
    p->alloc = n;
    p->max = max;
    p->flags = 0;
}

static void str_enlarge(struct str *p, int n)
{
    char *old = (p->flags & STR_MALLOCED) ? p->text : 0;
    char *grown = realloc(old, (size_t)(p->n + n + 1) * 2);
    if (grown) {
        if (!(p->flags & STR_MALLOCED))
            memcpy(grown, p->text, (size_t)p->n);
        p->text = grown;
        p->alloc = (p->n + n + 1) * 2;
        p->flags |= STR_MALLOCED;
    }
}

void str_append(struct str *p, const char *z, int n)
{
    if (p->n + n >= p->alloc)
        str_enlarge(p, n);
    if (p->n + n < p->alloc) {
        memcpy(p->text + p->n, z, (size_t)n);
        p->n += n;
    }
}

static char *str_finish_copy(struct str *p)
{
    char *text = malloc((size_t)p->n + 1);
    if (text) {
        memcpy(text, p->text, (size_t)p->n + 1);
        p->flags |= STR_MALLOCED;
    }
    p->text = text;
    return text;
}

char *str_finish(struct str *p)
{
    if (p->text) {
        p->text[p->n] = 0;
        if (p->max > 0 && !(p->flags & STR_MALLOCED))
            return str_finish_copy(p);
    }
    return p->text;
}

char *vmprintf(const char *z)
{
    char base[70];
    struct str acc;
    str_init(&acc, base, sizeof base, 1000000000);
    str_append(&acc, z, (int)strlen(z));
    return str_finish(&acc); /* { dg-bogus "\\\[escape-" "the STR_MALLOCED bit, which str_append may set, is set only with text moved to the heap: a relation between two fields across calls" { xfail *-*-* } } */
}

/* zlib's gz_read: a request smaller than the buffer is copied, a larger
   one is read straight into the caller's buffer, which stays in the
   stream.  state->size is never below 2, so one byte is always copied. */
struct state { unsigned size; unsigned char *next_out; unsigned char *out; };

static unsigned fill(struct state *s, unsigned char *buf, unsigned len)
{
    if (len < s->size) {
        memcpy(buf, s->out, len);
        return len;
    }
    s->next_out = buf;
    return len;
}

int get_char(struct state *s)
{
    unsigned char buf[1];
    return fill(s, buf, 1) < 1 ? -1 : buf[0]; /* { dg-bogus "\\\[escape-" "the path depends on s->size, a value in memory: summaries cover every path" { xfail *-*-* } } */
}
