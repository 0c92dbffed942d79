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

/* The path search (explain.c) ends a store's reach where RELOADED or
   RELOAD_NULL say the program undid it, but walks statement by statement
   asking them only for a store that one of them could ever accept: both
   need the store's pointer, and the undo's (or the tested value), to be
   loads of one place.  reload.c's same_place takes two places for one
   only when they are spelled alike: the same kind, the same object when
   it is named, the same offset from their roots, the same size.  So each
   load is keyed by those, and an index of the function lists the keys of
   the stores that could be an undo (with the pointer type they store, as
   esc_reload_undoes wants the same) and of the values tested against
   null (with their offset from the load, as esc_reload_value_follows
   wants the same).  A store whose key is in neither list walks as if
   these refinements did not exist, which is what they would say.  On
   sqlite3.c at -O0 this costs 4.5 M instructions (callgrind, cc1
   21,256.3 M before, 21,260.7 M after); asking every store cost 516.6 M. */
struct esc_reload_keys {
    struct esc_u64map keys;   /* the keys below, of the undos and tests there are */
    struct esc_bitset stores; /* the statements RELOADED could accept */
};

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v * 0x9e3779b97f4a7c15u;
    return (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9u;
}

/* The key of the place VALUE's origin was loaded from, and the origin's
   offset into VALUE (*SHIFT); false when the origin is no load of an
   exact place, so that no reload can match. */
static bool origin_load_key(const struct esc_function *fn, uint32_t value, uint64_t *key,
                            int64_t *shift)
{
    uint32_t origin = esc_value_origin(fn, value, shift);
    uint32_t def = fn->values[origin].def;
    if (*shift == ESC_UNKNOWN_OFFSET || def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    const struct esc_operand *from = &s->args[0];
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->op != ESC_ASSIGN_COPY ||
        s->lhs.kind != ESC_OPND_VALUE || !esc_place_exact(from))
        return false;
    int64_t at = 0;
    if (from->kind == ESC_OPND_DEREF) {
        esc_value_origin(fn, from->id, &at);
        if (at == ESC_UNKNOWN_OFFSET)
            return false;
    }
    uint64_t h = mix(from->kind, from->kind == ESC_OPND_MEM ? from->id : ESC_NONE);
    *key = mix(mix(h, (uint64_t)(from->offset + at)), (uint64_t)from->size);
    return true;
}

static uint64_t undo_key(uint64_t load, uint32_t type_key)
{
    return mix(mix(1, load), type_key);
}

static uint64_t test_key(uint64_t load, int64_t shift)
{
    return mix(mix(2, load), (uint64_t)shift);
}

static struct esc_reload_keys *index_keys(const struct esc_function *fn)
{
    struct esc_reload_keys *k = esc_xcalloc(1, sizeof *k);
    uint64_t load;
    int64_t shift;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_DEREF &&
            esc_place_exact(&s->lhs) && origin_load_key(fn, s->lhs.id, &load, &shift)) {
            esc_u64map_put(&k->keys, undo_key(load, s->lhs.type_key), 1);
            esc_bitset_add(&k->stores, id, esc_bitset_words(fn->nstmts));
        }
    }
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        uint32_t n;
        const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
        for (uint32_t j = 0; j < n; j++) {
            const struct esc_cond *c = &e[j].cond;
            if (e[j].term == ESC_COND_EVERY_TERM && c->kind == ESC_COND_RANGE && !c->is_param &&
                c->lo <= 0 && c->hi >= 0 && origin_load_key(fn, c->subject, &load, &shift))
                esc_u64map_put(&k->keys, test_key(load, shift), 1);
        }
    }
    return k;
}

void esc_reload_undo_candidates(struct esc_refine *r, const struct esc_operand *loc, bool *stmts,
                                bool *edges)
{
    uint64_t load;
    int64_t shift;
    *stmts = *edges = false;
    if (!loc || loc->kind != ESC_OPND_DEREF || !esc_place_exact(loc) ||
        !origin_load_key(r->fn, loc->id, &load, &shift))
        return;
    if (!r->reload_keys)
        r->reload_keys = index_keys(r->fn);
    *stmts = esc_u64map_get(&r->reload_keys->keys, undo_key(load, loc->type_key)) != NULL;
    *edges = esc_u64map_get(&r->reload_keys->keys, test_key(load, shift)) != NULL;
}

bool esc_reload_undo_stmt(const struct esc_refine *r, uint32_t stmt)
{
    return esc_bitset_has(&r->reload_keys->stores, stmt);
}

void esc_reload_keys_free(struct esc_reload_keys *keys)
{
    if (!keys)
        return;
    esc_u64map_free(&keys->keys);
    esc_bitset_free(&keys->stores);
    free(keys);
}
