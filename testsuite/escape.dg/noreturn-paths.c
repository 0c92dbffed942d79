/* A store followed by a call that never returns is no escape on that path. */
/* { dg-do compile } */

#include <setjmp.h>
#include <stdlib.h>

int *g;
jmp_buf jb;

int cond(void);
__attribute__((noreturn)) void die(const char *);

/* Silent: every path that stores the address ends without returning. */
void abort_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        abort();
    }
}

void exit_after_store(int **out)
{
    int x;
    if (cond()) {
        *out = &x; /* { dg-bogus "\\\[escape-" } */
        exit(1);
    }
}

void user_noreturn_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        die("fatal");
    }
}

void underscore_exit_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        _Exit(2);
    }
}

void longjmp_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        longjmp(jb, 1);
    }
}

void unreachable_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        __builtin_unreachable();
    }
}

void trap_after_store(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        __builtin_trap();
    }
}

/* Silent: abort on one path, reset on the other. */
void abort_or_reset(void)
{
    int x;
    g = &x; /* { dg-bogus "\\\[escape-" } */
    if (cond())
        abort();
    g = 0;
}

/* Warns: the path that does not abort returns with the address stored. */
void abort_on_other_path(int **out)
{
    int x; /* { dg-message "'x' declared here" } */
    *out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    if (!cond())
        abort();
}

void die_on_other_path(void)
{
    int x;
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
    if (cond())
        die("fatal");
}

void exit_on_one_branch_store_on_both(void)
{
    int x;
    if (cond()) {
        g = &x; /* { dg-bogus "\\\[escape-" } */
        exit(1);
    } else {
        g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
    }
}
