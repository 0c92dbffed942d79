/* joinclose.c - is what a call keeps released (a thread joined, a stream closed) before return? */
#include "core/refine/joinclose.h"
#include "core/refine/refine.h"
#include "core/base/budget.h"
#include "core/refine/overwrite.h"
#include "core/ir/cfg.h"
#include "core/ir/conditions.h"
#include "core/ir/facts.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* Some library calls keep a pointer only as long as something they
   create lives: a thread until it is joined, a stream until it is closed
   (setvbuf's buffer, fmemopen's memory).  What they keep does not
   outlive the frame if that holder is released on every path to a
   return.

   A thread is named by its handle, `pthread_t t`: pthread_create
   (&t, ...) writes it and pthread_join (t, ...) reads it back.  Both are
   matched by the one object the handle lives in (t, or the array th of
   `&th[i]`), which points-to sets give through any copies; in an array
   that object does not name (from another unit's allocator, git's
   `CALLOC_ARRAY (ids, n)`), by the pointer ids that both the create's
   `&ids[k]` and the join's `ids[k]` index, whatever the index.

   "Joined on every path" is checked on the CFG: no path from the create
   reaches a return without passing a join.  Threads are usually started
   in one loop and joined in another,

       for (i = 0; i < n; i++) pthread_create (&th[i], 0, work, &arg[i]);
       for (i = 0; i < n; i++) pthread_join (th[i], 0);

   where the path that skips the second loop's body exists in the CFG
   only if n can change in between.  So a join inside a loop counts for
   every block of that loop (its strongly connected component), the loop
   header included.  A loop that can exit before joining everything is the
   price: docs/limits.md says so.

   A helper of this unit joins for its caller when its summary says so
   (leaks.c asks esc_param_joined): `wait_for (t)` joins the handle it is
   given by value, `stop (&pool)` the one it loads through its pointer
   (`pthread_join (p->thread, 0)`), which matches a handle kept in pool,
   whether the caller created it there or a `start (&pool)` helper did.

   Where the create is checked, `if (pthread_create (...) != 0) return -1;`,
   the failing edge started no thread and does not count. */

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

/* The pointer an address into an array is computed from, at any index
   and through copies: ids for `&ids[k]` (ids + k * 8). */
static uint32_t array_base(const struct esc_function *fn, uint32_t v)
{
    int64_t offset;
    return esc_value_origin(fn, v, &offset);
}

/* The array a handle value was loaded from: ids for `ids[k]`, or
   ESC_NONE. */
static uint32_t loaded_from_array(const struct esc_function *fn, const struct esc_operand *op)
{
    if (op->kind != ESC_OPND_VALUE || fn->values[op->id].def == ESC_NONE)
        return ESC_NONE;
    const struct esc_stmt *def = &fn->stmts[fn->values[op->id].def];
    if (def->kind != ESC_STMT_ASSIGN || def->nargs != 1 || def->args[0].kind != ESC_OPND_DEREF)
        return ESC_NONE;
    return array_base(fn, def->args[0].id);
}

static const struct esc_operand *call_arg(const struct esc_stmt *s, unsigned n)
{
    return n >= 1 && n <= s->nargs ? &s->args[n - 1] : NULL;
}

/* Can object O hold thread handles only this function reads: storage in
   its frame, or an array it allocated itself (`ids = calloc (n, sizeof
   *ids)`, filled and joined in loops)? */
static bool own_handle_store(const struct esc_function *fn, uint32_t o)
{
    if (o == ESC_NONE)
        return false;
    const struct esc_object *obj = &fn->objects[o];
    return esc_object_is_stack(obj) || (obj->kind == ESC_OBJ_HEAP && obj->stmt != ESC_NONE);
}

/* What holds the kept pointer: a thread whose handle lives in an object
   (or, handed back by a helper, in an SSA value), or a stream, named by
   the SSA value its pointer is a copy of. */
struct holder {
    bool thread;
    bool by_value; /* id is a root value, not an object */
    /* id is the pointer to an array of handles this function did not
       allocate itself (git's `CALLOC_ARRAY (ids, n)`, through xcalloc
       of another unit): a join of `ids[k]` reads that same array. */
    bool in_array;
    uint32_t id;
};

