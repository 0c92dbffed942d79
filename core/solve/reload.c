/* reload.c - must-alias for reloads: what a load must read, when nothing between can write its
 * place. */
#include "core/solve/reload.h"
#include "core/ir/cfg.h"
#include "core/summaries/library.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* The model.  A load `v = *P` reads what the last write of P left there.
   Walking back from the load over every path, the first statement that
   writes P decides: when that is one store `*P = x`, the same on every
   path, v is x (`cf->conf_file = &conf_file; ...; cf->conf_file->buffer
   = &buf` stores into conf_file); when it is the load `w = *P` being
   compared with, v is w (`s = app->state; ...; app->state->buf = saved`
   writes through s).  P is the same place when its base pointer is the
   same value, or was itself read again from one place (`g_app->state`
   twice).  Every other statement on the way must be shown not to write
   P:
   - a store to another named object, to bytes of the same object or
     through the same pointer that do not overlap P, or of a pointer of
     another type (C's aliasing rules, as explain.c: void * and char *
     match anything);
   - a store into this frame's own storage (a local, an alloca) while P
     is reached through a parameter's incoming value, which cannot point
     into a frame made after it; with points-to sets, a store whose
     targets are all apart from P's (below);
   - a call of the C library table, which writes at most what its
     pointer arguments point to: each shown apart from P as a store
     would be, and none a function (a callback may write anything).  A
     value the lowering never defines carries no pointer (an int);
   - nothing else: a call of this unit, of a model file, of another unit
     or through a pointer may write whatever its arguments or statics
     reach, and a summary lists the exact places a function writes, not
     all it may write.  Only in the undo direction (a context with TRUST
     set, asked by refinements that silence a finding) are such calls
     left to calltrust.c's model, which trusts the calls this unit cannot
     see, and there a walk goes round a loop (each block once) instead of
     giving up, within larger bounds (TRUST_*).
   With points-to sets, two objects are apart when one is this frame's
   (a local, an alloca, a heap block allocated here, each named exactly)
   or a function; a static's own storage is apart from another static's
   and from what it reaches itself; what a parameter points to is apart
   from what lies one pointer further behind the same parameter (the
   split the analysis itself makes).  What two parameters point to may be
   the same memory, and so may anything an unknown pointer names.

   Bounds (cost: flows.c asks this for every load that is only
   dereferenced): one walk looks at RELOAD_STMTS statements in at most
   RELOAD_BLOCKS blocks; a walk that meets a loop (a block again on its
   own path) gives up; nested questions (P's base read again, where a
   call's argument points) go RELOAD_DEPTH deep; and a whole question
   looks at RELOAD_BUDGET statements at most.  A load of a place no store
   in the function could match (by a filter of the stored places) is
   answered without a walk.  On sqlite3.c at -O0 all of it costs about
   11 million instructions (callgrind, cc1 21,168 M before, 21,179 M
   after). */

enum {
    RELOAD_STMTS = 32,
    RELOAD_BLOCKS = 8,
    RELOAD_DEPTH = 2,
    RELOAD_BUDGET = 96,
    TRUST_STMTS = 256,
    TRUST_BLOCKS = 32,
    TRUST_BUDGET = 512,
};

struct query {
    struct esc_reload *c;
    unsigned budget; /* statements still to look at */
};

static uint32_t find_source(struct query *q, uint32_t load, uint32_t target, unsigned depth);
static bool same_value_at(struct query *q, uint32_t a, uint32_t b, unsigned depth);

static bool is_load(const struct esc_stmt *s);
static int64_t add_offsets(int64_t a, int64_t b);

/* The filter's bit for a place: its kind, offset from its root and
   size, or its reference expression. */
static uint64_t place_bit(uint64_t kind, int64_t offset, int64_t size)
{
    uint64_t h = (kind * 0x9e3779b97f4a7c15u) ^ ((uint64_t)offset * 0xff51afd7ed558ccdu) ^
                 ((uint64_t)size * 0xc4ceb9fe1a85ec53u);
    return h ^ (h >> 29);
}

static void filter_add(uint64_t *filter, uint64_t h)
{
    filter[h >> 6 & 3] |= 1ull << (h & 63);
}

static bool filter_has(const uint64_t *filter, uint64_t h)
{
    return filter[h >> 6 & 3] >> (h & 63) & 1;
}

/* The filter's key for a place: the object it names, or its pointer's
   root, and its offset from there and size.  A root read from memory is
   keyed by the place it was read from (one level), as same_place may
   take two such reads for one value. */
static uint64_t spelled_bit(const struct esc_function *fn, const struct esc_operand *op)
{
    if (op->kind == ESC_OPND_MEM)
        return place_bit(op->id + 2u, op->offset, op->size);
    int64_t shift = 0;
    uint32_t root = esc_value_origin(fn, op->id, &shift);
    uint64_t base = ~(uint64_t)root;
    uint32_t def = fn->values[root].def;
    if (def != ESC_NONE && is_load(&fn->stmts[def])) {
        const struct esc_operand *from = &fn->stmts[def].args[0];
        int64_t at = 0;
        if (from->kind == ESC_OPND_DEREF)
            esc_value_origin(fn, from->id, &at);
        base = place_bit(from->kind == ESC_OPND_MEM ? from->id + 2u : 1,
                         add_offsets(from->offset, at), from->size);
    }
    return place_bit(base, add_offsets(op->offset, shift), op->size);
}

void esc_reload_init(struct esc_reload *c, const struct esc_function *fn,
                     const struct esc_flows *flows, const struct esc_summary_table *models,
                     const struct esc_pointsto *pt)
{
    c->fn = fn;
    c->flows = flows;
    c->models = models;
    c->pt = pt;
    c->pred_start = c->preds = NULL;
    c->trust = NULL;
    c->pos = esc_xmalloc((fn->nstmts + 1) * sizeof *c->pos);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        for (uint32_t k = 0; k < fn->blocks[b].nstmts; k++)
            c->pos[fn->blocks[b].stmts[k]] = k;
    /* Most loads read a place nothing in the function stores a pointer
       into: a filter of the stored places answers them at once. */
    memset(c->stored, 0, sizeof c->stored);
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->op != ESC_ASSIGN_COPY ||
            (s->lhs.kind != ESC_OPND_MEM && s->lhs.kind != ESC_OPND_DEREF))
            continue;
        filter_add(c->stored, spelled_bit(fn, &s->lhs));
        if (s->lhs.ref)
            filter_add(c->stored, place_bit(0, s->lhs.ref, 0));
    }
}

