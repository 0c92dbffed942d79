/* cfg.c - questions about a function's control flow graph: its loops. */
#include "core/ir/cfg.h"
#include "core/ir/scc.h"
#include "core/base/util.h"

#include <stdlib.h>

uint32_t esc_block_components(const struct esc_function *fn, uint32_t *comp, uint32_t *size)
{
    uint32_t nb = fn->nblocks, nedges = 0;
    for (uint32_t b = 0; b < nb; b++)
        nedges += fn->blocks[b].nsucc;
    uint32_t *start = esc_xmalloc((nb + 1) * sizeof *start);
    uint32_t *adj = esc_xmalloc((nedges + 1) * sizeof *adj);
    for (uint32_t b = 0, k = 0; b < nb; b++) {
        start[b] = k;
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++)
            adj[k++] = fn->blocks[b].succ[e];
        start[b + 1] = k;
    }
    struct esc_graph g = {nb, start, adj};
    uint32_t ncomp = esc_scc(&g, comp);
    for (uint32_t b = 0; b < nb; b++)
        size[comp[b]]++;
    free(start);
    free(adj);
    return ncomp;
}

void esc_blocks_in_loops(const struct esc_function *fn, bool *in_loop)
{
    uint32_t nb = fn->nblocks;
    uint32_t *comp = esc_xmalloc((nb + 1) * sizeof *comp);
    uint32_t *size = esc_xcalloc(nb + 1, sizeof *size);
    esc_block_components(fn, comp, size);
    for (uint32_t b = 0; b < nb; b++) {
        /* A component of one block is a loop only if the block jumps to itself. */
        in_loop[b] = size[comp[b]] > 1;
        for (uint32_t e = 0; e < fn->blocks[b].nsucc && !in_loop[b]; e++)
            in_loop[b] = fn->blocks[b].succ[e] == b;
    }
    free(comp);
    free(size);
}

void esc_block_preds(const struct esc_function *fn, uint32_t **start, uint32_t **list)
{
    uint32_t *at = esc_xcalloc(fn->nblocks + 2, sizeof *at);
    uint32_t nedges = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++, nedges++)
            at[fn->blocks[b].succ[e] + 2]++;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        at[b + 2] += at[b + 1];
    uint32_t *preds = esc_xmalloc((nedges + 1) * sizeof *preds);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++)
            preds[at[fn->blocks[b].succ[e] + 1]++] = b;
    *start = at;
    *list = preds;
}
