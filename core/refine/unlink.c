/* unlink.c - a stack node taken off its list on every path: no neighbour points at it any more. */
#include "core/ir/conditions.h"
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"

#include <stdlib.h>

/* The model.  In a circular doubly linked list (the kernel's list_head,
   nginx's ngx_queue_t, libuv's QUEUE) every node N has two links side by
   side, at some offset k in its object: one at k, one at k + s, s a
   pointer's width.  The invariant is that each neighbour points back: the
   node N.a (the link at k) holds &N in its link at s, the node N.b (the
   link at k + s) holds it in its link at 0.  Those two places are the
   only list links that hold &N.  So a wait queue entry on the stack,

       struct waiter w;
       list_add (&w.entry, &q->head);     // links &w.entry: a store into
       schedule ();                       //  the caller's list
       list_del (&w.entry);               // w.entry.prev->next = w.entry.next;
       return;                            // w.entry.next->prev = w.entry.prev;

   is in nobody's memory once both neighbours' links are written through
   its own: `N.b->a = ...` (a store at 0 of what N's link at k + s holds)
   and `N.a->b = ...` (at s of what its link at k holds).  Whatever the
   list looked like in between (a waker may have moved N), its current
   neighbours no longer point at N.  Links left inside N itself are N's
   own business: it dies with the frame.

   The refinement (UNLINKED, an OBJECT question) says that the address of
   stack node N, stored by a flow as a list link, no longer sits anywhere
   at the return when every path from that store to a return unlinks N:
   - both halves written by the statements of one block, with the links
     loaded from N in that block after its last store to N's links (the
     removal macros: ngx_queue_remove, QUEUE_REMOVE, an inline list_del);
   - a call of a function whose summary unlinks the argument &N
     (`list_del (&w.entry)`), or whose summary writes, on every path, the
     links of its arguments that are N's neighbours (the kernel's
     `__list_del (entry->prev, entry->next)`).
   A store counts as a list link of N when it writes &N (at k) at 0 or s
   of a pointer V that N's link on the other side holds, or was loaded
   from there: `new->prev = prev; prev->next = new`, `x->next->prev = x`;
   or it is a call whose summary says it stores the argument only as
   list links (`list_add (&w.entry, head)`).  A store of &N anywhere else
   (a global, a field that is not a neighbour's link) is not undone.

   The summaries come from the same walks in the callee, with N the
   memory its parameter points to (esc_param_links, esc_param_unlinks,
   esc_param_link_writes), or from a model file (`links`, `unlinks`,
   `link_writes`), so that a node linked and unlinked by functions of
   other units (the kernel's prepare_to_wait and finish_wait) is seen too.
   What is not seen (docs/limits.md): BSD's TAILQ and LIST, whose links
   are not a pair of node pointers; a removal that tests the node's own
   link first (`if (!list_empty_careful (&w.entry))`) unless a summary
   says so; a node moved to another list by a callee. */

/* A walk looking for the unlink of NODE; POS, per statement, its
   position in the block being looked at, or ESC_NONE. */
struct unlink_walk {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    struct esc_list_ptr node;
    uint32_t *pos;
};

/* Is PLACE the bytes at offset AT from pointer B, SIZE wide (SIZE -1:
   any)? */
static bool place_at(const struct esc_function *fn, const struct esc_operand *place,
                     const struct esc_list_ptr *b, int64_t at, int64_t size)
{
    struct esc_list_ptr p;
    if ((size >= 0 && place->size != size) || !esc_list_place_ptr(fn, place, &p))
        return false;
    return p.kind == b->kind && p.id == b->id && p.offset == b->offset + at;
}

/* Does statement S write memory (a store, or a call)? */
static bool writes_memory(const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_CALL ||
           (s->kind == ESC_STMT_ASSIGN &&
            (s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF));
}

/* The value stored in the place that load V read, just before it in the
   same block (nothing that writes memory in between), as an operand;
   kind NONE if there is none.  QUEUE_SPLIT's `n->prev = h->prev;
   n->prev->next = n;` stores through h->prev. */
static struct esc_operand stored_before(const struct esc_function *fn, struct esc_operand op)
{
    struct esc_operand none = esc_opnd_none();
    uint32_t def;
    const struct esc_operand *from =
        op.kind == ESC_OPND_VALUE && !op.offset ? esc_list_load_place(fn, op.id, &def) : NULL;
    if (!from || !esc_place_exact(from))
        return none;
    const struct esc_block *blk = &fn->blocks[fn->stmts[def].block];
    uint32_t k = 0;
    while (k < blk->nstmts && blk->stmts[k] != def)
        k++;
    const struct esc_stmt *store = NULL;
    while (k-- > 0 && !store) {
        const struct esc_stmt *t = &fn->stmts[blk->stmts[k]];
        if (writes_memory(t))
            store = t;
    }
    if (!store || store->kind != ESC_STMT_ASSIGN || store->nargs != 1 ||
        !esc_same_place(fn, &store->lhs, from) ||
        (store->args[0].kind != ESC_OPND_VALUE && store->args[0].kind != ESC_OPND_ADDR))
        return none;
    return store->args[0];
}

