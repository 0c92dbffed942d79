/* readers.c - whether a stale address may be read again: ranking escape findings by their readers.

   The model
   =========

   An escape-global, escape-caller or escape-heap finding leaves a stack
   address in a place that outlives the frame: a field of a static, a
   field of the caller's memory, or memory a static or the caller reaches
   (through the heap object of escape-heap).  The finding is worth a
   reviewer's time first when that place MAY BE READ after the function
   returns, before anything writes it again; otherwise NOTHING READS IT and
   the stale address is a latent hazard only.  Each finding gets one of
   the two verdicts, and the first reader found, here; returns, calls,
   threads and noescape findings are not ranked (the caller reads what is
   returned, the callee or thread what it keeps).

   A place is fresh when it was written since the stale address was left
   in it.  A function READS the place when some path from its entry reaches
   a load of it (overlapping offsets) while it is not fresh; the escaping
   statement itself makes it stale again.  Calls to this unit's functions
   are followed (a callee's reads count as the caller's, a callee that
   writes the place on every path makes it fresh), at most 256 calls deep.

   - A static with internal linkage (file-scope `static`, or a static
     local): every function that can run after the escaping function
     returned is in this unit.  Those are the functions other units can
     call (external linkage), those whose address is taken (called back),
     destructors, and functions nothing in the unit calls; each is asked
     whether it reads the place from its entry.  A function that writes
     the place on every path before reading it is not a reader.  The
     static's address taken anywhere, except as the destination of
     memset, memcpy or memmove, counts as a read (unsure).
   - A static with external linkage: other units may read it, so "may be
     read", naming a reader of this unit when there is one.
   - The caller's memory of a function with internal linkage whose
     address is not taken: every caller is in this unit.  At each call,
     the argument is either the address of one of the caller's own stack
     objects, whose uses after the call are followed until it dies or the
     caller returns (a load of the field, or the object's address used
     again, is a read; a store covering the field makes it fresh); or the
     caller's own parameter passed on, whose loads after the call are
     followed the same way and, when it may still be stale at a return,
     the caller's callers in turn (8 deep); anything else is unsure.
   - The caller's memory of a function other units can call: unknown
     callers, "may be read".
   - main: its locals live until exit, so only at-exit handlers can read
     what it leaves (functions given to atexit, on_exit or __cxa_atexit in
     this unit, and destructors); the C library reads nothing main's
     caller memory holds.
   - Memory reachable from the place (STATIC_REACH, and the heap object of
     escape-heap): every load of the static, at any offset, reads it, and
     no store makes it fresh (another pointer may still reach it).

   Which way each approximation errs
   =================================

   Towards "may be read" (a finding stays at level 1): anything unsure (an
   address taken, an argument this file does not follow, a call chain too
   deep, a recursive call still being asked about), an indirect or
   unknown call never makes a place fresh, a store of unknown offset or
   size never covers a field, field offsets that are unknown overlap
   everything, and every function that can run after the return is asked
   from its entry with the place stale, even when in the real program it
   runs only after something wrote the place.  A load of the place is a
   read even when what it loads is only compared or discarded.
   Towards "never read" (a finding may go to level 2 wrongly): code in no
   unit this compilation sees (assembly, a debugger, another unit's
   at-exit handler reading an external global main wrote), a pointer to
   the static that is formed without taking its address in this unit
   (through memory reachable from another static, or an integer), and
   loads of fields the lowering does not keep because they hold no
   pointer (an `int` field read is not a read of the pointer field next
   to it, which is exactly the point).

   With cross-unit facts (-fplugin-arg-escape-embed), the findings on an
   external static no reader of this unit settles, this unit's loads of
   external statics that may meet a stale address, and its at-exit
   handlers go into the record, and gcc-escape link ranks those findings
   for the whole program (tool/link.c).  The same for the caller's
   memory of a function other units can call: the finding names that
   function when this unit's own callers do not read the field (the
   question asked again, so the unit's own verdict and note stay those of
   a compilation without cross-unit facts), and the unit lists itself as
   a caller of other units' functions: what each caller may read after
   such a call of the memory it passed, one question per range the
   caller loads of it (its address used again, and its callers' loads
   when it passed on its own parameter, read any bytes). */
#include "core/analysis/readers.h"
#include "core/summaries/library.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* Deeper call chains are unsure: the walk recurses on them. */
#define MAX_CALL_DEPTH 256
/* Callers' callers followed for the caller's memory. */
#define MAX_CALLER_DEPTH 8

/* Where a place is read, or taken in a way that may read it. */
struct hit {
    const struct esc_function *fn; /* NULL: none found */
    struct esc_loc loc;
    bool taken; /* an address that may be read through, not a load */
};

/* What one function does to a static's place when entered with it fresh
   or stale: whether it reads it, and whether it is fresh at every return. */
struct fn_effect {
    uint8_t state; /* 0 not asked, 1 being asked, 2 known */
    bool reads;
    bool fresh_at_exit;
    struct hit hit;
};

/* A static's place: the variable, the bytes the address was left in, and
   whether it is the memory reachable from them instead. */
struct place {
    uint64_t key;
    int64_t offset, size; /* offset ESC_UNKNOWN_OFFSET: anywhere */
    bool reach;
    const struct esc_function *stale_fn; /* the escaping statement, which makes it stale */
    uint32_t stale_stmt;
};

struct ranker {
    const struct esc_module *m;
    const struct esc_summary_table *own;
    uint32_t n;
    bool *taken;         /* per function: its address is used as data */
    bool *called;        /* per function: some function of the unit calls it */
    bool *handler;       /* per function: an at-exit handler */
    bool unseen_handler; /* an at-exit handler this unit does not define */
    uint32_t nunseen, cap_unseen;
    const char **unseen;       /* their names */
    struct fn_effect *effects; /* per function and entry state (2 n) */
    bool any_read;             /* some load of the place was seen, fresh or not */
};