/* Each block's predecessors, made the first time a walk leaves a block. */
static void make_preds(struct esc_reload *c)
{
    esc_block_preds(c->fn, &c->pred_start, &c->preds);
}

void esc_reload_free(struct esc_reload *c)
{
    free(c->pos);
    free(c->pred_start);
    free(c->preds);
    c->pos = c->pred_start = c->preds = NULL;
}

static bool is_load(const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->op == ESC_ASSIGN_COPY &&
           s->lhs.kind == ESC_OPND_VALUE &&
           (s->args[0].kind == ESC_OPND_MEM || s->args[0].kind == ESC_OPND_DEREF);
}

static bool writes_memory(const struct esc_operand *op)
{
    return op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_DEREF;
}

static bool exact(const struct esc_operand *op)
{
    return op->offset != ESC_UNKNOWN_OFFSET && op->size > 0;
}

static int64_t add_offsets(int64_t a, int64_t b)
{
    return a == ESC_UNKNOWN_OFFSET || b == ESC_UNKNOWN_OFFSET ? ESC_UNKNOWN_OFFSET : a + b;
}

/* Does value V hold no pointer: one the lowering never defines, for it
   keeps only what may carry one, or the entry value of a parameter that
   is not a pointer (a pointer made of it is a conversion, a value of its
   own)? */
