/* reloaded.c - an undo through a pointer read again from the same place: `app->state->buf = saved`.
 */
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
   no call but the C library's that cannot reach it; an unknown call
   may change it).  Then the later store, at the same offset and covering
   the same bytes, puts something else where the pointer was, and the
   OVERWRITE walk ends its path there, as at `s->buf = saved`. */

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
    if (!r->reload) {
        r->reload = esc_xmalloc(sizeof *r->reload);
        esc_reload_init(r->reload, fn, r->flows, NULL, r->pt);
    }
    return esc_reload_same_value(r->reload, base, wbase);
}