static uint32_t function_index(const struct ranker *r, const char *name)
{
    const struct esc_summary *s = name ? esc_summary_table_find(r->own, name) : NULL;
    return s && s->fn && s->fn_index < r->n && r->m->functions[s->fn_index] == s->fn
               ? (uint32_t)s->fn_index
               : ESC_NONE;
}

static bool is_main(const struct esc_function *fn)
{
    return fn->exported && strcmp(fn->name, "main") == 0;
}

static bool is_at_exit_registrar(const char *callee)
{
    return callee && (strcmp(callee, "atexit") == 0 || strcmp(callee, "on_exit") == 0 ||
                      strcmp(callee, "__cxa_atexit") == 0);
}

/* The unit's facts every question shares: which functions are called,
   taken as data, or registered to run at exit. */
static void index_unit(struct ranker *r)
{
    r->taken = esc_xcalloc(r->n + 1, sizeof *r->taken);
    r->called = esc_xcalloc(r->n + 1, sizeof *r->called);
    r->handler = esc_xcalloc(r->n + 1, sizeof *r->handler);
    for (uint32_t f = 0; f < r->n; f++) {
        const struct esc_function *fn = r->m->functions[f];
        if (fn->at_exit)
            r->handler[f] = true;
        if (fn->address_taken)
            r->taken[f] = true; /* in an initializer too, which no body shows */
        for (uint32_t id = 0; id < fn->nstmts; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            bool registrar = s->kind == ESC_STMT_CALL && is_at_exit_registrar(s->callee);
            if (s->kind == ESC_STMT_CALL && s->callee) {
                uint32_t callee = function_index(r, s->callee);
                if (callee != ESC_NONE)
                    r->called[callee] = true;
            }
            for (uint32_t a = 0; a < s->nargs; a++) {
                const struct esc_operand *op = &s->args[a];
                if (op->kind != ESC_OPND_ADDR || op->id >= fn->nobjects ||
                    fn->objects[op->id].kind != ESC_OBJ_FUNCTION)
                    continue;
                uint32_t g = function_index(r, fn->objects[op->id].name);
                if (g != ESC_NONE)
                    r->taken[g] = true;
                if (registrar && a == 0) {
                    if (g != ESC_NONE) {
                        r->handler[g] = true;
                    } else {
                        r->unseen_handler = true;
                        if (fn->objects[op->id].name)
                            *ESC_PUSH(r->unseen, r->nunseen, r->cap_unseen) =
                                fn->objects[op->id].name;
                    }
                }
            }
        }
    }
}

static bool overlaps(int64_t off, int64_t size, int64_t op_off, int64_t op_size)
{
    if (off == ESC_UNKNOWN_OFFSET || size <= 0 || op_off == ESC_UNKNOWN_OFFSET || op_size <= 0)
        return true;
    return op_off < off + size && off < op_off + op_size;
}

static bool covers(int64_t off, int64_t size, int64_t op_off, int64_t op_size)
{
    if (off == ESC_UNKNOWN_OFFSET || size <= 0 || op_off == ESC_UNKNOWN_OFFSET || op_size <= 0)
        return false;
    return op_off <= off && op_off + op_size >= off + size;
}

/* memset (&x, c, n), memcpy (&x, src, n), memmove (&x, src, n): they write
   the first N bytes of what argument 1 points to. */
static bool is_block_write(const struct esc_stmt *s, int64_t *bytes)
{
    if (s->kind != ESC_STMT_CALL || !s->callee || s->nargs != 3 ||
        (strcmp(s->callee, "memset") != 0 && strcmp(s->callee, "memcpy") != 0 &&
         strcmp(s->callee, "memmove") != 0))
        return false;
    *bytes = s->args[2].kind == ESC_OPND_INT ? s->args[2].value : -1;
    return true;
}

static void record(struct hit *hit, const struct esc_function *fn, struct esc_loc loc, bool taken)
{
    if (hit->fn && (hit->taken <= taken))
        return; /* keep the first, or a real load over a taken address */
    *hit = (struct hit){fn, loc, taken};
}

/* ---- statics ---------------------------------------------------------- */

static bool is_the_static(const struct esc_function *fn, uint32_t obj, const struct place *p)
{
    return obj < fn->nobjects && fn->objects[obj].kind == ESC_OBJ_STATIC &&
           fn->objects[obj].key == p->key;
}

static const struct fn_effect *static_effect(struct ranker *r, uint32_t f, bool fresh,
                                             const struct place *p, unsigned depth);

/* Statement ID of FN seen with the place FRESH or not: loads before
   stores, then stores, then the escaping statement makes it stale. */
static void static_stmt(struct ranker *r, const struct esc_function *fn, uint32_t id,
                        const struct place *p, bool *fresh, struct hit *hit, unsigned depth)
{
    const struct esc_stmt *s = &fn->stmts[id];
    int64_t bytes = -1;
    bool block_write = is_block_write(s, &bytes);
    /* The escaping statement itself (set (&g, &x)) leaves the address,
       it does not read it. */
    bool leaves = fn == p->stale_fn && id == p->stale_stmt;
    for (uint32_t a = 0; a < s->nargs && !leaves; a++) {
        const struct esc_operand *op = &s->args[a];
        if (op->kind == ESC_OPND_MEM && is_the_static(fn, op->id, p) &&
            (p->reach || overlaps(p->offset, p->size, op->offset, op->size))) {
            r->any_read = true;
            if (!*fresh)
                record(hit, fn, s->loc, false);
        } else if (op->kind == ESC_OPND_ADDR && is_the_static(fn, op->id, p) &&
                   !(block_write && a == 0)) {
            r->any_read = true;
            if (!*fresh)
                record(hit, fn, s->loc, true);
        }
    }
    if (s->kind == ESC_STMT_CALL && s->callee && s->flags & ESC_CALLF_DEFINED) {
        uint32_t callee = function_index(r, s->callee);
        if (callee != ESC_NONE) {
            const struct fn_effect *e = static_effect(r, callee, *fresh, p, depth + 1);
            if (e->reads)
                record(hit, e->hit.fn ? e->hit.fn : fn, e->hit.fn ? e->hit.loc : s->loc,
                       e->hit.taken);
            *fresh = e->fresh_at_exit;
        }
    }
    if (!p->reach) {
        if (s->lhs.kind == ESC_OPND_MEM && is_the_static(fn, s->lhs.id, p) &&
            covers(p->offset, p->size, s->lhs.offset, s->lhs.size))
            *fresh = true;
        if (block_write && s->args[0].kind == ESC_OPND_ADDR &&
            is_the_static(fn, s->args[0].id, p) &&
            covers(p->offset, p->size, s->args[0].offset, bytes))
            *fresh = true;
    }
    if (leaves)
        *fresh = false;
}

