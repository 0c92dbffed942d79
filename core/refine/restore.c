/* restore.c - a stored pointer undone on every path: its place written again. */
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"

/* The model.  A store `*q = p` (or a callee's store into an argument's
   field, or into a static) leaves p in one place.  If every path from the
   store to a return writes that place again, p is gone before the frame
   is: the kernel's

       prev = g_top; g_top = &frame; ...; g_top = prev;

   The place is the store's own destination when it is exact (a known
   offset and size, or the same reference expression at a variable
   index); overwrite.c's walk follows the CFG from the store and ends a
   path at a statement that writes all of it.  Besides stores, a call
   whose summary writes the place ends a path (`push (&frame); ...;
   pop ();`): that is the RESTORE refinement, one of refine-list.h's
   UNDOES predicates, which the walk asks at every statement.  Its EDGE
   refinements end a path on an edge that cannot be taken after the store
   (correlated.c), or on which the place no longer holds the pointer
   (placetest.c).  A static
   field that a callee stored into is written again by a store to that
   field, or by a call whose summary writes it. */

static bool site_covers(const struct esc_site *w, int64_t base, int64_t offset, int64_t size)
{
    return w->offset + base <= offset && offset + size <= w->offset + base + w->size;
}

static bool static_matches(const struct esc_stored_place *p, const struct esc_object *o,
                           int64_t base, const struct esc_site *w)
{
    if (p->has_site)
        return esc_site_names_object(&p->site, o) &&
               site_covers(w, base, p->site.offset, p->site.size);
    return false;
}

