/* heap-to-stack in loops: one stack array serves every iteration only if each block dies in its own. */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The per-iteration buffer: allocated, used and freed in one iteration. */
void per_iteration(int n)
{
    for (int i = 0; i < n; i++) {
        char *line = malloc(80); /* { dg-warning "80-byte heap allocation never outlives 'per_iteration' and is freed in the same loop iteration; a stack array would do" } */
        if (!line)
            continue;
        snprintf(line, 80, "line %d", i);
        puts(line);
        free(line); /* { dg-message "freed here" } */
    }
}

/* A list built across iterations: many blocks live at once. */
struct node { struct node *next; int v; };

int list_across_iterations(int n)
{
    struct node *head = 0;
    for (int i = 0; i < n; i++) {
        struct node *x = malloc(sizeof *x); /* { dg-bogus "heap-to-stack" } */
        if (!x)
            break;
        x->v = i;
        x->next = head;
        head = x;
    }
    int sum = 0;
    while (head) {
        struct node *next = head->next;
        sum += head->v;
        free(head);
        head = next;
    }
    return sum;
}

/* Never freed inside a loop: a leak per iteration, and each block may still be in use. */
void never_freed_in_loop(int n, char **slots)
{
    char *keep[8];
    for (int i = 0; i < n && i < 8; i++)
        keep[i] = malloc(16); /* { dg-bogus "heap-to-stack" } */
    slots[0] = 0;
    (void)keep;
}

/* Freed one iteration late: two blocks live at once. */
void freed_next_iteration(int n)
{
    char *prev = 0;
    for (int i = 0; i < n; i++) {
        char *cur = malloc(16); /* { dg-bogus "heap-to-stack" } */
        free(prev);
        prev = cur;
    }
    free(prev);
}

/* The block is freed after the loop that allocates it once. */
int allocated_before_loop(int n)
{
    int *acc = malloc(8 * sizeof(int)); /* { dg-warning "32-byte heap allocation never outlives 'allocated_before_loop' and is freed on every path" } */
    if (!acc)
        return 0;
    memset(acc, 0, 8 * sizeof(int));
    for (int i = 0; i < n; i++)
        acc[i % 8] += i;
    int r = acc[0];
    free(acc);
    return r;
}

/* An early break that skips the free. */
void break_skips_free(int n)
{
    for (int i = 0; i < n; i++) {
        char *p = malloc(16); /* { dg-bogus "heap-to-stack" } */
        if (i == 3)
            break;
        free(p);
    }
}