/* A forward walk of FN's blocks from its entry (or from statement START
   of BLOCK, ESC_NONE: the entry) with the place FRESH or stale at the
   start; STEP sees each statement and returns false where the path ends
   (the object dies).  Returns whether the place may be stale at a return. */
struct walk {
    struct ranker *r;
    const struct esc_function *fn;
    const struct place *p; /* statics */
    /* the caller's memory: the stack object, or the parameter value, and its bytes */
    uint32_t object, value;
    int64_t offset, size;
    struct hit *hit;
    unsigned depth;
    bool only_taken; /* the caller's memory: its address used counts, its loads do not */
};

static bool walk_step(struct walk *w, uint32_t id, bool *fresh);

static bool walk(struct walk *w, uint32_t block, uint32_t start, bool fresh)
{
    const struct esc_function *fn = w->fn;
    if (fn->nblocks == 0 || fn->entry >= fn->nblocks)
        return !fresh;
    uint8_t *in = esc_xcalloc(fn->nblocks + 1, 1); /* 0 unseen, 1 fresh, 2 stale */
    uint32_t *queue = esc_xmalloc((2 * fn->nblocks + 2) * sizeof *queue);
    uint32_t head = 0, tail = 0;
    bool stale_at_return = false;
    bool first = block != ESC_NONE;
    if (!first) {
        block = fn->entry;
        in[block] = fresh ? 1 : 2;
    }
    queue[tail++] = block;
    while (head < tail) {
        uint32_t b = queue[head++];
        const struct esc_block *blk = &fn->blocks[b];
        bool f = first ? fresh : in[b] == 1;
        uint32_t i = first ? start : 0;
        first = false;
        bool ends = false;
        for (; i < blk->nstmts && !ends; i++) {
            uint32_t id = blk->stmts[i];
            if (!walk_step(w, id, &f))
                ends = true;
            else if (fn->stmts[id].kind == ESC_STMT_RETURN) {
                stale_at_return |= !f;
                ends = true;
            }
        }
        if (ends)
            continue;
        for (uint32_t k = 0; k < blk->nsucc; k++) {
            uint32_t s = blk->succ[k];
            uint8_t state = f ? 1 : 2;
            if (s >= fn->nblocks || in[s] >= state)
                continue;
            in[s] = state;
            /* each block is queued at most twice: unseen -> fresh -> stale */
            queue[tail++] = s;
        }
    }
    free(queue);
    free(in);
    return stale_at_return;
}

static const struct fn_effect *static_effect(struct ranker *r, uint32_t f, bool fresh,
                                             const struct place *p, unsigned depth)
{
    struct fn_effect *e = &r->effects[2 * f + fresh];
    if (e->state == 2)
        return e;
    if (e->state == 1 || depth > MAX_CALL_DEPTH) {
        /* Recursion, or too deep: unsure, so it reads and leaves it stale;
           the caller names the call itself. */
        static const struct fn_effect unsure = {2, true, false, {0}};
        return &unsure;
    }
    e->state = 1;
    struct hit hit = {0};
    struct walk w = {.r = r, .fn = r->m->functions[f], .p = p, .hit = &hit, .depth = depth};
    bool stale = walk(&w, ESC_NONE, 0, fresh);
    e->state = 2;
    e->reads = hit.fn != NULL;
    e->hit = hit;
    e->fresh_at_exit = !stale;
    return e;
}

/* ---- the caller's memory ---------------------------------------------- */

static bool names_object(const struct esc_operand *op, uint32_t obj)
{
    return (op->kind == ESC_OPND_ADDR || op->kind == ESC_OPND_MEM) && op->id == obj;
}

static bool names_value(const struct esc_operand *op, uint32_t value)
{
    return (op->kind == ESC_OPND_VALUE || op->kind == ESC_OPND_DEREF) && op->id == value;
}

/* Statement ID of the caller, after the call, for its stack object or its
   parameter's value. */
