/* use.c - calls into registry.c and release.c: only the whole program shows what happens. */
#include <stdlib.h>
#include <string.h>

struct item {
    int value;
};

void registry_add(struct item *it);
int item_peek(const char *s);
void item_release(char *s);
void not_defined_anywhere(char *s);

void use_registry(void)
{
    struct item it = {1};
    registry_add(&it); /* LINK-WARNING escape-call */
}

/* Passes its parameter on: the summary says so, and link follows it. */
void pass_on(struct item *p)
{
    registry_add(p);
}

void through_pass_on(void)
{
    struct item j = {2};
    pass_on(&j); /* LINK-WARNING escape-call */
}

int peek_heap(void)
{
    char *s = malloc(32); /* LINK-ADVICE heap-to-stack */
    if (!s)
        return 0;
    strcpy(s, "abc");
    int n = item_peek(s);
    free(s);
    return n;
}

int release_heap(void)
{
    char *s = malloc(32); /* silent: item_release frees it */
    if (!s)
        return 0;
    item_release(s);
    return 1;
}

int unknown_heap(void)
{
    char *s = malloc(32); /* silent: no input defines not_defined_anywhere */
    if (!s)
        return 0;
    not_defined_anywhere(s);
    free(s);
    return 1;
}

int peek_local(void)
{
    char buf[8] = "xy";
    return item_peek(buf); /* silent: item_peek keeps nothing */
}
