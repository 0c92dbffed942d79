/* heap-to-stack: only constant sizes from 1 byte to the limit (1024 by default) are suggested. */
/* { dg-do compile } */
/* GCC itself warns about the calloc that wraps, at -O0 only. */
/* { dg-options "-Wno-alloc-size-larger-than" } */

#include <stdlib.h>
#include <string.h>

void variable(size_t n)
{
    char *p = malloc(n); /* { dg-bogus "heap-to-stack" } */
    if (p)
        memset(p, 0, n);
    free(p);
}

void over_the_limit(void)
{
    char *p = malloc(4096); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

void at_the_limit(void)
{
    char *p = malloc(1024); /* { dg-warning "1024-byte heap allocation never outlives 'at_the_limit'" } */
    free(p);
}

void one_over(void)
{
    char *p = malloc(1025); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

void zero(void)
{
    char *p = malloc(0); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

void calloc_over(void)
{
    int *p = calloc(512, sizeof(int)); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

/* The size depends on the path: not one constant. */
void either(int c)
{
    size_t n = c ? 16 : 32;
    char *p = malloc(n); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

/* A size that overflows is not a size. */
void wraps(void)
{
    char *p = calloc((size_t)1 << 62, 8); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

/* strdup of a string that is not a literal: unknown size. */
void dup_unknown(const char *s)
{
    char *p = strdup(s); /* { dg-bogus "heap-to-stack" } */
    free(p);
}

/* A loop changes the size: not a constant. */
void grown(int k)
{
    size_t n = 8;
    for (int i = 0; i < k; i++)
        n *= 2;
    char *p = malloc(n); /* { dg-bogus "heap-to-stack" } */
    free(p);
}
