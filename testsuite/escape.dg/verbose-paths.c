/* verbose=2, like Go's -m=2: each verdict is followed by its path, one step per note; cyclic flows end. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-verbose=2" } */

#include <stdlib.h>

int *g;
void consume(char *p);

void keep(int *p) /* { dg-message "note: parameter 'p' leaks to static storage" } */
{
    int *q = p;
    g = q; /* { dg-message "note: flow: g = q \\(store\\)" } */
}

int use(void)
{
    int x = 1; /* { dg-message "note: local 'x' escapes through argument 1 of 'keep'" } */
    keep(&x); /* { dg-warning "\\\[escape-call\\\]" } */
    return x;
}

void unknown(void)
{
    char *p = malloc(16); /* { dg-message "note: allocation stays on the heap: nothing is known about what 'consume' does with it" } */
    consume(p); /* { dg-message "note: here: passed to a function nothing is known about" } */
    free(p);
}

/* Mutual recursion: the leak's path through the other function is
   followed once, and the notes stop where it repeats. */
void ping(int *p, int n);

void pong(int *p, int n) /* { dg-message "note: parameter 'p' leaks to static storage" } */
{
    if (n > 0)
        ping(p, n - 1);
    else
        g = p;
}

void ping(int *p, int n) /* { dg-message "note: parameter 'p' leaks to static storage" } */
{
    pong(p, n);
}

/* A cycle of pointers in a loop: the path is the shortest one. */
struct node { struct node *next; };
struct node *g_node;

void walk(int n)
{
    struct node a, b; /* { dg-message "note: local 'a' escapes to global 'g_node'" } */
    a.next = &b;
    b.next = &a;
    struct node *p = &a;
    for (int i = 0; i < n; i++)
        p = p->next;
    g_node = p; /* { dg-warning "\\\[escape-global\\\]" } */
}
