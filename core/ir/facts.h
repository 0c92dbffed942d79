/* facts.h - what holds on entry to each block about values that cannot change during the call. */
#ifndef ESC_FACTS_H
#define ESC_FACTS_H

#include "core/ir/ir.h"

/* Work out FN's facts (facts.c explains them) into its facts_* fields,
   in M's arena, once; esc_conds_build does it with the conditions. */
void esc_facts_build(struct esc_module *m, struct esc_function *fn);

/* The facts (bit k: fact k, up to 64) true on entry to block B. */
uint64_t esc_facts_on_entry(const struct esc_function *fn, uint32_t b);

/* The facts that contradict some fact of KNOWN. */
uint64_t esc_facts_contradicting(const struct esc_function *fn, uint64_t known);

/* The facts the edge from block FROM to TO states. */
uint64_t esc_edge_facts(const struct esc_function *fn, uint32_t from, uint32_t to);

#endif
