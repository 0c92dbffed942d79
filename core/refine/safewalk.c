/* safewalk.c - a list walk that takes every node off: its head is empty where the walk ends. */
#include "core/base/util.h"
#include "core/ir/cfg.h"
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/safewalk.h"
#include "core/solve/flows.h"
#include "core/summaries/library.h"

#include <stdlib.h>

/* The model.  The kernel drains a local list with

       list_for_each_entry_safe (p, n, &dead, ptrace_entry) {
           list_del_init (&p->ptrace_entry);
           release_task (p);
       }

   which is, in SSA form, a loop whose header L holds two phis and the
   test that ends it:

       p0 = dead.next - c;  n0 = p0->link.next - c;      // before L
     L: p = phi (p0, n);  n = phi (n0, n1);
       if (&p->link == &dead) goto out;                  // the exit edge
       ... list_del_init (&p->link); ...                 // the body
       n1 = n->link.next - c;  goto L;                   // p takes n

   (c the link's offset in the node).  At L, p's link is the head's first
   node: so it is at first, and a body that takes p's node off the list on
   every path, and changes no other link, leaves the head's next link at
   the node saved before the removal, which is where p goes next.  So on
   the exit edge the head's next link is the head: the list is empty, as
   on the edge of `while (!list_empty (&dead))`, and lists.c's
   HEAD_EMPTIED may read the edge as such.

   What the body may do besides: assignments to SSA values, stores of
   integers (a NULL, a flag), calls of functions of other units that
   nothing describes (they are trusted to leave the list alone, as
   calltrust.c trusts them in the undo direction), calls of the C library
   that copy or store no pointer, and calls of this unit's functions whose
   summaries write no list link and no pointer through their arguments.
   The removal is a call whose summary unlinks the argument &p->link
   (`list_del`, `list_del_init`).  Anything else (a store of a pointer, a
   call through a pointer, assembly) and the loop is not read.  A return
   or a break in the body leaves the loop without the test: such a path
   takes no empty edge, and the head stays reported. */

/* The SSA value a pointer operand is, through copies and constant
   offsets: *V and *OFF. */
static bool value_at(const struct esc_function *fn, const struct esc_operand *op, uint32_t *v,
                     int64_t *off)
{
    struct esc_list_ptr p;
    if (!esc_list_ptr_of(fn, op, &p) || p.kind != ESC_OPND_VALUE)
        return false;
    *v = esc_value_root(fn, p.id);
    *off = p.offset;
    return true;
}

/* Is V a load of the W-byte link at offset AT from what value BASE
   points to? */
static bool link_load_of(const struct esc_function *fn, uint32_t v, uint32_t base, int64_t at,
                         int64_t w)
{
    uint32_t def;
    struct esc_list_ptr place;
    const struct esc_operand *from = esc_list_load_place(fn, v, &def);
    return from && from->size == w && esc_list_place_ptr(fn, from, &place) &&
           place.kind == ESC_OPND_VALUE && esc_value_root(fn, place.id) == base &&
           place.offset == at;
}

/* The phi that defines root value V in block L, with its two incoming
   values: *OUTSIDE from a block not in L's component, *INSIDE from one
   in it. */
static bool loop_phi(const struct esc_function *fn, uint32_t v, uint32_t l, const uint32_t *comp,
                     const struct esc_operand **outside, const struct esc_operand **inside)
{
    uint32_t def = fn->values[v].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    if (s->kind != ESC_STMT_PHI || s->block != l || s->nargs != 2 || !s->arg_blocks)
        return false;
    *outside = *inside = NULL;
    for (uint32_t k = 0; k < 2; k++) {
        uint32_t from = s->arg_blocks[k];
        if (from == ESC_NONE || from >= fn->nblocks)
            return false;
        if (comp[from] == comp[l])
            *inside = &s->args[k];
        else
            *outside = &s->args[k];
    }
    return *outside && *inside;
}

/* Does call S take the node at P + C off its list, by its summary? */
static bool unlinks_node(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id,
                         uint32_t p, int64_t c)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_summary *sum = flows->calls[id].summary;
    for (uint32_t j = 0; sum && j < s->nargs && j < sum->nparams; j++) {
        uint32_t v;
        int64_t off;
        if (sum->params[j].unlinks && value_at(fn, &s->args[j], &v, &off) && v == p &&
            off + sum->params[j].list_offset == c)
            return true;
    }
    return false;
}

/* May statement ID of the body change a list link (W bytes wide), other
   than by taking the node at P + C off? */
static bool may_relink(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id,
                       uint32_t p, int64_t c, int64_t w)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_call *call = &flows->calls[id];
    switch (s->kind) {
    case ESC_STMT_ASSIGN:
        if (s->lhs.kind != ESC_OPND_MEM && s->lhs.kind != ESC_OPND_DEREF)
            return false;
        for (uint32_t j = 0; j < s->nargs; j++)
            if (s->args[j].kind != ESC_OPND_INT)
                return true;
        return false;
    case ESC_STMT_CALL:
        if (s->flags & ESC_CALLF_ASM)
            return true;
        if (unlinks_node(fn, flows, id, p, c) || esc_call_is_external(fn, flows, id))
            return false;
        if (call->library)
            return call->library->copy_dst || call->library->store_dst || call->unknown;
        if (!call->summary || call->summary->writes_overflow || call->unknown)
            return true;
        for (uint32_t j = 0; j < call->summary->nparams; j++) {
            const struct esc_param_summary *ps = &call->summary->params[j];
            if (ps->links || ps->unlinks || ps->link_writes)
                return true;
        }
        for (uint32_t k = 0; k < call->summary->nwrites; k++)
            if (call->summary->writes[k].size < 0 || call->summary->writes[k].size == w)
                return true;
        return false;
    default:
        return false;
    }
}