/* Is ARG, a handle passed to a join, the one HANDLE holds? */
static bool handle_passed(const struct esc_function *fn, const struct esc_pointsto *pt,
                          const struct esc_operand *arg, struct holder handle)
{
    if (handle.by_value)
        return arg->kind == ESC_OPND_VALUE && esc_value_root(fn, arg->id) == handle.id;
    if (handle.in_array)
        return loaded_from_array(fn, arg) == handle.id;
    return loaded_from(fn, pt, arg) == handle.id;
}

/* Does argument ARG point at where HANDLE is kept: `&pool` when the
   handle is pool.thread, `ids` when it is ids[k]? */
static bool points_at_handle(const struct esc_function *fn, const struct esc_pointsto *pt,
                             const struct esc_operand *arg, struct holder handle)
{
    if (handle.by_value)
        return false;
    if (handle.in_array)
        return arg->kind == ESC_OPND_VALUE && array_base(fn, arg->id) == handle.id;
    return pointed_object(pt, arg) == handle.id;
}

/* Does call S to a function of this unit join HANDLE: is one of the
   arguments its summary says it joins on every path that handle (by
   value), or a pointer to where it is kept (joins_pointed)? */
static bool helper_joins(const struct esc_function *fn, const struct esc_flows *flows,
                         const struct esc_pointsto *pt, uint32_t id, struct holder handle)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_summary *callee = flows->calls[id].summary;
    if (!handle.thread || !callee)
        return false;
    for (uint32_t i = 0; i < s->nargs && i < callee->nparams; i++) {
        const struct esc_operand *arg = &s->args[i];
        if (callee->params[i].joins && handle_passed(fn, pt, arg, handle))
            return true;
        if (callee->params[i].joins_pointed && points_at_handle(fn, pt, arg, handle))
            return true;
    }
    return false;
}

/* Does statement ID release HOLDER? */
static bool joins_handle(const struct esc_function *fn, const struct esc_flows *flows,
                         const struct esc_pointsto *pt, uint32_t id, struct holder handle)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_lib_entry *lib = flows->calls[id].library;
    if (s->kind != ESC_STMT_CALL)
        return false;
    if (!lib)
        return helper_joins(fn, flows, pt, id, handle);
    if (handle.thread && !handle.by_value) {
        const struct esc_operand *arg = lib->joins ? call_arg(s, lib->joins) : NULL;
        return arg && handle_passed(fn, pt, arg, handle);
    }
    const struct esc_operand *arg = NULL;
    if (handle.thread)
        arg = lib->joins ? call_arg(s, lib->joins) : NULL;
    else
        arg = lib->releases ? call_arg(s, lib->releases) : NULL;
    if (!arg || arg->kind != ESC_OPND_VALUE)
        return false;
    if (esc_value_root(fn, arg->id) == handle.id)
        return true;
    /* Two loads of one variable name one stream: setvbuf (stdout, ...),
       then fclose (stdout). */
    struct esc_operand held = esc_opnd_value(handle.id);
    uint32_t from = loaded_from(fn, pt, &held);
    return from != ESC_NONE && loaded_from(fn, pt, arg) == from;
}

/* Mark the blocks that join HANDLE, and every block sharing a loop with one. */
static bool mark_joins(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, struct holder handle, bool *covered)
{
    bool any = false;
    for (uint32_t id = 0; id < fn->nstmts; id++)
        if (fn->stmts[id].block != ESC_NONE && joins_handle(fn, flows, pt, id, handle)) {
            covered[fn->stmts[id].block] = true;
            any = true;
        }
    if (!any)
        return false;

    uint32_t nb = fn->nblocks;
    uint32_t *comp = esc_xmalloc((nb + 1) * sizeof *comp);
    uint32_t *size = esc_xcalloc(nb + 1, sizeof *size);
    bool *join_comp = esc_xcalloc(nb + 1, sizeof *join_comp);
    esc_block_components(fn, comp, size);
    for (uint32_t b = 0; b < nb; b++)
        if (covered[b] && size[comp[b]] > 1)
            join_comp[comp[b]] = true;
    for (uint32_t b = 0; b < nb; b++)
        if (join_comp[comp[b]])
            covered[b] = true;
    free(comp);
    free(size);
    free(join_comp);
    return true;
}

