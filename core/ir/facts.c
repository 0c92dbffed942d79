/* facts.c - what holds on entry to each block about values that cannot change during the call. */
#include "core/ir/facts.h"
#include "core/base/util.h"
#include "core/ir/cfg.h"
#include "core/ir/conditions.h"

#include <stdlib.h>
#include <string.h>

/* A fact is what an edge condition (conditions.h) states about one
   subject: a parameter as it was on entry, or an SSA value defined
   outside every loop (defined once, it keeps its value for the rest of
   the call).  A fact holds on entry to a block when it holds on every
   edge into it: a forward must-analysis, as guards.c does for `p != &x`.
   Since the subjects never change, a fact that held once holds on every
   path after, and an edge stating a contradicting fact cannot follow:
   that is what core/refine/correlated.c asks.  The first 64 facts of a
   function are kept; the rest only cost precision.  A function in which
   no subject is tested in two blocks has no contradiction to find, and
   keeps none. */

#define MAX_FACTS 64
#define MAX_RANGES 4

/* A fact about one subject on one edge: the ranges it lies in (one of
   them), or whether it points to an object. */
struct fact {
    enum esc_cond_kind kind;
    bool is_param;
    uint32_t subject;
    uint32_t object;
    int64_t offset;
    uint32_t nranges;
    int64_t lo[MAX_RANGES], hi[MAX_RANGES];
};

/* The function's facts while they are worked out. */
struct solver {
    const struct esc_function *fn;
    uint32_t nfacts;
    struct fact facts[MAX_FACTS];
    bool *in_loop; /* per block, once a fact is about a value defined in one */
};

/* The subject of a condition as a fact names it: a parameter's entry
   value is the parameter. */
static void fact_subject(const struct esc_function *fn, const struct esc_cond *c, bool *is_param,
                         uint32_t *subject)
{
    *is_param = c->is_param;
    *subject = c->subject;
    if (!c->is_param && fn->values[c->subject].def == ESC_NONE &&
        fn->values[c->subject].param >= 0) {
        *is_param = true;
        *subject = (uint32_t)fn->values[c->subject].param;
    }
}

/* The facts the edge from B to S states for every term, grouped by
   subject: into OUT, at most MAX; returns how many.  An edge with
   several terms (a disjunction) states none of its per-term facts. */
static uint32_t stated_facts(const struct esc_function *fn, uint32_t b, uint32_t s,
                             struct fact *out, uint32_t max)
{
    uint32_t n, count = 0, term = ESC_NONE;
    bool one_term = true;
    const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
    for (uint32_t k = 0; k < n; k++)
        if (e[k].succ == s && e[k].term != ESC_COND_EVERY_TERM) {
            if (term != ESC_NONE && term != e[k].term)
                one_term = false;
            term = e[k].term;
        }
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *c = &e[k].cond;
        if (e[k].succ != s || (e[k].term != ESC_COND_EVERY_TERM && !one_term) ||
            c->kind == ESC_COND_TRUE)
            continue;
        struct fact f = {.kind = c->kind, .object = c->object, .offset = c->offset};
        fact_subject(fn, c, &f.is_param, &f.subject);
        uint32_t i = 0;
        while (i < count && !(out[i].kind == f.kind && out[i].is_param == f.is_param &&
                              out[i].subject == f.subject && out[i].object == f.object))
            i++;
        if (i == count) {
            if (count == max)
                continue;
            out[count++] = f;
        }
        if (c->kind == ESC_COND_RANGE && out[i].nranges < MAX_RANGES) {
            out[i].lo[out[i].nranges] = c->lo;
            out[i].hi[out[i].nranges++] = c->hi;
        }
    }
    return count;
}

