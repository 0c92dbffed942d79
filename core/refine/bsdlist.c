/* bsdlist.c - a stack element of a BSD <sys/queue.h> list removed on every path: no place holds it.
 */
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/ir/conditions.h"

#include <stdlib.h>

/* The model.  BSD's LIST and TAILQ (glibc's <sys/queue.h>, libevent,
   tmux) are not rings of node pointers: an element E has an entry at
   some offset k, a forward link `next` (at k, the next element, or NULL)
   and `prev` (at k + w, the address of the place that points at E: the
   head's first or the previous element's next).  Two places hold E's
   addresses, and no others:
   - *E.prev holds E;
   - &E.next is held by E.next->prev, or, when E is last, by a TAILQ
     head's tail pointer (tqh_last); a LIST keeps no pointer to the last.
   A waiter on the stack,

       struct waiter w;
       TAILQ_INSERT_TAIL (&q->waiters, &w, link);   // w.prev = q->last;
                                                    // *q->last = &w;
                                                    // q->last = &w.link.next
       while (!w.done) poll ();
       TAILQ_REMOVE (&q->waiters, &w, link);         // if (w.next) w.next->prev = w.prev;
       return;                                       // else q->last = w.prev;
                                                     // *w.prev = w.next;

   is in no list once both places were written through its own links:
   `*E.prev = E.next` (half A) and `E.next->prev = E.prev`, or on the path
   where E.next is NULL the tail pointer `= E.prev` (TAILQ) or nothing
   (LIST) (half B).  Whatever the list did in between, its current
   neighbours are the ones those links name.  By the same invariant a
   load of E's own links is never one of E's addresses.

   The refinement (BSD_UNLINKED, an OBJECT question) says so for stack
   object E when every store of one of E's addresses outside E is a link
   of an insertion: E into the place E.prev is set to in the same block
   (INSERT_HEAD, INSERT_TAIL, INSERT_AFTER, INSERT_BEFORE), &E.next into
   the prev of the element E.next is set to, or into the tail pointer
   (INSERT_TAIL's `q->last = &E.next` after `E.next = NULL; E.prev =
   q->last`, or INSERT_HEAD's on the edge where E.next is NULL); no call
   is handed one of E's addresses; and every path from each such store to
   a return completes a removal after it (a call, or a write of E's links,
   in between starts over).  Then the finding's store left nothing, and a
   store of a value loaded from E's links never held E. */

/* An element's geometry and the places that held &E.next as a tail. */
struct element {
    const struct esc_function *fn;
    uint32_t e;
    int64_t k, w;
    uint32_t ntails;
    const struct esc_operand *tails[8];
};

static bool is_store(const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 &&
           (s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF);
}

/* Is PLACE in E's storage at offset AT? */
static bool in_element(const struct element *el, const struct esc_operand *place, int64_t at)
{
    struct esc_list_ptr p;
    return place->size == el->w && esc_list_place_ptr(el->fn, place, &p) &&
           p.kind == ESC_OPND_ADDR && p.id == el->e && p.offset == at;
}

/* Is value operand V a load of E's link at AT (E.next: k, E.prev: k + w)? */
static bool loads_link(const struct element *el, const struct esc_operand *v, int64_t at)
{
    uint32_t def;
    const struct esc_operand *from =
        v->kind == ESC_OPND_VALUE && !v->offset ? esc_list_load_place(el->fn, v->id, &def) : NULL;
    return from && in_element(el, from, at);
}

/* The address of E that operand V holds: *AT its offset. */
static bool element_address(const struct element *el, const struct esc_operand *v, int64_t *at)
{
    struct esc_list_ptr p;
    if (!esc_list_ptr_of(el->fn, v, &p) || p.kind != ESC_OPND_ADDR || p.id != el->e)
        return false;
    *at = p.offset;
    return true;
}

/* Do A and B hold the same pointer: the same value, or loads of one
   place with only stores into E (which no pointer from outside reaches)
   between them, in one block or from a block to its successor? */
