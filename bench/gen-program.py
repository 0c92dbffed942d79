#!/usr/bin/env python3
"""gen-program.py - one generated C file of N functions, for timing how the analysis grows with N.

The functions come in groups of ten, and every group has the shapes the
analysis works hardest on:
  node_i      allocates a list node, links it into a list it is given, returns it
  walk_i      walks a list, calling the next group's walk (a call chain N long)
  fill_i      fills a caller's buffer through a pointer, with a local array
  cycle_i_k   four functions calling each other in a ring (a recursion cycle),
              passing a local's address around it
  scratch_i   a malloc'd buffer that never leaves: a heap-to-stack suggestion
  keep_i      stores a parameter into a static table: what makes callers' locals escape
  use_i       many address-taken locals handed to the others; every 64th group
              hands one to keep_i (an escape-call warning)
so N = 1,000 gives 100 groups, 100 recursion cycles, 400 address-taken
locals, 200 allocation sites, 2 warnings and 100 suggestions.

usage: gen-program.py N > FILE.c
"""
import sys

HEADER = """#include <stdlib.h>
#include <string.h>

struct node {
    struct node *next;
    int value;
    int *ref;
};

static int *table[64];
"""

GROUP = """
struct node *node_{i}(struct node *list, int value)
{{
    struct node *n = malloc(sizeof *n);
    if (!n)
        return list;
    n->next = list;
    n->value = value;
    n->ref = 0;
    return n;
}}

int walk_{nxt}(const struct node *n, int depth);

int walk_{i}(const struct node *n, int depth)
{{
    int sum = 0;
    for (; n; n = n->next)
        sum += n->value;
    return depth > 0 ? sum + walk_{nxt}(n, depth - 1) : sum;
}}

void fill_{i}(int *out, int count)
{{
    int tmp[16];
    for (int k = 0; k < 16; k++)
        tmp[k] = k * {i};
    for (int k = 0; k < count && k < 16; k++)
        out[k] = tmp[k];
}}

static int cycle_{i}_1(int *p, int n);
static int cycle_{i}_2(int *p, int n);
static int cycle_{i}_3(int *p, int n);

static int cycle_{i}_0(int *p, int n)
{{
    int here = n;
    return n > 0 ? cycle_{i}_1(p, n - 1) + cycle_{i}_2(&here, n - 2) : *p;
}}

static int cycle_{i}_1(int *p, int n)
{{
    return n > 0 ? cycle_{i}_2(p, n - 1) : *p;
}}

static int cycle_{i}_2(int *p, int n)
{{
    int copy = *p;
    return n > 0 ? cycle_{i}_3(&copy, n - 1) : copy;
}}

static int cycle_{i}_3(int *p, int n)
{{
    return n > 0 ? cycle_{i}_0(p, n - 1) : *p;
}}

int scratch_{i}(int n)
{{
    char *buf = malloc(256);
    if (!buf)
        return 0;
    memset(buf, n, 256);
    int r = buf[n & 255];
    free(buf);
    return r;
}}

void keep_{i}(int *p)
{{
    table[{slot}] = p;
}}

int use_{i}(struct node *list)
{{
    int a = {i}, b[16], c = 0;
    struct node local = {{list, a, &c}};
    fill_{i}(b, 16);
    list = node_{i}(&local, b[3]);
    c = walk_{i}(list, 2) + cycle_{i}_0(&a, 4) + scratch_{i}(a);
    {escape}
    return c + local.value;
}}
"""


def main():
    n = int(sys.argv[1])
    groups = max(1, n // 10)
    out = [HEADER]
    for i in range(groups):
        escape = "keep_%d(&c);" % i if i % 64 == 0 else "keep_%d(0);" % i
        out.append(GROUP.format(i=i, nxt=(i + 1) % groups, slot=i % 64, escape=escape))
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
