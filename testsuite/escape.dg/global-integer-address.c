/* An address converted to an integer as wide as a pointer, and offsets of it, still escapes; other integers never carry one. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdint.h>

uintptr_t g_cookie;
intptr_t g_offset;
unsigned g_narrow;

intptr_t returned(void)
{
    char buf[16];
    return (intptr_t)buf; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

void stored(void)
{
    int x;
    g_cookie = (uintptr_t)&x; /* { dg-warning "address of local 'x' escapes to global 'g_cookie' \\\[escape-global\\\]" } */
}

void offset(void)
{
    int x[4];
    uintptr_t c = (uintptr_t)x;
    g_cookie = c + 8; /* { dg-warning "address of local 'x' escapes to global 'g_cookie'" } */
}

void converted_again(void)
{
    int x;
    uintptr_t c = (uintptr_t)&x;
    g_offset = (intptr_t)c - 4; /* { dg-warning "address of local 'x' escapes to global 'g_offset'" } */
}

void through_a_loop(int n)
{
    int x[8];
    uintptr_t c = (uintptr_t)x;
    for (int i = 0; i < n; i++)
        c += sizeof x[0];
    g_cookie = c; /* { dg-warning "address of local 'x' escapes to global 'g_cookie'" } */
}

/* A hash, a mask, a difference of two addresses, a narrow integer: no address. */
void hashed(void)
{
    int x;
    g_cookie = (uintptr_t)&x >> 4; /* { dg-bogus "\\\[escape-" } */
}

void masked(void)
{
    int x;
    g_cookie = (uintptr_t)&x & 0xfff; /* { dg-bogus "\\\[escape-" } */
}

void difference(void)
{
    int a[4], b[4];
    g_offset = (intptr_t)&a[2] - (intptr_t)&b[0]; /* { dg-bogus "\\\[escape-" } */
}

void narrow(void)
{
    int x;
    g_narrow = (unsigned)(uintptr_t)&x; /* { dg-bogus "\\\[escape-" } */
}

/* Overwritten before the return, as for a pointer. */
void restored(void)
{
    int x;
    uintptr_t saved = g_cookie;
    g_cookie = (uintptr_t)&x; /* { dg-bogus "\\\[escape-" } */
    g_cookie = saved;
}