/* Is V a load of node B's link at 0 (*SIDE 0) or at s (*SIDE 1), s the
   load's width, directly or through places it was just stored in?
   *WIDTH gets s, *DEF the load. */
static bool link_load(const struct esc_function *fn, uint32_t v, const struct esc_list_ptr *b,
                      unsigned *side, int64_t *width, uint32_t *def)
{
    struct esc_operand op = esc_opnd_value(v);
    for (unsigned depth = 0; depth < 4 && op.kind == ESC_OPND_VALUE; depth++) {
        const struct esc_operand *from = esc_list_load_place(fn, op.id, def);
        if (!from || from->size <= 0)
            return false;
        for (unsigned k = 0; k < 2; k++)
            if (place_at(fn, from, b, k * from->size, from->size)) {
                *side = k;
                *width = from->size;
                return true;
            }
        op = stored_before(fn, op);
    }
    return false;
}

/* Does value V hold pointer B: B itself (through copies and places it
   was just stored in), or a neighbour's back link (`b->next->prev`),
   which is B by the list invariant? */
static bool names_node(const struct esc_function *fn, const struct esc_operand *v,
                       const struct esc_list_ptr *b)
{
    struct esc_operand op = *v;
    for (unsigned depth = 0; depth < 4 && op.kind != ESC_OPND_NONE; depth++) {
        struct esc_list_ptr p;
        if (esc_list_ptr_of(fn, &op, &p) && esc_list_ptr_same(&p, b))
            return true;
        uint32_t def;
        const struct esc_operand *from =
            op.kind == ESC_OPND_VALUE ? esc_list_load_place(fn, op.id, &def) : NULL;
        unsigned side;
        int64_t width;
        if (from && from->kind == ESC_OPND_DEREF && esc_list_place_ptr(fn, from, &p) &&
            p.kind == ESC_OPND_VALUE && link_load(fn, p.id, b, &side, &width, &def) &&
            from->size == width && p.offset == (side ? 0 : width))
            return true;
        op = stored_before(fn, op);
    }
    return false;
}

/* Does statement S link node B anew: store B somewhere other than in
   B's own links (or in B through them), or hand B to a callee that links
   it?  Loads of B's links made before it may name old neighbours. */
static bool relinks(const struct unlink_walk *l, const struct esc_stmt *s,
                    const struct esc_list_ptr *b)
{
    const struct esc_function *fn = l->fn;
    if (s->kind == ESC_STMT_CALL) {
        const struct esc_summary *callee = l->flows->calls[s - fn->stmts].summary;
        for (uint32_t j = 0; j < s->nargs; j++) {
            struct esc_list_ptr arg;
            if (esc_list_ptr_of(fn, &s->args[j], &arg) && arg.kind == b->kind && arg.id == b->id &&
                (!callee || j >= callee->nparams || callee->params[j].links))
                return true;
        }
        return false;
    }
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 ||
        (s->lhs.kind != ESC_OPND_MEM && s->lhs.kind != ESC_OPND_DEREF) ||
        !names_node(fn, &s->args[0], b))
        return false;
    int64_t w = s->lhs.size;
    if (place_at(fn, &s->lhs, b, 0, w) || place_at(fn, &s->lhs, b, w, w))
        return false; /* into B's own link: a node alone */
    struct esc_operand base = esc_opnd_value(s->lhs.id);
    return s->lhs.kind != ESC_OPND_DEREF || s->lhs.offset < 0 || s->lhs.offset > w ||
           !names_node(fn, &base, b);
}

/* A write of SIZE bytes at AT (a neighbour's link, if AT is a value
   loaded from one of B's links after the node's last relink, in BLOCK:
   POS says which statements are): the half of B's unlink it is (bit 0:
   the back link of the neighbour B's link at 0 names, bit 1: of the one
   its link at s names), or 0. */
static unsigned neighbour_half(const struct esc_function *fn, const struct esc_list_ptr *at,
                               int64_t size, const struct esc_list_ptr *b, uint32_t block,
                               const uint32_t *pos)
{
    unsigned side;
    int64_t width;
    uint32_t def;
    if (at->kind != ESC_OPND_VALUE || !link_load(fn, at->id, b, &side, &width, &def) ||
        size != width || fn->stmts[def].block != block || pos[def] == ESC_NONE)
        return 0;
    /* The neighbour B's link at 0 names points back from its link at s,
       and the other way round. */
    return at->offset == (side ? 0 : width) ? 1u << side : 0;
}

