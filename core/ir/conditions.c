/* conditions.c - what a CFG edge says about values: one form for every branch the lowering keeps.
 */
#include "core/ir/conditions.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* The BRANCH a block ends in, if it tells its two edges apart. */
static const struct esc_stmt *block_branch(const struct esc_function *fn, uint32_t b)
{
    const struct esc_block *blk = &fn->blocks[b];
    if (!blk->nstmts)
        return NULL;
    const struct esc_stmt *s = &fn->stmts[blk->stmts[blk->nstmts - 1]];
    if (s->kind != ESC_STMT_BRANCH || s->nargs != 2 || s->args[0].kind != ESC_OPND_VALUE ||
        s->true_block == s->false_block)
        return NULL;
    if (s->args[1].kind == ESC_OPND_ADDR || s->args[1].kind == ESC_OPND_INT)
        return s;
    return NULL;
}

static uint32_t branch_facts(const struct esc_stmt *s, struct esc_cond_entry *out)
{
    uint32_t v = s->args[0].id;
    uint32_t equal = s->op == ESC_CMP_EQ ? s->true_block : s->false_block;
    uint32_t unequal = s->op == ESC_CMP_EQ ? s->false_block : s->true_block;
    struct esc_cond c = {.subject = v};
    uint32_t n = 0;
    if (s->args[1].kind == ESC_OPND_ADDR) {
        c.kind = ESC_COND_POINTS_TO;
        c.object = s->args[1].id;
        c.offset = s->args[1].offset;
        out[n++] = (struct esc_cond_entry){equal, ESC_COND_EVERY_TERM, c};
        c.kind = ESC_COND_NOT_POINTS_TO;
        out[n++] = (struct esc_cond_entry){unequal, ESC_COND_EVERY_TERM, c};
        return n;
    }
    int64_t k = s->args[1].value;
    c.kind = ESC_COND_RANGE;
    c.lo = c.hi = k;
    out[n++] = (struct esc_cond_entry){equal, ESC_COND_EVERY_TERM, c};
    if (k > INT64_MIN) {
        c.lo = INT64_MIN;
        c.hi = k - 1;
        out[n++] = (struct esc_cond_entry){unequal, ESC_COND_EVERY_TERM, c};
    }
    if (k < INT64_MAX) {
        c.lo = k + 1;
        c.hi = INT64_MAX;
        out[n++] = (struct esc_cond_entry){unequal, ESC_COND_EVERY_TERM, c};
    }
    return n;
}

void esc_conds_build(struct esc_module *m, struct esc_function *fn)
{
    if (fn->conds_built)
        return;
    fn->conds_built = true;
    struct esc_cond_entry branch[3];
    uint32_t n = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const struct esc_stmt *s = block_branch(fn, b);
        n += s ? branch_facts(s, branch) : 0;
    }
    n += fn->nparam_ranges;
    fn->cond_start = esc_arena_alloc(&m->arena, ((size_t)fn->nblocks + 2) * sizeof *fn->cond_start);
    fn->conds = n ? esc_arena_alloc(&m->arena, (size_t)n * sizeof *fn->conds) : NULL;
    n = 0;
    uint32_t r = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        fn->cond_start[b] = n;
        for (; r < fn->nparam_ranges && fn->param_ranges[r].block == b; r++) {
            const struct esc_param_range *p = &fn->param_ranges[r];
            struct esc_cond cond = {.kind = ESC_COND_RANGE,
                                    .is_param = true,
                                    .subject = p->param,
                                    .lo = p->lo,
                                    .hi = p->hi};
            if (p->param == ESC_NONE)
                cond = (struct esc_cond){.kind = ESC_COND_TRUE, .subject = ESC_NONE};
            fn->conds[n++] = (struct esc_cond_entry){p->succ, p->term, cond};
        }
        const struct esc_stmt *s = block_branch(fn, b);
        if (s)
            n += branch_facts(s, &fn->conds[n]);
    }
    fn->cond_start[fn->nblocks] = n;
}

const struct esc_cond_entry *esc_block_conds(const struct esc_function *fn, uint32_t b, uint32_t *n)
{
    if (!fn->conds_built || b >= fn->nblocks) {
        *n = 0;
        return NULL;
    }
    *n = fn->cond_start[b + 1] - fn->cond_start[b];
    return fn->conds ? &fn->conds[fn->cond_start[b]] : NULL;
}