/* Does the write W of a callee at CALL cover the place? */
static bool write_restores(const struct esc_refine *r, const struct esc_stored_place *p,
                           const struct esc_stmt *call, const struct esc_site *w)
{
    const struct esc_function *fn = r->fn;
    const struct esc_pointsto *pt = r->pt;
    if (w->param == ESC_SITE_STATIC) {
        if (p->has_site)
            return esc_sites_same_static(w, &p->site) &&
                   site_covers(w, 0, p->site.offset, p->site.size);
        for (uint32_t o = esc_bitset_next(&p->targets, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(&p->targets, pt->nwords, o + 1))
            if (esc_site_names_object(w, &fn->objects[o]) &&
                site_covers(w, 0, p->loc->offset, p->loc->size))
                return true;
        return false;
    }
    if (w->param >= call->nargs)
        return false;
    const struct esc_operand *arg = &call->args[w->param];
    int64_t base = 0;
    /* The objects the write's first level is in: the argument's points-to
       set read in place (a copy per write and call cost 30 million
       instructions on sqlite3.c), or OWN, made here. */
    struct esc_bitset own = {0};
    const struct esc_bitset *level = &own;
    if (arg->kind == ESC_OPND_ADDR) {
        if (arg->offset == ESC_UNKNOWN_OFFSET)
            return false;
        esc_bitset_add(&own, arg->id, pt->nwords);
        base = arg->offset;
    } else if (arg->kind == ESC_OPND_VALUE) {
        /* &p->f, p + 8: the callee's offsets start that far on. */
        uint32_t root;
        if (arg->offset == ESC_UNKNOWN_OFFSET || !esc_value_base(fn, arg->id, &root, &base))
            return false;
        level = esc_pts(pt, arg->id);
        base += arg->offset;
    }
    if (w->level == 2) {
        struct esc_bitset deeper = {0};
        for (uint32_t o = esc_bitset_next(level, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(level, pt->nwords, o + 1))
            esc_bitset_union(&deeper, esc_contents(pt, o), pt->nwords);
        esc_bitset_free(&own);
        own = deeper;
        level = &own;
        base = 0;
    }
    /* The place's own offset from what its base pointer's root points to. */
    int64_t shift = 0;
    uint32_t root;
    if (!p->has_site && p->loc->kind == ESC_OPND_DEREF &&
        !esc_value_base(fn, p->loc->id, &root, &shift)) {
        esc_bitset_free(&own);
        return false;
    }
    bool hit = false;
    for (uint32_t o = esc_bitset_next(level, pt->nwords, 0); o != ESC_NONE && !hit;
         o = esc_bitset_next(level, pt->nwords, o + 1))
        hit = p->has_site ? static_matches(p, &fn->objects[o], base, w)
                          : esc_bitset_has(&p->targets, o) &&
                                site_covers(w, base, p->loc->offset + shift, p->loc->size);
    esc_bitset_free(&own);
    return hit;
}

bool esc_callee_restores(struct esc_refine *r, const struct esc_stored_place *place, uint32_t stmt)
{
    const struct esc_stmt *s = &r->fn->stmts[stmt];
    const struct esc_summary *callee =
        s->kind == ESC_STMT_CALL ? r->flows->calls[stmt].summary : NULL;
    if (!callee)
        return false;
    for (uint32_t i = 0; i < callee->nwrites; i++)
        if (write_restores(r, place, s, &callee->writes[i]))
            return true;
    return false;
}

struct walk {
    struct esc_refine *r;
    struct esc_stored_place *place;
};

/* esc_restores_fn: does statement ID put something else in the place?
   A store to the static field itself (the walk checks stores to LOC on
   its own), or any UNDOES refinement. */
static bool walk_ends(void *ctx, uint32_t id)
{
    const struct walk *w = ctx;
    const struct esc_stmt *s = &w->r->fn->stmts[id];
    if (w->place->has_site && s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_MEM &&
        esc_place_exact(&s->lhs)) {
        struct esc_site written = {.offset = s->lhs.offset, .size = s->lhs.size};
        return static_matches(w->place, &w->r->fn->objects[s->lhs.id], 0, &written);
    }
    return esc_refine_undoes(w->r, w->place, id);
}

/* esc_edge_ends_fn: any EDGE refinement. */
static bool edge_ends(void *ctx, uint32_t from, uint32_t to)
{
    const struct walk *w = ctx;
    return esc_refine_edge_ends(w->r, w->place, from, to);
}

/* Does the pointer stored at FROM still sit in the place at a return? */
static bool place_persists(struct esc_refine *r, uint32_t from, struct esc_stored_place *place)
{
    struct walk w = {r, place};
    return esc_store_reaches_return(r->fn, from, place->loc, walk_ends, edge_ends, &w, true);
}

/* A copy of memory (`*f = *e`, memcpy (f, e, n)) leaves pointers only in
   the words of its destination that the type copied may hold one in
   (ir.h, carriers): it persists while one of those words does, each
   walked on its own.  git's `memcpy (f, e, sizeof *e); f->line =
   xmemdupz (e->line, e->len);` leaves none: line is e's one pointer, and
   the integers beside it carry no address. */
static bool copy_persists(struct esc_refine *r, const struct esc_stmt *copy, uint32_t from,
                          struct esc_stored_place *place)
{
    const struct esc_operand *whole = place->loc;
    int64_t end = whole->offset + whole->size;
    bool persists = false;
    for (uint32_t k = 0; k < 32 && !persists; k++) {
        if (!(copy->carriers >> k & 1))
            continue;
        struct esc_operand word = *whole;
        word.offset += (int64_t)k * copy->carrier_unit;
        if (word.offset >= end)
            break;
        word.size = end - word.offset < copy->carrier_unit ? end - word.offset : copy->carrier_unit;
        word.ref = 0; /* the expression names the whole copy, not this word */
        place->loc = &word;
        persists = place_persists(r, from, place);
    }
    place->loc = whole;
    return persists;
}

enum esc_persists_answer esc_overwrite_persists(struct esc_refine *r, uint32_t id)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[id];
    const struct esc_object *kept =
        f->dst.kind == ESC_OPND_MEM && fn->objects[f->dst.id].kind == ESC_OBJ_KEPT
            ? &fn->objects[f->dst.id]
            : NULL;
    struct esc_stored_place place = {.flow = id, .loc = esc_flow_store_location(fn, f)};
    if (!place.loc && f->reason == ESC_FLOW_CALL_STORE && esc_place_exact(&f->dst))
        place.loc = &f->dst;
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    struct esc_operand filled = esc_opnd_none();
    if (!place.loc && f->reason == ESC_FLOW_CALL_COPY && s->kind == ESC_STMT_CALL &&
        s->carrier_unit) {
        filled = esc_call_fills(s); /* memcpy (d, s, n): *d[0:n] */
        if (esc_place_exact(&filled))
            place.loc = &filled;
    }
    if (place.loc && !esc_place_exact(place.loc) && !place.loc->ref)
        place.loc = NULL;
    const struct esc_summary *callee = r->flows->calls[f->stmt].summary;
    if (kept && !(kept->flags & ESC_OBJF_THREAD) && callee && f->arg >= 1 &&
        f->arg <= callee->nparams)
        place.has_site = esc_param_store_site(&callee->params[f->arg - 1], f->level,
                                              ESC_SITE_STATIC, &place.site);
    if ((!place.loc && !place.has_site) || fn->stmts[f->stmt].block == ESC_NONE)
        return ESC_PERSISTS_PASS;
    if (place.loc)
        esc_pointsto_targets(r->pt, place.loc, &place.targets);
    bool copies =
        place.loc && s->carrier_unit && esc_place_exact(place.loc) &&
        (f->reason == ESC_FLOW_CALL_COPY || (s->kind == ESC_STMT_ASSIGN && place.loc == &s->lhs));
    bool persists =
        copies ? copy_persists(r, s, f->stmt, &place) : place_persists(r, f->stmt, &place);
    esc_bitset_free(&place.targets);
    esc_stored_place_release(&place);
    return persists ? ESC_PERSISTS_KEPT : ESC_PERSISTS_UNDONE;
}
