/* __attribute__((noescape)) on a pointer parameter: a definition that keeps the promise is silent, one that breaks it is warned at the statement that lets the pointer go, and callers of a noescape function that keeps its promise stay silent. */
/* { dg-do compile } */
/* { dg-options "-Wno-attributes -pthread" } */

#include <pthread.h>
#include <stdio.h>

int *g;
static int g_total;

/* Keeps the promise: reads through p, copies the value, stores into *p. */
int sum_noescape(__attribute__((noescape)) const int *p, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += p[i];
    g_total += s;
    return s;
}

void fill_noescape(__attribute__((noescape)) int *p)
{
    *p = 42;
}

/* Keeps the promise: stores in a global and restores it before returning. */
void borrow_noescape(__attribute__((noescape)) int *p)
{
    int *prev = g;
    g = p;
    g_total += *g;
    g = prev;
}

/* Breaks the promise, each in one of the ways a summary records. */
void stores_global(__attribute__((noescape)) int *p)
{
    g = p; /* { dg-warning "parameter 'p' is declared noescape but is stored in global 'g' \\\[escape-noescape\\\]" } */
}

void stores_through_other_param(__attribute__((noescape)) int *p, int **q)
{
    *q = p; /* { dg-warning "parameter 'p' is declared noescape but is stored in memory reachable from parameter 'q' \\\[escape-noescape\\\]" } */
}

void kept_by_library(__attribute__((noescape)) char *buf)
{
    setvbuf(stdout, buf, _IOFBF, 512); /* { dg-warning "parameter 'buf' is declared noescape but is kept by 'setvbuf' after the call \\\[escape-noescape\\\]" } */
}

static void *worker(void *arg) { return arg; }

void handed_to_thread(__attribute__((noescape)) int *p)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, p); /* { dg-warning "parameter 'p' is declared noescape but is handed to a new thread by 'pthread_create' \\\[escape-noescape\\\]" } */
    pthread_detach(t);
}

static int *g_saved;
void keep(int *p) { g_saved = p; }

void kept_by_callee(__attribute__((noescape)) int *p)
{
    keep(p); /* { dg-warning "parameter 'p' is declared noescape but is kept by 'keep' after the call \\\[escape-noescape\\\]" } */
}

/* A prototype with the attribute; the definition below keeps the promise. */
void visit(__attribute__((noescape)) int *p);

/* Declared only: the attribute is all there is to go by. */
extern void external_noescape(__attribute__((noescape)) int *p);

int call_sum(void)
{
    int a[3] = { 1, 2, 3 };
    return sum_noescape(a, 3); /* { dg-bogus "\\\[escape-" } */
}

void call_visit(void)
{
    int x = 0;
    visit(&x); /* { dg-bogus "\\\[escape-" } */
    fill_noescape(&x); /* { dg-bogus "\\\[escape-" } */
    borrow_noescape(&x); /* { dg-bogus "\\\[escape-" } */
    external_noescape(&x); /* { dg-bogus "\\\[escape-" } */
}

void visit(__attribute__((noescape)) int *p)
{
    g_total += *p;
}
