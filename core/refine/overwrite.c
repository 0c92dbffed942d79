/* overwrite.c - control-flow questions about stores: overwritten before return, reaching a load. */
#include "core/refine/overwrite.h"
#include "core/base/budget.h"
#include "core/ir/facts.h"
#include "core/summaries/library.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

bool esc_place_exact(const struct esc_operand *op)
{
    return (op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_DEREF) &&
           op->offset != ESC_UNKNOWN_OFFSET && op->size > 0;
}

uint32_t esc_value_root(const struct esc_function *fn, uint32_t v)
{
    for (uint32_t guard = 0; guard < 64; guard++) {
        uint32_t def = fn->values[v].def;
        if (def == ESC_NONE)
            break;
        const struct esc_stmt *s = &fn->stmts[def];
        if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->args[0].kind != ESC_OPND_VALUE ||
            s->args[0].offset || (s->op != ESC_ASSIGN_COPY && s->op != ESC_ASSIGN_CONVERT))
            break;
        v = s->args[0].id;
    }
    return v;
}

/* esc_call_fills, kept static so that the walk, which asks it of every
   call it passes, has it inline. */
static struct esc_operand filled_by_call(const struct esc_stmt *s)
{
    struct esc_operand none = esc_opnd_none();
    if (s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL))
        return none;
    int64_t atomic = esc_lib_store_size(s->callee);
    if (atomic && s->nargs >= 2) {
        if (s->args[0].kind == ESC_OPND_VALUE)
            return esc_opnd_deref_arg(&s->args[0], 0, atomic);
        if (s->args[0].kind == ESC_OPND_ADDR && s->args[0].offset != ESC_UNKNOWN_OFFSET)
            return esc_opnd_mem(s->args[0].id, s->args[0].offset, atomic);
        return none;
    }
    const struct esc_lib_entry *m = esc_lib_lookup(s->callee);
    if (!m || !m->fill_dst || m->fill_dst > s->nargs || m->fill_size > s->nargs)
        return none;
    const struct esc_operand *dst = &s->args[m->fill_dst - 1];
    const struct esc_operand *size = &s->args[m->fill_size - 1];
    if (size->kind != ESC_OPND_INT || size->value <= 0)
        return none;
    if (dst->kind == ESC_OPND_VALUE)
        return esc_opnd_deref_arg(dst, 0, size->value);
    if (dst->kind == ESC_OPND_ADDR && dst->offset != ESC_UNKNOWN_OFFSET)
        return esc_opnd_mem(dst->id, dst->offset, size->value);
    return none;
}

struct esc_operand esc_call_fills(const struct esc_stmt *s)
{
    return filled_by_call(s);
}

struct esc_operand esc_direct_place(const struct esc_function *fn, struct esc_operand op)
{
    if (op.kind != ESC_OPND_DEREF || op.offset == ESC_UNKNOWN_OFFSET)
        return op;
    uint32_t v = esc_value_root(fn, op.id);
    uint32_t def = fn->values[v].def;
    if (def == ESC_NONE)
        return op;
    const struct esc_stmt *s = &fn->stmts[def];
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->args[0].kind != ESC_OPND_ADDR ||
        s->args[0].offset == ESC_UNKNOWN_OFFSET ||
        (s->op != ESC_ASSIGN_COPY && s->op != ESC_ASSIGN_CONVERT))
        return op;
    struct esc_operand mem = op;
    mem.kind = ESC_OPND_MEM;
    mem.id = s->args[0].id;
    mem.offset = op.offset + s->args[0].offset;
    return mem;
}

static bool same_base(const struct esc_function *fn, const struct esc_operand *a,
                      const struct esc_operand *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == ESC_OPND_DEREF)
        return a->id == b->id || esc_value_root(fn, a->id) == esc_value_root(fn, b->id);
    return a->id == b->id;
}

/* *(v + k) with v = p + j (`&p->f`, `p + 1`) as *(p + j + k); OP as it is
   when an amount is not known. */
static struct esc_operand rebased(const struct esc_function *fn, struct esc_operand op)
{
    uint32_t root;
    int64_t shift;
    if (op.kind == ESC_OPND_DEREF && op.offset != ESC_UNKNOWN_OFFSET &&
        esc_value_base(fn, op.id, &root, &shift)) {
        op.id = root;
        op.offset += shift;
    }
    return op;
}

bool esc_store_covers(const struct esc_function *fn, const struct esc_stmt *s,
                      const struct esc_operand *loc)
{
    struct esc_operand w;
    if ((s->kind == ESC_STMT_ASSIGN || s->kind == ESC_STMT_CALL) && loc->ref &&
        s->lhs.ref == loc->ref)
        return true; /* the same expression: registry[i].data = 0 */
    if (s->kind == ESC_STMT_ASSIGN)
        w = s->lhs;
    else if (s->kind == ESC_STMT_CALL)
        w = s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF ? s->lhs
                                                                         : filled_by_call(s);
    else
        return false;
    if (!esc_place_exact(&w) || !esc_place_exact(loc))
        return false;
    struct esc_operand place = *loc;
    if (!same_base(fn, &w, &place)) {
        if (w.kind == ESC_OPND_MEM && place.kind == ESC_OPND_MEM)
            return false; /* two named objects: no pointer to look through */
        w = esc_direct_place(fn, w);
        place = esc_direct_place(fn, place);
        if (!same_base(fn, &w, &place)) {
            w = rebased(fn, w);
            place = rebased(fn, place);
            if (!same_base(fn, &w, &place))
                return false;
        }
    }
    return w.offset <= place.offset && w.offset + w.size >= place.offset + place.size;
}

