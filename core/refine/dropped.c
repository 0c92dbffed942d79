/* dropped.c - a local head that took a list's tail and dropped it: nothing reachable points at it.
 */
#include "core/base/util.h"
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"

#include <stdlib.h>
#include <string.h>

/* The model.  In a circular doubly linked list (nginx's ngx_queue_t,
   libuv's QUEUE) the only places that hold a node's address are the links
   of its two neighbours, and a node is reached through those links: a
   list node that no list holds is garbage, like freed memory (the convention
   the lists' own code keeps: ngx_queue_remove leaves stale links in the
   node it takes off).  nginx builds its location tree so:

       ngx_queue_t tail;                       // on the stack
       ...
       ngx_queue_split (locations, q, &tail);  // tail.prev = h->prev;
                                               // tail.prev->next = &tail;
                                               // tail.next = q;
                                               // h->prev = q->prev;
                                               // h->prev->next = h;
                                               // q->prev = &tail;
       return NGX_OK;                          // the nodes from q on still
                                               //  point at tail, and
                                               //  nothing points at them

   The split cuts the nodes from q to the end off the caller's list: the
   caller's head now skips them, and only tail's ring reaches them.  They
   hold &tail, but nobody can follow a pointer to them after the return,
   so the address is dropped with them, not left where it can be read.

   The refinement (DROPPED, an OBJECT question) says so for a stack
   object H when:
   - some block cuts into H: it stores in one of H's links a load of the
     same link of a source list V (`tail.prev = h->prev`), writes H's
     other link (`tail.next = q`) and V's link after that load
     (`h->prev = q->prev`).  That is the shape of ngx_queue_split and
     QUEUE_SPLIT, which a list's contract says cut nodes of V's ring;
   - every store of &H outside H is one of those cuts' stores, so H's ring
     only ever holds nodes cut from another list, and H itself is on no
     live list;
   - no pointer that may name a node (a pointer loaded from a list link,
     one stored into H's links by a cut, or one made from those) is
     stored anywhere but in H, in a cut's links, or in the neighbour of a
     node that is being removed (`x->next->prev = x->prev`: the node
     stays in its ring), nor returned, nor passed to a callee that may
     keep it: nothing publishes a node of H's ring.  A function of
     another unit that nothing describes keeps nothing, as everywhere in
     the analysis; a copy of characters (`memcpy` from a `u_char *`)
     copies no links.
   Then the stores of the cuts, and the removals, leave &H only in nodes
   nothing reachable points at.  A pointer is taken to name a node when
   it is loaded as wide as a pointer from the links of what a pointer
   points at (offsets 0 and one pointer on), from any object's storage,
   or from a place the IR cannot name exactly.

   Recursion.  nginx's ngx_http_create_locations_tree splits its list at
   the middle node into its tail, and hands both halves (&tail among
   them) and the middle node's own list to itself:

       q = ngx_queue_middle (locations);
       ngx_queue_split (locations, q, &tail);
       node->left = create (cf, locations, prefix);
       ngx_queue_remove (q);
       node->right = create (cf, &tail, prefix);
       node->tree = create (cf, &lq->list, prefix + len);

   A call of the function itself is taken to keep nothing, by induction
   on the depth of the recursion, once the parameters such a call hands a
   node or &H are held to the same rules as a node: then no activation
   keeps a node of any ring it cuts or is handed, its own tail's or its
   caller's.  Only a direct call of the function counts; mutual recursion
   goes through the callee's summary, as any call.
   What it does not see (docs/limits.md): a node that something other than
   its list also points at (a connection on a reuse queue and in a hash)
   keeps the stale link, as a freed node would; the kernel's
   list_cut_position, whose stores have another shape; a node handed to a
   function of another unit that does keep it. */

enum { RING_UNKNOWN, RING_DROPPED, RING_KEPT };

struct ring {
    uint8_t state;
    struct esc_bitset cut_stores; /* the statements of H's cuts */
};

struct esc_dropped_rings {
    uint32_t n;
    struct ring *objects; /* per object of the function */
};

void esc_dropped_rings_free(struct esc_dropped_rings *rings)
{
    if (!rings)
        return;
    for (uint32_t o = 0; o < rings->n; o++)
        esc_bitset_free(&rings->objects[o].cut_stores);
    free(rings->objects);
    free(rings);
}