static bool holds_no_pointer(const struct esc_function *fn, uint32_t v)
{
    int32_t param = fn->values[v].param;
    return fn->values[v].def == ESC_NONE &&
           (param < 0 || ((uint32_t)param < fn->nparams && !fn->params[param].is_pointer));
}

/* The object value V must point into (*AT bytes in, maybe
   ESC_UNKNOWN_OFFSET): &o + j through copies and constant arithmetic, or
   a load that must read such an address; ESC_NONE if none. */
static uint32_t must_point(struct query *q, uint32_t v, unsigned depth, int64_t *at)
{
    const struct esc_function *fn = q->c->fn;
    int64_t shift;
    uint32_t root = esc_value_origin(fn, v, &shift);
    uint32_t def = fn->values[root].def;
    if (def == ESC_NONE)
        return ESC_NONE;
    const struct esc_stmt *s = &fn->stmts[def];
    const struct esc_operand *src = NULL;
    if (s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->args[0].kind == ESC_OPND_ADDR &&
        (s->op == ESC_ASSIGN_COPY || s->op == ESC_ASSIGN_CONVERT))
        src = &s->args[0];
    else if (depth && is_load(s)) {
        uint32_t store = find_source(q, def, ESC_NONE, depth - 1);
        if (store != ESC_NONE)
            src = &fn->stmts[store].args[0];
    }
    if (src && src->kind == ESC_OPND_ADDR) {
        *at = add_offsets(src->offset, shift);
        return src->id;
    }
    if (src && src->kind == ESC_OPND_VALUE && depth) {
        int64_t inner = 0;
        uint32_t o = must_point(q, src->id, depth - 1, &inner);
        *at = add_offsets(add_offsets(inner, src->offset), shift);
        return o;
    }
    return ESC_NONE;
}

/* OP (MEM or DEREF) with its pointer followed: *(v + k) as o at j + k
   when v must be &o + j, else as *(root + shift + k). */
static struct esc_operand resolved(struct query *q, struct esc_operand op, unsigned depth)
{
    if (op.kind != ESC_OPND_DEREF)
        return op;
    int64_t at;
    uint32_t o = must_point(q, op.id, depth, &at);
    if (o != ESC_NONE) {
        op.kind = ESC_OPND_MEM;
        op.id = o;
        op.offset = add_offsets(at, op.offset);
        return op;
    }
    int64_t shift;
    op.id = esc_value_origin(q->c->fn, op.id, &shift);
    op.offset = add_offsets(op.offset, shift);
    return op;
}

/* Named exactly by the points-to sets: this frame's storage, a heap
   block allocated here (not a candidate, which may be any memory), a
   function. */
static bool exact_object(const struct esc_object *o)
{
    return esc_object_is_stack(o) || o->kind == ESC_OBJ_FUNCTION ||
           (o->kind == ESC_OBJ_HEAP && !(o->flags & ESC_OBJF_CANDIDATE));
}

static unsigned caller_level(const struct esc_object *o)
{
    return o->flags & ESC_OBJF_DEEPER ? 3 : o->flags & ESC_OBJF_DEEP ? 2 : 1;
}

/* May objects X and Y of the points-to solution be the same memory? */
static bool objects_may_meet(const struct esc_function *fn, uint32_t x, uint32_t y)
{
    if (x == y)
        return true;
    const struct esc_object *a = &fn->objects[x], *b = &fn->objects[y];
    if (exact_object(a) || exact_object(b))
        return false;
    if (a->kind == ESC_OBJ_STATIC && b->kind == ESC_OBJ_STATIC)
        return false;
    if (a->kind == ESC_OBJ_STATIC && b->kind == ESC_OBJ_STATIC_REACH)
        return a->companion != y;
    if (a->kind == ESC_OBJ_STATIC_REACH && b->kind == ESC_OBJ_STATIC)
        return b->companion != x;
    if (a->kind == ESC_OBJ_CALLER && b->kind == ESC_OBJ_CALLER)
        return a->param != b->param || caller_level(a) == caller_level(b);
    return true;
}

