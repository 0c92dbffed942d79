/* Threads: a stack address handed to a new thread escapes unless the thread is joined on every path before the frame dies. */
/* { dg-do compile } */
/* { dg-options "-pthread" } */

#include <pthread.h>
#include <stdlib.h>
#include <threads.h>

struct job { int id; int result; };

int cond(void);

static void *worker(void *arg)
{
    struct job *j = arg;
    j->result = j->id * 2;
    return NULL;
}

static int c11_worker(void *arg)
{
    return *(int *)arg;
}

void not_joined(void)
{
    pthread_t t;
    struct job job = { 1, 0 }; /* { dg-message "'job' declared here" } */
    /* { dg-message "flow: pthread_create \\(..., &job, ...\\) hands it to a new thread \\(argument 4\\)" "" { target *-*-* } 0 } */
    pthread_create(&t, NULL, worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'pthread_create' that is not joined before 'not_joined' returns \\\[escape-thread\\\]" } */
}

int joined(void)
{
    pthread_t t;
    struct job job = { 1, 0 };
    pthread_create(&t, NULL, worker, &job); /* { dg-bogus "\\\[escape-" } */
    pthread_join(t, NULL);
    return job.result;
}

/* The usual error check: when pthread_create fails there is no thread, so
   the early return needs no join. */
int joined_after_error_check(void)
{
    pthread_t t;
    struct job job = { 1, 0 };
    if (pthread_create(&t, NULL, worker, &job) != 0) /* { dg-bogus "\\\[escape-" } */
        return -1;
    pthread_join(t, NULL);
    return job.result;
}

int joined_on_every_path(void)
{
    pthread_t t;
    struct job job = { 2, 0 };
    pthread_create(&t, NULL, worker, &job); /* { dg-bogus "\\\[escape-" } */
    if (cond()) {
        pthread_join(t, NULL);
        return -1;
    }
    pthread_join(t, NULL);
    return job.result;
}

int joined_on_one_path(void)
{
    pthread_t t;
    struct job job = { 3, 0 };
    pthread_create(&t, NULL, worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'pthread_create' that is not joined before 'joined_on_one_path' returns \\\[escape-thread\\\]" } */
    if (cond())
        return -1;
    pthread_join(t, NULL);
    return job.result;
}

int join_loop(void)
{
    pthread_t th[4];
    struct job jobs[4];
    int sum = 0;
    for (int i = 0; i < 4; i++) {
        jobs[i].id = i;
        pthread_create(&th[i], NULL, worker, &jobs[i]); /* { dg-bogus "\\\[escape-" } */
    }
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < 4; i++)
        sum += jobs[i].result;
    return sum;
}

void detached(void)
{
    pthread_t t;
    struct job job = { 4, 0 };
    pthread_create(&t, NULL, worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'pthread_create' that is not joined before 'detached' returns \\\[escape-thread\\\]" } */
    pthread_detach(t);
}

/* Joining a different thread does not count. */
void joined_the_wrong_thread(pthread_t other)
{
    pthread_t t;
    struct job job = { 5, 0 };
    pthread_create(&t, NULL, worker, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'pthread_create' that is not joined before 'joined_the_wrong_thread' returns \\\[escape-thread\\\]" } */
    pthread_join(other, NULL);
}

/* C11 threads. */
void c11_not_joined(void)
{
    thrd_t t;
    int arg = 6;
    thrd_create(&t, c11_worker, &arg); /* { dg-warning "address of local 'arg' is handed to a new thread by 'thrd_create' that is not joined before 'c11_not_joined' returns \\\[escape-thread\\\]" } */
}

int c11_joined(void)
{
    thrd_t t;
    int arg = 7, res = 0;
    thrd_create(&t, c11_worker, &arg); /* { dg-bogus "\\\[escape-" } */
    thrd_join(t, &res);
    return res;
}

int c11_joined_after_error_check(void)
{
    thrd_t t;
    int arg = 7, res = 0;
    if (thrd_create(&t, c11_worker, &arg) != thrd_success) /* { dg-bogus "\\\[escape-" } */
        return -1;
    thrd_join(t, &res);
    return res;
}

/* A helper of this unit starts the thread with its parameter: the caller's
   stack address reaches the thread through the helper's summary. */
pthread_t start_job(struct job *j)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, j); /* { dg-message "in 'start_job': flow: pthread_create \\(..., j, ...\\) hands it to a new thread \\(argument 4\\)" } */
    return t;
}

void via_helper(void)
{
    struct job job = { 8, 0 };
    /* { dg-message "flow: start_job \\(..., &job, ...\\) hands it to a new thread \\(argument 1\\)" "" { target *-*-* } 0 } */
    start_job(&job); /* { dg-warning "address of local 'job' is handed to a new thread by 'start_job' that is not joined before 'via_helper' returns \\\[escape-thread\\\]" } */
}

/* Silent: the helper hands the new thread's handle back (as its result or
   through an out-parameter) and the caller joins it. */
int via_helper_joined(void)
{
    struct job job = { 9, 0 };
    pthread_t t = start_job(&job); /* { dg-bogus "\\\[escape-" "a thread handle returned as an integer is not followed (integer returns are not lowered)" { xfail *-*-* } } */
    pthread_join(t, NULL);
    return job.result;
}

void start_job_into(pthread_t *t, struct job *j)
{
    pthread_create(t, NULL, worker, j);
}

int via_helper_out_param_joined(void)
{
    struct job job = { 10, 0 };
    pthread_t t;
    start_job_into(&t, &job); /* { dg-bogus "\\\[escape-" } */
    pthread_join(t, NULL);
    return job.result;
}

/* Silent: static and heap memory may outlive the frame. */
static struct job g_job;

void static_job(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &g_job); /* { dg-bogus "\\\[escape-" } */
    pthread_detach(t);
}

void *heap_job(void)
{
    pthread_t t;
    struct job *j = malloc(sizeof *j);
    pthread_create(&t, NULL, worker, j); /* { dg-bogus "\\\[escape-" } */
    pthread_detach(t);
    return NULL;
}

/* The same helper, and the caller never joins the handle it got back. */
int via_helper_out_param_not_joined(void)
{
    struct job job = { 11, 0 };
    pthread_t t;
    start_job_into(&t, &job); /* { dg-warning "address of local 'job' is handed to a new thread by 'start_job_into' that is not joined before 'via_helper_out_param_not_joined' returns \\\[escape-thread\\\]" } */
    return job.result;
}
