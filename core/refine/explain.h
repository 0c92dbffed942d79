/* explain.h - the shortest feasible flow path that carries an address to where it escapes. */
#ifndef ESC_EXPLAIN_H
#define ESC_EXPLAIN_H

#include "core/summaries/result.h"
#include "core/solve/flows.h"
#include "core/solve/pointsto.h"

struct esc_explainer;
struct esc_refine;

/* R (may be NULL) is the function's refinements: a store's reach ends
   where its reload family says the program undid the store (explain.c). */
struct esc_explainer *esc_explainer_new(const struct esc_function *fn,
                                        const struct esc_flows *flows,
                                        const struct esc_pointsto *pt, struct esc_refine *r);
void esc_explainer_free(struct esc_explainer *ex);

/* The shortest chain of flows that carries the address of OBJ from where it
   is taken to flow TARGET (inclusive), as steps; *NSTEPS is set.  Like Go's
   -m=2 this is a breadth-first search over the flow graph, restricted to
   nodes whose points-to set contains OBJ; unlike the points-to sets, it is
   flow-sensitive through memory: a store only feeds a later read that it
   reaches without being overwritten.  NULL when no such path exists, i.e.
   the points-to sets over-approximated.  Caller frees the array. */
struct esc_step *esc_explain(struct esc_explainer *ex, uint32_t obj, uint32_t target,
                             uint32_t *nsteps);

#endif