/* The halves of B's unlink statement S does (bits as above). */
static unsigned unlink_halves(const struct unlink_walk *l, uint32_t stmt,
                              const struct esc_list_ptr *b, const uint32_t *pos)
{
    const struct esc_function *fn = l->fn;
    const struct esc_stmt *s = &fn->stmts[stmt];
    struct esc_list_ptr at;
    if (s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_DEREF)
        /* Storing B there again is no unlink (QUEUE_SPLIT's `h->prev->next = h`). */
        return s->nargs == 1 && !names_node(fn, &s->args[0], b) &&
                       esc_list_place_ptr(fn, &s->lhs, &at)
                   ? neighbour_half(fn, &at, s->lhs.size, b, s->block, pos)
                   : 0;
    const struct esc_summary *callee =
        s->kind == ESC_STMT_CALL ? l->flows->calls[stmt].summary : NULL;
    unsigned halves = 0;
    for (uint32_t j = 0; callee && j < s->nargs && j < callee->nparams; j++) {
        const struct esc_param_summary *p = &callee->params[j];
        if (!esc_list_ptr_of(fn, &s->args[j], &at))
            continue;
        struct esc_list_ptr node = {at.kind, at.id, at.offset + p->list_offset};
        if (p->unlinks && esc_list_ptr_same(&node, b))
            return 3;
        unsigned side;
        int64_t width;
        uint32_t def;
        if (!p->link_writes || at.kind != ESC_OPND_VALUE ||
            !link_load(fn, at.id, b, &side, &width, &def))
            continue;
        for (unsigned t = 0; t < 2; t++) {
            struct esc_list_ptr link = {at.kind, at.id, at.offset + t * width};
            if (p->link_writes >> t & 1)
                halves |= neighbour_half(fn, &link, width, b, s->block, pos);
        }
    }
    return halves;
}

/* esc_restores_fn: does statement ID complete the unlink of the node
   (both halves in its block, after the node's links were last written)? */
static bool completes_unlink(void *ctx, uint32_t id)
{
    struct unlink_walk *l = ctx;
    const struct esc_function *fn = l->fn;
    const struct esc_stmt *s = &fn->stmts[id];
    /* Only a store through a pointer, or a call that unlinks or writes
       links, can be a half: the rest at once. */
    if (s->kind == ESC_STMT_CALL) {
        const struct esc_summary *callee = l->flows->calls[id].summary;
        bool lists = false;
        for (uint32_t j = 0; callee && j < callee->nparams && !lists; j++)
            lists = callee->params[j].unlinks || callee->params[j].link_writes;
        if (!lists)
            return false;
    } else if (s->kind != ESC_STMT_ASSIGN || s->lhs.kind != ESC_OPND_DEREF) {
        return false;
    }
    const struct esc_block *blk = &fn->blocks[fn->stmts[id].block];
    uint32_t at = 0;
    while (at < blk->nstmts && blk->stmts[at] != id)
        at++;
    /* The statements of the block since the node was last linked anew,
       by position; loads of its links before that may name old
       neighbours. */
    uint32_t floor = 0;
    for (uint32_t k = at; k-- > 0;)
        if (relinks(l, &fn->stmts[blk->stmts[k]], &l->node)) {
            floor = k + 1;
            break;
        }
    for (uint32_t k = floor; k <= at && k < blk->nstmts; k++)
        l->pos[blk->stmts[k]] = k;
    unsigned halves = unlink_halves(l, id, &l->node, l->pos);
    for (uint32_t k = at; halves && halves != 3 && k-- > floor;)
        halves |= unlink_halves(l, blk->stmts[k], &l->node, l->pos);
    for (uint32_t k = floor; k <= at && k < blk->nstmts; k++)
        l->pos[blk->stmts[k]] = ESC_NONE;
    return halves == 3;
}

/* esc_edge_ends_fn: is the node tested alone on the edge FROM -> TO (a
   load of one of its links equal to its own address: QUEUE_EMPTY,
   `h->next == h`)?  Then no other node links to it. */
static bool tested_alone(void *ctx, uint32_t from, uint32_t to)
{
    const struct unlink_walk *l = ctx;
    const struct esc_list_ptr *b = &l->node;
    if (b->kind != ESC_OPND_ADDR)
        return false;
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(l->fn, from, &n);
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *c = &e[k].cond;
        unsigned side;
        int64_t width;
        uint32_t def;
        if (e[k].succ == to && e[k].term == ESC_COND_EVERY_TERM && c->kind == ESC_COND_POINTS_TO &&
            !c->is_param && c->object == b->id && c->offset == b->offset &&
            link_load(l->fn, c->subject, b, &side, &width, &def))
            return true;
    }
    return false;
}

