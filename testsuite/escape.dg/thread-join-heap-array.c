/* Threads whose handles are in an array the function allocated, created in one loop and joined in another. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }

/* git's t/helper/test-trace2.c: every thread joined. */
int joined_all(int n)
{
    int data = 0;
    pthread_t *ids = calloc(n, sizeof *ids);
    for (int k = 0; k < n; k++)
        if (pthread_create(&ids[k], NULL, work, &data)) /* { dg-bogus "\\\[escape-" } */
            abort();
    for (int k = 0; k < n; k++)
        if (pthread_join(ids[k], NULL))
            abort();
    free(ids);
    return data;
}

/* Joined only when asked: the other path returns with the threads running. */
int joined_sometimes(int n, int wait)
{
    int data = 0;
    pthread_t *ids = calloc(n, sizeof *ids);
    for (int k = 0; k < n; k++)
        if (pthread_create(&ids[k], NULL, work, &data)) /* { dg-warning "address of local 'data' is handed to a new thread by 'pthread_create' that is not joined before 'joined_sometimes' returns \\\[escape-thread\\\]" } */
            abort();
    if (wait)
        for (int k = 0; k < n; k++)
            pthread_join(ids[k], NULL);
    free(ids);
    return data;
}

/* An array from somewhere else may hold other handles: joining those proves nothing. */
int joined_elsewhere(int n, pthread_t *ids, pthread_t *others)
{
    int data = 0;
    for (int k = 0; k < n; k++)
        if (pthread_create(&ids[k], NULL, work, &data)) /* { dg-warning "address of local 'data' is handed to a new thread" } */
            abort();
    for (int k = 0; k < n; k++)
        pthread_join(others[k], NULL);
    return data;
}
