/* lists.c - a list head tested empty on every path: no node of its list points at it any more. */
#include "core/base/util.h"
#include "core/ir/conditions.h"
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/refine/safewalk.h"

#include <stdlib.h>

/* The model.  A circular doubly linked list (the kernel's list_head,
   BSD's TAILQ, nginx's ngx_queue_t, libuv's QUEUE) keeps one invariant:
   a node's next and prev point to nodes of the same list, the head
   included, and nothing else.  So when the head's link points back at the
   head (`h->next == h`, `QUEUE_EMPTY (&h)`), the list has no other node,
   and no link anywhere points at the head.  A local head that took over a
   caller's list,

       QUEUE wq;
       QUEUE_MOVE (&loop->wq, &wq);            // the first node's prev and
       while (!QUEUE_EMPTY (&wq)) {            //  the last one's next: &wq
           q = QUEUE_HEAD (&wq);
           QUEUE_REMOVE (q);                   // may store &wq again
           ...
       }
       return;                                 // nothing points at wq

   is gone from the caller's memory once the loop exits, whatever the
   stores on the way did.  So the address of a stack object H that a store
   linked in, as a list link, no longer sits anywhere at the return when
   every path from that store to a return takes an edge where H's list is
   tested empty: the edge of a branch comparing a load of one of H's links
   (MEM (H, t)) with &H (at the head's offset k) on which they are equal,
   or passes a split of H's list at its first node, which moves every node
   out (QUEUE_MOVE (&h, &n) when h is not empty: `QUEUE_PREV (h) =
   QUEUE_PREV (q)` with q = QUEUE_HEAD (h), then `QUEUE_PREV_NEXT (h) =
   h`).

   A store counts as a link when it writes an exact place, as wide as the
   tested link, at the link's offset in a node (t - k) or at the next
   link's on either side: next and prev sit side by side in every list
   node; and when it stores &H itself, it is a neighbour's back link
   (unlink.c's test), not `*keep = &h`.  A return inside the loop is a path that skips the test, so
   `if (err) return err;` in the middle of a drain still reports the nodes
   left behind.  The nodes removed on the way keep their own stale links to
   the head (libuv's QUEUE_REMOVE does not clear them): like freed memory,
   they are not where the address escapes.  The emptiness must be tested
   in the function itself (a macro, or code inlined by hand): a call to
   `list_empty ()` is not yet seen through (docs/limits.md).  The exit of
   a walk with a saved next node that takes every node off
   (`list_for_each_entry_safe` with `list_del_init`) is such an edge too:
   safewalk.c finds them. */

struct edge {
    uint32_t from, to;
};

struct head {
    bool known;      /* computed */
    uint32_t nedges; /* the edges on which H's list is empty */
    struct edge *edges;
    int64_t link, size; /* the tested link, as an offset in a node, and its width */
};

struct esc_list_heads {
    uint32_t n;
    struct head *objects; /* per object of the function */
};

void esc_list_heads_free(struct esc_list_heads *heads)
{
    if (!heads)
        return;
    for (uint32_t o = 0; o < heads->n; o++)
        free(heads->objects[o].edges);
    free(heads->objects);
    free(heads);
}

/* The place value V was loaded from, if it is a plain load. */
static bool loaded_place(const struct esc_function *fn, uint32_t v, struct esc_operand *out)
{
    uint32_t def = fn->values[esc_value_root(fn, v)].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 ||
        (s->args[0].kind != ESC_OPND_MEM && s->args[0].kind != ESC_OPND_DEREF))
        return false;
    *out = esc_direct_place(fn, s->args[0]);
    return esc_place_exact(out);
}

/* Find the edges on which object H's list is tested empty, or where a
   walk that took every node off ends (safewalk.c). */
static void find_empty_edges(const struct esc_function *fn, const struct esc_flows *flows,
                             uint32_t h, struct head *facts)
{
    uint32_t cap = 0;
    bool mixed = false;
    facts->known = true;
    for (uint32_t b = 0; b < fn->nblocks && !mixed; b++) {
        uint32_t n;
        const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
        for (uint32_t k = 0; k < n; k++) {
            const struct esc_cond *c = &e[k].cond;
            struct esc_operand link;
            if (e[k].term != ESC_COND_EVERY_TERM || c->kind != ESC_COND_POINTS_TO ||
                c->object != h || c->offset == ESC_UNKNOWN_OFFSET ||
                !loaded_place(fn, c->subject, &link) || link.kind != ESC_OPND_MEM || link.id != h ||
                link.offset < c->offset)
                continue;
            /* Two lists in one object, or one tested at two links: which
               store links which is not followed. */
            if (facts->nedges &&
                (facts->link != link.offset - c->offset || facts->size != link.size)) {
                mixed = true;
                break;
            }
            facts->link = link.offset - c->offset;
            facts->size = link.size;
            *ESC_PUSH(facts->edges, facts->nedges, cap) = (struct edge){b, e[k].succ};
        }
    }
    struct esc_safe_walk_edge walks[4];
    uint32_t nwalks = mixed ? 0 : esc_safe_walk_empty_edges(fn, flows, h, walks, 4);
    for (uint32_t k = 0; k < nwalks && !mixed; k++) {
        mixed = facts->nedges && (facts->link != walks[k].link || facts->size != walks[k].size);
        facts->link = walks[k].link;
        facts->size = walks[k].size;
        *ESC_PUSH(facts->edges, facts->nedges, cap) = (struct edge){walks[k].from, walks[k].to};
    }
    if (mixed)
        facts->nedges = 0;
}

