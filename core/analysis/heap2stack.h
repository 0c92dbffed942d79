/* heap2stack.h - heap allocations that never outlive their function: the heap-to-stack advice. */
#ifndef ESC_HEAP2STACK_H
#define ESC_HEAP2STACK_H

#include "core/summaries/result.h"
#include "core/solve/flows.h"
#include "core/solve/pointsto.h"

/* Judge every heap allocation site of FN (its points-to solution PT, its
   flows and the calls they resolved): record a verdict for each in
   OUT->heap_sites, and add a heap-to-stack finding to OUT for each that a
   stack array could replace.  SELF is FN's index in its module, for
   recursion through CALLEES->component (ESC_NONE if unknown). */
void esc_heap_to_stack(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, const struct esc_call_context *callees,
                       uint32_t self, struct esc_function_result *out);

/* For gcc-escape link (esc_config.cross_unit_facts): the blocks FN's
   calls into other units return, taken to be fresh (ir.h's
   ESC_OBJF_CANDIDATE), that a stack array could replace if link finds
   the callee an allocator and the other calls they reach harmless or
   their deallocator.  A fact in OUT for each; FN's own findings and
   verdicts are not touched. */
struct esc_module;
void esc_heap_candidates(struct esc_module *m, struct esc_function *fn,
                         const struct esc_call_context *callees, uint32_t self,
                         struct esc_function_result *out);

#endif