static bool caller_step(struct walk *w, uint32_t id, bool *fresh)
{
    const struct esc_function *fn = w->fn;
    const struct esc_stmt *s = &fn->stmts[id];
    if (w->object != ESC_NONE && s->kind == ESC_STMT_CLOBBER && s->object == w->object)
        return false; /* dead: nothing reads it any more */
    int64_t bytes = -1;
    bool block_write = is_block_write(s, &bytes);
    for (uint32_t a = 0; a < s->nargs; a++) {
        const struct esc_operand *op = &s->args[a];
        if (w->object != ESC_NONE && op->kind == ESC_OPND_MEM && op->id == w->object) {
            if (!*fresh && !w->only_taken && overlaps(w->offset, w->size, op->offset, op->size))
                record(w->hit, fn, s->loc, false);
        } else if (w->object != ESC_NONE && op->kind == ESC_OPND_ADDR && op->id == w->object) {
            if (!*fresh && !(block_write && a == 0))
                record(w->hit, fn, s->loc, true);
        } else if (w->value != ESC_NONE && op->kind == ESC_OPND_DEREF && op->id == w->value) {
            if (!*fresh && !w->only_taken && overlaps(w->offset, w->size, op->offset, op->size))
                record(w->hit, fn, s->loc, false);
        } else if (w->value != ESC_NONE && op->kind == ESC_OPND_VALUE && op->id == w->value) {
            if (!*fresh && !(block_write && a == 0))
                record(w->hit, fn, s->loc, true);
        }
    }
    if (s->target.kind != ESC_OPND_NONE &&
        (names_object(&s->target, w->object) || names_value(&s->target, w->value)) && !*fresh)
        record(w->hit, fn, s->loc, true);
    bool mine = w->object != ESC_NONE ? names_object(&s->lhs, w->object)
                                      : s->lhs.kind == ESC_OPND_DEREF && s->lhs.id == w->value;
    if (mine && covers(w->offset, w->size, s->lhs.offset, s->lhs.size))
        *fresh = true;
    if (block_write && s->nargs == 3 &&
        (w->object != ESC_NONE ? s->args[0].kind == ESC_OPND_ADDR && s->args[0].id == w->object
                               : s->args[0].kind == ESC_OPND_VALUE && s->args[0].id == w->value) &&
        covers(w->offset, w->size, s->args[0].offset, bytes))
        *fresh = true;
    return true;
}

static bool walk_step(struct walk *w, uint32_t id, bool *fresh)
{
    if (w->p) {
        static_stmt(w->r, w->fn, id, w->p, fresh, w->hit, w->depth);
        return true;
    }
    return caller_step(w, id, fresh);
}

/* The block and position of statement ID in FN. */
static bool find_stmt(const struct esc_function *fn, uint32_t id, uint32_t *block, uint32_t *pos)
{
    uint32_t b = fn->stmts[id].block;
    if (b >= fn->nblocks)
        return false;
    for (uint32_t i = 0; i < fn->blocks[b].nstmts; i++)
        if (fn->blocks[b].stmts[i] == id) {
            *block = b;
            *pos = i;
            return true;
        }
    return false;
}

/* Why a callee's place in its caller's memory cannot be followed; NULL
   when every caller is in this unit. */
static const char *unknown_callers(const struct ranker *r, uint32_t f)
{
    const struct esc_function *fn = r->m->functions[f];
    if (fn->exported)
        return "other units can call it";
    if (r->taken[f])
        return "its address is taken, so its callers are unknown";
    return NULL;
}

struct caller_question {
    struct ranker *r;
    struct hit hit;
    const char *unsure; /* why callers cannot be followed, for a note */
    bool any_caller;
    bool *asked; /* per function and parameter (64): already followed; made when needed */
    /* With cross_unit: the functions other units can call that the
       question reaches, left to gcc-escape link instead of unsure. */
    bool cross_unit;
    bool only_taken; /* the first caller's loads do not count (gcc-escape link's ranges) */
    uint8_t nopen;
    struct esc_read_caller open[ESC_MAX_READ_CALLERS];
};

static void ask_callers(struct caller_question *q, uint32_t f, uint32_t param, int64_t offset,
                        int64_t size, unsigned depth);

/* Does CALLER read the bytes [OFFSET, OFFSET + SIZE) of what argument
   PARAM (0-based) of its call ID points to, after the call, before
   writing them?  Its callers in turn when it passed on its own parameter. */
static void ask_call(struct caller_question *q, uint32_t g, uint32_t id, uint32_t param,
                     int64_t offset, int64_t size, unsigned depth)
{
    struct ranker *r = q->r;
    const struct esc_function *caller = r->m->functions[g];
    const struct esc_stmt *s = &caller->stmts[id];
    uint32_t block, pos;
    const struct esc_operand *arg = param < s->nargs ? &s->args[param] : NULL;
    struct walk w = {.r = r,
                     .fn = caller,
                     .object = ESC_NONE,
                     .value = ESC_NONE,
                     .hit = &q->hit,
                     .size = -1,
                     .offset = ESC_UNKNOWN_OFFSET,
                     .only_taken = q->only_taken && depth == 0};
    bool shifted = arg && arg->offset != ESC_UNKNOWN_OFFSET && offset != ESC_UNKNOWN_OFFSET;
    if (shifted) {
        w.offset = arg->offset + offset;
        w.size = size;
    }
    if (!arg || !find_stmt(caller, id, &block, &pos)) {
        record(&q->hit, caller, s->loc, true);
    } else if (arg->kind == ESC_OPND_ADDR && arg->id < caller->nobjects &&
               esc_object_is_stack(&caller->objects[arg->id])) {
        w.object = arg->id;
        walk(&w, block, pos + 1, false);
    } else if (arg->kind == ESC_OPND_VALUE && arg->id < caller->nvalues &&
               caller->values[arg->id].param >= 0 && caller->values[arg->id].def == ESC_NONE) {
        w.value = arg->id;
        if (walk(&w, block, pos + 1, false) && !q->hit.fn)
            ask_callers(q, g, (uint32_t)caller->values[arg->id].param, w.offset, w.size, depth + 1);
    } else {
        record(&q->hit, caller, s->loc, true);
    }
}

/* Do the callers of F read the bytes [OFFSET, OFFSET + SIZE) of what its
   parameter PARAM points to, after the call, before writing them? */
