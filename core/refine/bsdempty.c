/* bsdempty.c - a BSD LIST or TAILQ head tested empty on every path: no element points at it any
 * more. */
#include "core/ir/conditions.h"
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/base/util.h"

#include <stdlib.h>

/* The model.  A BSD <sys/queue.h> LIST or TAILQ head H (glibc, libevent,
   tmux, the BSDs) holds the first element at its link t (lh_first,
   tqh_first); a TAILQ head also holds the last element's next link's
   address at t + w (tqh_last).  An element's prev link holds the address
   of the place that points at it: the previous element's next, or &H.t
   for the first element (bsdlist.c).  So &H.t is the only address of H a
   list spreads, and the first element's prev is the only place outside H
   that holds it.  When a load of H.t is null, H's list has no element,
   and nothing outside H points at H.  A local head that gathers a
   caller's elements and drains them,

       struct reqq requests;
       TAILQ_INIT (&requests);                      // requests.tqh_last = &requests.tqh_first
       while ((r = TAILQ_FIRST (&evcon->requests))) {
           TAILQ_REMOVE (&evcon->requests, r, next);
           TAILQ_INSERT_TAIL (&requests, r, next);  // r->next.tqe_prev = requests.tqh_last
       }
       while ((r = TAILQ_FIRST (&requests))) {      // empty on the exit edge
           TAILQ_REMOVE (&requests, r, next);       // a next element's prev = &requests.tqh_first
           r->cb (r);
       }
       return;                                      // nothing points at requests

   (libevent's evhttp_connection_cb_cleanup) is gone from the caller's
   memory once the drain loop exits, whatever the stores on the way did.
   The elements removed keep a stale prev (TAILQ_REMOVE does not clear
   it): like freed memory, no list code reads it before writing it.

   So the address of stack object H that a store put in a prev link no
   longer sits anywhere at the return when every path from that store to
   a return takes an edge on which a load of H.t is null.  What counts as
   a prev link: the pointer-to-element type of the places that the
   function stores &H.t into (C's types: a `struct req **`, the type key
   K of those stores).  Every store of an address of H must store &H.t
   (H's other bytes are never a list's link) with key K, and one outside
   H must be INSERT_HEAD's `elm->prev = &H.t` after `H.t = elm` in the
   same block; the finding's store must write an exact pointer-wide place
   of key K, of &H.t or of a value loaded from a place of key K (a prev
   link or the tail pointer copied: `r->prev = H.last`, `next->prev =
   r->prev`, `head->last = r->prev`), through a pointer or into a local,
   never into a static.  The test must be in the function itself and read
   H.t.  What errs toward silence: a copy of a prev link or tail pointer
   kept through a pointer in a place of the same type that is no list's
   link (`p->saved_last = h.tqh_last`) is taken for a link. */

enum { LINK_SIZE = sizeof(void *) };

struct bsd_head {
    const struct esc_function *fn;
    uint32_t h;
    int64_t link; /* t */
    uint32_t nedges;
    struct bsd_edge {
        uint32_t from, to;
    } * edges; /* the edges on which H.t is null */
};

/* Is V a plain load of H's pointer-wide link, and at which offset? */
static bool loads_head_link(const struct esc_function *fn, uint32_t v, uint32_t h, int64_t *at)
{
    uint32_t def;
    const struct esc_operand *from = esc_list_load_place(fn, v, &def);
    struct esc_list_ptr p;
    if (!from || !esc_place_exact(from) || from->size != LINK_SIZE ||
        !esc_list_place_ptr(fn, from, &p) || p.kind != ESC_OPND_ADDR || p.id != h)
        return false;
    *at = p.offset;
    return true;
}

/* The edges on which a load of one link of H is null; false when two
   links are tested (which one is first is not known) or none. */
static bool find_null_edges(struct bsd_head *hd)
{
    const struct esc_function *fn = hd->fn;
    uint32_t cap = 0;
    bool have = false;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        uint32_t n;
        const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
        for (uint32_t k = 0; k < n; k++) {
            const struct esc_cond *c = &e[k].cond;
            int64_t at;
            if (e[k].term != ESC_COND_EVERY_TERM || c->kind != ESC_COND_RANGE || c->is_param ||
                c->lo != 0 || c->hi != 0 || !loads_head_link(fn, c->subject, hd->h, &at))
                continue;
            if (have && at != hd->link)
                return false;
            have = true;
            hd->link = at;
            *ESC_PUSH(hd->edges, hd->nedges, cap) = (struct bsd_edge){b, e[k].succ};
        }
    }
    return have;
}

