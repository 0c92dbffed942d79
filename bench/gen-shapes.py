#!/usr/bin/env python3
"""gen-shapes.py - one C function of N statements in a shape that once made the analysis super-linear."""
# Usage: gen-shapes.py SHAPE N > out.c
#   rotate: N pointers to locals, rotated in a loop (p0 = p1; p1 = p2; ...)
#   chain:  N mallocs chained into a list, then freed
#   array:  N address-taken locals stored into one array, copied to a global
# Each is the function as a code generator would write it; issue 20
# measured the first two growing as the cube of N, the third as its
# square (every escape explained through every later store).
import sys


def rotate(n):
    out = ["void use(int **);", "int rotate(int k)", "{"]
    out += ["    int x%d = %d;" % (i, i) for i in range(n)]
    out += ["    int *p%d = &x%d;" % (i, i) for i in range(n)]
    out.append("    for (int i = 0; i < k; i++) {")
    out.append("        int *t = p0;")
    out += ["        p%d = p%d;" % (i, i + 1) for i in range(n - 1)]
    out.append("        p%d = t;" % (n - 1))
    out.append("    }")
    out.append("    use(&p0);")
    out.append("    return *p0 + *p%d;" % (n - 1))
    out.append("}")
    return out


def chain(n):
    out = ["#include <stdlib.h>",
           "struct node { struct node *next; int v; };",
           "int chain(void)", "{",
           "    struct node *head = 0;"]
    for i in range(n):
        out.append("    struct node *n%d = malloc(sizeof *n%d);" % (i, i))
        out.append("    if (!n%d) return -1;" % i)
        out.append("    n%d->v = %d; n%d->next = head; head = n%d;" % (i, i, i, i))
    out.append("    int s = 0;")
    out.append("    while (head) { struct node *next = head->next; s += head->v; free(head); head = next; }")
    out.append("    return s;")
    out.append("}")
    return out


def array(n):
    out = ["int *g[%d];" % n, "void array(void)", "{",
           "    int *a[%d];" % n]
    out += ["    int x%d = %d;" % (i, i) for i in range(n)]
    out += ["    a[%d] = &x%d;" % (i, i) for i in range(n)]
    out.append("    for (int i = 0; i < %d; i++)" % n)
    out.append("        g[i] = a[i];")
    out.append("}")
    return out


SHAPES = {"rotate": rotate, "chain": chain, "array": array}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        sys.exit("usage: gen-shapes.py {%s} N" % ",".join(SHAPES))
    print("\n".join(SHAPES[sys.argv[1]](int(sys.argv[2]))))
