/* scc.c - strongly connected components of a directed graph (Tarjan), without recursion. */
#include "core/ir/scc.h"
#include "core/ir/ir.h"
#include "core/base/util.h"

#include <stdlib.h>

/* Tarjan's algorithm with an explicit stack of (node, next edge) frames,
   so that a call chain 100,000 functions deep cannot overflow the
   compiler's own stack. */
uint32_t esc_scc(const struct esc_graph *g, uint32_t *comp)
{
    uint32_t n = g->n, ncomp = 0, counter = 0;
    uint32_t *index = esc_xmalloc((n + 1) * sizeof *index);
    uint32_t *low = esc_xmalloc((n + 1) * sizeof *low);
    uint32_t *stack = esc_xmalloc((n + 1) * sizeof *stack);
    uint32_t *frame_node = esc_xmalloc((n + 1) * sizeof *frame_node);
    uint32_t *frame_edge = esc_xmalloc((n + 1) * sizeof *frame_edge);
    uint8_t *on_stack = esc_xcalloc(n + 1, 1);
    uint32_t sp = 0;
    for (uint32_t v = 0; v < n; v++) {
        index[v] = ESC_NONE;
        comp[v] = ESC_NONE;
    }
    for (uint32_t root = 0; root < n; root++) {
        if (index[root] != ESC_NONE)
            continue;
        uint32_t depth = 0;
        frame_node[0] = root;
        frame_edge[0] = g->start[root];
        index[root] = low[root] = counter++;
        stack[sp++] = root;
        on_stack[root] = 1;
        while (1) {
            uint32_t v = frame_node[depth];
            if (frame_edge[depth] < g->start[v + 1]) {
                uint32_t w = g->adj[frame_edge[depth]++];
                if (index[w] == ESC_NONE) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on_stack[w] = 1;
                    depth++;
                    frame_node[depth] = w;
                    frame_edge[depth] = g->start[w];
                } else if (on_stack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] == index[v]) {
                uint32_t w;
                do {
                    w = stack[--sp];
                    on_stack[w] = 0;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
            if (depth == 0)
                break;
            depth--;
            uint32_t parent = frame_node[depth];
            if (low[v] < low[parent])
                low[parent] = low[v];
        }
    }
    free(index);
    free(low);
    free(stack);
    free(frame_node);
    free(frame_edge);
    free(on_stack);
    return ncomp;
}
