/* handoff.c - Go's interface conversion in C: a void * hand-off kept in a global registry or only passed down. */
/*
 * Go: converting a value to an interface boxes it -- the interface holds
 * a type word and a pointer to the data:
 *
 *     var registry []any
 *     func registerInt(value int) { registry = append(registry, any(value)) }
 *     func showInt(value int)     { show(any(value)) }
 *
 * `go build -gcflags=-m` reports the box in registerInt as escaping to
 * the heap, since the global registry keeps it, and the one in showInt as
 * "does not escape" when show() only reads its parameter.
 *
 * In C the "interface" is a struct any { type; void *data; } and the box
 * is the caller's local.
 *
 * gcc-escape, on register_int_buggy(), which puts &v in the global registry:
 *
 *     handoff.c:50: warning: address of local 'v' escapes to global 'registry' [escape-global]
 *
 * with the flow in notes: a.data = &v (store), then
 * registry[registry_len] = a (store).  GCC alone says nothing here.
 *
 * Silent: show_int(), which passes &a down to print_any(), a function that
 * only reads it.  Like Go's analysis, gcc-escape looks into the callee:
 * print_any()'s summary says it keeps nothing, and if it stored a->data in
 * the registry the call to it would be reported as escape-call
 * (docs/summaries.md).
 */
#include <stdio.h>

struct any {
    const char *type;
    void *data;
};

#define REGISTRY_MAX 16

struct any registry[REGISTRY_MAX];
int registry_len;

void print_any(const struct any *a);

/* Buggy: the registry outlives v. */
void register_int_buggy(int value)
{
    int v = value;
    struct any a = { "int", &v };
    if (registry_len < REGISTRY_MAX)
        registry[registry_len++] = a;
}

/* Fine: print_any() reads the value while v is alive and keeps nothing. */
void show_int(int value)
{
    int v = value;
    struct any a = { "int", &v };
    print_any(&a);
}

void print_any(const struct any *a)
{
    if (a->type[0] == 'i')
        printf("%d\n", *(const int *)a->data);
    else
        printf("<%s>\n", a->type);
}