static void ask_callers(struct caller_question *q, uint32_t f, uint32_t param, int64_t offset,
                        int64_t size, unsigned depth)
{
    struct ranker *r = q->r;
    if (q->hit.fn || q->unsure)
        return;
    if (param >= 64 || depth > MAX_CALLER_DEPTH) {
        q->unsure = "its callers are too deep to follow";
        return;
    }
    if (!q->asked)
        q->asked = esc_xcalloc((size_t)(r->n + 1) * 64, sizeof *q->asked);
    if (q->asked[(size_t)f * 64 + param])
        return;
    q->asked[(size_t)f * 64 + param] = true;
    const char *why = unknown_callers(r, f);
    const char *name = r->m->functions[f]->name;
    if (why && q->cross_unit && !r->taken[f] && name) {
        /* Other units' callers: gcc-escape link asks them; this unit's
           own callers are asked below. */
        if (q->nopen == ESC_MAX_READ_CALLERS) {
            q->unsure = why;
            return;
        }
        q->open[q->nopen++] = (struct esc_read_caller){name, param, offset, size, r->called[f]};
    } else if (why) {
        q->unsure = why;
        return;
    }
    for (uint32_t g = 0; g < r->n && !q->hit.fn && !q->unsure; g++) {
        const struct esc_function *caller = r->m->functions[g];
        for (uint32_t id = 0; id < caller->nstmts && !q->hit.fn && !q->unsure; id++) {
            const struct esc_stmt *s = &caller->stmts[id];
            if (s->kind != ESC_STMT_CALL || !s->callee || !(s->flags & ESC_CALLF_DEFINED) ||
                strcmp(s->callee, name) != 0)
                continue;
            q->any_caller = true;
            ask_call(q, g, id, param, offset, size, depth);
        }
    }
}

/* ---- verdicts --------------------------------------------------------- */

static char *where(const struct hit *hit)
{
    const char *file = hit->loc.file ? hit->loc.file : "?";
    const char *base = strrchr(file, '/');
    return esc_xasprintf("%s:%u", base ? base + 1 : file, hit->loc.line);
}

static void set_reader(struct esc_finding *fd, const struct hit *hit)
{
    char *at = where(hit);
    fd->read = ESC_READ_MAY;
    fd->reader = hit->fn->name;
    fd->reader_loc = hit->loc;
    fd->read_note = hit->taken ? esc_xasprintf("may be read again through '%s' (%s), where "
                                               "its address is used before a write",
                                               hit->fn->name, at)
                               : esc_xasprintf("read again by '%s' (%s) without a write before it",
                                               hit->fn->name, at);
    free(at);
}

/* Can F run after the escaping function returned, other than called by
   one of this unit's functions? */
static bool is_entry(const struct ranker *r, uint32_t f)
{
    const struct esc_function *fn = r->m->functions[f];
    return fn->exported || r->taken[f] || r->handler[f] || !r->called[f];
}

static void rank_static(struct ranker *r, const struct esc_function *fn, struct esc_finding *fd,
                        uint32_t static_obj, bool reach, bool cross_unit)
{
    const struct esc_object *st = &fn->objects[static_obj];
    const struct esc_stmt *store = &fn->stmts[fd->stmt];
    struct place p = {.key = st->key,
                      .offset = ESC_UNKNOWN_OFFSET,
                      .size = -1,
                      .reach = reach,
                      .stale_fn = fn,
                      .stale_stmt = fd->stmt};
    if (!reach && store->lhs.kind == ESC_OPND_MEM && store->lhs.id == static_obj) {
        p.offset = store->lhs.offset;
        p.size = store->lhs.size;
    }
    bool internal = st->flags & (ESC_OBJF_FILE_STATIC | ESC_OBJF_LOCAL_STATIC);
    bool from_main = is_main(fn);
    memset(r->effects, 0, 2 * (size_t)(r->n + 1) * sizeof *r->effects);
    r->any_read = false;
    struct hit hit = {0};
    for (uint32_t f = 0; f < r->n && !hit.fn; f++) {
        if (from_main ? !r->handler[f] : !is_entry(r, f))
            continue;
        const struct fn_effect *e = static_effect(r, f, false, &p, 0);
        if (e->reads)
            hit = e->hit.fn ? e->hit
                            : (struct hit){r->m->functions[f], r->m->functions[f]->loc, false};
    }
    /* Its address in an initializer (a table of pointers, statements
       outside the CFG that no walk sees): reachable by whoever reads the
       table, so unsure. */
    for (uint32_t f = 0; f < r->n && !hit.fn; f++) {
        const struct esc_function *g = r->m->functions[f];
        for (uint32_t id = 0; id < g->nstmts && !hit.fn; id++) {
            const struct esc_stmt *s = &g->stmts[id];
            for (uint32_t a = 0; s->block == ESC_NONE && a < s->nargs; a++)
                if (s->args[a].kind == ESC_OPND_ADDR && is_the_static(g, s->args[a].id, &p))
                    record(&hit, g, s->loc.line ? s->loc : g->loc, true);
        }
    }
    const char *name = st->name ? st->name : "?";
    /* Only the whole program shows the other readers of an external
       static, and the handlers main's unit does not define. */
    if (cross_unit && !hit.fn && !internal && st->name) {
        fd->read_static = st->name;
        fd->read_offset = p.offset;
        fd->read_size = p.size;
    }
    if (hit.fn) {
        set_reader(fd, &hit);
    } else if (!internal && (!from_main || r->unseen_handler)) {
        fd->read = ESC_READ_MAY;
        fd->read_note = from_main ? esc_xasprintf("may be read again at exit by a handler "
                                                  "this unit does not define")
                                  : esc_xasprintf("may be read again: '%s' has external "
                                                  "linkage, and other units may read it",
                                                  name);
    } else {
        fd->read = ESC_READ_NEVER;
        if (from_main)
            fd->read_note = esc_xasprintf("nothing reads it again: 'main' leaves it in '%s' "
                                          "until exit, and no at-exit handler reads it",
                                          name);
        else if (r->any_read)
            fd->read_note = esc_xasprintf("nothing reads it again: every function that reads "
                                          "'%s' writes it first",
                                          name);
        else
            fd->read_note =
                esc_xasprintf("nothing reads it again: no function of this unit reads '%s'", name);
    }
}