static bool same_pointer(const struct element *el, const struct esc_operand *a,
                         const struct esc_operand *b)
{
    const struct esc_function *fn = el->fn;
    struct esc_list_ptr pa, pb;
    if (esc_list_ptr_of(fn, a, &pa) && esc_list_ptr_of(fn, b, &pb) && esc_list_ptr_same(&pa, &pb))
        return true;
    uint32_t da, db;
    const struct esc_operand *la =
        a->kind == ESC_OPND_VALUE && !a->offset ? esc_list_load_place(fn, a->id, &da) : NULL;
    const struct esc_operand *lb =
        b->kind == ESC_OPND_VALUE && !b->offset ? esc_list_load_place(fn, b->id, &db) : NULL;
    if (!la || !lb || !esc_same_place(fn, la, lb) || la->kind != ESC_OPND_DEREF)
        return false;
    if (fn->stmts[da].block != fn->stmts[db].block) {
        const struct esc_block *from = &fn->blocks[fn->stmts[da].block];
        bool succ = false;
        for (uint32_t i = 0; i < from->nsucc; i++)
            succ |= from->succ[i] == fn->stmts[db].block;
        if (!succ)
            return false;
    }
    /* Statements after the first load up to the second. */
    uint32_t first = da < db ? da : db, second = da < db ? db : da;
    for (uint32_t b2 = fn->stmts[first].block, pass = 0; pass < 2; pass++) {
        const struct esc_block *blk = &fn->blocks[b2];
        bool on = pass == 1;
        for (uint32_t i = 0; i < blk->nstmts; i++) {
            uint32_t id = blk->stmts[i];
            if (id == second && (pass == 1 || b2 == fn->stmts[second].block))
                return true;
            if (on && (fn->stmts[id].kind == ESC_STMT_CALL ||
                       (is_store(&fn->stmts[id]) && !in_element(el, &fn->stmts[id].lhs, el->k) &&
                        !in_element(el, &fn->stmts[id].lhs, el->k + el->w))))
                return false;
            on |= id == first;
        }
        b2 = fn->stmts[second].block;
        if (b2 == fn->stmts[first].block)
            break;
    }
    return false;
}

/* In block B, a store into E's link at AT. */
static const struct esc_stmt *stores_link(const struct element *el, uint32_t b, int64_t at)
{
    const struct esc_block *blk = &el->fn->blocks[b];
    for (uint32_t i = 0; i < blk->nstmts; i++) {
        const struct esc_stmt *t = &el->fn->stmts[blk->stmts[i]];
        if (is_store(t) && in_element(el, &t->lhs, at))
            return t;
    }
    return NULL;
}

/* Does the edge FROM -> TO say that E.next is NULL? */
static bool next_null_on(const struct element *el, uint32_t from, uint32_t to)
{
    uint32_t n;
    const struct esc_cond_entry *c = esc_block_conds(el->fn, from, &n);
    for (uint32_t i = 0; i < n; i++) {
        struct esc_operand subject = esc_opnd_value(c[i].cond.subject);
        if (c[i].succ != to || c[i].term != ESC_COND_EVERY_TERM ||
            c[i].cond.kind != ESC_COND_RANGE || c[i].cond.is_param ||
            !loads_link(el, &subject, el->k))
            continue;
        struct esc_cond null = c[i].cond;
        null.lo = null.hi = 0;
        if (esc_edge_implies(el->fn, from, to, &null))
            return true;
    }
    return false;
}

/* Is block B entered on an edge where E.next is NULL? */
static bool after_next_null(const struct element *el, uint32_t b)
{
    for (uint32_t p = 0; p < el->fn->nblocks; p++)
        if (next_null_on(el, p, b))
            return true;
    return false;
}