/* Is every object value V may point to apart from every one of SET (or
   from object O when SET is NULL)?  An empty set is a pointer from
   somewhere the solution does not see: apart from nothing. */
static bool value_apart(const struct esc_function *fn, const struct esc_pointsto *pt, uint32_t v,
                        const struct esc_bitset *set, uint32_t o)
{
    const struct esc_bitset *mine = esc_pts(pt, v);
    unsigned pairs = 0;
    bool any = false;
    for (uint32_t x = esc_bitset_next(mine, pt->nwords, 0); x != ESC_NONE;
         x = esc_bitset_next(mine, pt->nwords, x + 1)) {
        any = true;
        if (!set) {
            if (objects_may_meet(fn, x, o))
                return false;
            continue;
        }
        bool other = false;
        for (uint32_t y = esc_bitset_next(set, pt->nwords, 0); y != ESC_NONE;
             y = esc_bitset_next(set, pt->nwords, y + 1)) {
            other = true;
            if (++pairs > 64 || objects_may_meet(fn, x, y))
                return false;
        }
        if (!other)
            return false;
    }
    return any;
}

/* Can pointer V (a root) not point into object O? */
static bool object_apart_from_value(struct query *q, uint32_t o, uint32_t v)
{
    const struct esc_function *fn = q->c->fn;
    const struct esc_pointsto *pt = q->c->pt;
    /* A parameter's incoming value cannot point into a frame made after it. */
    if (esc_object_is_stack(&fn->objects[o]) && fn->values[v].def == ESC_NONE &&
        fn->values[v].param >= 0)
        return true;
    return pt && v < pt->nvalues && value_apart(fn, pt, v, NULL, o);
}

/* Are the bytes W and P (MEM or DEREF) apart for certain? */
static bool apart(struct query *q, const struct esc_operand *w0, const struct esc_operand *p0,
                  unsigned depth)
{
    if (w0->type_key && p0->type_key && w0->type_key != p0->type_key)
        return true;
    struct esc_operand w = resolved(q, *w0, depth), p = resolved(q, *p0, depth);
    if (w.kind == p.kind && w.id == p.id)
        return exact(&w) && exact(&p) &&
               (w.offset + w.size <= p.offset || p.offset + p.size <= w.offset);
    if (w.kind == ESC_OPND_MEM && p.kind == ESC_OPND_MEM)
        return true; /* two named objects */
    if (w.kind == ESC_OPND_MEM)
        return object_apart_from_value(q, w.id, p.id);
    if (p.kind == ESC_OPND_MEM)
        return object_apart_from_value(q, p.id, w.id);
    const struct esc_pointsto *pt = q->c->pt;
    return pt && w.id < pt->nvalues && p.id < pt->nvalues &&
           value_apart(q->c->fn, pt, w.id, esc_pts(pt, p.id), ESC_NONE);
}

/* Is call ID one of the C library table's, as flows.c resolves it? */
static bool library_call(const struct esc_reload *c, uint32_t id)
{
    const struct esc_stmt *s = &c->fn->stmts[id];
    if (!s->callee || s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL))
        return false;
    const struct esc_call *call = c->flows ? &c->flows->calls[id] : NULL;
    if (call && call->summary)
        return false;
    if (call && call->library)
        return true;
    if (c->models && esc_summary_table_find(c->models, s->callee))
        return false;
    return esc_lib_lookup(s->callee) != NULL;
}