/* The successor of block B on which call CREATE is known to have failed
   (`if (pthread_create (...) != 0)`, `if (fmemopen (...) == NULL)`):
   nothing was kept there.  ESC_NONE if B does not end in such a test.
   A thread's status is an error number; a stream is null on failure. */
static uint32_t failure_successor(const struct esc_function *fn, uint32_t b, uint32_t create,
                                  bool thread)
{
    const struct esc_operand *status = &fn->stmts[create].lhs;
    if (status->kind != ESC_OPND_VALUE)
        return ESC_NONE;
    return esc_block_successor_where(fn, b, status->id, !thread);
}

static bool block_returns(const struct esc_function *fn, uint32_t b)
{
    const struct esc_block *blk = &fn->blocks[b];
    for (uint32_t i = 0; i < blk->nstmts; i++)
        if (fn->stmts[blk->stmts[i]].kind == ESC_STMT_RETURN)
            return true;
    return false;
}

/* Is a return reachable from the successors of block FROM (from FROM
   itself when CREATE is ESC_NONE) without entering a covered block, or
   taking an edge on which call CREATE failed? */
/* Can a path leave block B for NEXT, given the facts BAD it must not
   state (correlated.c's: what held when the thread was created)? */
static bool edge_open(const struct esc_function *fn, uint64_t bad, uint32_t b, uint32_t next)
{
    return !bad || !(esc_edge_facts(fn, b, next) & bad);
}

/* The integers tested against zero after a create, and what the paths
   from it know about them:

       if (nr > 1) {
           off = read_eoie (...);
           if (off) pthread_create (...);      // off != 0 here
       }
       // off.2 = PHI <0 (nr <= 1), off (off == 0), off (after the create)>
       ...
       if (off.2) pthread_join (...);         // off.2 == 0 cannot follow

   A path from the create reaches the test through the PHI's block,
   entering it from a block the create reaches, so off.2 is off there,
   which is not zero.  A value is known on every path from the create
   when a test on the create's own way in (the chain of single
   predecessors up from its block) settles it, and its definition cannot
   run again after the create: it is a parameter, its definition is in a
   block the create cannot reach, or (an integer the IR keeps no
   definition of: `offset = (int) read (...)`) the create is in no loop,
   so nothing before it runs again; or when it is a
   PHI whose block cannot run before the create, and each incoming value
   from a block the create reaches is a constant or a value known that
   way.  lower_zero_tests keeps these tests where a thread starts. */
struct after_create {
    uint32_t home;   /* the create's block */
    uint32_t failed; /* its successor where the create failed, or ESC_NONE */
    bool *reached;   /* blocks reachable from its other successors */
    uint64_t bad;    /* facts an edge must not state (correlated.c) */
};

/* Mark in SEEN the blocks reachable from the NSEEDS blocks SEEDS (those
   included), stopping once block STOP is (ESC_NONE: never).  Is it? */
static bool reach(const struct esc_function *fn, const uint32_t *seeds, uint32_t nseeds,
                  uint32_t stop, bool *seen)
{
    uint32_t *queue = esc_xmalloc((fn->nblocks + 1) * sizeof *queue);
    uint32_t head = 0, tail = 0;
    memset(seen, 0, (fn->nblocks + 1) * sizeof *seen);
    for (uint32_t i = 0; i < nseeds; i++)
        if (seeds[i] != ESC_NONE && !seen[seeds[i]]) {
            seen[seeds[i]] = true;
            queue[tail++] = seeds[i];
        }
    while (head < tail && (stop == ESC_NONE || !seen[stop])) {
        uint32_t b = queue[head++];
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++) {
            uint32_t next = fn->blocks[b].succ[e];
            if (!seen[next]) {
                seen[next] = true;
                queue[tail++] = next;
            }
        }
    }
    free(queue);
    return stop != ESC_NONE && seen[stop];
}

