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
