/* placetest.c - an undo guarded by a test of the place itself: where it no longer holds the
 * pointer. */
#include "core/ir/conditions.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"

/* The model.  Code that lends a local to a structure often takes it back
   only if the structure still holds it:

       if (!oi->sizep)
           oi->sizep = &scratch;           // the store
       status = fill (oi);
       if (oi->sizep == &scratch)          // a load of the same place,
           oi->sizep = NULL;               //  and the undo on one edge
       return status;

   On the other edge the place holds something else than &scratch: the
   pointer is gone from it already, whoever replaced it.  The same holds
   for `if (o->dir) { clear (o->dir); o->dir = NULL; }`, whose other edge
   finds the place null.  So the OVERWRITE walk (restore.c) ends a path on
   an edge where a load of the stored place, made after the store in the
   block that tests it, is known to be null, or known not to point to the
   one stack object the store may carry. */

/* The address flow F stores, when it is one known address: &o + k. */
static bool stored_address(const struct esc_function *fn, const struct esc_flow *f,
                           struct esc_operand *out)
{
    *out = f->src;
    if (f->src.kind == ESC_OPND_VALUE) {
        uint32_t def = fn->values[esc_value_root(fn, f->src.id)].def;
        if (def == ESC_NONE || fn->stmts[def].kind != ESC_STMT_ASSIGN || fn->stmts[def].nargs != 1)
            return false;
        *out = fn->stmts[def].args[0];
    }
    return out->kind == ESC_OPND_ADDR && out->offset != ESC_UNKNOWN_OFFSET;
}

/* The one stack object flow F may store, or ESC_NONE. */
static uint32_t only_stack_object(const struct esc_refine *r, const struct esc_flow *f)
{
    const struct esc_function *fn = r->fn;
    if (f->src.kind == ESC_OPND_ADDR)
        return esc_object_is_stack(&fn->objects[f->src.id]) ? f->src.id : ESC_NONE;
    if (f->src.kind != ESC_OPND_VALUE)
        return ESC_NONE;
    const struct esc_bitset *set = esc_pts(r->pt, f->src.id);
    uint32_t only = ESC_NONE;
    for (uint32_t o = esc_bitset_next(set, r->pt->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, r->pt->nwords, o + 1)) {
        if (!esc_object_is_stack(&fn->objects[o]))
            continue;
        if (only != ESC_NONE)
            return ESC_NONE;
        only = o;
    }
    return only;
}

/* Is value V a load of the stored place, made in block B after the
   store when B is the store's own block? */
static bool loads_place(const struct esc_function *fn, uint32_t v, uint32_t b, uint32_t store,
                        const struct esc_operand *place)
{
    uint32_t def = fn->values[esc_value_root(fn, v)].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    if (s->block != b || s->kind != ESC_STMT_ASSIGN || s->nargs != 1 ||
        (s->args[0].kind != ESC_OPND_MEM && s->args[0].kind != ESC_OPND_DEREF) ||
        !esc_same_place(fn, &s->args[0], place))
        return false;
    if (fn->stmts[store].block != b)
        return true;
    const struct esc_block *blk = &fn->blocks[b];
    for (uint32_t k = 0; k < blk->nstmts; k++) {
        if (blk->stmts[k] == store)
            return true; /* the store first, then the load */
        if (blk->stmts[k] == def)
            return false;
    }
    return false;
}

bool esc_place_tested(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                      uint32_t to)
{
    const struct esc_function *fn = r->fn;
    if (!place->loc)
        return false;
    const struct esc_flow *f = &r->flows->items[place->flow];
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, from, &n);
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *c = &e[k].cond;
        if (e[k].succ != to || e[k].term != ESC_COND_EVERY_TERM || c->is_param ||
            !loads_place(fn, c->subject, from, f->stmt, place->loc))
            continue;
        if (c->kind == ESC_COND_RANGE) {
            struct esc_cond null = {.kind = ESC_COND_RANGE, .subject = c->subject};
            if (esc_edge_implies(fn, from, to, &null))
                return true;
        } else if (c->kind == ESC_COND_NOT_POINTS_TO && c->object == only_stack_object(r, f)) {
            /* Unequal to the very address stored, not to another field. */
            struct esc_operand stored;
            if (stored_address(fn, f, &stored) && stored.id == c->object &&
                stored.offset == c->offset)
                return true;
        }
    }
    return false;
}