static bool is_store(const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 &&
           (s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF);
}

/* Is PLACE in H's own storage (`tail.prev`, `*(&rest + 8)`)?  *AT gets
   its offset in H. */
static bool in_object_at(const struct esc_function *fn, const struct esc_operand *place, uint32_t h,
                         int64_t *at)
{
    struct esc_list_ptr p;
    if (place->kind == ESC_OPND_MEM && place->id == h) {
        *at = place->offset;
        return esc_place_exact(place);
    }
    if (place->kind != ESC_OPND_DEREF || !esc_list_place_ptr(fn, place, &p) ||
        p.kind != ESC_OPND_ADDR || p.id != h)
        return false;
    *at = p.offset;
    return true;
}

static bool in_object(const struct esc_function *fn, const struct esc_operand *place, uint32_t h)
{
    int64_t at;
    return in_object_at(fn, place, h, &at);
}

/* Does store S, at place AT, write the link of a neighbour of list V
   that points back at it (`h->prev->next = h`): is AT a link of a node
   loaded from one of V's links? */
static bool back_link_of(const struct esc_function *fn, const struct esc_stmt *s,
                         const struct esc_list_ptr *at, const struct esc_list_ptr *v)
{
    uint32_t def;
    int64_t w = s->lhs.size;
    struct esc_list_ptr from;
    const struct esc_operand *via =
        s->lhs.kind == ESC_OPND_DEREF ? esc_list_load_place(fn, s->lhs.id, &def) : NULL;
    return via && (at->offset == 0 || at->offset == w) && esc_list_place_ptr(fn, via, &from) &&
           from.kind == v->kind && from.id == v->id &&
           (from.offset == v->offset || from.offset == v->offset + w);
}

/* Does block B cut into H at store S (`H.link = V->link`)?  Marks the
   cut's stores in CUT. */
static bool cut_at(const struct esc_function *fn, uint32_t h, const struct esc_stmt *s,
                   struct esc_bitset *cut)
{
    uint32_t def;
    struct esc_list_ptr src;
    const struct esc_operand *from = s->args[0].kind == ESC_OPND_VALUE && !s->args[0].offset
                                         ? esc_list_load_place(fn, s->args[0].id, &def)
                                         : NULL;
    int64_t w = s->lhs.size, at_h;
    /* The source is a list that outlives the frame: a local one got its
       nodes from pointers this function holds. */
    if (!in_object_at(fn, &s->lhs, h, &at_h) || !from || from->size != w ||
        !esc_list_place_ptr(fn, from, &src) ||
        (src.kind == ESC_OPND_ADDR && esc_object_is_stack(&fn->objects[src.id])))
        return false;
    /* H's other link gets the first node cut, q (`tail.next = q`) ... */
    const struct esc_block *blk = &fn->blocks[s->block];
    const struct esc_stmt *first = NULL;
    int64_t other_link_at = 0;
    for (uint32_t k = 0; k < blk->nstmts && !first; k++) {
        const struct esc_stmt *t = &fn->stmts[blk->stmts[k]];
        int64_t at;
        if (is_store(t) && t->lhs.size == w && in_object_at(fn, &t->lhs, h, &at) &&
            (at == at_h + w || at == at_h - w) && t->args[0].kind == ESC_OPND_VALUE) {
            first = t;
            other_link_at = at;
        }
    }
    struct esc_list_ptr q;
    if (!first || !esc_list_ptr_of(fn, &first->args[0], &q))
        return false;
    int64_t side = at_h - (other_link_at < at_h ? other_link_at : at_h);
    /* ... and V's link, after the load, the same link of q
       (`h->prev = q->prev`): V's ring closes without the nodes from q on.
       An insertion stores &H there instead. */
    bool after_load = false, closed = false;
    for (uint32_t k = 0; k < blk->nstmts && !closed; k++) {
        uint32_t id = blk->stmts[k], d;
        const struct esc_stmt *t = &fn->stmts[id];
        after_load |= id == def;
        struct esc_list_ptr at, qlink;
        const struct esc_operand *qfrom =
            is_store(t) && t->args[0].kind == ESC_OPND_VALUE && !t->args[0].offset
                ? esc_list_load_place(fn, t->args[0].id, &d)
                : NULL;
        closed = after_load && qfrom && t->lhs.size == w && qfrom->size == w &&
                 esc_list_place_ptr(fn, &t->lhs, &at) && esc_list_ptr_same(&at, &src) &&
                 esc_list_place_ptr(fn, qfrom, &qlink) && qlink.kind == q.kind &&
                 qlink.id == q.id && qlink.offset == q.offset + side;
    }
    if (!closed)
        return false;
    /* The cut's stores: into H; of &H (at H's links' offset) into a link
       of a node; into V's links; of V itself (`h->prev->next = h`). */
    int64_t h_links = at_h - side;
    struct esc_list_ptr v = {src.kind, src.id, src.offset - side};
    uint32_t nwords = esc_bitset_words(fn->nstmts);
    for (uint32_t k = 0; k < blk->nstmts; k++) {
        uint32_t id = blk->stmts[k];
        const struct esc_stmt *t = &fn->stmts[id];
        struct esc_list_ptr at, val;
        if (!is_store(t) || t->lhs.size != w)
            continue;
        bool placed = esc_list_place_ptr(fn, &t->lhs, &at);
        bool valued = esc_list_ptr_of(fn, &t->args[0], &val);
        if (in_object(fn, &t->lhs, h) ||
            (valued && val.kind == ESC_OPND_ADDR && val.id == h && val.offset == h_links &&
             t->lhs.kind == ESC_OPND_DEREF && placed && (at.offset == 0 || at.offset == w)) ||
            (placed && at.kind == v.kind && at.id == v.id &&
             (at.offset == v.offset || at.offset == v.offset + w)) ||
            (valued && esc_list_ptr_same(&val, &v) && placed && back_link_of(fn, t, &at, &v)))
            esc_bitset_add(cut, id, nwords);
    }
    return true;
}