/* The parameter a fact is about, if any: a parameter's entry value
   counts as the parameter. */
static uint32_t fact_param(const struct esc_function *fn, const struct esc_cond *f)
{
    if (f->is_param)
        return f->subject;
    const struct esc_value *v = &fn->values[f->subject];
    return v->def == ESC_NONE && v->param >= 0 ? (uint32_t)v->param : ESC_NONE;
}

/* Do the facts of edge SUCC among E[LO..HI) (one term, or the facts of
   every term) allow the known values?  For each parameter with a known
   value, one of its ranges there must hold it. */
static bool facts_allow(const struct esc_function *fn, const struct esc_cond_entry *e, uint32_t lo,
                        uint32_t hi, uint32_t succ,
                        bool (*known)(const void *, uint32_t, int64_t *), const void *ctx)
{
    for (uint32_t k = lo; k < hi; k++) {
        if (e[k].succ != succ || e[k].cond.kind != ESC_COND_RANGE)
            continue;
        uint32_t p = fact_param(fn, &e[k].cond);
        int64_t v;
        if (p == ESC_NONE || !known(ctx, p, &v))
            continue;
        bool inside = false;
        for (uint32_t j = lo; j < hi && !inside; j++)
            inside = e[j].succ == succ && e[j].cond.kind == ESC_COND_RANGE &&
                     fact_param(fn, &e[j].cond) == p && e[j].cond.lo <= v && v <= e[j].cond.hi;
        if (!inside)
            return false;
    }
    return true;
}

bool esc_edge_possible(const struct esc_function *fn, uint32_t b, uint32_t s,
                       bool (*known)(const void *ctx, uint32_t param, int64_t *value),
                       const void *ctx)
{
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
    /* The facts of every term come after the terms (esc_conds_build). */
    uint32_t nterms = 0;
    while (nterms < n && e[nterms].term != ESC_COND_EVERY_TERM)
        nterms++;
    if (!facts_allow(fn, e, nterms, n, s, known, ctx))
        return false;
    if (!nterms)
        return true;
    /* A block with terms has them for every successor it can take. */
    for (uint32_t k = 0; k < nterms;) {
        uint32_t end = k + 1;
        while (end < nterms && e[end].succ == e[k].succ && e[end].term == e[k].term)
            end++;
        if (e[k].succ == s && facts_allow(fn, e, k, end, s, known, ctx))
            return true;
        k = end;
    }
    return false;
}

/* Does the edge from B to S give SUBJECT (an SSA value) ranges in every
   term, each of them inside [LO, HI] or, with OUTSIDE, each missing it? */
static bool ranges_all(const struct esc_function *fn, uint32_t b, uint32_t s, uint32_t subject,
                       int64_t lo, int64_t hi, bool outside)
{
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
    bool any = false;
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *f = &e[k].cond;
        if (e[k].succ != s || e[k].term != ESC_COND_EVERY_TERM || f->kind != ESC_COND_RANGE ||
            f->is_param || f->subject != subject)
            continue;
        bool inside = lo <= f->lo && f->hi <= hi;
        bool misses = f->hi < lo || hi < f->lo;
        if (outside ? !misses : !inside)
            return false;
        any = true;
    }
    return any;
}

bool esc_edge_implies(const struct esc_function *fn, uint32_t b, uint32_t s,
                      const struct esc_cond *fact)
{
    if (fact->kind == ESC_COND_RANGE)
        return !fact->is_param && ranges_all(fn, b, s, fact->subject, fact->lo, fact->hi, false);
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
    for (uint32_t k = 0; k < n; k++)
        if (e[k].succ == s && e[k].term == ESC_COND_EVERY_TERM && e[k].cond.kind == fact->kind &&
            e[k].cond.is_param == fact->is_param && e[k].cond.subject == fact->subject &&
            e[k].cond.object == fact->object)
            return true;
    return false;
}

uint32_t esc_block_successor_where(const struct esc_function *fn, uint32_t b, uint32_t subject,
                                   bool zero)
{
    const struct esc_stmt *s = block_branch(fn, b);
    if (!s)
        return ESC_NONE;
    uint32_t succ[2] = {s->true_block, s->false_block};
    for (int i = 0; i < 2; i++)
        if (ranges_all(fn, b, succ[i], subject, 0, 0, !zero))
            return succ[i];
    return ESC_NONE;
}
