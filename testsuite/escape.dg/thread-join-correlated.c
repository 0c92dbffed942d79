/* A thread created and joined under the same unchanged test: the path that skips the join cannot follow the create. */
/* { dg-do compile } */
/* { dg-options "-pthread" } */
#include <pthread.h>

extern void *worker(void *);
extern void work(void);

/* git's do_read_index: created when ext && nr > 1, joined when ext. */
int joined_under_same_test(int nr, int ext)
{
    pthread_t t;
    int data = 0;
    if (ext && nr > 1) {
        if (pthread_create(&t, 0, worker, &data))
            return -1;
    }
    work();
    if (ext)
        pthread_join(t, 0);
    return data;
}

/* A flag computed once from the parameters guards both. */
int joined_under_flag(int nr)
{
    pthread_t t;
    int data = 0;
    int threaded = nr > 1;
    if (threaded)
        pthread_create(&t, 0, worker, &data);
    work();
    if (threaded)
        pthread_join(t, 0);
    return data;
}

/* Joined under another test: when `other` is 0 the thread outlives the frame. */
int joined_under_other_test(int nr, int ext, int other)
{
    pthread_t t;
    int data = 0;
    if (ext && nr > 1) {
        if (pthread_create(&t, 0, worker, &data)) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'joined_under_other_test' returns \\\[escape-thread\\\]" } */
            return -1;
    }
    work();
    if (other)
        pthread_join(t, 0);
    return data;
}

/* The flag changes between the create and the join. */
int flag_changed(int nr)
{
    pthread_t t;
    int data = 0;
    int threaded = nr > 1;
    if (threaded)
        pthread_create(&t, 0, worker, &data); /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'flag_changed' returns \\\[escape-thread\\\]" } */
    work();
    threaded = nr > 2;
    if (threaded)
        pthread_join(t, 0);
    return data;
}

/* git's read-cache.c do_read_index as it is: the test's value comes from a
   call inside the create's branch, and reaches the join's test through a
   PHI (0 on the path that created nothing). */
extern unsigned long read_offset(const char *m);
extern int thread_count(int *n);
extern void load_entries(int threads);
extern void *load_extensions(void *);
extern void die(const char *why) __attribute__((noreturn));

struct load {
    pthread_t thread;
    unsigned long offset;
};

int offset_from_call(const char *m)
{
    struct load p;
    unsigned long offset = 0;
    int nr_threads;
    if (thread_count(&nr_threads))
        nr_threads = 1;
    if (nr_threads > 1) {
        offset = read_offset(m);
        if (offset) {
            p.offset = offset;
            if (pthread_create(&p.thread, 0, load_extensions, &p)) /* { dg-bogus "\\\[escape-" } */
                die("create");
            nr_threads--;
        }
    }
    if (offset && nr_threads > 1)
        load_entries(nr_threads);
    work();
    if (offset) {
        if (pthread_join(p.thread, 0))
            die("join");
    } else {
        load_extensions(&p);
    }
    return 0;
}

/* The offset is reset on a path between the create and the join. */
int offset_reset(const char *m, int again)
{
    struct load p;
    unsigned long offset = 0;
    int nr_threads;
    if (thread_count(&nr_threads))
        nr_threads = 1;
    if (nr_threads > 1) {
        offset = read_offset(m);
        if (offset) {
            p.offset = offset;
            if (pthread_create(&p.thread, 0, load_extensions, &p)) /* { dg-warning "address of local 'p' is handed to a new thread by 'pthread_create' that is not joined before 'offset_reset' returns \\\[escape-thread\\\]" } */
                die("create");
        }
    }
    if (again)
        offset = 0;
    work();
    if (offset)
        pthread_join(p.thread, 0);
    return 0;
}

/* Joined under another value read the same way. */
int other_offset(const char *m)
{
    struct load p;
    unsigned long offset = 0, other = 0;
    offset = read_offset(m);
    other = read_offset(m);
    if (offset) {
        if (pthread_create(&p.thread, 0, load_extensions, &p)) /* { dg-warning "address of local 'p' is handed to a new thread by 'pthread_create' that is not joined before 'other_offset' returns \\\[escape-thread\\\]" } */
            die("create");
    }
    work();
    if (other)
        pthread_join(p.thread, 0);
    return 0;
}

/* The same shape with an int, converted from the call's result. */
int int_offset(const char *m)
{
    struct load p;
    int offset = 0;
    if (m) {
        offset = (int)read_offset(m);
        if (offset) {
            if (pthread_create(&p.thread, 0, load_extensions, &p)) /* { dg-bogus "\\\[escape-" } */
                die("create");
        }
    }
    work();
    if (offset)
        pthread_join(p.thread, 0);
    return 0;
}

/* A flag set when the create succeeds (issue 16's `if (started)`). */
int started_flag(int n)
{
    pthread_t t;
    int data = 0;
    int started = 0;
    if (n > 1 && pthread_create(&t, 0, worker, &data) == 0) /* { dg-bogus "\\\[escape-" } */
        started = 1;
    work();
    if (started)
        pthread_join(t, 0);
    return data;
}

/* The flag is set on the failing path too. */
int started_always(int n)
{
    pthread_t t;
    int data = 0;
    int started = 0;
    if (n > 1) {
        pthread_create(&t, 0, worker, &data); /* { dg-bogus "\\\[escape-" } */
        started = 1;
    }
    work();
    if (started)
        pthread_join(t, 0);
    return data;
}

/* The flag is cleared again on one path: that path returns with the thread running. */
int started_cleared(int n, int detach)
{
    pthread_t t;
    int data = 0;
    int started = 0;
    if (n > 1 && pthread_create(&t, 0, worker, &data) == 0) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'started_cleared' returns \\\[escape-thread\\\]" } */
        started = 1;
    if (detach)
        started = 0;
    work();
    if (started)
        pthread_join(t, 0);
    return data;
}

/* Set in a loop's first round, cleared in the next: the join after the loop does not happen. */
int started_in_loop(int n)
{
    pthread_t t;
    int data = 0;
    int started = 0;
    for (int i = 0; i < n; i++) {
        started = 0;
        if (i == 0 && pthread_create(&t, 0, worker, &data) == 0) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'started_in_loop' returns \\\[escape-thread\\\]" } */
            started = 1;
        work();
    }
    if (started)
        pthread_join(t, 0);
    return data;
}
