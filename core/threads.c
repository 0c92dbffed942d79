/* threads.c - is a thread a function starts joined before the function returns? */
#include "threads.h"
#include "scc.h"
#include "util.h"

#include <stdlib.h>

/* The thread is named by its handle, `pthread_t t`: pthread_create
   (&t, ...) writes it and pthread_join (t, ...) reads it back.  Both are
   matched by the one object the handle lives in (t, or the array th of
   `&th[i]`), which points-to sets give through any copies.

   "Joined on every path" is checked on the CFG: no path from the create
   reaches a return without passing a join.  Threads are usually started
   in one loop and joined in another,

       for (i = 0; i < n; i++) pthread_create (&th[i], 0, work, &arg[i]);
       for (i = 0; i < n; i++) pthread_join (th[i], 0);

   where the path that skips the second loop's body exists in the CFG
   only if n can change in between.  So a join inside a loop counts for
   every block of that loop (its strongly connected component), the loop
   header included.  A loop that can exit before joining everything is the
   price: docs/limits.md says so. */

/* The single object operand OP (an address) points to, or ESC_NONE. */
static uint32_t pointed_object(const struct esc_pointsto *pt, const struct esc_operand *op)
{
    if (op->kind == ESC_OPND_ADDR)
        return op->id;
    if (op->kind != ESC_OPND_VALUE || op->id >= pt->nvalues)
        return ESC_NONE;
    const struct esc_bitset *set = esc_pts(pt, op->id);
    uint32_t first = esc_bitset_next(set, pt->nwords, 0);
    if (first == ESC_NONE || esc_bitset_next(set, pt->nwords, first + 1) != ESC_NONE)
        return ESC_NONE;
    return first;
}

/* The object a handle value was loaded from: t for `t.0_1 = t`. */
static uint32_t loaded_from(const struct esc_function *fn, const struct esc_pointsto *pt,
                            const struct esc_operand *op)
{
    if (op->kind == ESC_OPND_MEM)
        return op->id;
    if (op->kind != ESC_OPND_VALUE || fn->values[op->id].def == ESC_NONE)
        return ESC_NONE;
    const struct esc_stmt *def = &fn->stmts[fn->values[op->id].def];
    if (def->kind != ESC_STMT_ASSIGN || def->nargs != 1)
        return ESC_NONE;
    const struct esc_operand *src = &def->args[0];
    if (src->kind == ESC_OPND_MEM)
        return src->id;
    if (src->kind == ESC_OPND_DEREF) {
        struct esc_operand base = esc_opnd_value(src->id);
        return pointed_object(pt, &base);
    }
    return ESC_NONE;
}

static const struct esc_operand *call_arg(const struct esc_stmt *s, unsigned n)
{
    return n >= 1 && n <= s->nargs ? &s->args[n - 1] : NULL;
}

/* Is statement ID a join of the thread whose handle lives in HANDLE? */
static bool joins_handle(const struct esc_function *fn, const struct esc_flows *flows,
                         const struct esc_pointsto *pt, uint32_t id, uint32_t handle)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_lib_model *model = flows->calls[id].model;
    if (s->kind != ESC_STMT_CALL || !model || !model->joins)
        return false;
    const struct esc_operand *arg = call_arg(s, model->joins);
    return arg && loaded_from(fn, pt, arg) == handle;
}

/* Mark the blocks that join HANDLE, and every block sharing a loop with one. */
static bool mark_joins(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t handle, bool *covered)
{
    bool any = false;
    for (uint32_t id = 0; id < fn->nstmts; id++)
        if (fn->stmts[id].block != ESC_NONE && joins_handle(fn, flows, pt, id, handle)) {
            covered[fn->stmts[id].block] = true;
            any = true;
        }
    if (!any)
        return false;

    uint32_t nb = fn->nblocks, nedges = 0;
    for (uint32_t b = 0; b < nb; b++)
        nedges += fn->blocks[b].nsucc;
    uint32_t *start = esc_xmalloc((nb + 1) * sizeof *start);
    uint32_t *adj = esc_xmalloc((nedges + 1) * sizeof *adj);
    uint32_t *comp = esc_xmalloc((nb + 1) * sizeof *comp);
    uint32_t *size = esc_xcalloc(nb + 1, sizeof *size);
    bool *join_comp = esc_xcalloc(nb + 1, sizeof *join_comp);
    for (uint32_t b = 0, k = 0; b < nb; b++) {
        start[b] = k;
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++)
            adj[k++] = fn->blocks[b].succ[e];
        start[b + 1] = k;
    }
    struct esc_graph g = {nb, start, adj};
    esc_scc(&g, comp);
    for (uint32_t b = 0; b < nb; b++)
        size[comp[b]]++;
    for (uint32_t b = 0; b < nb; b++)
        if (covered[b] && size[comp[b]] > 1)
            join_comp[comp[b]] = true;
    for (uint32_t b = 0; b < nb; b++)
        if (join_comp[comp[b]])
            covered[b] = true;
    free(start);
    free(adj);
    free(comp);
    free(size);
    free(join_comp);
    return true;
}

static bool block_returns(const struct esc_function *fn, uint32_t b)
{
    const struct esc_block *blk = &fn->blocks[b];
    for (uint32_t i = 0; i < blk->nstmts; i++)
        if (fn->stmts[blk->stmts[i]].kind == ESC_STMT_RETURN)
            return true;
    return false;
}

bool esc_thread_joined(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t create)
{
    const struct esc_stmt *s = &fn->stmts[create];
    const struct esc_lib_model *model = flows->calls[create].model;
    if (!model || !model->thread_handle || s->block == ESC_NONE)
        return false;
    const struct esc_operand *arg = call_arg(s, model->thread_handle);
    uint32_t handle = arg ? pointed_object(pt, arg) : ESC_NONE;
    if (handle == ESC_NONE || !esc_object_is_stack(&fn->objects[handle]))
        return false;
    bool *covered = esc_xcalloc(fn->nblocks + 1, sizeof *covered);
    if (!mark_joins(fn, flows, pt, handle, covered)) {
        free(covered);
        return false;
    }

    /* The rest of the create's own block: a join settles it, a return
       ends the frame first. */
    const struct esc_block *home = &fn->blocks[s->block];
    bool after = false, joined = false, returned = false;
    for (uint32_t i = 0; i < home->nstmts && !joined && !returned; i++) {
        uint32_t id = home->stmts[i];
        if (id == create)
            after = true;
        else if (after && joins_handle(fn, flows, pt, id, handle))
            joined = true;
        else if (after && fn->stmts[id].kind == ESC_STMT_RETURN)
            returned = true;
    }
    if (!joined && !returned) {
        /* Search for a path to a return that avoids every covered block. */
        bool *seen = esc_xcalloc(fn->nblocks + 1, sizeof *seen);
        uint32_t *queue = esc_xmalloc((fn->nblocks + 1) * sizeof *queue);
        uint32_t head = 0, tail = 0;
        for (uint32_t e = 0; e < home->nsucc; e++) {
            uint32_t b = home->succ[e];
            if (!seen[b] && !covered[b]) {
                seen[b] = true;
                queue[tail++] = b;
            }
        }
        while (head < tail && !returned) {
            uint32_t b = queue[head++];
            if (block_returns(fn, b)) {
                returned = true;
                break;
            }
            for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++) {
                uint32_t next = fn->blocks[b].succ[e];
                if (!seen[next] && !covered[next]) {
                    seen[next] = true;
                    queue[tail++] = next;
                }
            }
        }
        joined = !returned;
        free(seen);
        free(queue);
    }
    free(covered);
    return joined;
}
