/* C library functions that keep a pointer after they return (the library table's keeping entries): a stack address handed to them escapes. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-D_GNU_SOURCE -pthread -fplugin-arg-escape-level=2" } */

#include <aio.h>
#include <mqueue.h>
#include <pthread.h>
#include <search.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <syslog.h>
#include <threads.h>
#include <time.h>
#include <ucontext.h>

static void *worker(void *arg) { return arg; }
static int c11_worker(void *arg) { return arg != 0; }
static void at_exit_fn(int status, void *arg) { (void)status; (void)arg; }
static void coroutine(void) { }
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static cookie_io_functions_t g_cookie_funcs;
static void *g_root;
static pthread_attr_t g_attr;
static ucontext_t g_uc;
static char g_buf[64];

void lib_pthread_create(void)
{
    pthread_t t;
    int job; /* { dg-message "'job' declared here" } */
    pthread_create(&t, NULL, worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'pthread_create' that is not joined before 'lib_pthread_create' returns \\\[escape-thread\\\]" } */
}

void lib_thrd_create(void)
{
    thrd_t t;
    int job;
    thrd_create(&t, c11_worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'thrd_create' that is not joined before 'lib_thrd_create' returns \\\[escape-thread\\\]" } */
}

void lib_pthread_setspecific(pthread_key_t key)
{
    int x;
    pthread_setspecific(key, &x); /* { dg-warning "address of local 'x' escapes through argument 2 of 'pthread_setspecific', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_setvbuf(void)
{
    char buf[BUFSIZ]; /* { dg-message "'buf' declared here" } */
    /* { dg-message "flow: setvbuf \\(..., &buf, ...\\) keeps it \\(argument 2\\)" "" { target *-*-* } 0 } */
    setvbuf(stdout, buf, _IOFBF, sizeof buf); /* { dg-warning "address of local 'buf' escapes through argument 2 of 'setvbuf', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_setbuf(void)
{
    char buf[BUFSIZ];
    setbuf(stderr, buf); /* { dg-warning "address of local 'buf' escapes through argument 2 of 'setbuf', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_setbuffer(void)
{
    char buf[4096];
    setbuffer(stdout, buf, sizeof buf); /* { dg-warning "address of local 'buf' escapes through argument 2 of 'setbuffer', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_putenv(void)
{
    char s[] = "LANG=C";
    putenv(s); /* { dg-warning "address of local 's' escapes through argument 1 of 'putenv', which keeps it after returning \\\[escape-call\\\]" } */
}

FILE *lib_fmemopen(void)
{
    char buf[64] = "data";
    return fmemopen(buf, sizeof buf, "r"); /* { dg-warning "address of local 'buf' escapes through argument 1 of 'fmemopen', which keeps it after returning \\\[escape-call\\\]" } */
}

FILE *lib_fopencookie(void)
{
    int state;
    return fopencookie(&state, "r", g_cookie_funcs); /* { dg-warning "address of local 'state' escapes through argument 1 of 'fopencookie', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_openlog(void)
{
    char ident[16] = "myprog";
    openlog(ident, LOG_PID, LOG_USER); /* { dg-warning "address of local 'ident' escapes through argument 1 of 'openlog', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_on_exit(void)
{
    int status_slot;
    on_exit(at_exit_fn, &status_slot); /* { dg-warning "address of local 'status_slot' escapes through argument 2 of 'on_exit', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_initstate(void)
{
    char state[64];
    initstate(1, state, sizeof state); /* { dg-warning "address of local 'state' escapes through argument 2 of 'initstate', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_setstate(void)
{
    char state[64] = { 0 };
    setstate(state); /* { dg-warning "address of local 'state' escapes through argument 1 of 'setstate', which keeps it after returning \\\[escape-call\\\]" } */
}

static char *g_data;
static size_t g_size;

FILE *lib_open_memstream_buffer(void)
{
    char *data;
    return open_memstream(&data, &g_size); /* { dg-warning "address of local 'data' escapes through argument 1 of 'open_memstream', which keeps it after returning \\\[escape-call\\\]" } */
}

FILE *lib_open_memstream_size(void)
{
    size_t size;
    return open_memstream(&g_data, &size); /* { dg-warning "address of local 'size' escapes through argument 2 of 'open_memstream', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_aio_read(void)
{
    struct aiocb cb = { 0 };
    cb.aio_buf = g_buf;
    cb.aio_nbytes = sizeof g_buf;
    aio_read(&cb); /* { dg-warning "address of local 'cb' escapes through argument 1 of 'aio_read', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_aio_write_buffer(void)
{
    char buf[64] = "out";
    struct aiocb cb = { 0 };
    cb.aio_buf = buf;
    cb.aio_nbytes = sizeof buf;
    /* { dg-warning "address of local 'buf' escapes through argument 1 of 'aio_write', which keeps the pointers stored in what it points to \\\[escape-call\\\]" "" { target *-*-* } 0 } */
    aio_write(&cb); /* { dg-warning "address of local 'cb' escapes through argument 1 of 'aio_write', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_aio_fsync(void)
{
    struct aiocb cb = { 0 };
    aio_fsync(O_SYNC, &cb); /* { dg-warning "address of local 'cb' escapes through argument 2 of 'aio_fsync', which keeps it after returning \\\[escape-call\\\]" } */
}

void lib_lio_listio(void)
{
    struct aiocb cb = { 0 };
    struct aiocb *list[1] = { &cb };
    cb.aio_lio_opcode = LIO_READ;
    cb.aio_buf = g_buf;
    cb.aio_nbytes = sizeof g_buf;
    lio_listio(LIO_NOWAIT, list, 1, NULL); /* { dg-warning "address of local 'cb' escapes through argument 2 of 'lio_listio', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

void lib_sigaltstack(void)
{
    char stack[65536];
    stack_t ss;
    ss.ss_sp = stack;
    ss.ss_size = sizeof stack;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL); /* { dg-warning "address of local 'stack' escapes through argument 1 of 'sigaltstack', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

/* makecontext only writes into *ucp: the stack escapes when the context
   does (here by the store into a global), not because of the call. */
void lib_makecontext_global_context(void)
{
    char stack[16384];
    getcontext(&g_uc);
    g_uc.uc_stack.ss_sp = stack; /* { dg-warning "address of local 'stack' escapes to static 'g_uc' \\\[escape-global\\\]" } */
    g_uc.uc_stack.ss_size = sizeof stack;
    makecontext(&g_uc, coroutine, 0); /* { dg-bogus "\\\[escape-" } */
}

void lib_timer_create(timer_t *id)
{
    int x;
    struct sigevent sev = { 0 };
    sev.sigev_notify = SIGEV_THREAD;
    sev.sigev_value.sival_ptr = &x;
    timer_create(CLOCK_MONOTONIC, &sev, id); /* { dg-warning "address of local 'x' escapes through argument 2 of 'timer_create', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

void lib_mq_notify(mqd_t q)
{
    int x;
    struct sigevent sev = { 0 };
    sev.sigev_notify = SIGEV_THREAD;
    sev.sigev_value.sival_ptr = &x;
    mq_notify(q, &sev); /* { dg-warning "address of local 'x' escapes through argument 2 of 'mq_notify', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

void lib_epoll_ctl(int epfd, int fd)
{
    int conn_state;
    struct epoll_event ev;
    ev.events = EPOLLIN;
    ev.data.ptr = &conn_state;
    epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev); /* { dg-warning "address of local 'conn_state' escapes through argument 4 of 'epoll_ctl', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

/* An operation that is not the constant EPOLL_CTL_DEL may add or modify:
   the event is kept. */
void lib_epoll_ctl_op(int epfd, int op, int fd)
{
    int conn_state;
    struct epoll_event ev;
    ev.events = EPOLLIN;
    ev.data.ptr = &conn_state;
    epoll_ctl(epfd, op, fd, &ev); /* { dg-warning "address of local 'conn_state' escapes through argument 4 of 'epoll_ctl', which keeps the pointers stored in what it points to \\\[escape-call\\\]" } */
}

void lib_tsearch(void)
{
    int key;
    tsearch(&key, &g_root, cmp); /* { dg-warning "address of local 'key' escapes to static 'g_root' \\\[escape-global\\\]" } */
}

void lib_pthread_attr_setstack(void)
{
    char stack[65536];
    pthread_attr_setstack(&g_attr, stack, sizeof stack); /* { dg-warning "address of local 'stack' escapes to static 'g_attr' \\\[escape-global\\\]" } */
}

/* Silent: static storage handed to the same functions. */
void lib_static(void)
{
    static char buf[BUFSIZ];
    static char env[] = "LANG=C";
    setvbuf(stdout, buf, _IOFBF, sizeof buf); /* { dg-bogus "\\\[escape-" } */
    putenv(env); /* { dg-bogus "\\\[escape-" } */
    openlog("literal", LOG_PID, LOG_USER); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the stream that keeps the buffer is closed before the frame dies. */
int lib_fmemopen_closed(void)
{
    char buf[64] = "12";
    int v = 0;
    FILE *f = fmemopen(buf, sizeof buf, "r"); /* { dg-bogus "\\\[escape-" } */
    if (!f)
        return -1;
    if (fscanf(f, "%d", &v) != 1)
        v = -1;
    fclose(f);
    return v;
}

char *lib_open_memstream_closed(void)
{
    char *data;
    size_t size;
    FILE *f = open_memstream(&data, &size); /* { dg-bogus "\\\[escape-" } */
    if (!f)
        return NULL;
    fprintf(f, "%d", 42);
    fclose(f);
    return data;
}

int lib_setvbuf_closed(const char *path)
{
    char buf[BUFSIZ];
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    setvbuf(f, buf, _IOFBF, sizeof buf); /* { dg-bogus "\\\[escape-" } */
    int c = fgetc(f);
    fclose(f);
    return c;
}

/* Silent: tsearch into a tree whose root is local. */
void lib_tsearch_local_root(void)
{
    void *root = NULL;
    int key = 1;
    tsearch(&key, &root, cmp); /* { dg-bogus "\\\[escape-" } */
    tdestroy(root, free);
}

/* Silent: a coroutine on a local stack, run to its end inside the frame
   (makecontext keeps nothing: the context itself holds the stack). */
void lib_makecontext_local_context(void)
{
    ucontext_t uc, main_uc;
    char stack[16384];
    getcontext(&uc);
    uc.uc_stack.ss_sp = stack;
    uc.uc_stack.ss_size = sizeof stack;
    uc.uc_link = &main_uc;
    makecontext(&uc, coroutine, 0); /* { dg-bogus "\\\[escape-" } */
    swapcontext(&main_uc, &uc);
}

/* Silent: LIO_WAIT returns only once every request has completed. */
void lib_lio_listio_wait(void)
{
    struct aiocb cb = { 0 };
    struct aiocb *list[1] = { &cb };
    cb.aio_lio_opcode = LIO_READ;
    cb.aio_buf = g_buf;
    cb.aio_nbytes = sizeof g_buf;
    lio_listio(LIO_WAIT, list, 1, NULL); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: EPOLL_CTL_DEL ignores the event (libuv's uv__io_poll hands it
   the one epoll_wait filled in). */
void lib_epoll_ctl_del(int epfd, int fd)
{
    int conn_state;
    struct epoll_event ev;
    ev.events = EPOLLIN;
    ev.data.ptr = &conn_state;
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &ev); /* { dg-bogus "\\\[escape-" } */
}
