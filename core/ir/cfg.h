/* cfg.h - questions about a function's control flow graph: its loops, its predecessors. */
#ifndef ESC_CFG_H
#define ESC_CFG_H

#include "core/ir/ir.h"

/* Number the strongly connected components of FN's blocks into COMP (one
   entry per block) and count each component's blocks into SIZE (one entry
   per component, at least nblocks + 1 of them, zeroed by the caller).
   Returns the number of components. */
uint32_t esc_block_components(const struct esc_function *fn, uint32_t *comp, uint32_t *size);

/* Mark in IN_LOOP (one entry per block) the blocks that can reach
   themselves: the bodies of loops. */
void esc_blocks_in_loops(const struct esc_function *fn, bool *in_loop);

/* Each block's predecessors, as compressed rows: block b's are
   (*LIST)[(*START)[b] .. (*START)[b + 1]).  The caller frees both. */
void esc_block_preds(const struct esc_function *fn, uint32_t **start, uint32_t **list);

#endif