/* Does flow F store node B only as a list link: into the back link of
   a neighbour that one of B's links names? */
static bool stores_link(const struct esc_function *fn, const struct esc_flows *flows,
                        const struct esc_flow *f, const struct esc_list_ptr *b)
{
    if (f->reason == ESC_FLOW_CALL_STORE) {
        const struct esc_summary *callee = flows->calls[f->stmt].summary;
        struct esc_list_ptr arg;
        if (f->level || !callee || f->arg < 1 || f->arg > callee->nparams ||
            !callee->params[f->arg - 1].links || !esc_list_ptr_of(fn, &f->src, &arg))
            return false;
        arg.offset += callee->params[f->arg - 1].list_offset;
        return esc_list_ptr_same(&arg, b);
    }
    const struct esc_operand *place = esc_flow_store_location(fn, f);
    struct esc_list_ptr to;
    if (!place || (place->kind != ESC_OPND_DEREF && place->kind != ESC_OPND_MEM) ||
        place->size <= 0 || !esc_list_place_ptr(fn, place, &to))
        return false;
    int64_t s = place->size;
    /* Through a value loaded from B's link on one side: `x->next->prev = x`. */
    unsigned side;
    int64_t width;
    uint32_t def;
    if (place->kind == ESC_OPND_DEREF && link_load(fn, place->id, b, &side, &width, &def) &&
        width == s && place->offset == (side ? 0 : s))
        return true;
    /* Into a neighbour H that B's link on one side was given: its back
       link is at H + s when that is B's link at 0, at H when at s. */
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *st = &fn->stmts[id];
        struct esc_list_ptr held;
        if (st->kind != ESC_STMT_ASSIGN || st->nargs != 1 ||
            (st->lhs.kind != ESC_OPND_MEM && st->lhs.kind != ESC_OPND_DEREF) ||
            !esc_list_ptr_of(fn, &st->args[0], &held) || held.kind != to.kind || held.id != to.id)
            continue;
        for (unsigned d = 0; d < 2; d++)
            if (place_at(fn, &st->lhs, b, d * s, s) && to.offset == held.offset + (d ? 0 : s))
                return true;
    }
    return false;
}

static void lists_init(struct unlink_walk *l, const struct esc_function *fn,
                       const struct esc_flows *flows, struct esc_list_ptr node)
{
    l->fn = fn;
    l->flows = flows;
    l->node = node;
    l->pos = esc_xmalloc((fn->nstmts + 1) * sizeof *l->pos);
    for (uint32_t i = 0; i <= fn->nstmts; i++)
        l->pos[i] = ESC_NONE;
}

/* Is statement S half of the unlink of a node in object OBJ: one of its
   links stored into the back link of the neighbour the other names
   (`N.a->b = N.b`)?  That stores a neighbour of N, never &N (a node alone
   links to itself, and then the store is into N). */
static bool unlink_half(const struct esc_function *fn, const struct esc_stmt *s, uint32_t obj)
{
    struct esc_list_ptr to, other;
    uint32_t def;
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->lhs.kind != ESC_OPND_DEREF ||
        !esc_list_place_ptr(fn, &s->lhs, &to) || to.kind != ESC_OPND_VALUE ||
        !esc_list_ptr_of(fn, &s->args[0], &other) || other.kind != ESC_OPND_VALUE || other.offset)
        return false;
    /* TO: a neighbour's link, loaded from one of N's links. */
    const struct esc_operand *from = esc_list_load_place(fn, to.id, &def);
    struct esc_list_ptr link;
    if (!from || !esc_list_place_ptr(fn, from, &link) || link.kind != ESC_OPND_ADDR ||
        link.id != obj)
        return false;
    for (unsigned side = 0; side < 2; side++) {
        struct esc_list_ptr b = {ESC_OPND_ADDR, obj, link.offset - side * from->size};
        unsigned got;
        int64_t width;
        if (link_load(fn, other.id, &b, &got, &width, &def) && got != side && width == from->size &&
            to.offset == (side ? 0 : width))
            return true;
    }
    return false;
}

/* Is value operand V loaded from object OBJ's own memory (through places
   it was just stored in)?  Then it is one of OBJ's links, which hold
   OBJ's address when its list is empty.  *AT gets the offset, *WIDTH the
   load's size. */
