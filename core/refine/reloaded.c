/* reloaded.c - an undo through a pointer read again from the same place: `app->state->buf = saved`.
 */
#include "core/ir/conditions.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/solve/reload.h"

#include <stdlib.h>

/* The model.  `s = app->state; s->buf = local; ...; app->state->buf =
   saved;` writes the place it stored into when the second app->state
   must hold what s holds: both loads of one place (app's own storage, or
   what app points to, app a parameter or read again from a static), and
   nothing on any path between them that may write that place
   (reload.c's walk, with the points-to sets: no store that may alias it,
   no C library call that can reach it, no call calltrust.c does not
   trust -- a call this unit cannot see is trusted to leave it alone, a
   function of this unit only if it stores no pointer of its type; loops
   between are walked).  Then the later store, at the same offset and
   covering the same bytes, puts something else where the pointer was,
   and the OVERWRITE walk ends its path there, as at `s->buf = saved`.

   The same trust ends a path at the guard of such an undo: on the edge
   where `if (c->udp) c->udp->buffer = NULL;` finds the pointer read
   again null, it would be the pointer the store went through, which was
   not null (the store went through it, later in the same block as its
   load, so on every path to the test): no such path. */

struct esc_reload *esc_trusting_reload(struct esc_refine *r)
{
    if (!r->reload_trust) {
        r->reload_trust = esc_xmalloc(sizeof *r->reload_trust);
        esc_reload_init(r->reload_trust, r->fn, r->flows, NULL, r->pt);
        struct esc_calltrust *t = esc_xcalloc(1, sizeof *t);
        t->own = r->own;
        t->models = r->models;
        r->reload_trust->trust = t;
    }
    return r->reload_trust;
}

/* The part of VALUE's pointer that is a copy or constant offset of an
   earlier one: the root, and how far past it. */
static uint32_t base_of(const struct esc_function *fn, uint32_t value, int64_t *shift)
{
    uint32_t root;
    if (!esc_value_base(fn, value, &root, shift))
        return ESC_NONE;
    return root;
}

bool esc_reload_undoes(struct esc_refine *r, const struct esc_stored_place *place, uint32_t stmt)
{
    const struct esc_function *fn = r->fn;
    const struct esc_operand *loc = place->loc;
    const struct esc_stmt *s = &fn->stmts[stmt];
    if (!loc || loc->kind != ESC_OPND_DEREF || s->kind != ESC_STMT_ASSIGN ||
        s->lhs.kind != ESC_OPND_DEREF || s->lhs.type_key != loc->type_key ||
        !esc_place_exact(loc) || !esc_place_exact(&s->lhs))
        return false;
    int64_t at, wat;
    uint32_t base = base_of(fn, loc->id, &at), wbase = base_of(fn, s->lhs.id, &wat);
    if (base == ESC_NONE || wbase == ESC_NONE || base == wbase)
        return false; /* one pointer: the walk compares the places itself */
    at += loc->offset;
    wat += s->lhs.offset;
    if (wat > at || at + loc->size > wat + s->lhs.size)
        return false;
    return esc_reload_value_follows(esc_trusting_reload(r), wbase, base);
}

/* The load that defines VALUE's root, or ESC_NONE. */
static uint32_t root_load(const struct esc_function *fn, uint32_t value)
{
    uint32_t def = fn->values[esc_value_root(fn, value)].def;
    if (def == ESC_NONE)
        return ESC_NONE;
    const struct esc_stmt *s = &fn->stmts[def];
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->op == ESC_ASSIGN_COPY &&
                   (s->args[0].kind == ESC_OPND_MEM || s->args[0].kind == ESC_OPND_DEREF)
               ? def
               : ESC_NONE;
}

/* The load the pointer PLACE's store went through was read by, when the
   store follows it in its block (then wherever the load was made, the
   store went through it); ESC_NONE if not.  Once per place. */
static uint32_t base_load_of(struct esc_refine *r, struct esc_stored_place *place)
{
    if (place->reload_null)
        return place->reload_null == 2 ? place->reload_base : ESC_NONE;
    const struct esc_function *fn = r->fn;
    const struct esc_operand *loc = place->loc;
    uint32_t store = r->flows->items[place->flow].stmt;
    uint32_t load = loc && loc->kind == ESC_OPND_DEREF ? root_load(fn, loc->id) : ESC_NONE;
    place->reload_null = 1;
    if (load == ESC_NONE || fn->stmts[store].kind != ESC_STMT_ASSIGN ||
        fn->stmts[store].block == ESC_NONE || fn->stmts[store].block != fn->stmts[load].block)
        return ESC_NONE;
    const struct esc_block *blk = &fn->blocks[fn->stmts[store].block];
    for (uint32_t k = 0; k < blk->nstmts && blk->stmts[k] != store; k++)
        if (blk->stmts[k] == load) {
            place->reload_null = 2;
            place->reload_base = load;
            return load;
        }
    return ESC_NONE;
}

bool esc_reload_null_edge(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                          uint32_t to)
{
    uint32_t base_load = base_load_of(r, place);
    if (base_load == ESC_NONE)
        return false;
    const struct esc_function *fn = r->fn;
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, from, &n);
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *c = &e[k].cond;
        if (e[k].succ != to || e[k].term != ESC_COND_EVERY_TERM || c->kind != ESC_COND_RANGE ||
            c->is_param || c->lo > 0 || c->hi < 0)
            continue;
        uint32_t test_load = root_load(fn, c->subject);
        if (test_load == ESC_NONE || test_load == base_load)
            continue;
        struct esc_cond null = *c;
        null.lo = null.hi = 0;
        if (!esc_edge_implies(fn, from, to, &null))
            continue;
        /* The value tested is the one the store went through. */
        if (esc_reload_value_follows(esc_trusting_reload(r), c->subject, place->loc->id))
            return true;
    }
    return false;
}