/* Can block FROM reach block TO? */
static bool reaches(const struct esc_function *fn, uint32_t from, uint32_t to, bool *seen)
{
    return reach(fn, &from, 1, to, seen);
}

/* Is value V nonzero (NONZERO) or zero on every path from the create? */
static bool known_after(const struct esc_function *fn, const struct after_create *ac, uint32_t v,
                        bool nonzero, unsigned depth)
{
    const struct esc_value *val = &fn->values[v];
    if (depth > 4 || (val->def == ESC_NONE && val->param < 0 && ac->reached[ac->home]))
        return false;
    const struct esc_stmt *def = val->def != ESC_NONE ? &fn->stmts[val->def] : NULL;
    if (def && def->block == ESC_NONE)
        return false;
    bool *seen = esc_xcalloc(fn->nblocks + 1, sizeof *seen);
    bool known = false;
    if (def && def->kind == ESC_STMT_PHI && def->arg_blocks) {
        known = !reaches(fn, def->block, ac->home, seen);
        for (uint32_t i = 0; known && i < def->nargs; i++) {
            uint32_t from = def->arg_blocks[i];
            const struct esc_operand *arg = &def->args[i];
            bool after =
                from == ac->home ? def->block != ac->failed : from != ESC_NONE && ac->reached[from];
            if (!after)
                continue;
            if (arg->kind == ESC_OPND_INT)
                known = (arg->value != 0) == nonzero;
            else
                known =
                    arg->kind == ESC_OPND_VALUE && known_after(fn, ac, arg->id, nonzero, depth + 1);
        }
    } else if (!def || !reaches(fn, ac->home, def->block, seen)) {
        /* Defined once, before the create: a test on its way in. */
        for (uint32_t c = ac->home, steps = 0; !known && steps < 64; steps++) {
            uint32_t pred = ESC_NONE, npred = 0;
            for (uint32_t b = 0; b < fn->nblocks && npred < 2; b++)
                for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++)
                    if (fn->blocks[b].succ[e] == c) {
                        pred = b;
                        npred++;
                        break;
                    }
            if (npred != 1)
                break;
            known = esc_block_successor_where(fn, pred, v, !nonzero) == c;
            c = pred;
        }
    }
    free(seen);
    return known;
}

/* Can a path from the create leave block B for NEXT?  Not when the
   edge states a fact contradicting one that held at the create, nor
   when it needs a tested integer to be zero (or nonzero) where every path
   from the create has it otherwise. */
static bool open_after_create(const struct esc_function *fn, const struct after_create *ac,
                              uint32_t b, uint32_t next)
{
    if (!edge_open(fn, ac->bad, b, next))
        return false;
    const struct esc_block *blk = &fn->blocks[b];
    const struct esc_stmt *br = blk->nstmts ? &fn->stmts[blk->stmts[blk->nstmts - 1]] : NULL;
    if (!br || br->kind != ESC_STMT_BRANCH || br->nargs != 2 ||
        br->args[0].kind != ESC_OPND_VALUE || br->args[1].kind != ESC_OPND_INT)
        return true;
    uint32_t v = br->args[0].id;
    if (esc_block_successor_where(fn, b, v, true) == next)
        return !known_after(fn, ac, v, true, 0);
    if (esc_block_successor_where(fn, b, v, false) == next)
        return !known_after(fn, ac, v, false, 0);
    return true;
}