static bool loaded_from(const struct esc_function *fn, const struct esc_operand *v, uint32_t obj,
                        int64_t *at, int64_t *width)
{
    uint32_t def;
    struct esc_list_ptr p;
    const struct esc_operand *from =
        v->kind == ESC_OPND_VALUE && !v->offset ? esc_list_load_place(fn, v->id, &def) : NULL;
    if (!from || from->size <= 0 || !esc_list_place_ptr(fn, from, &p) || p.kind != ESC_OPND_ADDR ||
        p.id != obj)
        return false;
    *at = p.offset;
    *width = from->size;
    return true;
}

/* The node of stack object OBJ that flow F stores as a list link, if it
   does: its address into a neighbour's back link, or a call that links
   it, or one of its links into a node that its other link names back
   (QUEUE_INSERT_TAIL's `q->prev = h->prev` while `q->next = h`: when the
   list is empty, h->prev is h). */
static bool link_of(const struct esc_function *fn, const struct esc_flows *flows,
                    const struct esc_flow *f, uint32_t obj, struct esc_list_ptr *b)
{
    if (f->reason != ESC_FLOW_STORE && f->reason != ESC_FLOW_CALL_STORE)
        return false;
    if (esc_list_ptr_of(fn, &f->src, b) && b->kind == ESC_OPND_ADDR) {
        if (b->id != obj)
            return false;
        const struct esc_summary *callee = flows->calls[f->stmt].summary;
        if (f->reason == ESC_FLOW_CALL_STORE && callee && f->arg >= 1 && f->arg <= callee->nparams)
            b->offset += callee->params[f->arg - 1].list_offset;
        return stores_link(fn, flows, f, b);
    }
    int64_t at, w;
    const struct esc_operand *place = esc_flow_store_location(fn, f);
    struct esc_list_ptr to;
    if (f->reason != ESC_FLOW_STORE || !loaded_from(fn, &f->src, obj, &at, &w) || !place ||
        place->size != w || !esc_list_place_ptr(fn, place, &to))
        return false;
    for (unsigned side = 0; side < 2; side++) {
        *b = (struct esc_list_ptr){ESC_OPND_ADDR, obj, at - side * w};
        /* TO is a node's link at 0 or at w: its other link must name B
           (the node goes next to B), or hold B's link on the other side
           (the node takes B's place: QUEUE_SPLIT's `n->prev = h->prev;
           ...; n->next = q` with q = h->next). */
        for (int64_t d = 0; d <= w; d += w) {
            struct esc_list_ptr other = {to.kind, to.id, to.offset - d + (w - d)};
            for (uint32_t id = 0; id < fn->nstmts; id++) {
                const struct esc_stmt *st = &fn->stmts[id];
                struct esc_list_ptr written;
                unsigned got;
                int64_t width;
                uint32_t def;
                if (st->kind != ESC_STMT_ASSIGN || st->nargs != 1 ||
                    (st->lhs.kind != ESC_OPND_MEM && st->lhs.kind != ESC_OPND_DEREF) ||
                    st->lhs.size != w || !esc_list_place_ptr(fn, &st->lhs, &written) ||
                    !esc_list_ptr_same(&written, &other))
                    continue;
                if (names_node(fn, &st->args[0], b) ||
                    (st->args[0].kind == ESC_OPND_VALUE &&
                     link_load(fn, st->args[0].id, b, &got, &width, &def) && width == w &&
                     got == 1 - side))
                    return true;
            }
        }
    }
    return false;
}

/* Does flow F take OBJ's address: the address itself, a copy of it, or a
   load of OBJ's own links? */
static bool takes_object(const struct esc_function *fn, const struct esc_flow *f, uint32_t obj)
{
    struct esc_list_ptr p;
    int64_t at, w;
    return (esc_list_ptr_of(fn, &f->src, &p) && p.kind == ESC_OPND_ADDR && p.id == obj) ||
           loaded_from(fn, &f->src, obj, &at, &w);
}

bool esc_list_link_store(const struct esc_function *fn, const struct esc_flows *flows,
                         uint32_t flow, uint32_t obj)
{
    const struct esc_flow *f = &flows->items[flow];
    struct esc_list_ptr b;
    if (!esc_list_ptr_of(fn, &f->src, &b) || b.kind != ESC_OPND_ADDR || b.id != obj)
        return true;
    return stores_link(fn, flows, f, &b);
}

/* Does flow F store a load of OBJ's own link that holds a node a split
   put there (ngx_queue_add's `h->prev->next = n->next` after
   ngx_queue_split (.., &n)): not OBJ, whose list is not empty? */
