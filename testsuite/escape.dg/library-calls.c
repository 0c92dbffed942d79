/* C library calls: which ones carry a stack address out, and which keep nothing. */
/* { dg-do compile } */
/* { dg-options "-Wno-return-local-addr" } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void unknown_external(int *);
extern void unknown_external_pp(int **);

/* memcpy of an array of pointers to locals into the caller's memory. */
void memcpy_pointers_into_out(int ***out)
{
    int x; /* { dg-message "'x' declared here" } */
    int *arr[1];
    arr[0] = &x; /* { dg-message "flow: arr\\\[0\\\] = &x \\(store\\)" } */
    memcpy(*out, arr, sizeof arr); /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void memmove_pointers_into_out(int **out)
{
    int y;
    int *arr[1];
    arr[0] = &y;
    memmove(out, arr, sizeof arr); /* { dg-warning "address of local 'y' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* Functions that return a pointer into their argument. */
char *strchr_of_local(void)
{
    char buf[16] = "hello";
    return strchr(buf, 'l'); /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

char *strchr_through_variable(void)
{
    char buf[16] = "hello";
    char *p = strchr(buf, 'e'); /* { dg-message "flow: p = strchr \\(&buf, ...\\) \\(returns a pointer into argument 1\\)" } */
    return p; /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

char *strcpy_of_local(const char *s)
{
    char buf[16];
    return strcpy(buf, s); /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

char *memcpy_of_local(const char *s)
{
    char buf[16];
    return memcpy(buf, s, 4); /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

void memset_result_into_out(char **out)
{
    char buf[8];
    char *p = memset(buf, 0, sizeof buf);
    *out = p; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* strtol stores a pointer into its string argument in *endptr. */
void strtol_endptr(char **end)
{
    char buf[8] = "12ab";
    strtol(buf, end, 10); /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'end' \\\[escape-caller\\\]" } */
}

/* Silent: these callees keep nothing. */
static int cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

void qsort_local(void)
{
    int a[4] = { 3, 1, 2, 0 };
    qsort(a, 4, sizeof a[0], cmp); /* { dg-bogus "\\\[escape-" } */
}

void printf_address(void)
{
    int x = 1;
    printf("%p %d\n", (void *)&x, x); /* { dg-bogus "\\\[escape-" } */
}

void unknown_callee(void)
{
    int x;
    int *p = &x;
    unknown_external(&x); /* { dg-bogus "\\\[escape-" } */
    unknown_external_pp(&p); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: only character data is copied into the caller's memory. */
void memcpy_chars_into_out(char *out)
{
    char buf[8] = "abcdefg";
    memcpy(out, buf, sizeof buf); /* { dg-bogus "\\\[escape-" } */
}

void strcpy_into_out(char **out)
{
    char buf[8] = "abc";
    strcpy(*out, buf); /* { dg-bogus "\\\[escape-" } */
}

void sprintf_address(char *out)
{
    int x;
    sprintf(out, "%p", (void *)&x); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a fresh heap copy of a local buffer. */
char *strdup_of_local(const char *s)
{
    char buf[16];
    strncpy(buf, s, sizeof buf - 1);
    buf[15] = 0;
    return strdup(buf); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a pointer into a local buffer used only locally. */
int strchr_used_locally(void)
{
    char buf[8] = "abc";
    char *p = strchr(buf, 'b');
    return p ? *p : 0; /* { dg-bogus "\\\[escape-" } */
}

size_t snprintf_then_strlen(void)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", 42);
    return strlen(buf); /* { dg-bogus "\\\[escape-" } */
}
