/* Interprocedural, must stay silent: callees (of this unit or of the C library) that use a stack address only during the call. */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct point { int x, y; };

static int g_total;
static int *g_last;

/* Callees of this unit. */
int sum(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

void fill(struct point *p)
{
    p->x = 1;
    p->y = 2;
}

void copy_into_own_local(int *p)
{
    int *mine = p;
    int *slots[2];
    slots[0] = p;
    slots[1] = mine;
    g_total += *slots[0] + *slots[1];
}

void frees_arg(void *p)
{
    free(p);
}

/* Stores the pointer in a global, and restores the global before returning. */
void uses_global_briefly(int *p)
{
    int *prev = g_last;
    g_last = p;
    g_total += *g_last;
    g_last = prev;
}

/* Stores the pointer in a global, and clears it again on every path. */
void clears_global(int *p, int c)
{
    g_last = p;
    if (c) {
        g_last = NULL;
        return;
    }
    g_total += *g_last;
    g_last = NULL;
}

/* Stores one parameter into another's memory and resets it before returning. */
void borrows_slot(int **slot, int *v)
{
    *slot = v;
    g_total += **slot;
    *slot = NULL;
}

/* Declared, not defined: nothing is known, so nothing is claimed. */
extern void unknown_external(int *p);
extern void unknown_external_pp(int **pp);

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int unit_callees(void)
{
    int a[4] = { 1, 2, 3, 4 };
    struct point pt;
    int x = 3;
    int *slot;
    int r = sum(a, 4); /* { dg-bogus "\\\[escape-" } */
    fill(&pt); /* { dg-bogus "\\\[escape-" } */
    copy_into_own_local(&x); /* { dg-bogus "\\\[escape-" } */
    uses_global_briefly(&x); /* { dg-bogus "\\\[escape-" } */
    clears_global(&x, r); /* { dg-bogus "\\\[escape-" } */
    borrows_slot(&g_last, &x); /* { dg-bogus "\\\[escape-" } */
    borrows_slot(&slot, &x); /* { dg-bogus "\\\[escape-" } */
    return r + pt.x + pt.y;
}

void heap_freed_by_callee(void)
{
    char *p = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'heap_freed_by_callee'" } */
    frees_arg(p); /* { dg-bogus "\\\[escape-" } */
}

void unknown_callees(void)
{
    int x;
    int *p = &x;
    unknown_external(&x); /* { dg-bogus "\\\[escape-" } */
    unknown_external_pp(&p); /* { dg-bogus "\\\[escape-" } */
}

/* C library functions that keep nothing. */
int library_callees(int fd, const char *src)
{
    char buf[64];
    char copy[64];
    char line[] = "a b c";
    char *save, *tok;
    int a[4] = { 4, 3, 2, 1 };
    int key = 3;
    memcpy(copy, src, 8); /* { dg-bogus "\\\[escape-" } */
    strcpy(buf, "abc"); /* { dg-bogus "\\\[escape-" } */
    printf("%s %s %p\n", buf, copy, (void *)buf); /* { dg-bogus "\\\[escape-" } */
    qsort(a, 4, sizeof a[0], cmp_int); /* { dg-bogus "\\\[escape-" } */
    int *hit = bsearch(&key, a, 4, sizeof a[0], cmp_int); /* { dg-bogus "\\\[escape-" } */
    for (tok = strtok_r(line, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) /* { dg-bogus "\\\[escape-" } */
        g_total += *tok;
    if (read(fd, buf, sizeof buf) < 0) /* { dg-bogus "\\\[escape-" } */
        return -1;
    if (write(fd, buf, sizeof buf) < 0) /* { dg-bogus "\\\[escape-" } */
        return -1;
    return hit ? *hit : 0;
}
