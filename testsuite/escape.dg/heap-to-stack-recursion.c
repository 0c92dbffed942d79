/* heap-to-stack and recursion: a block live across a recursive call would be one stack array per frame. */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct tree { struct tree *left, *right; int v; };

/* Live across the recursive calls: each level would take 256 bytes of stack. */
int depth_sum(struct tree *t)
{
    if (!t)
        return 0;
    int *scratch = malloc(256); /* { dg-bogus "heap-to-stack" } */
    if (!scratch)
        return 0;
    scratch[0] = t->v;
    int s = scratch[0] + depth_sum(t->left) + depth_sum(t->right);
    free(scratch);
    return s;
}

/* Freed before recursing: only one block at a time. */
int visit(struct tree *t)
{
    if (!t)
        return 0;
    char *label = malloc(32); /* { dg-warning "32-byte heap allocation never outlives 'visit'" } */
    if (!label)
        return 0;
    memset(label, 'a', 31);
    label[31] = 0;
    int n = (int)strlen(label);
    free(label);
    return n + visit(t->left) + visit(t->right);
}

/* Mutual recursion counts too. */
int odd(int n);

int even(int n)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    if (!p)
        return 0;
    int r = n == 0 ? 1 : odd(n - 1);
    free(p);
    return r;
}

int odd(int n)
{
    return n == 0 ? 0 : even(n - 1);
}

/* A call to a function that is not in the cycle is no recursion. */
static int leaf(int n)
{
    return n * 2;
}

int not_recursive(int n)
{
    char *p = malloc(16); /* { dg-warning "16-byte heap allocation never outlives 'not_recursive'" } */
    if (!p)
        return 0;
    int r = leaf(n);
    free(p);
    return r;
}

/* Recursion through a table of this unit's functions. */
static int step(int n);
static int (*const steps[])(int) = {step};

static int step(int n)
{
    char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
    if (!p)
        return 0;
    int r = n > 0 ? steps[0](n - 1) : 0;
    free(p);
    return r;
}

int run_steps(int n)
{
    return steps[0](n);
}