static bool moved(const uint32_t *moves, uint32_t n, uint32_t id)
{
    for (uint32_t k = 0; k < n; k++)
        if (moves[k] == id)
            return true;
    return false;
}

struct path_start {
    uint32_t block, index;
    uint64_t facts; /* what the path's edges said, about values that do not change */
};

/* The facts each block was entered with: a path entered with facts that
   hold more than a former one's is one of its paths already. */
#define MAX_ENTRIES 2

struct entries {
    uint64_t *facts; /* MAX_ENTRIES per block */
    uint8_t *n;
};

/* Enter block B with FACTS, unless a former entry covers it; past
   SLOTS entries, with no facts at all, which covers every other. */
static bool enter(struct entries *e, unsigned slots, uint32_t b, uint64_t *facts)
{
    uint64_t *had = &e->facts[(size_t)b * slots];
    for (uint8_t i = 0; i < e->n[b]; i++)
        if ((had[i] & *facts) == had[i])
            return false;
    if (e->n[b] == slots - 1)
        *facts = 0;
    had[e->n[b]++] = *facts;
    return true;
}

/* The walk behind esc_store_reaches_unless and esc_store_reaches_undone: a
   depth-first search from just after FROM that ends a path where LOC is
   written again (or RESTORES accepts), at FROM itself, or at a noreturn
   call.  With REACHED NULL it stops at TARGET (or any return, when TARGET
   is ESC_NONE); otherwise it records every statement it comes to in
   REACHED, the one that ends a path included, and never stops early.
   Either way, once the location moves, it walks again with none. */
static bool walk(const struct esc_function *fn, uint32_t from, const struct esc_operand *loc,
                 uint32_t target, esc_restores_fn *restores, esc_edge_ends_fn *edge_ends, void *ctx,
                 struct esc_bitset *reached, bool decided)
{
    /* FROM ESC_NONE: from the function's entry. */
    const struct esc_stmt *st = from == ESC_NONE ? NULL : &fn->stmts[from];
    if ((st && st->block == ESC_NONE) ||
        (!reached && target != ESC_NONE && fn->stmts[target].block == ESC_NONE))
        return true;
    if (loc && !esc_place_exact(loc) && !loc->ref)
        loc = NULL;
    /* Statements that move the location: the definitions of its base
       pointer and of every value its expression uses. */
    uint32_t moves[9], nmoves = 0;
    if (loc && loc->kind == ESC_OPND_DEREF)
        moves[nmoves++] = fn->values[esc_value_root(fn, loc->id)].def;
    if (loc && loc->ref) {
        const struct esc_ref *r = &fn->refs[loc->ref - 1];
        if (r->nvalues + nmoves > 9)
            loc = NULL; /* too many to follow: trust no overwrite */
        for (uint32_t k = 0; loc && k < r->nvalues; k++)
            moves[nmoves++] = fn->values[r->values[k]].def;
    }

    uint32_t start = st ? st->block : fn->entry, pos = 0;
    if (st) {
        const struct esc_block *home = &fn->blocks[start];
        while (pos < home->nstmts && home->stmts[pos] != from)
            pos++;
        pos++;
    }

    /* REACHED's words, set in place: half a million calls to
       esc_bitset_add on sqlite3.c. */
    uint64_t *reached_words = NULL;
    if (reached) {
        if (!reached->words)
            reached->words = esc_xcalloc(esc_bitset_words(fn->nstmts) + 1, sizeof(uint64_t));
        reached_words = reached->words;
    }
    /* DECIDED: the walk follows only the paths whose branches agree with
       each other and with what held at the store (core/ir/facts.h:
       parameters, values defined outside loops): `buf` stored, then
       `if (given) p = strdup (given); if (!given) p = strdup (buf);`
       overwrites on both paths.  Otherwise (and in a function without
       facts) each block is entered once, with none.  Only the first n[b]
       entries of a block are read: no need to clear them. */
    decided = decided && fn->facts_refutable;
    unsigned slots = decided ? MAX_ENTRIES : 1;
    struct entries entered = {esc_xmalloc((size_t)fn->nblocks * slots * sizeof(uint64_t)),
                              esc_xcalloc(fn->nblocks, 1)};
    struct path_start *stack = esc_xmalloc(((size_t)fn->nblocks * slots + 1) * sizeof *stack);
    uint32_t depth = 0;
    stack[depth++] = (struct path_start){
        start, pos, st && decided ? esc_facts_on_entry(fn, start) & fn->facts_refutable : 0};
    bool reaches = false, lost = false;