/* Is store S of E's address (at offset AT) a link of an insertion? */
static bool insertion_link(struct element *el, const struct esc_stmt *s, int64_t at)
{
    const struct esc_function *fn = el->fn;
    const struct esc_stmt *prev = stores_link(el, s->block, el->k + el->w);
    const struct esc_stmt *next = stores_link(el, s->block, el->k);
    struct esc_list_ptr place;
    if (!esc_list_place_ptr(fn, &s->lhs, &place))
        return false;
    /* E into the place E.prev names. */
    if (prev && s->lhs.kind == ESC_OPND_DEREF) {
        struct esc_operand base = esc_opnd_value(s->lhs.id);
        struct esc_list_ptr named;
        if (esc_list_ptr_of(fn, &prev->args[0], &named) && esc_list_ptr_same(&named, &place))
            return true;
        if (!s->lhs.offset && same_pointer(el, &prev->args[0], &base))
            return true;
    }
    if (at != el->k)
        return false;
    /* &E.next into the prev of the element E.next names, set in this
       block or its predecessor. */
    if (s->lhs.kind == ESC_OPND_DEREF && s->lhs.offset == el->k + el->w) {
        struct esc_operand base = esc_opnd_value(s->lhs.id);
        if (loads_link(el, &base, el->k))
            return true;
        for (uint32_t b = 0; b < fn->nblocks; b++) {
            const struct esc_stmt *n = stores_link(el, b, el->k);
            if (n && same_pointer(el, &n->args[0], &base))
                return true;
        }
    }
    /* Into the tail pointer: after `E.next = NULL; E.prev = <it>`, or on
       the edge where E.next is NULL. */
    bool tail = false;
    if (next && prev && next->args[0].kind != ESC_OPND_VALUE &&
        next->args[0].kind != ESC_OPND_ADDR && prev->args[0].kind == ESC_OPND_VALUE) {
        uint32_t d;
        const struct esc_operand *old = esc_list_load_place(fn, prev->args[0].id, &d);
        tail = old && esc_same_place(fn, old, &s->lhs);
    }
    tail = tail || after_next_null(el, s->block);
    if (tail && el->ntails < sizeof el->tails / sizeof el->tails[0])
        el->tails[el->ntails++] = &s->lhs;
    return tail && el->ntails <= sizeof el->tails / sizeof el->tails[0];
}

/* Removal halves done since E was last linked; both: E is off the list
   until it is linked again. */
enum { HALF_A = 1, HALF_B = 2, REMOVED = HALF_A | HALF_B };

/* The halves after statement ID, from BITS. */
static unsigned after_stmt(const struct element *el, uint32_t id, unsigned bits)
{
    const struct esc_function *fn = el->fn;
    const struct esc_stmt *s = &fn->stmts[id];
    int64_t at;
    if (s->kind == ESC_STMT_CALL)
        return bits == REMOVED ? bits : 0; /* the neighbours may change */
    if (!is_store(s))
        return bits;
    if (element_address(el, &s->args[0], &at) || in_element(el, &s->lhs, el->k) ||
        in_element(el, &s->lhs, el->k + el->w))
        return 0; /* linked again */
    if (bits == REMOVED)
        return bits;
    struct esc_operand base = esc_opnd_value(s->lhs.id);
    if (s->lhs.kind == ESC_OPND_DEREF && s->lhs.size == el->w && !s->lhs.offset &&
        loads_link(el, &base, el->k + el->w) && loads_link(el, &s->args[0], el->k))
        return bits | HALF_A; /* *E.prev = E.next */
    if (s->lhs.kind == ESC_OPND_DEREF && s->lhs.size == el->w && s->lhs.offset == el->k + el->w &&
        loads_link(el, &base, el->k) && loads_link(el, &s->args[0], el->k + el->w))
        return bits | HALF_B; /* E.next->prev = E.prev */
    for (uint32_t i = 0; i < el->ntails; i++)
        if (esc_same_place(fn, &s->lhs, el->tails[i]) && loads_link(el, &s->args[0], el->k + el->w))
            return bits | HALF_B; /* the tail pointer = E.prev */
    return bits;
}

/* The halves on the edge FROM -> TO: a LIST keeps no pointer to its last
   element, so where E.next is NULL nothing holds &E.next. */
static unsigned after_edge(const struct element *el, uint32_t from, uint32_t to, unsigned bits)
{
    if (el->ntails || bits == REMOVED || !next_null_on(el, from, to))
        return bits;
    return bits | HALF_B;
}