static bool reads_cut_node(const struct esc_function *fn, const struct esc_flow *f, uint32_t obj)
{
    uint32_t def;
    struct esc_list_ptr p;
    const struct esc_operand *from = f->src.kind == ESC_OPND_VALUE && !f->src.offset
                                         ? esc_list_load_place(fn, f->src.id, &def)
                                         : NULL;
    return from && !(esc_list_ptr_of(fn, &f->src, &p) && p.kind == ESC_OPND_ADDR) &&
           esc_list_reads_cut_node(fn, obj, def);
}

/* Is node OBJ off every list whenever statement TARGET runs: everything
   that stores its address stores it as a list link (else it may be
   anywhere), and every path from each such store to TARGET unlinks it?
   Then, by the list invariant, no list link holds it at TARGET, and a
   pointer loaded from one is never it. */
static bool unlinked_before(struct esc_refine *r, uint32_t obj, uint32_t target)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flows *flows = r->flows;
    struct unlink_walk l = {0};
    bool have = false, ok = true;
    for (uint32_t k = 0; k < flows->n && ok; k++) {
        const struct esc_flow *f = &flows->items[k];
        if (!takes_object(fn, f, obj) || reads_cut_node(fn, f, obj))
            continue;
        struct esc_list_ptr b;
        if (f->dst.kind == ESC_OPND_VALUE) {
            /* A copy is followed where it is stored; a merge is not. */
            ok = f->reason != ESC_FLOW_PHI && f->reason != ESC_FLOW_SELECT;
            continue;
        }
        const struct esc_operand *place = esc_flow_store_location(fn, f);
        struct esc_list_ptr into;
        if (place && esc_list_place_ptr(fn, place, &into) && into.kind == ESC_OPND_ADDR &&
            into.id == obj)
            continue; /* into its own links */
        if (!link_of(fn, flows, f, obj, &b) || fn->stmts[f->stmt].block == ESC_NONE ||
            (have && !esc_list_ptr_same(&b, &l.node))) {
            ok = false;
            break;
        }
        if (!have) {
            lists_init(&l, fn, flows, b);
            have = true;
        }
        ok = !esc_store_reaches_target(fn, f->stmt, target, completes_unlink, tested_alone, &l);
    }
    if (have)
        free(l.pos);
    return ok && have;
}

bool esc_node_unlinked(struct esc_refine *r, uint32_t flow, uint32_t obj)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[flow];
    struct esc_list_ptr b;
    if (!esc_object_is_stack(&fn->objects[obj]) || fn->stmts[f->stmt].block == ESC_NONE)
        return false;
    if (f->reason == ESC_FLOW_STORE && unlink_half(fn, &fn->stmts[f->stmt], obj))
        return true;
    if (link_of(fn, r->flows, f, obj, &b)) {
        struct unlink_walk l;
        lists_init(&l, fn, r->flows, b);
        bool reaches =
            esc_store_reaches_return(fn, f->stmt, NULL, completes_unlink, tested_alone, &l, false);
        free(l.pos);
        return !reaches;
    }
    /* A pointer loaded from some list after the node left every list. */
    return (f->reason == ESC_FLOW_STORE || f->reason == ESC_FLOW_CALL_STORE) &&
           !takes_object(fn, f, obj) && unlinked_before(r, obj, f->stmt);
}

/* The pointer parameter I of FN holds on entry. */
static bool param_pointer(const struct esc_function *fn, uint32_t i, struct esc_list_ptr *out)
{
    if (i >= fn->nparams || fn->params[i].value == ESC_NONE || !fn->params[i].is_pointer)
        return false;
    *out = (struct esc_list_ptr){ESC_OPND_VALUE, fn->params[i].value, 0};
    return true;
}

/* Is value V made from value ROOT (copies, conversions, arithmetic)? */
static bool derives_from(const struct esc_function *fn, uint32_t v, uint32_t root)
{
    for (uint32_t guard = 0; guard < 64; guard++) {
        if (v == root)
            return true;
        uint32_t def = fn->values[v].def;
        const struct esc_stmt *s = def != ESC_NONE ? &fn->stmts[def] : NULL;
        if (!s || s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->args[0].kind != ESC_OPND_VALUE)
            return false;
        v = s->args[0].id;
    }
    return false;
}