static bool return_reachable(const struct esc_function *fn, const bool *covered, uint32_t from,
                             uint32_t create, bool thread, const struct after_create *ac)
{
    bool *seen = esc_xcalloc(fn->nblocks + 1, sizeof *seen);
    uint32_t *queue = esc_xmalloc((fn->nblocks + 1) * sizeof *queue);
    uint32_t head = 0, tail = 0;
    bool returned = false;
    if (create == ESC_NONE) {
        seen[from] = true;
        queue[tail++] = from;
    } else {
        uint32_t failed = failure_successor(fn, from, create, thread);
        for (uint32_t e = 0; e < fn->blocks[from].nsucc; e++) {
            uint32_t b = fn->blocks[from].succ[e];
            if (b != failed && !seen[b] && !covered[b] && open_after_create(fn, ac, from, b)) {
                seen[b] = true;
                queue[tail++] = b;
            }
        }
    }
    while (head < tail && !returned) {
        uint32_t b = queue[head++];
        if (block_returns(fn, b)) {
            returned = true;
            break;
        }
        uint32_t failed = create == ESC_NONE ? ESC_NONE : failure_successor(fn, b, create, thread);
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++) {
            uint32_t next = fn->blocks[b].succ[e];
            if (next != failed && !seen[next] && !covered[next] &&
                (!ac || open_after_create(fn, ac, b, next))) {
                seen[next] = true;
                queue[tail++] = next;
            }
        }
    }
    free(seen);
    free(queue);
    return returned;
}

/* Where the create's handle pointer OUT (`&t`, `&ids[k]`) keeps the
   handle, into H: an object of this function's own, or else the array
   the pointer indexes. */
static bool handle_store(const struct esc_function *fn, const struct esc_pointsto *pt,
                         const struct esc_operand *out, struct holder *h)
{
    h->id = out ? pointed_object(pt, out) : ESC_NONE;
    if (own_handle_store(fn, h->id))
        return true;
    if (!out || out->kind != ESC_OPND_VALUE)
        return false;
    h->in_array = true;
    h->id = array_base(fn, out->id);
    return true;
}

/* The holder of what call CREATE keeps, if it has one that can be released. */
static bool find_holder(const struct esc_function *fn, const struct esc_flows *flows,
                        const struct esc_pointsto *pt, uint32_t create, uint32_t arg_no,
                        struct holder *h)
{
    const struct esc_stmt *s = &fn->stmts[create];
    const struct esc_lib_entry *lib = flows->calls[create].library;
    const struct esc_summary *callee = flows->calls[create].summary;
    memset(h, 0, sizeof *h);
    if (!lib && callee && arg_no >= 1 && arg_no <= callee->nparams) {
        /* A helper that starts the thread and hands its handle back. */
        uint8_t where = callee->params[arg_no - 1].thread_handle;
        h->thread = true;
        if (where == ESC_HANDLE_RESULT && s->lhs.kind == ESC_OPND_VALUE) {
            h->by_value = true;
            h->id = esc_value_root(fn, s->lhs.id);
            return true;
        }
        const struct esc_operand *out =
            where >= ESC_HANDLE_PARAM ? call_arg(s, where - ESC_HANDLE_PARAM + 1u) : NULL;
        return handle_store(fn, pt, out, h);
    }
    if (!lib)
        return false;
    if (lib->thread_handle) {
        h->thread = true;
        return handle_store(fn, pt, call_arg(s, lib->thread_handle), h);
    }
    const struct esc_operand *owner = lib->owner_arg == ESC_LIB_RESULT ? &s->lhs
                                      : lib->owner_arg                 ? call_arg(s, lib->owner_arg)
                                                                       : NULL;
    if (!owner || owner->kind != ESC_OPND_VALUE)
        return false;
    h->by_value = true;
    h->id = esc_value_root(fn, owner->id);
    return true;
}

uint8_t esc_thread_handle_of(const struct esc_function *fn, const struct esc_flows *flows,
                             uint32_t create)
{
    const struct esc_stmt *s = &fn->stmts[create];
    const struct esc_lib_entry *lib = flows->calls[create].library;
    const struct esc_operand *arg =
        lib && lib->thread_handle ? call_arg(s, lib->thread_handle) : NULL;
    if (!arg)
        return ESC_HANDLE_NONE;
    if (arg->kind == ESC_OPND_VALUE) {
        /* Into what the parameter points to, at any offset: `&p->thread`. */
        uint32_t base = array_base(fn, arg->id);
        int32_t param = fn->values[base].param;
        if (param >= 0 && fn->values[base].def == ESC_NONE && param < 255 - ESC_HANDLE_PARAM)
            return (uint8_t)(ESC_HANDLE_PARAM + param);
        return ESC_HANDLE_NONE;
    }
    if (arg->kind != ESC_OPND_ADDR)
        return ESC_HANDLE_NONE;
    /* pthread_t t; pthread_create (&t, ...); return t; */
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *r = &fn->stmts[id];
        if (r->kind != ESC_STMT_RETURN || r->nargs != 1)
            continue;
        const struct esc_operand *v = &r->args[0];
        if (v->kind == ESC_OPND_MEM && v->id == arg->id)
            return ESC_HANDLE_RESULT;
        if (v->kind == ESC_OPND_VALUE && fn->values[v->id].def != ESC_NONE) {
            const struct esc_stmt *def = &fn->stmts[fn->values[v->id].def];
            if (def->kind == ESC_STMT_ASSIGN && def->nargs == 1 &&
                def->args[0].kind == ESC_OPND_MEM && def->args[0].id == arg->id)
                return ESC_HANDLE_RESULT;
        }
    }
    return ESC_HANDLE_NONE;
}

