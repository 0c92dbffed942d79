/* A thread a `start` helper creates into a struct, joined by a `stop` helper of the same file given a pointer to it. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdlib.h>

extern void *xmalloc(size_t size);
extern void other(void);
extern int failed(void);

struct pool {
    int *state;
    pthread_t thread;
    int running;
};

static void *work(void *arg) { return arg; }

static void start(struct pool *p, int *state)
{
    p->state = state;
    if (pthread_create(&p->thread, NULL, work, p))
        abort();
}

static void stop(struct pool *p)
{
    pthread_join(p->thread, NULL);
}

/* Joins only when the pool says it runs: a value in memory, unknown here. */
static void stop_if_running(struct pool *p)
{
    if (p->running)
        pthread_join(p->thread, NULL);
}

int started_and_stopped(void)
{
    int state = 0;
    struct pool p;
    start(&p, &state); /* { dg-bogus "\\\[escape-" } */
    other();
    stop(&p);
    return state;
}

/* Created here, stopped by the helper. */
int created_here_stopped(void)
{
    int state = 0;
    struct pool p;
    if (pthread_create(&p.thread, NULL, work, &state)) /* { dg-bogus "\\\[escape-" } */
        return -1;
    other();
    stop(&p);
    return state;
}

/* A pool on the heap: &state, stored in it, reaches the thread through it. */
int heap_pool_stopped(void)
{
    int state = 0;
    struct pool *p = malloc(sizeof *p);
    if (!p)
        return -1;
    start(p, &state); /* { dg-bogus "\\\[escape-" } */
    other();
    stop(p);
    free(p);
    return state;
}

int heap_pool_not_stopped(void)
{
    int state = 0;
    struct pool *p = malloc(sizeof *p);
    if (!p)
        return -1;
    start(p, &state); /* { dg-warning "address of local 'state' is stored in heap memory that is handed to a new thread by 'start' \\\[escape-heap\\\]" } */
    other();
    free(p);
    return state;
}

/* A pool from another unit's allocator: the same pointer goes to both. */
int other_unit_pool_stopped(void)
{
    int state = 0;
    struct pool *p = xmalloc(sizeof *p);
    if (pthread_create(&p->thread, NULL, work, &state)) /* { dg-bogus "\\\[escape-" } */
        abort();
    other();
    stop(p);
    free(p);
    return state;
}

/* One path returns before the stop. */
int returns_before_stop(void)
{
    int state = 0;
    struct pool p;
    start(&p, &state); /* { dg-warning "address of local 'p' is handed to a new thread by 'start' that is not joined before 'returns_before_stop' returns \\\[escape-thread\\\]" } */
    if (failed())
        return -1;
    stop(&p);
    return state;
}

/* The helper does not join on every path. */
int stopped_sometimes(void)
{
    int state = 0;
    struct pool p;
    p.running = 1;
    start(&p, &state); /* { dg-warning "address of local 'p' is handed to a new thread by 'start' that is not joined before 'stopped_sometimes' returns \\\[escape-thread\\\]" } */
    other();
    stop_if_running(&p);
    return state;
}

/* Another pool is stopped. */
int stops_another(void)
{
    int state = 0;
    struct pool *p = xmalloc(sizeof *p), *q = xmalloc(sizeof *q);
    if (pthread_create(&p->thread, NULL, work, &state)) /* { dg-warning "address of local 'state' is handed to a new thread by 'pthread_create' that is not joined before 'stops_another' returns \\\[escape-thread\\\]" } */
        abort();
    stop(q);
    free(p);
    free(q);
    return state;
}