/* Is the value loaded from FROM, W bytes wide, maybe a list node: read
   from a link of what a pointer points at (at 0 or W), from an object's
   storage, or from a place the IR cannot name exactly? */
static bool loads_node(const struct esc_function *fn, const struct esc_operand *from, int64_t w)
{
    struct esc_list_ptr at;
    if (from->size != w && from->size > 0)
        return false;
    if (from->kind == ESC_OPND_MEM || !esc_list_place_ptr(fn, from, &at))
        return true;
    return at.offset == 0 || at.offset == w;
}

/* Mark in NODES the values that may name a node: loaded as above, stored
   into H's links by a cut, or made from one (copies, arithmetic, merges). */
static void find_node_values(const struct esc_function *fn, const struct esc_bitset *cut,
                             uint32_t h, int64_t w, bool *nodes)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (uint32_t id = 0; id < fn->nstmts; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            if (esc_bitset_has(cut, id) && in_object(fn, &s->lhs, h) && s->nargs == 1 &&
                s->args[0].kind == ESC_OPND_VALUE) {
                uint32_t root = esc_value_root(fn, s->args[0].id);
                changed |= !nodes[root];
                nodes[root] = true;
            }
            if (s->lhs.kind != ESC_OPND_VALUE || nodes[s->lhs.id] || s->kind == ESC_STMT_CALL)
                continue;
            bool node = false;
            for (uint32_t j = 0; j < s->nargs && !node; j++) {
                const struct esc_operand *a = &s->args[j];
                if (a->kind == ESC_OPND_MEM || a->kind == ESC_OPND_DEREF)
                    node = s->kind == ESC_STMT_ASSIGN && loads_node(fn, a, w);
                else
                    node = (a->kind == ESC_OPND_VALUE && nodes[a->id]) ||
                           (a->kind == ESC_OPND_ADDR && a->id == h);
            }
            if (node) {
                nodes[s->lhs.id] = true;
                changed = true;
            }
        }
    }
}

/* Does operand OP name a node of H's ring, or H, or the memory of one? */
static bool names_node(const bool *nodes, const struct esc_operand *op, uint32_t h)
{
    switch (op->kind) {
    case ESC_OPND_VALUE:
    case ESC_OPND_DEREF:
        return nodes[op->id];
    case ESC_OPND_ADDR:
    case ESC_OPND_MEM:
        return op->id == h;
    case ESC_OPND_UNKNOWN:
        return true;
    default:
        return false;
    }
}

