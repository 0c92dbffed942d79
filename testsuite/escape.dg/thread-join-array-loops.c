/* Threads whose handles are in an array from another unit's allocator, created in one counted loop and joined in another. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdlib.h>

/* git's xcalloc, behind CALLOC_ARRAY: nothing says what it returns. */
extern void *xcalloc(size_t n, size_t size);
extern void die(const char *fmt, ...) __attribute__((noreturn));
extern int stop_early(void);

struct counters {
    int count, delay;
};

static void *work(void *arg) { return arg; }

/* The count comes back through an out-parameter, so both loops load it. */
static int get_i(int *out, const char *s)
{
    *out = atoi(s);
    return *out < 0;
}

/* git's t/helper/test-trace2.c ut_101timer: every thread created is joined. */
int joined_all(const char *arg)
{
    struct counters data = {0, 0};
    int nr_threads = 0;
    int k;
    pthread_t *pids = NULL;
    if (get_i(&nr_threads, arg))
        die("usage");
    pids = xcalloc(nr_threads, sizeof(*pids));
    for (k = 0; k < nr_threads; k++) {
        if (pthread_create(&pids[k], NULL, work, &data)) /* { dg-bogus "\\\[escape-" } */
            die("failed to create thread[%d]", k);
    }
    for (k = 0; k < nr_threads; k++) {
        if (pthread_join(pids[k], NULL))
            die("failed to join thread[%d]", k);
    }
    free(pids);
    return data.count;
}

/* A path returns between the loops with the threads running. */
int returns_between(const char *arg)
{
    struct counters data = {0, 0};
    int nr_threads = 0;
    int k;
    pthread_t *pids = NULL;
    if (get_i(&nr_threads, arg))
        die("usage");
    pids = xcalloc(nr_threads, sizeof(*pids));
    for (k = 0; k < nr_threads; k++) {
        if (pthread_create(&pids[k], NULL, work, &data)) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'returns_between' returns \\\[escape-thread\\\]" } */
            die("failed to create thread[%d]", k);
    }
    if (stop_early())
        return -1;
    for (k = 0; k < nr_threads; k++)
        pthread_join(pids[k], NULL);
    free(pids);
    return data.count;
}

/* The second loop joins the threads of another array. */
int joins_other_array(const char *arg)
{
    struct counters data = {0, 0};
    int nr_threads = 0;
    int k;
    if (get_i(&nr_threads, arg))
        die("usage");
    pthread_t *pids = xcalloc(nr_threads, sizeof(*pids));
    pthread_t *others = xcalloc(nr_threads, sizeof(*others));
    for (k = 0; k < nr_threads; k++)
        if (pthread_create(&pids[k], NULL, work, &data)) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'joins_other_array' returns \\\[escape-thread\\\]" } */
            die("failed to create thread[%d]", k);
    for (k = 0; k < nr_threads; k++)
        pthread_join(others[k], NULL);
    free(pids);
    free(others);
    return data.count;
}

/* The second loop joins one thread fewer: the last one outlives the frame. */
int joins_fewer(const char *arg)
{
    struct counters data = {0, 0};
    int nr_threads = 0;
    int k;
    if (get_i(&nr_threads, arg))
        die("usage");
    pthread_t *pids = xcalloc(nr_threads, sizeof(*pids));
    for (k = 0; k < nr_threads; k++)
        if (pthread_create(&pids[k], NULL, work, &data)) /* { dg-warning "address of local 'data' is handed to a new thread" "a join anywhere in a loop counts for the whole loop: its bound is not compared with the create loop's (docs/limits.md)" { xfail *-*-* } } */
            die("failed to create thread[%d]", k);
    for (k = 0; k < nr_threads - 1; k++)
        pthread_join(pids[k], NULL);
    free(pids);
    return data.count;
}