static void rank_caller(struct ranker *r, uint32_t f, struct esc_finding *fd,
                        const struct esc_object *caller, bool field, bool cross_unit)
{
    const struct esc_function *fn = r->m->functions[f];
    const char *pname = caller->param >= 0 && (uint32_t)caller->param < fn->nparams &&
                                fn->params[caller->param].name
                            ? fn->params[caller->param].name
                            : "?";
    if (is_main(fn)) {
        fd->read = ESC_READ_NEVER;
        fd->read_note = esc_xasprintf("nothing reads it again: the C library does not read what "
                                      "'%s' points to after 'main' returns",
                                      pname);
        return;
    }
    if (caller->flags & ESC_OBJF_DEEP) {
        fd->read = ESC_READ_MAY;
        fd->read_note =
            esc_xasprintf("may be read again: it is left in memory reached through what '%s' "
                          "points to, where callers are not followed",
                          pname);
        return;
    }
    int64_t offset = ESC_UNKNOWN_OFFSET, size = -1;
    const struct esc_stmt *store = &fn->stmts[fd->stmt];
    if (field && store->lhs.kind == ESC_OPND_DEREF && store->lhs.id < fn->nvalues &&
        fn->values[store->lhs.id].param == caller->param &&
        fn->values[store->lhs.id].def == ESC_NONE) {
        offset = store->lhs.offset;
        size = store->lhs.size;
    }
    struct caller_question q = {.r = r};
    q.asked = esc_xcalloc((size_t)(r->n + 1) * 64, sizeof *q.asked);
    ask_callers(&q, f, (uint32_t)caller->param, offset, size, 0);
    if (q.unsure && cross_unit) {
        /* The same question again, leaving the callers in other units to
           gcc-escape link: the unit's own verdict and note stay those of
           a compilation without cross-unit facts. */
        struct caller_question all = {.r = r, .asked = q.asked, .cross_unit = true};
        memset(all.asked, 0, (size_t)(r->n + 1) * 64 * sizeof *all.asked);
        ask_callers(&all, f, (uint32_t)caller->param, offset, size, 0);
        if (!all.hit.fn && !all.unsure && all.nopen) {
            fd->nread_callers = all.nopen;
            memcpy(fd->read_callers, all.open, all.nopen * sizeof *all.open);
        }
    }
    free(q.asked);
    if (q.hit.fn) {
        set_reader(fd, &q.hit);
    } else if (q.unsure) {
        fd->read = ESC_READ_MAY;
        fd->read_note =
            esc_xasprintf("may be read again by a caller of '%s': %s", fn->name, q.unsure);
    } else {
        fd->read = ESC_READ_NEVER;
        fd->read_note = q.any_caller ? esc_xasprintf("nothing reads it again: every caller of "
                                                     "'%s' discards or overwrites what '%s' "
                                                     "points to without reading it",
                                                     fn->name, pname)
                                     : esc_xasprintf("nothing reads it again: nothing in this "
                                                     "unit calls '%s'",
                                                     fn->name);
    }
}

/* The place finding FD of function F leaves its address in, ranked. */
static void rank_finding(struct ranker *r, uint32_t f, struct esc_finding *fd, bool cross_unit)
{
    const struct esc_function *fn = r->m->functions[f];
    uint32_t sink = fd->rule == ESC_RULE_ESCAPE_HEAP ? fd->heap_root : fd->sink;
    bool through_heap = fd->rule == ESC_RULE_ESCAPE_HEAP;
    if (sink >= fn->nobjects)
        return;
    const struct esc_object *o = &fn->objects[sink];
    switch (o->kind) {
    case ESC_OBJ_STATIC:
        rank_static(r, fn, fd, sink, through_heap, cross_unit);
        break;
    case ESC_OBJ_STATIC_REACH:
        if (o->companion < fn->nobjects && fn->objects[o->companion].kind == ESC_OBJ_STATIC)
            rank_static(r, fn, fd, o->companion, true, cross_unit);
        break;
    case ESC_OBJ_CALLER:
        rank_caller(r, f, fd, o, !through_heap, cross_unit);
        break;
    default:
        break; /* returned, kept: not ranked */
    }
}

/* ---- for gcc-escape link ---------------------------------------------- */

/* Past these, the unit's reads are not all listed (reads_overflow), and
   gcc-escape link leaves its external statics "may be read". */
#define MAX_READ_RANGES 256
#define MAX_READS_PER_RANGE 64

struct range {
    uint64_t key;
    const char *name;
    int64_t offset, size;
};

static bool is_external_static(const struct esc_object *o)
{
    return o->kind == ESC_OBJ_STATIC && o->name &&
           !(o->flags & (ESC_OBJF_FILE_STATIC | ESC_OBJF_LOCAL_STATIC));
}

/* Every distinct range of an external static this unit loads (or whose
   address it uses: anywhere), into RANGES; false past MAX_READ_RANGES. */
static bool external_ranges(const struct ranker *r, struct range **ranges, uint32_t *n)
{
    uint32_t cap = 0;
    for (uint32_t f = 0; f < r->n; f++) {
        const struct esc_function *fn = r->m->functions[f];
        for (uint32_t id = 0; id < fn->nstmts; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            for (uint32_t a = 0; s->block != ESC_NONE && a < s->nargs; a++) {
                const struct esc_operand *op = &s->args[a];
                if ((op->kind != ESC_OPND_MEM && op->kind != ESC_OPND_ADDR) ||
                    op->id >= fn->nobjects || !is_external_static(&fn->objects[op->id]))
                    continue;
                bool mem = op->kind == ESC_OPND_MEM;
                struct range want = {fn->objects[op->id].key, fn->objects[op->id].name,
                                     mem ? op->offset : ESC_UNKNOWN_OFFSET, mem ? op->size : -1};
                bool known = false;
                for (uint32_t i = 0; i < *n && !known; i++)
                    known = (*ranges)[i].key == want.key && (*ranges)[i].offset == want.offset &&
                            (*ranges)[i].size == want.size;
                if (known)
                    continue;
                if (*n == MAX_READ_RANGES)
                    return false;
                *ESC_PUSH(*ranges, *n, cap) = want;
            }
        }
    }
    return true;
}