    while (depth && !reaches) {
        struct path_start at = stack[--depth];
        const struct esc_block *b = &fn->blocks[at.block];
        bool path_done = false;
        /* Past the budget the function's results are thrown away: answer
           the cheapest way, the one that reports nothing. */
        if (!esc_budget_walk(b->nstmts - at.index + 1))
            break;
        for (uint32_t k = at.index; k < b->nstmts && !path_done && !reaches; k++) {
            uint32_t id = b->stmts[k];
            const struct esc_stmt *s = &fn->stmts[id];
            if (reached_words)
                reached_words[id / 64] |= (uint64_t)1 << (id % 64);
            else if (target == ESC_NONE ? s->kind == ESC_STMT_RETURN : id == target)
                reaches = true;
            if (reaches)
                break;
            /* Only assignments and calls write: no call for the rest. */
            if (id == from ||
                (loc && (s->kind == ESC_STMT_ASSIGN || s->kind == ESC_STMT_CALL) &&
                 esc_store_covers(fn, s, loc)) ||
                (restores && restores(ctx, id)))
                path_done = true; /* stored again, or overwritten: settled */
            else if (moved(moves, nmoves, id))
                reaches = lost = true; /* the location moved: see below */
            else if (s->kind == ESC_STMT_CALL && (s->flags & ESC_CALLF_NORETURN))
                path_done = true;
        }
        if (path_done || reaches)
            continue;
        /* Most paths have decided nothing: no facts to contradict. */
        uint64_t against = at.facts ? esc_facts_contradicting(fn, at.facts) : 0;
        const uint64_t *said = decided ? &fn->fact_edges[fn->fact_edge_start[at.block]] : NULL;
        for (uint32_t k = 0; k < b->nsucc; k++) {
            uint32_t next = b->succ[k];
            uint64_t stated = said ? said[k] : 0;
            uint64_t facts = (at.facts | stated) & fn->facts_refutable;
            if (!(stated & against) && !(edge_ends && edge_ends(ctx, at.block, next)) &&
                enter(&entered, slots, next, &facts))
                stack[depth++] = (struct path_start){next, 0, facts};
        }
    }
    free(entered.facts);
    free(entered.n);
    free(stack);
    /* Once the location moves (its base pointer or an index is computed
       again, in a loop), a later write to the same expression may go
       elsewhere, and nothing known about the place holds any more: no
       write, restoring call or edge ends a path.  What was stored can
       still only be read where control can get to from the store, so the
       answer is that of plain reachability (a store in uv__io_poll's
       polling loop is never read by the loop before it). */
    if (lost)
        return walk(fn, from, NULL, target, NULL, NULL, NULL, reached, false);
    return reaches;
}

bool esc_store_reaches(const struct esc_function *fn, uint32_t from, const struct esc_operand *loc,
                       uint32_t target)
{
    return walk(fn, from, loc, target, NULL, NULL, NULL, NULL, false);
}

bool esc_store_reaches_unless(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, uint32_t target,
                              esc_restores_fn *restores, void *ctx)
{
    return walk(fn, from, loc, target, restores, NULL, ctx, NULL, false);
}

bool esc_store_reaches_return(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, esc_restores_fn *restores,
                              esc_edge_ends_fn *edge_ends, void *ctx, bool decided)
{
    return walk(fn, from, loc, ESC_NONE, restores, edge_ends, ctx, NULL, decided);
}

bool esc_store_reaches_target(const struct esc_function *fn, uint32_t from, uint32_t target,
                              esc_restores_fn *restores, esc_edge_ends_fn *edge_ends, void *ctx)
{
    return walk(fn, from, NULL, target, restores, edge_ends, ctx, NULL, false);
}

bool esc_entry_reaches_return(const struct esc_function *fn, esc_restores_fn *restores, void *ctx)
{
    return walk(fn, ESC_NONE, NULL, ESC_NONE, restores, NULL, ctx, NULL, false);
}

bool esc_same_place(const struct esc_function *fn, const struct esc_operand *a,
                    const struct esc_operand *b)
{
    if (a->ref && a->ref == b->ref)
        return true;
    if (!esc_place_exact(a) || !esc_place_exact(b))
        return false;
    struct esc_operand x = *a, y = *b;
    if (!same_base(fn, &x, &y)) {
        x = esc_direct_place(fn, x);
        y = esc_direct_place(fn, y);
        if (!same_base(fn, &x, &y)) {
            x = rebased(fn, x);
            y = rebased(fn, y);
            if (!same_base(fn, &x, &y))
                return false;
        }
    }
    return x.offset == y.offset && x.size == y.size;
}

bool esc_store_reaches_undone(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, uint32_t target,
                              esc_restores_fn *restores, esc_edge_ends_fn *edge_ends, void *ctx,
                              struct esc_bitset *reached)
{
    return walk(fn, from, loc, target, restores, edge_ends, ctx, reached, false);
}

bool esc_store_overwritten(const struct esc_function *fn, uint32_t store)
{
    const struct esc_stmt *st = &fn->stmts[store];
    if ((!esc_place_exact(&st->lhs) && !st->lhs.ref) || st->block == ESC_NONE)
        return false;
    return !esc_store_reaches(fn, store, &st->lhs, ESC_NONE);
}
