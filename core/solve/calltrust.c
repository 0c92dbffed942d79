/* calltrust.c - which calls an undo through a pointer read again trusts to leave that pointer
 * alone. */
#include "core/solve/calltrust.h"
#include "core/summaries/library.h"
#include "core/summaries/summary.h"

#include <stdlib.h>

/* The model.  An undo read again through a pointer (`r->index->patterns
   = pl; ...; r->index->patterns = NULL;`, nginx's `c->udp->buffer =
   &buf; rev->handler (rev); if (c->udp) c->udp->buffer = NULL;`) writes
   the place the store wrote when nothing between changes which object
   the pointer read again names.  Today's rules (reload.c) prove that for
   stores and C library calls only; code between an escape and its undo
   nearly always calls something else too.  In the undo direction alone
   -- when a refinement asks, to silence a finding, whether a later store
   names the same object -- reload.c asks this file about each call of
   another kind instead of giving up:

   - a call this unit cannot see (no body in this unit, no summary from a
     model file; a call through a function pointer; a compiler-internal
     one) is ASSUMED not to store into the pointer places the reload
     reads.  Code that lends a local to a structure and takes it back
     does not, as a rule, let the calls between move the structure; this
     is the one thing the refinements take on trust;
   - a call of a function of this unit is trusted only if no store it
     may make, itself or through the functions of this unit it calls
     (FUNCS_MAX functions, STMTS_MAX statements, else not trusted), is of
     a pointer of the type of the place read (C's aliasing rules, with a
     type key of 0 -- void *, char *, a union or an aggregate copy --
     matching any), leaving out stores into that function's own frame
     and stores of values that hold no pointer (an integer the lowering
     keeps for its width, git's `sb->len++`); a
     C library call in it that writes pointers through an argument (a
     copy, a store, a fill, an allocation into *arg) counts as such a
     store unless the argument is its own local; a call it makes that
     this unit cannot see is trusted as above; inline assembly is not;
   - a function a model file describes is not trusted: the model lists
     what it keeps, not all it may write.
   A C library call between the store and the undo is not asked here:
   reload.c's own rule (what its arguments may point to) decides it.

   What it misses: a call of another unit, or through a pointer, that
   does change the pointer read again (`app->state = &other` in a
   callback) -- then the undo writes another object and the store is
   silenced though it persists (docs/limits.md).  The escape direction
   (flows.c resolving a load to what was stored) never asks this. */

enum {
    FUNCS_MAX = 16,
    STMTS_MAX = 4096,
};

struct scan {
    const struct esc_calltrust *t;
    uint32_t type_key;
    unsigned nfuncs, stmts;
    const struct esc_function *seen[FUNCS_MAX];
};

static bool body_may_write(struct scan *sc, const struct esc_function *fn);

/* Is OP (a place written, or a pointer argument) in FN's own frame? */
static bool own_frame(const struct esc_function *fn, const struct esc_operand *op)
{
    if (op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_ADDR)
        return esc_object_is_stack(&fn->objects[op->id]);
    if (op->kind != ESC_OPND_DEREF && op->kind != ESC_OPND_VALUE)
        return false;
    int64_t shift;
    uint32_t root = esc_value_origin(fn, op->id, &shift);
    uint32_t def = fn->values[root].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->args[0].kind == ESC_OPND_ADDR &&
           esc_object_is_stack(&fn->objects[s->args[0].id]);
}

/* Does assignment S store only values that hold no pointer: ones the
   lowering never defines (it keeps what may carry one: `sb->len++` is
   kept for its width, with an integer nothing defines), not a pointer
   parameter's? */
static bool stores_no_pointer(const struct esc_function *fn, const struct esc_stmt *s)
{
    for (uint32_t k = 0; k < s->nargs; k++) {
        const struct esc_operand *a = &s->args[k];
        if (a->kind != ESC_OPND_VALUE || fn->values[a->id].def != ESC_NONE)
            return false;
        int32_t param = fn->values[a->id].param;
        if (param >= 0 && ((uint32_t)param >= fn->nparams || fn->params[param].is_pointer))
            return false;
    }
    return s->nargs > 0;
}

static bool typed_write(const struct scan *sc, const struct esc_function *fn,
                        const struct esc_operand *lhs)
{
    if (lhs->kind != ESC_OPND_MEM && lhs->kind != ESC_OPND_DEREF)
        return false;
    if (sc->type_key && lhs->type_key && lhs->type_key != sc->type_key)
        return false;
    return !own_frame(fn, lhs);
}

