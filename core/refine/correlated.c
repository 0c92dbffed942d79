/* correlated.c - an edge that contradicts a condition already true at the store cannot follow it.
 */
#include "core/base/util.h"
#include "core/ir/cfg.h"
#include "core/ir/conditions.h"
#include "core/refine/refine.h"

#include <stdlib.h>
#include <string.h>

/* The model.  The same test often guards a store and its undo:

       if (filename) {
           prev = cf->conf_file;
           cf->conf_file = &conf_file;      // the store: filename != 0 here
       }
       rv = parse (cf);
       if (filename)                        // its false edge contradicts
           cf->conf_file = prev;            //  what held at the store
       return rv;

   The path from the store through the second test's false edge cannot
   happen.  A fact that holds on every path to the store's block (a
   forward must-analysis over the edge conditions of conditions.h, as
   guards.c does for `p != &x`) still holds after it for as long as its
   subject does not change: a parameter's value on entry never does, nor
   an SSA value defined outside every loop (defined once, it keeps its
   value for the rest of the call).  So the OVERWRITE walk (restore.c)
   ends a path on an edge whose condition contradicts one of them: ranges
   of the same subject that do not meet, or "points to x" against "does
   not point to x".  Only the first 64 facts of a function are used; the
   rest only cost precision. */

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

struct esc_correlated_paths {
    uint32_t nfacts;
    struct fact facts[MAX_FACTS];
    uint64_t contra[MAX_FACTS]; /* per fact: the facts that contradict it */
    uint64_t *in;               /* per block: the facts true on entry */
    uint32_t *edge_start;       /* per block (CSR): its out-edges' facts in edge_masks */
    uint64_t *edge_masks;
    bool *in_loop; /* per block, when a fact is about a value defined in it */
};

struct esc_store_facts {
    uint64_t contradicting; /* the facts an edge must not state */
};

void esc_store_facts_free(struct esc_store_facts *facts)
{
    free(facts);
}

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
static uint32_t edge_facts(const struct esc_function *fn, uint32_t b, uint32_t s, struct fact *out,
                           uint32_t max)
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
static bool stable(const struct esc_function *fn, struct esc_correlated_paths *p,
                   const struct fact *f)
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

static uint32_t fact_id(struct esc_correlated_paths *p, const struct fact *f)
{
    for (uint32_t i = 0; i < p->nfacts; i++)
        if (same_fact(&p->facts[i], f))
            return i;
    if (p->nfacts == MAX_FACTS)
        return ESC_NONE;
    p->facts[p->nfacts] = *f;
    return p->nfacts++;
}

static uint64_t edge_mask(const struct esc_function *fn, struct esc_correlated_paths *p, uint32_t b,
                          uint32_t s)
{
    struct fact facts[8];
    uint32_t n = edge_facts(fn, b, s, facts, 8);
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

/* The facts of every edge, and those true on entry to every block: a
   fact holds on entry when it holds on every incoming edge. */
static struct esc_correlated_paths *solve(const struct esc_function *fn)
{
    struct esc_correlated_paths *p = esc_xcalloc(1, sizeof *p);
    p->edge_start = esc_xcalloc(fn->nblocks + 2, sizeof *p->edge_start);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        p->edge_start[b + 1] = p->edge_start[b] + fn->blocks[b].nsucc;
    if (!fn->conds_built || !fn->cond_start[fn->nblocks])
        return p; /* no branch says anything */
    p->edge_masks = esc_xcalloc(p->edge_start[fn->nblocks] + 1, sizeof *p->edge_masks);
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        uint32_t n;
        if (!esc_block_conds(fn, b, &n) || !n)
            continue;
        for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++)
            p->edge_masks[p->edge_start[b] + k] = edge_mask(fn, p, b, fn->blocks[b].succ[k]);
    }
    if (!p->nfacts)
        return p;
    for (uint32_t i = 0; i < p->nfacts; i++)
        for (uint32_t j = 0; j < p->nfacts; j++)
            if (contradicts(&p->facts[i], &p->facts[j]))
                p->contra[i] |= UINT64_C(1) << j;
    p->in = esc_xcalloc(fn->nblocks + 1, sizeof *p->in);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        p->in[b] = b == fn->entry ? 0 : ~(uint64_t)0;
    /* Monotone (sets only shrink), so this ends within nblocks + 1 rounds. */
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t b = 0; b < fn->nblocks; b++)
            for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++) {
                uint32_t s = fn->blocks[b].succ[k];
                if (s == fn->entry)
                    continue;
                uint64_t meet = p->in[s] & (p->in[b] | p->edge_masks[p->edge_start[b] + k]);
                if (meet != p->in[s]) {
                    p->in[s] = meet;
                    changed = true;
                }
            }
    }
    return p;
}

void esc_correlated_paths_free(struct esc_correlated_paths *p)
{
    if (!p)
        return;
    free(p->in);
    free(p->in_loop);
    free(p->edge_start);
    free(p->edge_masks);
    free(p);
}

bool esc_correlated(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                    uint32_t to)
{
    const struct esc_function *fn = r->fn;
    if (!r->paths)
        r->paths = solve(fn);
    const struct esc_correlated_paths *p = r->paths;
    if (!p->nfacts)
        return false;
    if (!place->facts) {
        place->facts = esc_xcalloc(1, sizeof *place->facts);
        uint32_t b = fn->stmts[r->flows->items[place->flow].stmt].block;
        uint64_t known = b == ESC_NONE ? 0 : p->in[b];
        for (uint32_t k = 0; k < p->nfacts; k++)
            if (known >> k & 1)
                place->facts->contradicting |= p->contra[k];
    }
    uint64_t bad = place->facts->contradicting;
    if (!bad)
        return false;
    const struct esc_block *blk = &fn->blocks[from];
    for (uint32_t k = 0; k < blk->nsucc; k++)
        if (blk->succ[k] == to && p->edge_masks[p->edge_start[from] + k] & bad)
            return true;
    return false;
}