static bool same_fact(const struct fact *a, const struct fact *b)
{
    if (a->kind != b->kind || a->is_param != b->is_param || a->subject != b->subject ||
        a->object != b->object || a->offset != b->offset || a->nranges != b->nranges)
        return false;
    for (uint32_t i = 0; i < a->nranges; i++)
        if (a->lo[i] != b->lo[i] || a->hi[i] != b->hi[i])
            return false;
    return true;
}

/* Can the subject's value change after the fact was seen? */
static bool stable(const struct esc_function *fn, struct solver *p, const struct fact *f)
{
    if (f->is_param)
        return true;
    uint32_t def = fn->values[f->subject].def;
    if (def == ESC_NONE || fn->stmts[def].block == ESC_NONE)
        return false;
    if (!p->in_loop) {
        p->in_loop = esc_xcalloc(fn->nblocks + 1, sizeof *p->in_loop);
        esc_blocks_in_loops(fn, p->in_loop);
    }
    return !p->in_loop[fn->stmts[def].block];
}

static uint32_t fact_id(struct solver *p, const struct fact *f)
{
    for (uint32_t i = 0; i < p->nfacts; i++)
        if (same_fact(&p->facts[i], f))
            return i;
    if (p->nfacts == MAX_FACTS)
        return ESC_NONE;
    p->facts[p->nfacts] = *f;
    return p->nfacts++;
}

static uint64_t edge_mask(const struct esc_function *fn, struct solver *p, uint32_t b, uint32_t s)
{
    struct fact facts[8];
    uint32_t n = stated_facts(fn, b, s, facts, 8);
    uint64_t mask = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!stable(fn, p, &facts[i]))
            continue;
        uint32_t id = fact_id(p, &facts[i]);
        if (id != ESC_NONE)
            mask |= UINT64_C(1) << id;
    }
    return mask;
}

/* Do facts A (known) and B (on an edge) contradict each other? */
static bool contradicts(const struct fact *a, const struct fact *b)
{
    if (a->is_param != b->is_param || a->subject != b->subject)
        return false;
    if (a->kind == ESC_COND_RANGE && b->kind == ESC_COND_RANGE) {
        for (uint32_t i = 0; i < a->nranges; i++)
            for (uint32_t j = 0; j < b->nranges; j++)
                if (a->lo[i] <= b->hi[j] && b->lo[j] <= a->hi[i])
                    return false; /* they meet */
        return a->nranges && b->nranges;
    }
    bool opposite = (a->kind == ESC_COND_POINTS_TO && b->kind == ESC_COND_NOT_POINTS_TO) ||
                    (a->kind == ESC_COND_NOT_POINTS_TO && b->kind == ESC_COND_POINTS_TO);
    return opposite && a->object == b->object && a->offset == b->offset;
}

struct tested {
    uint64_t subject; /* is_param << 32 | subject */
    uint32_t block;
};

static int compare_tested(const void *x, const void *y)
{
    const struct tested *a = x, *b = y;
    if (a->subject != b->subject)
        return a->subject < b->subject ? -1 : 1;
    return a->block < b->block ? -1 : a->block > b->block;
}

/* Is some subject tested in two blocks?  Only then can one test
   contradict what another established. */
static bool tested_twice(const struct esc_function *fn)
{
    uint32_t total = fn->cond_start[fn->nblocks], n = 0;
    struct tested *t = esc_xmalloc((total + 1) * sizeof *t);
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        uint32_t count;
        const struct esc_cond_entry *e = esc_block_conds(fn, b, &count);
        for (uint32_t k = 0; k < count; k++) {
            if (e[k].cond.kind == ESC_COND_TRUE)
                continue;
            bool is_param;
            uint32_t subject;
            fact_subject(fn, &e[k].cond, &is_param, &subject);
            t[n++] = (struct tested){(uint64_t)is_param << 32 | subject, b};
        }
    }
    qsort(t, n, sizeof *t, compare_tested);
    bool twice = false;
    for (uint32_t i = 1; i < n && !twice; i++)
        twice = t[i].subject == t[i - 1].subject && t[i].block != t[i - 1].block;
    free(t);
    return twice;
}