/* esc_edge_ends_fn: an edge on which H's list is empty ends a path. */
static bool ends_on_null(void *ctx, uint32_t from, uint32_t to)
{
    const struct bsd_head *hd = ctx;
    for (uint32_t i = 0; i < hd->nedges; i++)
        if (hd->edges[i].from == from && hd->edges[i].to == to)
            return true;
    return false;
}

/* Does block BLOCK, before statement BEFORE, store the element whose
   prev link PLACE is (`H.t = elm`, then `elm->prev = &H.t`)? */
static bool first_stored_before(const struct bsd_head *hd, const struct esc_operand *place,
                                uint32_t block, uint32_t before)
{
    const struct esc_function *fn = hd->fn;
    struct esc_list_ptr elm;
    struct esc_operand base = esc_opnd_value(place->id);
    if (place->kind != ESC_OPND_DEREF || !esc_list_ptr_of(fn, &base, &elm))
        return false;
    const struct esc_block *blk = &fn->blocks[block];
    for (uint32_t k = 0; k < blk->nstmts && blk->stmts[k] != before; k++) {
        const struct esc_stmt *s = &fn->stmts[blk->stmts[k]];
        struct esc_list_ptr into, v;
        if (s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && esc_place_exact(&s->lhs) &&
            esc_list_place_ptr(fn, &s->lhs, &into) && into.kind == ESC_OPND_ADDR &&
            into.id == hd->h && into.offset == hd->link && esc_list_ptr_of(fn, &s->args[0], &v) &&
            v.kind == elm.kind && v.id == elm.id)
            return true;
    }
    return false;
}

/* The type key of H's prev links: every store of an address of H stores
   &H.t, with one nonzero key, and outside H only after the same block
   made that element H's first.  0 when a store breaks that. */
static uint32_t prev_link_key(const struct bsd_head *hd)
{
    const struct esc_function *fn = hd->fn;
    uint32_t key = 0;
    for (uint32_t i = 0; i < fn->nstmts; i++) {
        const struct esc_stmt *s = &fn->stmts[i];
        if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->lhs.kind == ESC_OPND_VALUE ||
            s->args[0].kind != ESC_OPND_ADDR || s->args[0].id != hd->h)
            continue;
        struct esc_list_ptr into;
        if (s->args[0].offset != hd->link || !esc_place_exact(&s->lhs) ||
            s->lhs.size != LINK_SIZE || !s->lhs.type_key || (key && s->lhs.type_key != key))
            return 0;
        key = s->lhs.type_key;
        bool inside = esc_list_place_ptr(fn, &s->lhs, &into) && into.kind == ESC_OPND_ADDR &&
                      into.id == hd->h;
        if (!inside && (s->block == ESC_NONE || !first_stored_before(hd, &s->lhs, s->block, i)))
            return 0;
    }
    return key;
}

/* Does flow F store a prev link of key KEY: &H.t, or a copy of a link of
   that key, into an exact pointer-wide place of that key? */
static bool stores_prev_link(const struct bsd_head *hd, const struct esc_flow *f, uint32_t key)
{
    const struct esc_function *fn = hd->fn;
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    if (!esc_place_exact(&f->dst) || f->dst.size != LINK_SIZE || f->dst.type_key != key ||
        s->kind != ESC_STMT_ASSIGN || s->nargs != 1)
        return false;
    /* A link sits in an element or a head reached through a pointer, or
       in a local head; a static's storage is no list's link. */
    if (f->dst.kind == ESC_OPND_MEM && !esc_object_is_stack(&fn->objects[f->dst.id]))
        return false;
    const struct esc_operand *src = &s->args[0];
    if (src->kind == ESC_OPND_ADDR)
        return src->id == hd->h && src->offset == hd->link;
    uint32_t def;
    const struct esc_operand *from =
        src->kind == ESC_OPND_VALUE && !src->offset ? esc_list_load_place(fn, src->id, &def) : NULL;
    return from && esc_place_exact(from) && from->size == LINK_SIZE && from->type_key == key;
}

bool esc_bsd_head_emptied(struct esc_refine *r, uint32_t flow, uint32_t obj)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[flow];
    if (!esc_object_is_stack(&fn->objects[obj]) || !esc_flow_is_store(f) ||
        fn->stmts[f->stmt].block == ESC_NONE || f->dst.size != LINK_SIZE || !f->dst.type_key)
        return false;
    struct bsd_head hd = {.fn = fn, .h = obj};
    bool empty = false;
    if (find_null_edges(&hd)) {
        uint32_t key = prev_link_key(&hd);
        empty = key && stores_prev_link(&hd, f, key) &&
                !esc_store_reaches_return(fn, f->stmt, NULL, NULL, ends_on_null, &hd, false);
    }
    free(hd.edges);
    return empty;
}