/* May argument K (1-based; 0: none) of library call S in FN be written
   through, outside FN's frame? */
static bool lib_arg_writes(const struct esc_function *fn, const struct esc_stmt *s, unsigned k)
{
    if (!k || k > s->nargs)
        return false;
    const struct esc_operand *a = &s->args[k - 1];
    if (a->kind == ESC_OPND_INT || a->kind == ESC_OPND_NONE)
        return false;
    return !own_frame(fn, a);
}

static const struct esc_function *own_body(const struct esc_calltrust *t, const char *name)
{
    const struct esc_summary *sum = t->own && name ? esc_summary_table_find(t->own, name) : NULL;
    return sum ? sum->fn : NULL;
}

/* May call S of FN (a function being scanned) store such a pointer? */
static bool call_may_write(struct scan *sc, const struct esc_function *fn, const struct esc_stmt *s)
{
    if (typed_write(sc, fn, &s->lhs))
        return true;
    if (s->flags & ESC_CALLF_ASM)
        return true;
    if (!s->callee || s->flags & ESC_CALLF_INTERNAL)
        return false; /* through a pointer, or the compiler's: trusted */
    if (s->flags & ESC_CALLF_DEFINED) {
        const struct esc_function *callee = own_body(sc->t, s->callee);
        return !callee || body_may_write(sc, callee);
    }
    if (sc->t->models && esc_summary_table_find(sc->t->models, s->callee))
        return true;
    const struct esc_lib_entry *lib = esc_lib_lookup(s->callee);
    if (!lib)
        return false; /* another unit's: trusted */
    return lib_arg_writes(fn, s, lib->copy_dst) || lib_arg_writes(fn, s, lib->store_dst) ||
           lib_arg_writes(fn, s, lib->fill_dst) || lib_arg_writes(fn, s, lib->alloc_out_arg);
}

static bool body_may_write(struct scan *sc, const struct esc_function *fn)
{
    for (unsigned i = 0; i < sc->nfuncs; i++)
        if (sc->seen[i] == fn)
            return false; /* being scanned already */
    if (sc->nfuncs == FUNCS_MAX)
        return true;
    sc->seen[sc->nfuncs++] = fn;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->block == ESC_NONE)
            continue;
        if (++sc->stmts > STMTS_MAX)
            return true;
        if (s->kind == ESC_STMT_ASSIGN ? typed_write(sc, fn, &s->lhs) && !stores_no_pointer(fn, s)
                                       : s->kind == ESC_STMT_CALL && call_may_write(sc, fn, s))
            return true;
    }
    return false;
}

static uint64_t cache_key(const struct esc_function *fn, uint32_t type_key)
{
    uint64_t h = (uint64_t)(uintptr_t)fn * 0x9e3779b97f4a7c15u ^ type_key * 0xc4ceb9fe1a85ec53u;
    return h ^ (h >> 31);
}

bool esc_calltrust_call_may_write(struct esc_calltrust *t, const struct esc_function *fn,
                                  const struct esc_flows *flows, uint32_t stmt, uint32_t type_key)
{
    const struct esc_stmt *s = &fn->stmts[stmt];
    if (s->flags & ESC_CALLF_ASM)
        return true;
    if (!s->callee || s->flags & ESC_CALLF_INTERNAL)
        return false;
    const struct esc_summary *sum = flows ? flows->calls[stmt].summary : NULL;
    const struct esc_function *callee = sum ? sum->fn : NULL;
    if (!callee && s->flags & ESC_CALLF_DEFINED)
        callee = own_body(t, s->callee);
    if (!callee) {
        if (s->flags & ESC_CALLF_DEFINED)
            return true; /* a body nothing here can read */
        return t->models && esc_summary_table_find(t->models, s->callee);
    }
    uint64_t key = cache_key(callee, type_key);
    uint32_t *known = esc_u64map_get(&t->cache, key);
    if (known)
        return *known - 1;
    struct scan sc = {.t = t, .type_key = type_key};
    bool writes = body_may_write(&sc, callee);
    esc_u64map_put(&t->cache, key, 1u + writes);
    return writes;
}

void esc_calltrust_free(struct esc_calltrust *t)
{
    esc_u64map_free(&t->cache);
}
