/* guards.c - what a branch on `p == &x` says: on its other edge, p does not point to x. */
#include "core/refine/guards.h"
#include "core/ir/conditions.h"
#include "core/base/util.h"

#include <stdlib.h>

/* Facts are (value, object) pairs, numbered in the order their branches
   appear; a set of facts is a 64-bit mask, so the first 64 distinct
   comparisons of a function are used and any others ignored, which only
   costs precision. */
#define MAX_FACTS 64

struct fact {
    uint32_t value, object;
};

struct guard_state {
    const struct esc_function *fn;
    struct fact facts[MAX_FACTS];
    uint32_t nfacts;
    uint64_t *in;   /* per block: facts true on entry */
    uint64_t *edge; /* per block: the fact its branch adds on the "not equal" edge */
    uint32_t *ne_block;
};

static uint32_t fact_id(struct guard_state *g, uint32_t value, uint32_t object)
{
    for (uint32_t i = 0; i < g->nfacts; i++)
        if (g->facts[i].value == value && g->facts[i].object == object)
            return i;
    if (g->nfacts == MAX_FACTS)
        return ESC_NONE;
    g->facts[g->nfacts] = (struct fact){value, object};
    return g->nfacts++;
}

/* A block's test `p == &x` (or !=) gives the fact (p, x) on the edge
   where p does not point to x. */
static void collect_branches(struct guard_state *g)
{
    const struct esc_function *fn = g->fn;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        g->ne_block[b] = ESC_NONE;
        uint32_t n;
        const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
        for (uint32_t k = 0; k < n && g->ne_block[b] == ESC_NONE; k++) {
            if (e[k].term != ESC_COND_EVERY_TERM || e[k].cond.kind != ESC_COND_NOT_POINTS_TO)
                continue;
            uint32_t id = fact_id(g, e[k].cond.subject, e[k].cond.object);
            if (id == ESC_NONE)
                break;
            g->edge[b] = (uint64_t)1 << id;
            g->ne_block[b] = e[k].succ;
        }
    }
}

/* Facts true on the edge from block P to block S. */
static uint64_t edge_facts(const struct guard_state *g, uint32_t p, uint32_t s)
{
    return g->in[p] | (g->ne_block[p] == s ? g->edge[p] : 0);
}

static void solve(struct guard_state *g)
{
    const struct esc_function *fn = g->fn;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        g->in[b] = b == fn->entry ? 0 : ~(uint64_t)0;
    /* Monotone (sets only shrink), so this ends within nblocks + 1 rounds. */
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t p = 0; p < fn->nblocks; p++) {
            const struct esc_block *blk = &fn->blocks[p];
            for (uint32_t k = 0; k < blk->nsucc; k++) {
                uint32_t s = blk->succ[k];
                if (s == fn->entry)
                    continue;
                uint64_t meet = g->in[s] & edge_facts(g, p, s);
                if (meet != g->in[s]) {
                    g->in[s] = meet;
                    changed = true;
                }
            }
        }
    }
}

void esc_apply_guards(const struct esc_function *fn, struct esc_flows *flows)
{
    if (fn->entry == ESC_NONE || !fn->nblocks)
        return;
    struct guard_state g = {.fn = fn};
    g.in = esc_xcalloc(fn->nblocks, sizeof *g.in);
    g.edge = esc_xcalloc(fn->nblocks, sizeof *g.edge);
    g.ne_block = esc_xmalloc(fn->nblocks * sizeof *g.ne_block);
    collect_branches(&g);
    if (g.nfacts) {
        solve(&g);
        for (uint32_t i = 0; i < flows->n; i++) {
            struct esc_flow *f = &flows->items[i];
            const struct esc_stmt *s = &fn->stmts[f->stmt];
            if (f->src.kind != ESC_OPND_VALUE || s->block == ESC_NONE)
                continue;
            uint64_t known = g.in[s->block];
            if (s->kind == ESC_STMT_PHI) {
                uint32_t from = s->arg_blocks && f->arg ? s->arg_blocks[f->arg - 1] : ESC_NONE;
                known = from == ESC_NONE ? 0 : edge_facts(&g, from, s->block);
            }
            for (uint32_t k = 0; k < g.nfacts && f->exclude == ESC_NONE; k++)
                if ((known >> k & 1) && g.facts[k].value == f->src.id)
                    f->exclude = g.facts[k].object;
        }
    }
    free(g.in);
    free(g.edge);
    free(g.ne_block);
}