/* The facts of every edge, and those true on entry to every block: a
   fact holds on entry when it holds on every incoming edge. */
void esc_facts_build(struct esc_module *m, struct esc_function *fn)
{
    if (fn->facts_built)
        return;
    fn->facts_built = true;
    if (!fn->conds_built || !fn->cond_start[fn->nblocks] || !tested_twice(fn))
        return; /* no two branches say anything about one subject */
    struct solver p = {.fn = fn};
    uint32_t *edge_start =
        esc_arena_alloc(&m->arena, ((size_t)fn->nblocks + 2) * sizeof *edge_start);
    edge_start[0] = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        edge_start[b + 1] = edge_start[b] + fn->blocks[b].nsucc;
    uint64_t *edges =
        esc_arena_alloc(&m->arena, ((size_t)edge_start[fn->nblocks] + 1) * sizeof *edges);
    memset(edges, 0, ((size_t)edge_start[fn->nblocks] + 1) * sizeof *edges);
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        uint32_t n;
        if (!esc_block_conds(fn, b, &n) || !n)
            continue;
        for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++)
            edges[edge_start[b] + k] = edge_mask(fn, &p, b, fn->blocks[b].succ[k]);
    }
    free(p.in_loop);
    if (!p.nfacts)
        return;
    uint64_t *contra = esc_arena_alloc(&m->arena, p.nfacts * sizeof *contra);
    for (uint32_t i = 0; i < p.nfacts; i++) {
        contra[i] = 0;
        for (uint32_t j = 0; j < p.nfacts; j++)
            if (contradicts(&p.facts[i], &p.facts[j]))
                contra[i] |= UINT64_C(1) << j;
    }
    uint64_t *in = esc_arena_alloc(&m->arena, ((size_t)fn->nblocks + 1) * sizeof *in);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        in[b] = b == fn->entry ? 0 : ~(uint64_t)0;
    /* Monotone (sets only shrink), so this ends within nblocks + 1 rounds. */
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t b = 0; b < fn->nblocks; b++)
            for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++) {
                uint32_t s = fn->blocks[b].succ[k];
                if (s == fn->entry)
                    continue;
                uint64_t meet = in[s] & (in[b] | edges[edge_start[b] + k]);
                if (meet != in[s]) {
                    in[s] = meet;
                    changed = true;
                }
            }
    }
    /* A path need only carry the facts an edge can contradict. */
    uint64_t stated = 0, refutable = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++)
            stated |= edges[edge_start[b] + k];
    for (uint32_t k = 0; k < p.nfacts; k++)
        if (contra[k] & stated)
            refutable |= UINT64_C(1) << k;
    fn->facts_refutable = refutable;
    fn->nfacts = p.nfacts;
    fn->facts_in = in;
    fn->facts_contra = contra;
    fn->fact_edge_start = edge_start;
    fn->fact_edges = edges;
}

uint64_t esc_facts_on_entry(const struct esc_function *fn, uint32_t b)
{
    return fn->nfacts && b < fn->nblocks ? fn->facts_in[b] : 0;
}

uint64_t esc_facts_contradicting(const struct esc_function *fn, uint64_t known)
{
    uint64_t bad = 0;
    for (uint32_t k = 0; k < fn->nfacts; k++)
        if (known >> k & 1)
            bad |= fn->facts_contra[k];
    return bad;
}

uint64_t esc_edge_facts(const struct esc_function *fn, uint32_t from, uint32_t to)
{
    if (!fn->nfacts)
        return 0;
    const struct esc_block *blk = &fn->blocks[from];
    uint64_t mask = 0;
    for (uint32_t k = 0; k < blk->nsucc; k++)
        if (blk->succ[k] == to)
            mask |= fn->fact_edges[fn->fact_edge_start[from] + k];
    return mask;
}