bool esc_param_links(const struct esc_function *fn, const struct esc_flows *flows, uint32_t i,
                     int64_t *at)
{
    struct esc_list_ptr p;
    if (!param_pointer(fn, i, &p))
        return false;
    bool any = false;
    for (uint32_t k = 0; k < flows->n; k++) {
        const struct esc_flow *f = &flows->items[k];
        if (f->reason != ESC_FLOW_STORE && f->reason != ESC_FLOW_CALL_STORE)
            continue;
        if (f->reason == ESC_FLOW_CALL_STORE && f->level)
            continue;
        struct esc_list_ptr node;
        if (!esc_list_ptr_of(fn, &f->src, &node)) {
            /* p + i stored anywhere: not a link we can name. */
            if (f->src.kind == ESC_OPND_VALUE && derives_from(fn, f->src.id, p.id))
                return false;
            continue;
        }
        if (node.kind != p.kind || node.id != p.id)
            continue;
        const struct esc_summary *callee = flows->calls[f->stmt].summary;
        if (f->reason == ESC_FLOW_CALL_STORE && callee && f->arg >= 1 && f->arg <= callee->nparams)
            node.offset += callee->params[f->arg - 1].list_offset;
        /* Every link at one offset: the node's. */
        if ((any && node.offset != *at) || !stores_link(fn, flows, f, &node))
            return false;
        *at = node.offset;
        any = true;
    }
    return any;
}

bool esc_param_unlinks(const struct esc_function *fn, const struct esc_flows *flows, uint32_t i,
                       int64_t at)
{
    struct esc_list_ptr p;
    if (!param_pointer(fn, i, &p))
        return false;
    p.offset = at;
    struct unlink_walk l;
    lists_init(&l, fn, flows, p);
    bool reaches = esc_entry_reaches_return(fn, completes_unlink, &l);
    free(l.pos);
    return !reaches;
}

/* A write of WIDTH bytes at TO: if TO is 0 or WIDTH past a pointer
   loaded through parameter I (P) at x, is the node at x - WIDTH (or x)
   unlinked on every path?  *TRIED keeps the last offset asked. */
static bool try_half(const struct esc_function *fn, const struct esc_flows *flows, uint32_t i,
                     const struct esc_list_ptr *p, const struct esc_list_ptr *to, int64_t width,
                     int64_t *tried, int64_t *at)
{
    if (to->kind != ESC_OPND_VALUE || width <= 0 || (to->offset != 0 && to->offset != width))
        return false;
    struct esc_operand op = esc_opnd_value(to->id);
    for (unsigned depth = 0; depth < 4 && op.kind == ESC_OPND_VALUE; depth++) {
        uint32_t def;
        const struct esc_operand *from = esc_list_load_place(fn, op.id, &def);
        struct esc_list_ptr link;
        if (!from || !esc_list_place_ptr(fn, from, &link))
            return false;
        int64_t node = link.offset - (to->offset == 0 ? from->size : 0);
        if (link.kind == p->kind && link.id == p->id && node >= 0 && node != *tried) {
            *tried = node;
            if (esc_param_unlinks(fn, flows, i, node)) {
                *at = node;
                return true;
            }
        }
        op = stored_before(fn, op);
    }
    return false;
}

bool esc_param_unlinks_somewhere(const struct esc_function *fn, const struct esc_flows *flows,
                                 uint32_t i, int64_t *at)
{
    struct esc_list_ptr p;
    if (!param_pointer(fn, i, &p))
        return false;
    /* The node's offset: that of a write that would be half of its
       unlink (at 0 or w of a pointer loaded through the parameter at x:
       the node at x - w, or at x), by a store or by a call whose summary
       writes links of its argument, tried in statement order; most
       functions have none. */
    int64_t tried = -1;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        struct esc_list_ptr to;
        if (s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_DEREF &&
            esc_list_place_ptr(fn, &s->lhs, &to) &&
            try_half(fn, flows, i, &p, &to, s->lhs.size, &tried, at))
            return true;
        const struct esc_summary *callee =
            s->kind == ESC_STMT_CALL ? flows->calls[id].summary : NULL;
        for (uint32_t j = 0; callee && j < s->nargs && j < callee->nparams; j++) {
            uint8_t links = callee->params[j].link_writes;
            uint32_t def;
            const struct esc_operand *from;
            if (!links || !esc_list_ptr_of(fn, &s->args[j], &to) || to.kind != ESC_OPND_VALUE ||
                !(from = esc_list_load_place(fn, to.id, &def)))
                continue;
            to.offset += links & 1 ? 0 : from->size;
            if (try_half(fn, flows, i, &p, &to, from->size, &tried, at))
                return true;
        }
    }
    /* Or a call that unlinks it. */
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        const struct esc_summary *callee =
            s->kind == ESC_STMT_CALL ? flows->calls[id].summary : NULL;
        for (uint32_t j = 0; callee && j < s->nargs && j < callee->nparams; j++) {
            struct esc_list_ptr arg;
            if (callee->params[j].unlinks && esc_list_ptr_of(fn, &s->args[j], &arg) &&
                arg.kind == p.kind && arg.id == p.id &&
                esc_param_unlinks(fn, flows, i, arg.offset + callee->params[j].list_offset)) {
                *at = arg.offset + callee->params[j].list_offset;
                return true;
            }
        }
    }
    return false;
}