/* May pointer argument ARG of a library call lead it to write P? */
static bool argument_may_write(struct query *q, const struct esc_operand *arg,
                               const struct esc_operand *p, unsigned depth)
{
    const struct esc_function *fn = q->c->fn;
    struct esc_operand pointee;
    switch (arg->kind) {
    case ESC_OPND_INT:
    case ESC_OPND_NONE:
        return false;
    case ESC_OPND_VALUE:
        if (holds_no_pointer(fn, arg->id))
            return false;
        pointee = esc_opnd_deref(arg->id, ESC_UNKNOWN_OFFSET, -1);
        break;
    case ESC_OPND_ADDR:
        pointee = esc_opnd_mem(arg->id, ESC_UNKNOWN_OFFSET, -1);
        break;
    default:
        return true;
    }
    struct esc_operand r = resolved(q, pointee, depth);
    const struct esc_pointsto *pt = q->c->pt;
    if (r.kind == ESC_OPND_MEM && fn->objects[r.id].kind == ESC_OBJ_FUNCTION)
        return true; /* a callback */
    if (r.kind == ESC_OPND_DEREF && pt && r.id < pt->nvalues)
        for (uint32_t x = esc_bitset_next(esc_pts(pt, r.id), pt->nwords, 0); x != ESC_NONE;
             x = esc_bitset_next(esc_pts(pt, r.id), pt->nwords, x + 1))
            if (fn->objects[x].kind == ESC_OBJ_FUNCTION)
                return true;
    return !apart(q, &pointee, p, depth);
}

/* May statement ID write any byte of P? */
static bool may_write(struct query *q, uint32_t id, const struct esc_operand *p, unsigned depth)
{
    const struct esc_stmt *t = &q->c->fn->stmts[id];
    switch (t->kind) {
    case ESC_STMT_ASSIGN:
        return writes_memory(&t->lhs) && !apart(q, &t->lhs, p, depth);
    case ESC_STMT_CALL:
        if (t->flags & ESC_CALLF_VLA)
            return false;
        if (writes_memory(&t->lhs) && !apart(q, &t->lhs, p, depth))
            return true;
        if (!library_call(q->c, id))
            return !q->c->trust || esc_calltrust_call_may_write(q->c->trust, q->c->fn, q->c->flows,
                                                                id, p->type_key);
        for (uint32_t a = 0; a < t->nargs; a++)
            if (argument_may_write(q, &t->args[a], p, depth))
                return true;
        return false;
    case ESC_STMT_CLOBBER:
        return p->kind == ESC_OPND_MEM && t->object == p->id;
    default:
        return false;
    }
}

enum step { STEP_ON, STEP_MET, STEP_FAIL };

/* One walk back from a load. */
struct walk {
    struct query *q;
    const struct esc_operand *place; /* what the load reads */
    uint32_t target;                 /* the load of the same place to meet, or ESC_NONE */
    unsigned depth;
    uint32_t found; /* what every path met so far, or ESC_NONE */
    uint32_t load;  /* the load walked back from */
    unsigned looked, nblocks;
    unsigned max_stmts, max_blocks; /* RELOAD_* or, trusting, TRUST_* */
    bool tail_done;                 /* trusting: the load's block after it, come round a loop */
    uint32_t block[TRUST_BLOCKS];
    bool done[TRUST_BLOCKS]; /* else still on the path being walked */
};

/* Is A the place the walk's load reads?  By the same reference
   expression only in the load's own block, before any definition of the
   values it uses can come between. */
static bool same_place(struct walk *w, const struct esc_operand *a, bool first)
{
    const struct esc_operand *p = w->place;
    if (a->kind != p->kind || a->size != p->size)
        return false;
    if (first && a->ref && a->ref == p->ref)
        return true;
    if (!exact(a) || !exact(p))
        return false;
    if (a->kind == ESC_OPND_MEM)
        return a->id == p->id && a->offset == p->offset;
    const struct esc_function *fn = w->q->c->fn;
    int64_t sa, sp;
    uint32_t ra = esc_value_origin(fn, a->id, &sa), rp = esc_value_origin(fn, p->id, &sp);
    if (sa == ESC_UNKNOWN_OFFSET || sp == ESC_UNKNOWN_OFFSET || a->offset + sa != p->offset + sp)
        return false;
    return ra == rp || (w->depth && same_value_at(w->q, ra, rp, w->depth - 1));
}

