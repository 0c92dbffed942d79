/* Atomic stores and exchanges of an address are stores: the address escapes like a plain store's. */
/* { dg-do compile } */

#include <stdatomic.h>

int *_Atomic ap;
int *gp;

void c11_store(void)
{
    int x;
    atomic_store(&ap, &x); /* { dg-warning "address of local 'x' escapes to global 'ap' \\\[escape-global\\\]" } */
}

void atomic_assignment(void)
{
    int x;
    ap = &x; /* { dg-warning "address of local 'x' escapes to global 'ap' \\\[escape-global\\\]" } */
}

void builtin_store(void)
{
    int x;
    __atomic_store_n(&gp, &x, __ATOMIC_SEQ_CST); /* { dg-warning "address of local 'x' escapes to global 'gp' \\\[escape-global\\\]" } */
}

int *builtin_exchange(void)
{
    int x;
    return __atomic_exchange_n(&gp, &x, __ATOMIC_SEQ_CST); /* { dg-warning "address of local 'x' escapes to global 'gp' \\\[escape-global\\\]" } */
}

void compare_exchange(void)
{
    int x;
    int *expected = 0;
    __atomic_compare_exchange_n(&gp, &expected, &x, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); /* { dg-warning "address of local 'x' escapes to global 'gp' \\\[escape-global\\\]" } */
}

/* Restored before the return: silent, as for a plain store. */
void restored(void)
{
    int x;
    int *saved = atomic_load(&ap);
    atomic_store(&ap, &x); /* { dg-bogus "\\\[escape-" } */
    atomic_store(&ap, saved);
}

/* Loading the address back is no escape. */
int load(void)
{
    int x = 1;
    int *p = &x;
    int *_Atomic local = p;
    int *q = atomic_load(&local); /* { dg-bogus "\\\[escape-" } */
    return *q;
}