static bool empty_edge(const struct head *facts, uint32_t from, uint32_t to)
{
    for (uint32_t i = 0; i < facts->nedges; i++)
        if (facts->edges[i].from == from && facts->edges[i].to == to)
            return true;
    return false;
}

/* A walk from a store to the returns, for head H. */
struct head_walk {
    const struct esc_function *fn;
    uint32_t h;
    const struct head *facts;
};

/* esc_edge_ends_fn: an edge on which the list is empty ends a path. */
static bool ends_on_empty(void *ctx, uint32_t from, uint32_t to)
{
    const struct head_walk *walk = ctx;
    return empty_edge(walk->facts, from, to);
}

/* The offset in H of place PLACE, if it is in H. */
static bool in_head(const struct esc_function *fn, const struct esc_operand *place, uint32_t h,
                    int64_t *at)
{
    struct esc_list_ptr p;
    if (!esc_list_place_ptr(fn, place, &p) || p.kind != ESC_OPND_ADDR || p.id != h)
        return false;
    *at = p.offset;
    return true;
}

/* esc_restores_fn: does statement ID empty H's list by moving every node
   out, the close of a split of H's list at its first node?  QUEUE_MOVE's
   QUEUE_SPLIT (h, q, n) with q = QUEUE_HEAD (h) writes
   `QUEUE_PREV (h) = QUEUE_PREV (q)`, which is h (q is h's first node),
   and then `QUEUE_PREV_NEXT (h) = h`: both links of h name h. */
static bool split_empties(void *ctx, uint32_t id)
{
    const struct head_walk *walk = ctx;
    const struct esc_function *fn = walk->fn;
    const struct esc_stmt *s = &fn->stmts[id];
    int64_t w = walk->facts->size, p, p2;
    uint32_t d1, d2;
    struct esc_list_ptr q, qlink;
    const struct esc_operand *val, *from;
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->lhs.size != w ||
        s->args[0].kind != ESC_OPND_VALUE || s->block == ESC_NONE ||
        !in_head(fn, &s->lhs, walk->h, &p) ||
        !(val = esc_list_load_place(fn, s->args[0].id, &d1)) || val->size != w ||
        !esc_list_place_ptr(fn, val, &qlink) || qlink.kind != ESC_OPND_VALUE)
        return false;
    /* q, the node whose link it copies, is loaded from H's other link. */
    struct esc_operand qv = esc_opnd_value(qlink.id);
    if (!(from = esc_list_load_place(fn, qlink.id, &d2)) || !in_head(fn, from, walk->h, &p2) ||
        (p2 != p + w && p2 != p - w) || !esc_list_ptr_of(fn, &qv, &q))
        return false;
    int64_t base = p < p2 ? p : p2;
    if (qlink.offset - q.offset != p - base)
        return false;
    /* Then the node H's link now names (H) gets H in its other link. */
    const struct esc_block *blk = &fn->blocks[s->block];
    bool after = false;
    for (uint32_t k = 0; k < blk->nstmts; k++) {
        const struct esc_stmt *t = &fn->stmts[blk->stmts[k]];
        struct esc_list_ptr v;
        int64_t via;
        uint32_t d3;
        const struct esc_operand *through =
            t->lhs.kind == ESC_OPND_DEREF ? esc_list_load_place(fn, t->lhs.id, &d3) : NULL;
        if (after && t->kind == ESC_STMT_ASSIGN && t->nargs == 1 && through &&
            in_head(fn, through, walk->h, &via) && via == p &&
            esc_list_ptr_of(fn, &t->args[0], &v) && v.kind == ESC_OPND_ADDR && v.id == walk->h &&
            v.offset == base && t->lhs.size == w && t->lhs.offset == p2 - base)
            return true;
        after |= blk->stmts[k] == id;
    }
    return false;
}

/* Does flow F write a list link: an exact place as wide as the tested
   link, at its offset in a node or at the next link's on either side? */
static bool writes_link(const struct esc_flow *f, const struct head *facts)
{
    if (!esc_place_exact(&f->dst) || f->dst.size != facts->size)
        return false;
    int64_t at = f->dst.offset;
    return at == facts->link || at == facts->link + facts->size || at == facts->link - facts->size;
}

bool esc_head_emptied(struct esc_refine *r, uint32_t flow, uint32_t obj)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[flow];
    if (!esc_object_is_stack(&fn->objects[obj]) || !esc_flow_is_store(f) ||
        fn->stmts[f->stmt].block == ESC_NONE)
        return false;
    if (!r->heads) {
        r->heads = esc_xcalloc(1, sizeof *r->heads);
        r->heads->n = fn->nobjects;
        r->heads->objects = esc_xcalloc(fn->nobjects + 1, sizeof *r->heads->objects);
    }
    if (obj >= r->heads->n)
        return false;
    struct head *facts = &r->heads->objects[obj];
    if (!facts->known)
        find_empty_edges(fn, r->flows, obj, facts);
    struct head_walk walk = {fn, obj, facts};
    /* `g_saved = &h` writes no link, wherever it writes. */
    return facts->nedges && writes_link(f, facts) && esc_list_link_store(fn, r->flows, flow, obj) &&
           !esc_store_reaches_return(fn, f->stmt, NULL, split_empties, ends_on_empty, &walk, false);
}