/* The loads of external statics that may meet a stale address, from
   every function that can run after another returned; and the at-exit
   handlers, by name. */
static void collect_external_reads(struct ranker *r, struct esc_results *out)
{
    for (uint32_t f = 0; f < r->n; f++)
        if (r->handler[f])
            *ESC_PUSH(out->at_exit, out->nat_exit, out->cap_at_exit) = r->m->functions[f]->name;
    for (uint32_t i = 0; i < r->nunseen; i++)
        *ESC_PUSH(out->at_exit, out->nat_exit, out->cap_at_exit) = r->unseen[i];
    struct range *ranges = NULL;
    uint32_t nranges = 0;
    out->reads_overflow = !external_ranges(r, &ranges, &nranges);
    for (uint32_t i = 0; i < nranges && !out->reads_overflow; i++) {
        /* A load of the range may meet a stale address when no store
           covering it came first: the question asked of a stale place. */
        struct place p = {.key = ranges[i].key,
                          .offset = ranges[i].offset,
                          .size = ranges[i].size,
                          .stale_stmt = ESC_NONE};
        memset(r->effects, 0, 2 * (size_t)(r->n + 1) * sizeof *r->effects);
        uint32_t found = 0;
        for (uint32_t f = 0; f < r->n && !out->reads_overflow; f++) {
            if (!is_entry(r, f))
                continue;
            const struct fn_effect *e = static_effect(r, f, false, &p, 0);
            if (!e->reads)
                continue;
            if (++found > MAX_READS_PER_RANGE) {
                out->reads_overflow = true;
                break;
            }
            const struct esc_function *at = e->hit.fn ? e->hit.fn : r->m->functions[f];
            *ESC_PUSH(out->reads, out->nreads, out->cap_reads) = (struct esc_static_read){
                .name = ranges[i].name,
                .offset = ranges[i].offset,
                .size = ranges[i].size,
                .entry = r->m->functions[f]->name,
                .reader = at->name,
                .loc = e->hit.fn ? e->hit.loc : at->loc,
                .taken = e->hit.taken,
            };
        }
    }
    free(ranges);
}

/* Past this many reads after calls into other units, the unit does not
   list itself as a caller (calls_listed false), and gcc-escape link
   leaves the caller's memory of other units' functions "may be read". */
#define MAX_CALL_READS 1024

struct call_lists {
    struct esc_results *out;
    struct esc_u64map callees, taken; /* name hash -> 1 + index in the list */
    bool overflow;
};

/* NAME into LIST once (by MAP). */
static void add_name(struct esc_u64map *map, const char ***list, uint32_t *n, uint32_t *cap,
                     const char *name)
{
    uint64_t h = esc_name_hash(name);
    uint32_t *at = esc_u64map_get(map, h);
    if (at && strcmp((*list)[*at - 1], name) == 0)
        return;
    *ESC_PUSH(*list, *n, *cap) = name;
    if (!at)
        esc_u64map_put(map, h, *n);
}

static void add_call_read(struct call_lists *c, struct esc_call_read cr)
{
    struct esc_results *out = c->out;
    for (uint32_t i = 0; i < out->ncall_reads; i++) {
        const struct esc_call_read *o = &out->call_reads[i];
        if (o->arg == cr.arg && o->offset == cr.offset && o->size == cr.size &&
            (o->why != NULL) == (cr.why != NULL) && strcmp(o->callee, cr.callee) == 0)
            return; /* the first reader of those bytes is enough */
    }
    if (out->ncall_reads == MAX_CALL_READS) {
        c->overflow = true;
        return;
    }
    *ESC_PUSH(out->call_reads, out->ncall_reads, out->cap_call_reads) = cr;
}

/* Does the list already say that CALLEE's argument ARG may be read
   anywhere after some call (so no other question about it matters)? */
static bool read_anywhere(const struct call_lists *c, const char *callee, uint32_t arg)
{
    for (uint32_t i = 0; i < c->out->ncall_reads; i++) {
        const struct esc_call_read *o = &c->out->call_reads[i];
        if (o->arg == arg && (o->offset == ESC_UNKNOWN_OFFSET || o->size <= 0) &&
            strcmp(o->callee, callee) == 0)
            return true;
    }
    return false;
}

/* One question about call ID of G, argument A: the bytes [OFFSET, OFFSET
   + SIZE) of what it points to (offset ESC_UNKNOWN_OFFSET: any, and then
   only the address used again in G counts: its loads have their own
   questions).  Returns whether the answer is a read of any bytes. */
static bool ask_call_read(struct ranker *r, struct call_lists *c, uint32_t g, uint32_t id,
                          uint32_t a, int64_t offset, int64_t size)
{
    const struct esc_stmt *s = &r->m->functions[g]->stmts[id];
    struct caller_question q = {.r = r, .only_taken = offset == ESC_UNKNOWN_OFFSET};
    ask_call(&q, g, id, a, offset, size, 0);
    free(q.asked);
    struct esc_call_read cr = {.callee = s->callee, .arg = a + 1, .offset = offset, .size = size};
    if (q.unsure) {
        cr.reader = r->m->functions[g]->name;
        cr.loc = s->loc;
        cr.why = q.unsure;
    } else if (q.hit.fn) {
        cr.reader = q.hit.fn->name;
        cr.loc = q.hit.loc;
        cr.taken = q.hit.taken;
    } else {
        return false;
    }
    bool anywhere = cr.why || cr.taken || offset == ESC_UNKNOWN_OFFSET || size <= 0;
    if (anywhere) {
        cr.offset = ESC_UNKNOWN_OFFSET;
        cr.size = -1;
    }
    add_call_read(c, cr);
    return anywhere;
}

/* Distinct ranges asked about one argument; past this, one question
   about any bytes. */
#define MAX_RANGES_PER_ARG 32

/* What G may read, after its call ID into another unit, of the memory
   argument A points to: one question for its address used again, one
   for each range G loads of it. */