static enum step look(struct walk *w, uint32_t id, bool first)
{
    const struct esc_function *fn = w->q->c->fn;
    const struct esc_stmt *t = &fn->stmts[id];
    if (id == w->target)
        return STEP_MET;
    if (t->kind == ESC_STMT_ASSIGN && writes_memory(&t->lhs) && same_place(w, &t->lhs, first)) {
        if (t->nargs != 1 || t->op != ESC_ASSIGN_COPY)
            return STEP_FAIL;
        const struct esc_operand *v = &t->args[0];
        if (w->target == ESC_NONE)
            return v->kind == ESC_OPND_VALUE || v->kind == ESC_OPND_ADDR ? STEP_MET : STEP_FAIL;
        /* `app->state = s; ...; app->state`: the value being compared. */
        return v->kind == ESC_OPND_VALUE && !v->offset &&
                       same_value_at(w->q, v->id, fn->stmts[w->target].lhs.id, 0)
                   ? STEP_MET
                   : STEP_FAIL;
    }
    return may_write(w->q, id, w->place, w->depth) ? STEP_FAIL : STEP_ON;
}

/* Look back through block B from before its END-th statement. */
static enum step scan_block(struct walk *w, uint32_t b, uint32_t end, bool first)
{
    const struct esc_block *blk = &w->q->c->fn->blocks[b];
    for (uint32_t k = end; k-- > 0;) {
        if (++w->looked > w->max_stmts || !w->q->budget)
            return STEP_FAIL;
        w->q->budget--;
        uint32_t id = blk->stmts[k];
        enum step st = look(w, id, first);
        if (st == STEP_MET) {
            if (w->found != ESC_NONE && w->found != id)
                return STEP_FAIL; /* another store on another path */
            w->found = id;
        }
        if (st != STEP_ON)
            return st;
    }
    return STEP_ON;
}

/* Does every path into block B meet the walk's statement? */
static bool visit_preds(struct walk *w, uint32_t b)
{
    struct esc_reload *c = w->q->c;
    if (!c->preds)
        make_preds(c);
    if (c->pred_start[b] == c->pred_start[b + 1])
        return false; /* the entry: nothing stored yet */
    for (uint32_t i = c->pred_start[b]; i < c->pred_start[b + 1]; i++) {
        uint32_t p = c->preds[i];
        unsigned slot = 0;
        while (slot < w->nblocks && w->block[slot] != p)
            slot++;
        if (slot < w->nblocks) {
            if (w->done[slot])
                continue;
            if (!c->trust)
                return false; /* a loop */
            /* Round a loop: its blocks are all on the path, looked at
               already but for the load's own after the load. */
            if (slot == 0 && !w->tail_done) {
                w->tail_done = true;
                const struct esc_block *blk = &c->fn->blocks[p];
                for (uint32_t k = blk->nstmts; k-- > c->pos[w->load] + 1;) {
                    if (++w->looked > w->max_stmts || !w->q->budget)
                        return false;
                    w->q->budget--;
                    uint32_t id = blk->stmts[k];
                    enum step st = look(w, id, false);
                    if (st == STEP_FAIL ||
                        (st == STEP_MET && w->found != ESC_NONE && w->found != id))
                        return false;
                    if (st == STEP_MET) {
                        w->found = id;
                        break;
                    }
                }
            }
            continue;
        }
        if (w->nblocks == w->max_blocks)
            return false;
        w->block[slot] = p;
        w->done[slot] = false;
        w->nblocks++;
        enum step st = scan_block(w, p, c->fn->blocks[p].nstmts, false);
        if (st == STEP_FAIL || (st == STEP_ON && !visit_preds(w, p)))
            return false;
        w->done[slot] = true;
    }
    return true;
}

/* The statement every path back from load LOAD meets first among the
   stores to its place (or TARGET, a load of the same place, when not
   ESC_NONE), with nothing before it that may write the place; ESC_NONE
   if there is none within the bounds. */
