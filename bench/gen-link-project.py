#!/usr/bin/env python3
"""gen-link-project.py - a generated C project of N files calling each other, for timing gcc-escape link.

Each file i defines three exported functions and calls into files i+1 and
i+7 (modulo N), so calls chain across files and close cycles:
  keep_i(p)   passes p on along the chain; every 16th file stores it in a static
  touch_i(p)  reads p and passes it on to touch_{i+1}: harmless all the way
  use_i()     passes a local to keep_{i+1} and a malloc'd block to touch_{i+7}
plus a Makefile.  The link step then has N units, 3N functions, facts in
every file and dependency chains N long (a cycle).

usage: gen-link-project.py N DIR
"""
import os
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        nxt, far = (i + 1) % n, (i + 7) % n
        keeps = i % 16 == 0
        body = f"""#include <stdlib.h>
void keep_{nxt}(int *p, int depth);
int touch_{far}(const char *s, int depth);
int touch_{nxt}(const char *s, int depth);
static int *slot_{i};

void keep_{i}(int *p, int depth)
{{
    if (depth > 0)
        keep_{nxt}(p, depth - 1);
    {"slot_%d = p;" % i if keeps else "(void)p;"}
}}

int touch_{i}(const char *s, int depth)
{{
    return depth > 0 ? touch_{nxt}(s, depth - 1) + s[0] : s[0];
}}

int use_{i}(void)
{{
    int local = {i};
    keep_{nxt}(&local, 3);
    char *buf = malloc(64);
    if (!buf)
        return 0;
    buf[0] = 'x';
    int r = touch_{far}(buf, 2);
    free(buf);
    return r;
}}
"""
        with open(os.path.join(out, f"f{i}.c"), "w") as f:
            f.write(body)
    with open(os.path.join(out, "Makefile"), "w") as f:
        f.write("SRCS := $(wildcard *.c)\nOBJS := $(SRCS:.c=.o)\nall: $(OBJS)\n"
                "%.o: %.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n")


if __name__ == "__main__":
    main()