static void call_reads(struct ranker *r, struct call_lists *c, uint32_t g, uint32_t id, uint32_t a)
{
    const struct esc_function *fn = r->m->functions[g];
    const struct esc_stmt *call = &fn->stmts[id];
    const struct esc_operand *arg = &call->args[a];
    if (read_anywhere(c, call->callee, a + 1))
        return;
    bool object = arg->kind == ESC_OPND_ADDR && arg->id < fn->nobjects &&
                  esc_object_is_stack(&fn->objects[arg->id]);
    bool param = arg->kind == ESC_OPND_VALUE && arg->id < fn->nvalues &&
                 fn->values[arg->id].param >= 0 && fn->values[arg->id].def == ESC_NONE;
    if (!object && !param) {
        /* Memory the unit does not follow: a read (ask_call says so). */
        ask_call_read(r, c, g, id, a, 0, -1);
        return;
    }
    if (ask_call_read(r, c, g, id, a, ESC_UNKNOWN_OFFSET, -1))
        return;
    int64_t asked[MAX_RANGES_PER_ARG][2];
    uint32_t nasked = 0;
    for (uint32_t k = 0; k < fn->nstmts && !c->overflow; k++) {
        const struct esc_stmt *s = &fn->stmts[k];
        for (uint32_t i = 0; s->block != ESC_NONE && i < s->nargs; i++) {
            const struct esc_operand *op = &s->args[i];
            if (object ? op->kind != ESC_OPND_MEM || op->id != arg->id
                       : op->kind != ESC_OPND_DEREF || op->id != arg->id)
                continue;
            /* Bytes before the pointer passed (container_of) or unknown:
               any bytes. */
            bool known = op->offset != ESC_UNKNOWN_OFFSET && arg->offset != ESC_UNKNOWN_OFFSET &&
                         op->size > 0 && op->offset >= arg->offset;
            int64_t range[2] = {known ? op->offset - arg->offset : 0, known ? op->size : -1};
            bool seen = false;
            for (uint32_t j = 0; j < nasked && !seen; j++)
                seen = asked[j][0] == range[0] && asked[j][1] == range[1];
            if (seen)
                continue;
            if (nasked == MAX_RANGES_PER_ARG) {
                ask_call_read(r, c, g, id, a, 0, -1);
                return;
            }
            memcpy(asked[nasked++], range, sizeof range);
            if (ask_call_read(r, c, g, id, a, range[0], range[1]))
                return;
        }
    }
}

/* This unit as a caller of functions other units define: their names,
   those whose address it uses (their callers are unknown), and what it
   may read after each call of the memory it passes them. */
static void collect_calls(struct ranker *r, struct esc_results *out)
{
    struct call_lists c = {.out = out};
    for (uint32_t i = 0; i < r->m->naddressed; i++)
        if (function_index(r, r->m->addressed[i]) == ESC_NONE)
            add_name(&c.taken, &out->taken_fns, &out->ntaken_fns, &out->cap_taken_fns,
                     r->m->addressed[i]);
    for (uint32_t g = 0; g < r->n && !c.overflow; g++) {
        const struct esc_function *fn = r->m->functions[g];
        for (uint32_t id = 0; id < fn->nstmts && !c.overflow; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            for (uint32_t a = 0; a < s->nargs; a++) {
                const struct esc_operand *op = &s->args[a];
                if (op->kind == ESC_OPND_ADDR && op->id < fn->nobjects &&
                    fn->objects[op->id].kind == ESC_OBJ_FUNCTION && fn->objects[op->id].name &&
                    function_index(r, fn->objects[op->id].name) == ESC_NONE)
                    add_name(&c.taken, &out->taken_fns, &out->ntaken_fns, &out->cap_taken_fns,
                             fn->objects[op->id].name);
            }
            if (s->kind != ESC_STMT_CALL || !s->callee || s->block == ESC_NONE ||
                s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_INTERNAL | ESC_CALLF_ASM) ||
                function_index(r, s->callee) != ESC_NONE || esc_lib_lookup(s->callee))
                continue;
            add_name(&c.callees, &out->callees, &out->ncallees, &out->cap_callees, s->callee);
            for (uint32_t a = 0; a < s->nargs && !c.overflow; a++)
                if (s->args[a].kind != ESC_OPND_NONE && s->args[a].kind != ESC_OPND_INT &&
                    !(s->args[a].kind == ESC_OPND_ADDR && s->args[a].id < fn->nobjects &&
                      fn->objects[s->args[a].id].kind == ESC_OBJ_FUNCTION))
                    call_reads(r, &c, g, id, a);
        }
    }
    out->calls_listed = !c.overflow;
    esc_u64map_free(&c.callees);
    esc_u64map_free(&c.taken);
}

void esc_rank_readers(const struct esc_module *m, const struct esc_summary_table *own,
                      struct esc_results *results, bool cross_unit)
{
    struct ranker r = {.m = m, .own = own, .n = m->nfunctions};
    index_unit(&r);
    r.effects = esc_xcalloc(2 * (size_t)(r.n + 1), sizeof *r.effects);
    for (uint32_t f = 0; f < results->nfunctions && f < r.n; f++) {
        struct esc_function_result *res = &results->functions[f];
        for (uint32_t k = 0; k < res->nfindings; k++) {
            struct esc_finding *fd = &res->findings[k];
            if (fd->rule != ESC_RULE_ESCAPE_GLOBAL && fd->rule != ESC_RULE_ESCAPE_CALLER &&
                fd->rule != ESC_RULE_ESCAPE_HEAP)
                continue;
            rank_finding(&r, f, fd, cross_unit);
        }
    }
    if (cross_unit) {
        collect_external_reads(&r, results);
        collect_calls(&r, results);
    }
    free(r.unseen);
    free(r.effects);
    free(r.taken);
    free(r.called);
    free(r.handler);
}