static uint32_t find_source(struct query *q, uint32_t load, uint32_t target, unsigned depth)
{
    const struct esc_function *fn = q->c->fn;
    const struct esc_stmt *s = &fn->stmts[load];
    if (!is_load(s) || s->block == ESC_NONE)
        return ESC_NONE;
    bool trust = q->c->trust != NULL;
    struct walk w = {.q = q,
                     .place = &s->args[0],
                     .target = target,
                     .depth = depth,
                     .found = ESC_NONE,
                     .load = load,
                     .max_stmts = trust ? TRUST_STMTS : RELOAD_STMTS,
                     .max_blocks = trust ? TRUST_BLOCKS : RELOAD_BLOCKS};
    if (target != ESC_NONE) {
        const struct esc_stmt *t = &fn->stmts[target];
        if (!is_load(t) || t->block == ESC_NONE || !same_place(&w, &t->args[0], false))
            return ESC_NONE;
    }
    if (target == ESC_NONE && !filter_has(q->c->stored, spelled_bit(fn, w.place)) &&
        !(w.place->ref && filter_has(q->c->stored, place_bit(0, w.place->ref, 0))))
        return ESC_NONE; /* no store to a place spelled as this one */
    enum step st = scan_block(&w, s->block, q->c->pos[load], true);
    if (st != STEP_ON)
        return st == STEP_MET ? w.found : ESC_NONE;
    w.block[0] = s->block;
    w.nblocks = 1;
    return visit_preds(&w, s->block) ? w.found : ESC_NONE;
}

/* Does LATER hold what EARLIER held: the same origin at the same offset,
   or a load of EARLIER's place meeting EARLIER's load first on every way
   back (or, if EITHER, the other way round)? */
static bool values_meet(struct query *q, uint32_t later, uint32_t earlier, unsigned depth,
                        bool either)
{
    const struct esc_function *fn = q->c->fn;
    int64_t sl, se;
    uint32_t rl = esc_value_origin(fn, later, &sl), re = esc_value_origin(fn, earlier, &se);
    if (sl == ESC_UNKNOWN_OFFSET || sl != se)
        return false;
    if (rl == re)
        return true;
    uint32_t dl = fn->values[rl].def, de = fn->values[re].def;
    if (dl == ESC_NONE || de == ESC_NONE || !is_load(&fn->stmts[dl]) || !is_load(&fn->stmts[de]))
        return false;
    return find_source(q, dl, de, depth) != ESC_NONE ||
           (either && find_source(q, de, dl, depth) != ESC_NONE);
}

static bool same_value_at(struct query *q, uint32_t a, uint32_t b, unsigned depth)
{
    return values_meet(q, b, a, depth, true); /* either may be the later one */
}

static unsigned budget(const struct esc_reload *c)
{
    return c->trust ? TRUST_BUDGET : RELOAD_BUDGET;
}

uint32_t esc_reload_store(struct esc_reload *c, uint32_t load)
{
    struct query q = {c, budget(c)};
    return find_source(&q, load, ESC_NONE, RELOAD_DEPTH);
}

bool esc_reload_same_value(struct esc_reload *c, uint32_t a, uint32_t b)
{
    struct query q = {c, budget(c)};
    return same_value_at(&q, a, b, RELOAD_DEPTH);
}

bool esc_reload_value_follows(struct esc_reload *c, uint32_t later, uint32_t earlier)
{
    struct query q = {c, budget(c)};
    return values_meet(&q, later, earlier, RELOAD_DEPTH, false);
}

bool esc_reload_may_write(struct esc_reload *c, uint32_t stmt, const struct esc_operand *place)
{
    struct query q = {c, RELOAD_BUDGET};
    return may_write(&q, stmt, place, RELOAD_DEPTH);
}

const struct esc_operand *esc_reload_forwarded(struct esc_reload *c, uint32_t load)
{
    uint32_t store = esc_reload_store(c, load);
    return store == ESC_NONE ? NULL : &c->fn->stmts[store].args[0];
}