bool esc_kept_released(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t create, uint32_t arg_no)
{
    const struct esc_stmt *s = &fn->stmts[create];
    struct holder handle;
    /* Past the budget: "released", the answer that reports nothing (the
       function's results are thrown away anyway). */
    if (!esc_budget_walk((uint64_t)fn->nstmts + fn->nblocks))
        return true;
    if (s->block == ESC_NONE || !find_holder(fn, flows, pt, create, arg_no, &handle))
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
    /* The join may sit under the same unchanged test as the create
       (`if (n > 1) create; ...; if (n > 1) join;`): a path taking the
       other edge of it after the create cannot happen (correlated.c). */
    if (!joined && !returned) {
        struct after_create ac = {
            .home = s->block,
            .failed = failure_successor(fn, s->block, create, handle.thread),
            .reached = esc_xcalloc(fn->nblocks + 1, sizeof *ac.reached),
            .bad = fn->nfacts ? esc_facts_contradicting(fn, esc_facts_on_entry(fn, s->block)) : 0};
        uint32_t *seeds = esc_xmalloc((home->nsucc + 1) * sizeof *seeds);
        for (uint32_t e = 0; e < home->nsucc; e++)
            seeds[e] = home->succ[e] == ac.failed ? ESC_NONE : home->succ[e];
        reach(fn, seeds, home->nsucc, ESC_NONE, ac.reached);
        free(seeds);
        joined = !return_reachable(fn, covered, s->block, create, handle.thread, &ac);
        free(ac.reached);
    }
    free(covered);
    return joined;
}

enum esc_persists_answer esc_join_close_persists(struct esc_refine *r, uint32_t id)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[id];
    if (f->dst.kind != ESC_OPND_MEM || fn->objects[f->dst.id].kind != ESC_OBJ_KEPT)
        return ESC_PERSISTS_PASS;
    if (!r->flows->calls[f->stmt].library && !(fn->objects[f->dst.id].flags & ESC_OBJF_THREAD))
        return ESC_PERSISTS_PASS; /* kept by a callee of this unit: OVERWRITE asks its summary */
    return esc_kept_released(fn, r->flows, r->pt, f->stmt, f->arg) ? ESC_PERSISTS_UNDONE
                                                                   : ESC_PERSISTS_KEPT;
}

bool esc_param_joined(const struct esc_function *fn, const struct esc_flows *flows,
                      const struct esc_pointsto *pt, uint32_t param)
{
    if (param >= fn->nparams || fn->params[param].value == ESC_NONE || fn->entry == ESC_NONE)
        return false;
    /* A pointer names where the handle is kept, like the array of
       `&ids[k]`: the join must load it through that pointer. */
    bool pointer = fn->params[param].is_pointer;
    struct holder handle = {.thread = true,
                            .by_value = !pointer,
                            .in_array = pointer,
                            .id = esc_value_root(fn, fn->params[param].value)};
    bool *covered = esc_xcalloc(fn->nblocks + 1, sizeof *covered);
    bool joined =
        mark_joins(fn, flows, pt, handle, covered) &&
        (covered[fn->entry] || !return_reachable(fn, covered, fn->entry, ESC_NONE, true, NULL));
    free(covered);
    return joined;
}