struct link_write {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    struct esc_list_ptr param;
    unsigned side;
    int64_t width;
};

/* esc_restores_fn: does statement ID write the parameter's link? */
static bool writes_link(void *ctx, uint32_t id)
{
    const struct link_write *w = ctx;
    const struct esc_function *fn = w->fn;
    const struct esc_stmt *s = &fn->stmts[id];
    if (s->kind == ESC_STMT_ASSIGN &&
        (s->lhs.kind == ESC_OPND_DEREF || s->lhs.kind == ESC_OPND_MEM))
        return place_at(fn, &s->lhs, &w->param, w->side * w->width, w->width);
    const struct esc_summary *callee =
        s->kind == ESC_STMT_CALL ? w->flows->calls[id].summary : NULL;
    for (uint32_t j = 0; callee && j < s->nargs && j < callee->nparams; j++) {
        struct esc_list_ptr arg;
        if (callee->params[j].link_writes >> w->side & 1 &&
            esc_list_ptr_of(fn, &s->args[j], &arg) && esc_list_ptr_same(&arg, &w->param))
            return true;
    }
    return false;
}

uint8_t esc_param_link_writes(const struct esc_function *fn, const struct esc_flows *flows,
                              uint32_t i)
{
    struct link_write w = {fn, flows, {0}, 0, 0};
    if (!param_pointer(fn, i, &w.param))
        return 0;
    /* A link is as wide as a pointer of the target: as any access that
       loads or stores one (it has a pointed-to type). */
    for (uint32_t id = 0; id < fn->nstmts && !w.width; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind != ESC_STMT_ASSIGN)
            continue;
        if ((s->lhs.kind == ESC_OPND_DEREF || s->lhs.kind == ESC_OPND_MEM) && s->lhs.type_key)
            w.width = s->lhs.size;
        else if (s->nargs == 1 &&
                 (s->args[0].kind == ESC_OPND_DEREF || s->args[0].kind == ESC_OPND_MEM) &&
                 s->args[0].type_key)
            w.width = s->args[0].size;
    }
    if (w.width <= 0)
        return 0;
    uint8_t written = 0;
    for (w.side = 0; w.side < 2; w.side++) {
        /* Walk only when some statement writes that link at all. */
        bool any = false;
        for (uint32_t id = 0; id < fn->nstmts && !any; id++)
            any = fn->stmts[id].block != ESC_NONE && writes_link(&w, id);
        if (any && !esc_entry_reaches_return(fn, writes_link, &w))
            written |= (uint8_t)(1u << w.side);
    }
    return written;
}

/* The parameter a pointer is rooted at, or -1. */
static int32_t param_of(const struct esc_function *fn, const struct esc_list_ptr *p)
{
    return p->kind == ESC_OPND_VALUE ? fn->values[p->id].param : -1;
}

static void mark(uint64_t *mask, int32_t param)
{
    if (param >= 0 && param < 64)
        *mask |= 1ull << param;
}

void esc_list_candidates(const struct esc_function *fn, const struct esc_flows *flows,
                         uint64_t *writes, uint64_t *halves)
{
    *writes = *halves = 0;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        struct esc_list_ptr to, link;
        uint32_t def;
        if (s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_DEREF &&
            esc_list_place_ptr(fn, &s->lhs, &to)) {
            mark(writes, param_of(fn, &to));
            if (to.kind != ESC_OPND_VALUE)
                continue;
            /* Through a pointer loaded through a parameter: half an unlink? */
            struct esc_operand op = esc_opnd_value(to.id);
            for (unsigned depth = 0; depth < 4 && op.kind == ESC_OPND_VALUE; depth++) {
                const struct esc_operand *from = esc_list_load_place(fn, op.id, &def);
                if (!from || !esc_list_place_ptr(fn, from, &link))
                    break;
                mark(halves, param_of(fn, &link));
                op = stored_before(fn, op);
            }
            continue;
        }
        const struct esc_summary *callee =
            s->kind == ESC_STMT_CALL ? flows->calls[id].summary : NULL;
        for (uint32_t j = 0; callee && j < s->nargs && j < callee->nparams; j++) {
            const struct esc_param_summary *p = &callee->params[j];
            if ((!p->link_writes && !p->unlinks) || !esc_list_ptr_of(fn, &s->args[j], &to))
                continue;
            mark(writes, param_of(fn, &to));
            mark(halves, param_of(fn, &to));
            const struct esc_operand *from =
                to.kind == ESC_OPND_VALUE ? esc_list_load_place(fn, to.id, &def) : NULL;
            if (from && esc_list_place_ptr(fn, from, &link))
                mark(halves, param_of(fn, &link));
        }
    }
}
