/* guards.c - what a branch on `p == &x` says: on its other edge, p does not point to x. */
#include "core/refine/guards.h"
#include "core/ir/conditions.h"
#include "core/refine/overwrite.h"
#include "core/base/util.h"

#include <stdlib.h>

/* Facts are (value, object) pairs, numbered in the order their branches
   appear; a set of facts is a 64-bit mask, so the first 64 distinct
   comparisons of a function are used and any others ignored, which only
   costs precision.

   When the compared value was loaded from a place of a stack object
   (`if (local.next != &local)`, a list tested not empty), the place
   itself gets the fact too, until something may write it: a store there,
   a store through a pointer, or a call.  A later load of it reads the
   same pointer, so the kernel's `list_first_entry (&local, ...)` under
   that test is an element, not the head. */
#define MAX_FACTS 64

struct fact {
    uint32_t value, object;
    bool place; /* else a value: the place is MEM (holder, offset, size) */
    uint32_t holder;
    int64_t offset, size;
};

struct guard_state {
    const struct esc_function *fn;
    struct fact facts[MAX_FACTS];
    uint32_t nfacts;
    uint64_t *in;    /* per block: facts true on entry */
    uint64_t *edge;  /* per block: the facts its branch adds on the "not equal" edge */
    uint64_t *kill;  /* per block: the place facts a statement of it may end */
    uint64_t places; /* the place facts */
    uint32_t *ne_block;
};

static uint32_t fact_id(struct guard_state *g, const struct fact *f)
{
    for (uint32_t i = 0; i < g->nfacts; i++) {
        const struct fact *h = &g->facts[i];
        if (h->object == f->object && h->place == f->place &&
            (f->place ? h->holder == f->holder && h->offset == f->offset && h->size == f->size
                      : h->value == f->value))
            return i;
    }
    if (g->nfacts == MAX_FACTS)
        return ESC_NONE;
    g->facts[g->nfacts] = *f;
    if (f->place)
        g->places |= (uint64_t)1 << g->nfacts;
    return g->nfacts++;
}

/* The stack object place value V was loaded from, if it is one. */
static bool loaded_from_stack(const struct esc_function *fn, uint32_t v, struct fact *f)
{
    uint32_t def = fn->values[esc_value_root(fn, v)].def;
    const struct esc_stmt *s = def != ESC_NONE ? &fn->stmts[def] : NULL;
    if (!s || s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->op != ESC_ASSIGN_COPY ||
        (s->args[0].kind != ESC_OPND_MEM && s->args[0].kind != ESC_OPND_DEREF))
        return false;
    struct esc_operand at = esc_direct_place(fn, s->args[0]);
    if (at.kind != ESC_OPND_MEM || !esc_place_exact(&at) ||
        !esc_object_is_stack(&fn->objects[at.id]))
        return false;
    f->place = true;
    f->holder = at.id;
    f->offset = at.offset;
    f->size = at.size;
    return true;
}

/* May statement S write the place of fact F? */
static bool may_write(const struct esc_function *fn, const struct esc_stmt *s, const struct fact *f)
{
    if (s->kind == ESC_STMT_CALL)
        return true;
    if (s->kind != ESC_STMT_ASSIGN ||
        (s->lhs.kind != ESC_OPND_MEM && s->lhs.kind != ESC_OPND_DEREF))
        return false;
    struct esc_operand at = esc_direct_place(fn, s->lhs);
    if (at.kind != ESC_OPND_MEM || !esc_place_exact(&at))
        return true;
    return at.id == f->holder && at.offset < f->offset + f->size && f->offset < at.offset + at.size;
}

/* The place facts statements of block B up to (not including) statement
   UNTIL (ESC_NONE: all) may end. */
static uint64_t kills(const struct guard_state *g, uint32_t b, uint32_t until)
{
    const struct esc_block *blk = &g->fn->blocks[b];
    uint64_t killed = 0;
    for (uint32_t i = 0; i < blk->nstmts && blk->stmts[i] != until; i++)
        for (uint32_t k = 0; k < g->nfacts; k++)
            if ((g->places >> k & 1) && !(killed >> k & 1) &&
                may_write(g->fn, &g->fn->stmts[blk->stmts[i]], &g->facts[k]))
                killed |= (uint64_t)1 << k;
    return killed;
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
            struct fact f = {.value = e[k].cond.subject, .object = e[k].cond.object};
            uint32_t id = fact_id(g, &f);
            if (id == ESC_NONE)
                break;
            g->edge[b] = (uint64_t)1 << id;
            g->ne_block[b] = e[k].succ;
            /* The test's load is the block's last write-free read of the
               place when nothing after it in the block may write it. */
            uint32_t def = fn->values[esc_value_root(fn, f.value)].def;
            if (loaded_from_stack(fn, f.value, &f) && fn->stmts[def].block == b) {
                uint32_t pid = fact_id(g, &f);
                const struct esc_block *blk = &fn->blocks[b];
                bool after = false, written = false;
                for (uint32_t i = 0; i < blk->nstmts; i++) {
                    written |= after && may_write(fn, &fn->stmts[blk->stmts[i]], &f);
                    after |= blk->stmts[i] == def;
                }
                if (pid != ESC_NONE && !written)
                    g->edge[b] |= (uint64_t)1 << pid;
            }
        }
    }
}

/* Facts true on the edge from block P to block S. */
static uint64_t edge_facts(const struct guard_state *g, uint32_t p, uint32_t s)
{
    return (g->in[p] & ~g->kill[p]) | (g->ne_block[p] == s ? g->edge[p] : 0);
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
    g.kill = esc_xcalloc(fn->nblocks, sizeof *g.kill);
    collect_branches(&g);
    if (g.nfacts) {
        for (uint32_t b = 0; g.places && b < fn->nblocks; b++)
            g.kill[b] = kills(&g, b, ESC_NONE);
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
                if ((known >> k & 1) && !g.facts[k].place && g.facts[k].value == f->src.id)
                    f->exclude = g.facts[k].object;
            /* A load of a place the facts hold for, where it was made. */
            struct fact at;
            uint32_t def = fn->values[esc_value_root(fn, f->src.id)].def;
            if (f->exclude != ESC_NONE || !g.places || !loaded_from_stack(fn, f->src.id, &at) ||
                fn->stmts[def].block == ESC_NONE)
                continue;
            uint32_t b = fn->stmts[def].block;
            uint64_t there = g.in[b] & ~kills(&g, b, def);
            for (uint32_t k = 0; k < g.nfacts && f->exclude == ESC_NONE; k++) {
                const struct fact *h = &g.facts[k];
                if ((there >> k & 1) && h->place && h->holder == at.holder &&
                    h->offset == at.offset && h->size == at.size)
                    f->exclude = h->object;
            }
        }
    }
    free(g.kill);
    free(g.in);
    free(g.edge);
    free(g.ne_block);
}
