/* heap-to-stack: nothing that may outlive the function, or reach unknown code, is suggested. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g_last;
uintptr_t g_cookie;

char *returned(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    return p;
}

void stored_in_global(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    g_last = p;
}

void out_param(char **out)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    *out = p;
}

struct box { char *data; };

/* Stored in a heap object that is returned. */
struct box *in_escaping_heap(void)
{
    struct box *b = malloc(sizeof *b); /* { dg-bogus "heap-to-stack" } */
    if (!b)
        return 0;
    b->data = malloc(16); /* { dg-bogus "heap-to-stack" } */
    return b;
}

/* Stored in a heap object that stays local: both could be stack arrays. */
int in_local_heap(void)
{
    struct box *b = malloc(sizeof *b); /* { dg-warning "8-byte heap allocation never outlives 'in_local_heap'" } */
    if (!b)
        return 0;
    b->data = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'in_local_heap'" } */
    int r = b->data != 0;
    free(b->data);
    free(b);
    return r;
}

/* A function nothing is known about may keep it. */
void consume(char *p);

void unknown_callee(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    consume(p);
    free(p);
}

/* ... even when it gets only a struct that holds it. */
void consume_box(struct box *b);

void unknown_callee_deep(void)
{
    struct box b;
    b.data = malloc(16); /* { dg-bogus "heap-to-stack" } */
    consume_box(&b);
    free(b.data);
}

/* A function pointer nothing is known about, too. */
void through_pointer(void (*fn)(char *))
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    fn(p);
    free(p);
}

/* This unit's function that only reads it: fine. */
static int checksum(const char *p, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += p[i];
    return s;
}

int own_reader(void)
{
    char *p = malloc(32); /* { dg-warning "32-byte heap allocation never outlives 'own_reader'" } */
    if (!p)
        return 0;
    memset(p, 1, 32);
    int s = checksum(p, 32);
    free(p);
    return s;
}

/* This unit's function that keeps it: not fine. */
static void remember(char *p)
{
    g_last = p;
}

void own_keeper(void)
{
    char *p = malloc(32); /* { dg-bogus "heap-to-stack" } */
    remember(p);
}

/* The C library keeps setvbuf's buffer. */
void library_keeper(FILE *f)
{
    char *buf = malloc(512); /* { dg-bogus "heap-to-stack" } */
    setvbuf(f, buf, _IOFBF, 512);
}

/* A thread may outlive the frame, joined or not. */
static void *worker(void *arg)
{
    return arg;
}

void handed_to_thread(void)
{
    pthread_t t;
    char *p = malloc(64); /* { dg-bogus "heap-to-stack" } */
    if (pthread_create(&t, 0, worker, p) == 0)
        pthread_join(t, 0);
    free(p);
}

/* The address as an integer can go anywhere. */
void as_integer(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    g_cookie = (uintptr_t)p;
    free(p);
}

/* Copied into a global byte by byte. */
void copied_out(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    memcpy(&g_last, &p, sizeof p);
}

/* Handed to inline assembly. */
void to_asm(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    __asm__ volatile("" : : "r"(p) : "memory");
    free(p);
}

/* An extra argument of a variadic function of this unit: its summary
   covers the named parameters only. */
static void log_all(const char *fmt, ...)
{
    (void)fmt;
}

void variadic_extra(void)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    log_all("%s", p);
    free(p);
}

/* The library functions that keep nothing are fine. */
size_t library_reader(const char *src)
{
    char *p = malloc(100); /* { dg-warning "100-byte heap allocation never outlives 'library_reader'" } */
    if (!p)
        return 0;
    snprintf(p, 100, "%s", src);
    size_t n = strlen(p);
    printf("%s\n", p);
    free(p);
    return n;
}
