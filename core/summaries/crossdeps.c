/* crossdeps.c - calls into other translation units: how their dependencies compose. */
#include "core/summaries/crossdeps.h"

/* Levels follow Go's leak levels: the callee's parameter at level 0 is
   the pointer the caller passed; level 1 is what is stored behind it. */
bool esc_dep_through(const struct esc_cross_dep *dep, unsigned level, unsigned from,
                     struct esc_cross_dep *out)
{
    *out = *dep;
    out->from = (uint8_t)from;
    if (level == dep->from)
        return true; /* the same memory the callee passes on */
    if (level == 1 && dep->from == 0) {
        out->to = 1; /* inside what the callee passes on */
        return true;
    }
    /* level 0, dep->from 1: what is stored behind the pointer goes on,
       one level below the caller's memory. */
    if (from >= 1)
        return false; /* levels stop at 1 */
    out->from = (uint8_t)(from + 1);
    return true;
}