/* Does every path from block FROM back to L, within L's component, take
   the node at P + C off its list, and no statement of the component
   (L's own phis, offsets and test aside) change another link? */
static bool body_drains(const struct esc_function *fn, const struct esc_flows *flows,
                        const uint32_t *comp, uint32_t l, uint32_t from, uint32_t p, int64_t c,
                        int64_t w)
{
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (comp[b] != comp[l])
            continue;
        const struct esc_block *blk = &fn->blocks[b];
        for (uint32_t k = 0; k < blk->nstmts; k++)
            if (may_relink(fn, flows, blk->stmts[k], p, c, w) ||
                (b == l && fn->stmts[blk->stmts[k]].kind == ESC_STMT_CALL))
                return false;
    }
    /* A walk from FROM that stops at blocks with the removal must not get
       back to L. */
    bool *seen = esc_xcalloc(fn->nblocks + 1, sizeof *seen);
    uint32_t *stack = esc_xcalloc(fn->nblocks + 1, sizeof *stack), n = 0;
    bool ok = true;
    stack[n++] = from;
    seen[from] = true;
    while (n && ok) {
        uint32_t b = stack[--n];
        if (b == l) {
            ok = false;
            break;
        }
        const struct esc_block *blk = &fn->blocks[b];
        bool removes = false;
        for (uint32_t k = 0; k < blk->nstmts && !removes; k++)
            removes = fn->stmts[blk->stmts[k]].kind == ESC_STMT_CALL &&
                      unlinks_node(fn, flows, blk->stmts[k], p, c);
        if (removes)
            continue;
        for (uint32_t e = 0; e < blk->nsucc; e++) {
            uint32_t to = blk->succ[e];
            if (comp[to] == comp[l] && !seen[to]) {
                seen[to] = true;
                stack[n++] = to;
            }
        }
    }
    free(seen);
    free(stack);
    return ok;
}

uint32_t esc_safe_walk_empty_edges(const struct esc_function *fn, const struct esc_flows *flows,
                                   uint32_t h, struct esc_safe_walk_edge *out, uint32_t max)
{
    uint32_t found = 0;
    uint32_t *comp = NULL;
    for (uint32_t l = 0; l < fn->nblocks && found < max; l++) {
        const struct esc_block *blk = &fn->blocks[l];
        const struct esc_stmt *br = blk->nstmts ? &fn->stmts[blk->stmts[blk->nstmts - 1]] : NULL;
        if (!br || br->kind != ESC_STMT_BRANCH || br->nargs != 2)
            continue;
        const struct esc_operand *head = &br->args[1], *node = &br->args[0];
        if (head->kind != ESC_OPND_ADDR)
            head = &br->args[0], node = &br->args[1];
        uint32_t p, t;
        int64_t c, off;
        if (head->kind != ESC_OPND_ADDR || head->id != h || head->offset == ESC_UNKNOWN_OFFSET ||
            !value_at(fn, node, &p, &c))
            continue;
        if (!comp) {
            comp = esc_xcalloc(fn->nblocks + 1, sizeof *comp);
            uint32_t *size = esc_xcalloc(fn->nblocks + 2, sizeof *size);
            esc_block_components(fn, comp, size);
            free(size);
        }
        /* p = phi (H.next - c, n), n = phi (p0's next - c, n's next - c). */
        const struct esc_operand *p_out, *p_in, *t_out, *t_in;
        uint32_t v0, v1, v2;
        int64_t o0, o1, o2, w = 0;
        if (!loop_phi(fn, p, l, comp, &p_out, &p_in) || !value_at(fn, p_in, &t, &off) || off != 0 ||
            !loop_phi(fn, t, l, comp, &t_out, &t_in) || !value_at(fn, p_out, &v0, &o0) ||
            o0 != -c || !value_at(fn, t_out, &v1, &o1) || o1 != -c ||
            !value_at(fn, t_in, &v2, &o2) || o2 != -c)
            continue;
        uint32_t def;
        const struct esc_operand *first = esc_list_load_place(fn, v0, &def);
        struct esc_list_ptr at;
        if (!first || !esc_list_place_ptr(fn, first, &at) || at.kind != ESC_OPND_ADDR ||
            at.id != h || (w = first->size) <= 0)
            continue;
        int64_t side = at.offset - head->offset;
        if (!link_load_of(fn, v1, v0, side, w) || !link_load_of(fn, v2, t, c + side, w))
            continue;
        /* The equal edge leaves the loop. */
        uint32_t exit = br->op == ESC_CMP_EQ ? br->true_block : br->false_block;
        uint32_t stay = br->op == ESC_CMP_EQ ? br->false_block : br->true_block;
        if (exit == ESC_NONE || stay == ESC_NONE || comp[exit] == comp[l] ||
            comp[stay] != comp[l] || !body_drains(fn, flows, comp, l, stay, p, c, w))
            continue;
        out[found++] = (struct esc_safe_walk_edge){l, exit, side, w};
    }
    free(comp);
    return found;
}
