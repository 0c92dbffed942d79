/* scc.h - strongly connected components of a directed graph (Tarjan), without recursion. */
#ifndef ESC_SCC_H
#define ESC_SCC_H

#include <stdint.h>

/* A graph in compressed form: the successors of node n are
   adj[start[n] .. start[n + 1]). */
struct esc_graph {
    uint32_t n;
    const uint32_t *start;
    const uint32_t *adj;
};

/* Number the strongly connected components of G into COMP (one entry per
   node) and return how many there are.  Components are numbered in the
   order Tarjan's algorithm completes them, which is a reverse topological
   order: every edge goes from a component to one with a smaller or equal
   number, so visiting components 0, 1, 2, ... handles callees before
   callers. */
uint32_t esc_scc(const struct esc_graph *g, uint32_t *comp);

#endif