/* Does a path from just after statement FROM reach a return without a
   complete removal of E after the last link? */
static bool reaches_linked(const struct element *el, uint32_t from)
{
    const struct esc_function *fn = el->fn;
    uint8_t *seen = esc_xcalloc(fn->nblocks + 1, 1); /* bit per entry state */
    uint32_t *work = esc_xmalloc((4 * fn->nblocks + 1) * sizeof *work), nwork = 0;
    bool reaches = false;
    /* Work items: block * 4 + the halves done on entry; the first is the
       rest of FROM's block, from just after it. */
    uint32_t b = fn->stmts[from].block;
    unsigned bits = 0;
    for (bool first = true; !reaches; first = false) {
        const struct esc_block *blk = &fn->blocks[b];
        bool on = !first;
        for (uint32_t i = 0; i < blk->nstmts && !reaches; i++) {
            if (on) {
                bits = after_stmt(el, blk->stmts[i], bits);
                reaches = fn->stmts[blk->stmts[i]].kind == ESC_STMT_RETURN && bits != REMOVED;
            }
            on |= blk->stmts[i] == from;
        }
        for (uint32_t i = 0; i < blk->nsucc && !reaches; i++) {
            unsigned in = after_edge(el, b, blk->succ[i], bits);
            if (!(seen[blk->succ[i]] >> in & 1)) {
                seen[blk->succ[i]] |= 1u << in;
                work[nwork++] = blk->succ[i] * 4 + in;
            }
        }
        if (!nwork)
            break;
        uint32_t item = work[--nwork];
        b = item / 4;
        bits = item % 4;
    }
    free(seen);
    free(work);
    return reaches;
}

/* Find E's entry (links at k and k + w, both written somewhere) and check
   that every store of its addresses outside it is an insertion's link
   and that no call is handed one.  Fills EL. */
static bool element_of(const struct esc_function *fn, uint32_t e, struct element *el)
{
    *el = (struct element){.fn = fn, .e = e};
    for (uint32_t id = 0; id < fn->nstmts && !el->w; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        struct esc_list_ptr p, q;
        if (!is_store(s) || s->lhs.size <= 0 || !esc_list_place_ptr(fn, &s->lhs, &p) ||
            p.kind != ESC_OPND_ADDR || p.id != e)
            continue;
        for (uint32_t j = 0; j < fn->nstmts; j++) {
            const struct esc_stmt *t = &fn->stmts[j];
            if (is_store(t) && t->lhs.size == s->lhs.size && esc_list_place_ptr(fn, &t->lhs, &q) &&
                q.kind == ESC_OPND_ADDR && q.id == e && q.offset == p.offset + s->lhs.size) {
                el->k = p.offset;
                el->w = s->lhs.size;
                break;
            }
        }
    }
    if (!el->w)
        return false;
    bool any = false;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        int64_t at;
        if (s->kind == ESC_STMT_CALL) {
            for (uint32_t j = 0; j < s->nargs; j++)
                if (element_address(el, &s->args[j], &at))
                    return false;
            continue;
        }
        if (!is_store(s) || !element_address(el, &s->args[0], &at))
            continue;
        struct esc_list_ptr p;
        if (esc_list_place_ptr(fn, &s->lhs, &p) && p.kind == ESC_OPND_ADDR && p.id == e)
            continue; /* into E itself */
        if (s->block == ESC_NONE || !insertion_link(el, s, at))
            return false;
        any = true;
    }
    return any;
}

bool esc_bsd_node_unlinked(struct esc_refine *r, uint32_t flow, uint32_t obj)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[flow];
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    struct element el;
    int64_t at;
    if (!esc_object_is_stack(&fn->objects[obj]) || f->reason != ESC_FLOW_STORE ||
        s->block == ESC_NONE || !is_store(s) || !element_of(fn, obj, &el))
        return false;
    /* A neighbour loaded from E's links is never E. */
    if (loads_link(&el, &s->args[0], el.k) || loads_link(&el, &s->args[0], el.k + el.w))
        return true;
    return element_address(&el, &s->args[0], &at) && !reaches_linked(&el, f->stmt);
}
