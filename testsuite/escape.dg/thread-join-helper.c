/* A thread joined by a helper of this file that joins the handle it is given on every path. */
/* { dg-do compile } */

#include <pthread.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }

/* git's tloop_join. */
static int join_helper(pthread_t t)
{
    void *r;
    return pthread_join(t, &r);
}

/* Joins only when told to. */
static int join_if(pthread_t t, int wait)
{
    if (wait)
        return pthread_join(t, 0);
    return 0;
}

/* git's tloop_spawnwait_tasks, and its caller bidirectional_transfer_loop. */
static int spawn_wait(int *s)
{
    pthread_t t;
    if (pthread_create(&t, NULL, work, s))
        abort();
    return join_helper(t);
}

int spawn_and_join(void)
{
    int state = 0;
    return spawn_wait(&state); /* { dg-bogus "\\\[escape-" } */
}

int joined_by_helper(void)
{
    int state = 0;
    pthread_t t;
    if (pthread_create(&t, NULL, work, &state)) /* { dg-bogus "\\\[escape-" } */
        return -1;
    return join_helper(t);
}

int joined_sometimes(int wait)
{
    int state = 0;
    pthread_t t;
    if (pthread_create(&t, NULL, work, &state)) /* { dg-warning "address of local 'state' is handed to a new thread by 'pthread_create' that is not joined before 'joined_sometimes' returns \\\[escape-thread\\\]" } */
        return -1;
    return join_if(t, wait);
}
