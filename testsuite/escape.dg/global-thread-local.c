/* Storing a stack address into a thread-local variable. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

void *malloc(__SIZE_TYPE__);

_Thread_local int *tl;
__thread char *tl_gnu;
static _Thread_local int tl_val;

void c11_thread_local(void)
{
    int x; /* { dg-message "'x' declared here" } */
    tl = &x; /* { dg-warning "address of local 'x' escapes to thread-local 'tl' \\\[escape-global\\\]" } */
}

void gnu_thread(void)
{
    char buf[16];
    char *p = buf; /* { dg-message "flow: p = &buf \\(address-of\\)" } */
    tl_gnu = p; /* { dg-warning "address of local 'buf' escapes to thread-local 'tl_gnu' \\\[escape-global\\\]" } */
}

void static_thread_local_in_function(void)
{
    int x;
    static __thread int *per_thread;
    per_thread = &x; /* { dg-warning "address of local 'x' escapes to thread-local 'per_thread' \\\[escape-global\\\]" } */
}

/* Silent: thread-local storage and heap memory do outlive the frame. */
void tls_address(void)
{
    tl = &tl_val; /* { dg-bogus "\\\[escape-" } */
}

void heap_address(void)
{
    tl = malloc(sizeof *tl); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: cleared again before the return. */
void scoped(void)
{
    int x;
    tl = &x; /* { dg-bogus "\\\[escape-" } */
    *tl = 1;
    tl = 0;
}