/* Is store S the neighbour's half of a removal, `x->next->prev =
   x->prev` or `x->prev->next = x->next`: the link of a neighbour of x
   written with x's link on the other side?  Every pointer stays in x's
   ring (the neighbour is in it). */
static bool removal_half(const struct esc_function *fn, const struct esc_stmt *s)
{
    uint32_t d1, d2;
    struct esc_list_ptr nb, src, at;
    const struct esc_operand *via =
        s->lhs.kind == ESC_OPND_DEREF ? esc_list_load_place(fn, s->lhs.id, &d1) : NULL;
    const struct esc_operand *val = s->args[0].kind == ESC_OPND_VALUE && !s->args[0].offset
                                        ? esc_list_load_place(fn, s->args[0].id, &d2)
                                        : NULL;
    int64_t w = s->lhs.size;
    if (!via || !val || via->size != w || val->size != w || !esc_list_place_ptr(fn, via, &nb) ||
        !esc_list_place_ptr(fn, val, &src) || !esc_list_place_ptr(fn, &s->lhs, &at) ||
        src.kind != nb.kind || src.id != nb.id)
        return false;
    /* x's links sit side by side; the neighbour the link at the lower
       offset names points back from its upper link, and the other way. */
    if (src.offset == nb.offset + w)
        return at.offset == w;
    if (src.offset == nb.offset - w)
        return at.offset == 0;
    return false;
}

/* Does store S put a pointer that names no node of a list into a link:
   a node inserted (`prev->next = &a->entry`, `tmp.prev = &a->entry`)
   that the caller, holding `a`, still reaches? */
static bool inserts_node(const struct esc_function *fn, const bool *nodes, const struct esc_stmt *s)
{
    const struct esc_operand *v = &s->args[0];
    struct esc_list_ptr at;
    if ((v->kind != ESC_OPND_VALUE && v->kind != ESC_OPND_ADDR) ||
        !esc_list_place_ptr(fn, &s->lhs, &at))
        return false;
    if (s->lhs.kind == ESC_OPND_MEM)
        return esc_object_is_stack(&fn->objects[s->lhs.id]);
    return nodes[s->lhs.id] && (at.offset == 0 || at.offset == s->lhs.size);
}

/* May the callee of call S keep what its argument J points to?  A
   function of another unit that nothing describes keeps nothing, as
   everywhere else in the analysis (docs/limits.md, "An external function
   without a model keeps nothing"). */
static bool call_may_keep(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id,
                          const struct esc_stmt *s, uint32_t j)
{
    const struct esc_summary *callee = flows->calls[id].summary;
    if ((s->noescape_args >> j & 1) && j < 64)
        return false;
    if (esc_call_is_external(fn, flows, id))
        return false;
    /* Characters copied out of a `u_char *` (`ngx_memcpy (node->name,
       lq->name->data, len)`), not the links of a node. */
    if ((s->flags & ESC_STMTF_BYTE_COPY) && j == 1)
        return false;
    if (!callee || j >= callee->nparams)
        return true;
    const struct esc_param_summary *p = &callee->params[j];
    if (p->unknown || p->freed)
        return true;
    for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
        if (p->leaks[l] || p->stored_into[l])
            return true;
    return false;
}

/* Is S a direct call of FN itself? */
static bool calls_itself(const struct esc_function *fn, const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_CALL && s->callee && fn->name && (s->flags & ESC_CALLF_DEFINED) &&
           strcmp(s->callee, fn->name) == 0;
}

/* Mark as nodes the parameters that a call of the function itself hands
   a node or H: the checks below then hold the parameter to what they hold
   a node to, in every activation.  False when nothing new was marked. */
static bool mark_recursive_params(const struct esc_function *fn, uint32_t h, bool *nodes)
{
    bool marked = false;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->block == ESC_NONE || !calls_itself(fn, s))
            continue;
        for (uint32_t j = 0; j < s->nargs && j < fn->nparams; j++) {
            uint32_t v = fn->params[j].value;
            if (v != ESC_NONE && !nodes[esc_value_root(fn, v)] &&
                names_node(nodes, &s->args[j], h)) {
                nodes[esc_value_root(fn, v)] = true;
                marked = true;
            }
        }
    }
    return marked;
}

/* Does the function keep H's ring to itself (the conditions above)?
   CUT gets the cuts' stores. */
