/* Probes show why a silent store is silent: which refinement undoes it, and what a pointer may point to. */
/* { dg-do compile } */

#include <pthread.h>

extern void __escape_dump_points_to(const void *);
extern void __escape_dump_stores(void);

struct frame { struct frame *prev; };
struct frame *g_top;
int *g;

/* A store overwritten on every path: OVERWRITE. */
void kernel_pattern(void)
{
    struct frame fr;
    struct frame *prev = g_top;
    fr.prev = prev;
    g_top = &fr; /* { dg-message "store into 'g_top' \\(line 19\\): undone on every path to a return \\(overwrite: " } */
    g_top = prev; /* { dg-message "store into 'g_top' \\(line 20\\): persists" } */
    __escape_dump_stores();
}

/* The same through calls whose summaries write g_top: RESTORE. */
__attribute__((noinline)) static void push(struct frame *f)
{
    f->prev = g_top;
    g_top = f;
}

__attribute__((noinline)) static void pop(struct frame *f)
{
    g_top = f->prev;
}

void by_calls(void)
{
    struct frame fr;
    push(&fr); /* { dg-message "argument 1 of 'push' \\(line 39\\): undone on every path to a return \\(restore: a callee's summary writes the place again\\)" } */
    pop(&fr); /* { dg-message "argument 1 of 'pop' \\(line 40\\): persists" } */
    __escape_dump_stores();
}

/* A thread joined on every path: JOIN_CLOSE. */
static void *run(void *arg) { return arg; }

int joined(void)
{
    int job = 1;
    pthread_t t;
    if (pthread_create(&t, 0, run, &job) != 0) /* { dg-message "argument 4 of 'pthread_create' \\(line 51\\): undone on every path to a return \\(join-or-close: " } */
        return -1;
    pthread_join(t, 0);
    __escape_dump_stores();
    return 0;
}

/* What is left persists, and is reported. */
void leaks(int c)
{
    int x, y;
    int *p = c ? &x : &y;
    __escape_dump_points_to(p); /* { dg-message "points-to of 'p': local 'x', local 'y'" } */
    g = p; /* { dg-warning "address of local '\[xy\]' escapes to global 'g'" } */
    /* { dg-message "store into 'g' \\(line 64\\): persists" "" { target *-*-* } 64 } */
    __escape_dump_stores();
}

/* A function with nothing stored where it outlives the frame. */
void nothing(void)
{
    int x = 0;
    int *p = &x;
    __escape_dump_points_to(p); /* { dg-message "points-to of 'p': local 'x'" } */
    __escape_dump_stores(); /* { dg-message "no store into memory that outlives the frame" } */
}
