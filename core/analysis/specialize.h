/* specialize.h - callee summaries for a call's constant arguments, less the paths they rule out. */
#ifndef ESC_SPECIALIZE_H
#define ESC_SPECIALIZE_H

#include "core/solve/flows.h"
#include "core/summaries/summary.h"

/* A summary covers every path of its function, so a callee that copies a
   buffer on one path and keeps it on another is summarised as keeping it.
   Callers often choose the path with a constant:

       void result_text (ctx *c, const char *z, void (*del) (void *))
       {
           if (del == TRANSIENT) copy_into (c, z);   // the path taken
           else c->z = z;                            // ruled out
       }
       ...
       result_text (c, buf, TRANSIENT);              // not an escape

   So a call to a function of this unit whose constant arguments (or the
   caller's own parameters, when the caller is itself being analysed for
   constants) decide some of its branches (ir.h's esc_param_range) uses a
   summary of the callee analysed again without the blocks that cannot be
   reached with those values.  Each (function, constants) pair is analysed
   once per unit, and only once the callee's strongly connected component
   has its final summaries; until then (recursion) the plain summary is
   used.  This only removes paths that cannot run, so it never hides an
   escape.

   What the analysis of one function for one set of constants knows. */
struct esc_spec_context {
    const struct esc_function *fn;
    uint32_t nconsts;
    uint32_t *params; /* sorted */
    int64_t *values;
    bool *live; /* per block: reachable with these values */
    const struct esc_spec_function *info;
};

/* The specialisations of one module (owned by esc_analyze_module).
   Their summaries go to OWNER's hidden list: notes cite them until the
   table is freed. */
struct esc_spec_cache;
struct esc_spec_cache *esc_spec_cache_new(const struct esc_module *m,
                                          const struct esc_summary_table *own,
                                          struct esc_summary_table *owner);
void esc_spec_cache_free(struct esc_spec_cache *c);
/* The functions of COMPONENT (esc_call_context.component) are analysed next:
   only those of earlier components have final summaries to specialise. */
void esc_spec_cache_enter(struct esc_spec_cache *c, uint32_t component);

/* Does CALLEES' context rule out statement STMT of FN, or, for ARG > 0,
   the edge its PHI argument ARG (1-based) comes in by? */
bool esc_spec_dead(const struct esc_call_context *callees, const struct esc_function *fn,
                   uint32_t stmt, uint32_t arg);

/* The summary for call STMT of FN: SUM, or the summary of SUM's function
   analysed without the blocks the call's constant arguments rule out. */
const struct esc_summary *esc_specialize_call(struct esc_module *m, const struct esc_function *fn,
                                              const struct esc_call_context *callees, uint32_t stmt,
                                              const struct esc_summary *sum);

#endif