static bool ring_dropped(const struct esc_function *fn, const struct esc_flows *flows, uint32_t h,
                         struct esc_bitset *cut)
{
    int64_t w = 0;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (is_store(s) && s->block != ESC_NONE && !esc_bitset_has(cut, id) &&
            cut_at(fn, h, s, cut))
            w = s->lhs.size;
    }
    if (!w)
        return false;
    bool *nodes = esc_xcalloc(fn->nvalues + 1, sizeof *nodes);
    do
        find_node_values(fn, cut, h, w, nodes);
    while (mark_recursive_params(fn, h, nodes));
    bool ok = true;
    for (uint32_t id = 0; id < fn->nstmts && ok; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->block == ESC_NONE)
            continue;
        if (is_store(s)) {
            struct esc_list_ptr val;
            bool of_h =
                esc_list_ptr_of(fn, &s->args[0], &val) && val.kind == ESC_OPND_ADDR && val.id == h;
            if (of_h)
                ok = esc_bitset_has(cut, id) || in_object(fn, &s->lhs, h);
            else if (names_node(nodes, &s->args[0], h))
                ok = esc_bitset_has(cut, id) || in_object(fn, &s->lhs, h) || removal_half(fn, s);
            else
                ok = esc_bitset_has(cut, id) || !inserts_node(fn, nodes, s);
        } else if (s->kind == ESC_STMT_CALL) {
            /* A call of the function itself keeps what this activation
               keeps: by induction on the depth of the recursion, nothing
               (its parameters that get a node are held to the same). */
            for (uint32_t j = 0; j < s->nargs && ok && !calls_itself(fn, s); j++)
                ok = !names_node(nodes, &s->args[j], h) || !call_may_keep(fn, flows, id, s, j);
            ok = ok && !(s->flags & ESC_CALLF_ASM);
        } else if (s->kind == ESC_STMT_RETURN) {
            ok = !s->nargs || !names_node(nodes, &s->args[0], h);
        }
    }
    free(nodes);
    return ok;
}

bool esc_ring_dropped(struct esc_refine *r, uint32_t flow, uint32_t obj)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[flow];
    if (!esc_object_is_stack(&fn->objects[obj]) || f->reason != ESC_FLOW_STORE ||
        fn->stmts[f->stmt].block == ESC_NONE)
        return false;
    if (!r->dropped) {
        r->dropped = esc_xcalloc(1, sizeof *r->dropped);
        r->dropped->n = fn->nobjects;
        r->dropped->objects = esc_xcalloc(fn->nobjects + 1, sizeof *r->dropped->objects);
    }
    if (obj >= r->dropped->n)
        return false;
    struct ring *ring = &r->dropped->objects[obj];
    if (ring->state == RING_UNKNOWN)
        ring->state = ring_dropped(fn, r->flows, obj, &ring->cut_stores) ? RING_DROPPED : RING_KEPT;
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    return ring->state == RING_DROPPED && is_store(s) &&
           (esc_bitset_has(&ring->cut_stores, f->stmt) || removal_half(fn, s));
}

bool esc_list_reads_cut_node(const struct esc_function *fn, uint32_t h, uint32_t load)
{
    const struct esc_stmt *l = &fn->stmts[load];
    int64_t want, at;
    if (l->kind != ESC_STMT_ASSIGN || l->nargs != 1 || l->block == ESC_NONE ||
        !in_object_at(fn, &l->args[0], h, &want))
        return false;
    const struct esc_block *blk = &fn->blocks[l->block];
    struct esc_bitset cut = {0};
    bool node = false;
    for (uint32_t k = 0; k < blk->nstmts && blk->stmts[k] != load; k++) {
        uint32_t id = blk->stmts[k];
        const struct esc_stmt *t = &fn->stmts[id];
        if (!is_store(t))
            continue;
        if (!esc_bitset_has(&cut, id))
            cut_at(fn, h, t, &cut);
        struct esc_list_ptr val;
        if (in_object_at(fn, &t->lhs, h, &at) && at == want)
            node = esc_bitset_has(&cut, id) && !(esc_list_ptr_of(fn, &t->args[0], &val) &&
                                                 val.kind == ESC_OPND_ADDR && val.id == h);
    }
    esc_bitset_free(&cut);
    return node;
}
