/* crossdeps.h - calls into other translation units: what a summary leaves for gcc-escape link. */
#ifndef ESC_CROSSDEPS_H
#define ESC_CROSSDEPS_H

#include <stdbool.h>
#include <stdint.h>

/* A parameter that reaches a call into another translation unit: this
   unit cannot say what the callee does, so the parameter is `unknown`
   here, and gcc-escape link settles it with the callee's own summary
   (docs/link.md).  The parameter's memory at level FROM (0: the pointer
   itself, 1: what is stored behind it) reaches the callee's parameter ARG
   at level TO. */
struct esc_cross_dep {
    const char *callee; /* not owned: a string of the module being analysed */
    uint8_t arg;        /* 0-based */
    uint8_t from, to;
};
#define ESC_MAX_CROSS_DEPS 8

/* DEP is a callee parameter's dependency; something at level FROM of the
   caller's side reaches that callee parameter at level LEVEL.  Sets *OUT
   to what the something reaches in the other unit; false if nothing. */
bool esc_dep_through(const struct esc_cross_dep *dep, unsigned level, unsigned from,
                     struct esc_cross_dep *out);

#endif
