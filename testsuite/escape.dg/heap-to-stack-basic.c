/* heap-to-stack: small constant-size allocations that never leave the function are suggested. */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The example: a message buffer, freed on the way out. */
int format_message(int id)
{
    char *msg = malloc(64); /* { dg-warning "64-byte heap allocation never outlives 'format_message' and is freed on every path; a stack array would do \\\[heap-to-stack\\\]" } */
    if (!msg)
        return -1;
    snprintf(msg, 64, "id=%d", id);
    puts(msg);
    free(msg); /* { dg-message "freed here; a stack array needs no 'free'" } */
    return 0;
}

/* Never freed: the message says it leaks. */
size_t leaks(const char *s)
{
    char *copy = malloc(32); /* { dg-warning "32-byte heap allocation never outlives 'leaks' and is never freed \\(a leak\\)" } */
    if (!copy)
        return 0;
    strncpy(copy, s, 31);
    copy[31] = 0;
    return strlen(copy);
}

/* Sizes folded from local constants and sizeof, as the compiler would. */
struct point { double x, y; };

double folded(void)
{
    int n = 4;
    size_t bytes = n * sizeof(struct point);
    struct point *pts = malloc(bytes); /* { dg-warning "64-byte heap allocation never outlives 'folded'" } */
    if (pts == NULL)
        return 0;
    memset(pts, 0, bytes);
    double sum = pts[0].x + pts[3].y;
    free(pts); /* { dg-message "freed here" } */
    return sum;
}

static const size_t table_size = 48;

int from_const_global(void)
{
    int *t = malloc(table_size); /* { dg-warning "48-byte heap allocation never outlives 'from_const_global'" } */
    if (!t)
        return 0;
    t[0] = 1;
    int r = t[0];
    free(t);
    return r;
}

int with_calloc(void)
{
    int *v = calloc(4, sizeof(int)); /* { dg-warning "16-byte heap allocation never outlives 'with_calloc'" } */
    if (!v)
        return 0;
    int r = v[2];
    free(v);
    return r;
}

int with_aligned_alloc(void)
{
    long *v = aligned_alloc(16, 32); /* { dg-warning "32-byte heap allocation never outlives 'with_aligned_alloc'" } */
    if (!v)
        return 0;
    v[1] = 2;
    long r = v[1];
    free(v);
    return (int)r;
}

/* strdup of a literal: its length plus the NUL. */
size_t with_strdup(void)
{
    char *s = strdup("hello"); /* { dg-warning "6-byte heap allocation never outlives 'with_strdup'" } */
    if (!s)
        return 0;
    size_t n = strlen(s);
    free(s);
    return n;
}

/* strndup copies at most N bytes plus the NUL, whatever the string. */
size_t with_strndup(const char *name)
{
    char *s = strndup(name, 15); /* { dg-warning "16-byte heap allocation never outlives 'with_strndup'" } */
    if (!s)
        return 0;
    size_t n = strlen(s);
    free(s);
    return n;
}

/* Freed only when not null: the null edge needs no free. */
void free_if_not_null(void)
{
    char *p = malloc(24); /* { dg-warning "24-byte heap allocation never outlives 'free_if_not_null' and is freed on every path" } */
    if (p != NULL) {
        p[0] = 0;
        free(p);
    }
}

/* Several frees, one per path: a note at each. */
int two_exits(int c)
{
    char *p = malloc(40); /* { dg-warning "40-byte heap allocation never outlives 'two_exits' and is freed on every path" } */
    if (!p)
        return -1;
    if (c) {
        free(p); /* { dg-message "freed here" } */
        return 1;
    }
    p[0] = (char)c;
    free(p); /* { dg-message "freed here" } */
    return 0;
}

/* A heap pointer kept in a local struct, freed through it. */
struct holder { char *buf; int len; };

int held_in_local(void)
{
    struct holder h;
    h.buf = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'held_in_local'" } */
    if (!h.buf)
        return 0;
    h.len = 16;
    memset(h.buf, 0, h.len);
    free(h.buf);
    return h.len;
}

/* An abort on failure ends the frame's story: no free is needed there. */
void aborts(int c)
{
    char *p = malloc(8); /* { dg-warning "8-byte heap allocation never outlives 'aborts' and is freed on every path" } */
    if (!p)
        abort();
    if (c)
        abort();
    free(p);
}
