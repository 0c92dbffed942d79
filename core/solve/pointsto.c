/* pointsto.c - flow-insensitive points-to sets of one function's values and objects. */
#include "core/solve/pointsto.h"
#include "core/base/util.h"
#include "core/ir/scc.h"

#include <stdlib.h>
#include <string.h>

/* Andersen-style inclusion constraints solved by difference propagation
   over nodes (a value's set, or an object's contents).

   A node whose set grew is queued; taking it out, only what it gained
   since it was last taken out (its delta) is pushed along the flows that
   read it.  A load through a pointer, *v, also reads contents(o) for every
   o in pts(v), which is only known while solving: when o first appears in
   v's delta the flow is hooked to contents(o) and given its whole set,
   and a store *v = s gives the new target o the whole of s.  Sets only
   grow and are bounded by the object count, so the iteration ends, at the
   least solution whatever the order.

   Pushing whole sets at every change instead cost the cube of a
   function's size on some shapes (issue 20): n pointers rotated in a loop
   pass each object one step per round, and a list walked by
   `p = p->next` adds one object per round to a load that re-read all of
   them.  So the deltas, and two measures on the flows known before
   solving (plain copies, p = q, between values or named objects' contents):
   each cycle of copies is one node, since its members end with the same
   set, and nodes are taken out in the topological order of the copies,
   sources first, so that a chain is walked once instead of once per
   object. */

/* What a node is to a flow that reads it, in the low bits of a reader. */
enum reader_role {
    READ_SOURCE, /* the flow's source: p = q, p = x, or contents(o) of its *v */
    READ_LOAD,   /* v of a source *v */
    READ_STORE,  /* v of a destination *v */
};
#define ROLE_BITS 2u

struct reader_list {
    uint32_t n, cap;
    uint32_t *items; /* flow << ROLE_BITS | role */
};

struct solver {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    struct esc_pointsto *pt;
    uint32_t nwords;
    uint32_t *rep;               /* per node: the node of its cycle of copies that holds the set */
    uint32_t *rank;              /* per node: its place in the topological order of copies */
    struct reader_list *readers; /* per representative node */
    struct esc_bitset *done;     /* per node: what was pushed from it already */
    uint32_t *heap;              /* queued nodes, lowest rank first */
    uint32_t nheap;
    bool *queued;
    struct esc_bitset delta, source, masked;
};

static uint32_t value_node(const struct solver *s, uint32_t v)
{
    return s->rep[v];
}

static uint32_t content_node(const struct solver *s, uint32_t o)
{
    return s->rep[s->pt->nvalues + o];
}

static void add_reader(struct solver *s, uint32_t node, uint32_t flow, enum reader_role role)
{
    struct reader_list *r = &s->readers[node];
    *ESC_PUSH(r->items, r->n, r->cap) = flow << ROLE_BITS | role;
}

static bool heap_less(const struct solver *s, uint32_t a, uint32_t b)
{
    return s->rank[s->heap[a]] < s->rank[s->heap[b]];
}

static void heap_swap(struct solver *s, uint32_t a, uint32_t b)
{
    uint32_t t = s->heap[a];
    s->heap[a] = s->heap[b];
    s->heap[b] = t;
}

static void enqueue(struct solver *s, uint32_t node)
{
    if (s->queued[node])
        return;
    s->queued[node] = true;
    uint32_t i = s->nheap++;
    s->heap[i] = node;
    for (; i > 0 && heap_less(s, i, (i - 1) / 2); i = (i - 1) / 2)
        heap_swap(s, i, (i - 1) / 2);
}

static uint32_t dequeue(struct solver *s)
{
    uint32_t node = s->heap[0];
    s->heap[0] = s->heap[--s->nheap];
    for (uint32_t i = 0;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < s->nheap && heap_less(s, l, m))
            m = l;
        if (r < s->nheap && heap_less(s, r, m))
            m = r;
        if (m == i)
            break;
        heap_swap(s, i, m);
        i = m;
    }
    s->queued[node] = false;
    return node;
}

static void add_to_node(struct solver *s, uint32_t node, const struct esc_bitset *set)
{
    if (esc_bitset_union(&s->pt->sets[node], set, s->nwords))
        enqueue(s, node);
}

static void seed(struct solver *s, uint32_t node, uint32_t obj)
{
    if (esc_bitset_add(&s->pt->sets[node], obj, s->nwords))
        enqueue(s, node);
}

void esc_pointsto_read(const struct esc_pointsto *pt, const struct esc_operand *op,
                       struct esc_bitset *out)
{
    switch (op->kind) {
    case ESC_OPND_VALUE:
        esc_bitset_union(out, esc_pts(pt, op->id), pt->nwords);
        break;
    case ESC_OPND_ADDR:
        esc_bitset_add(out, op->id, pt->nwords);
        break;
    case ESC_OPND_MEM:
        esc_bitset_union(out, esc_contents(pt, op->id), pt->nwords);
        break;
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(pt, op->id);
        for (uint32_t o = esc_bitset_next(base, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, pt->nwords, o + 1))
            esc_bitset_union(out, esc_contents(pt, o), pt->nwords);
        break;
    }
    default:
        break;
    }
}

bool esc_flow_reads_object(const struct esc_function *fn, uint8_t flags, uint32_t o)
{
    if (!(flags & ESC_FLOWF_OWN_MEMORY))
        return true;
    switch (fn->objects[o].kind) {
    case ESC_OBJ_CALLER:
    case ESC_OBJ_STATIC_REACH:
    case ESC_OBJ_UNKNOWN:
    case ESC_OBJ_KEPT:
        return false;
    default:
        return true;
    }
}

void esc_pointsto_read_flow(const struct esc_function *fn, const struct esc_pointsto *pt,
                            const struct esc_flow *f, struct esc_bitset *out)
{
    if (f->src.kind != ESC_OPND_DEREF || !(f->flags & ESC_FLOWF_OWN_MEMORY)) {
        esc_pointsto_read(pt, &f->src, out);
        return;
    }
    const struct esc_bitset *base = esc_pts(pt, f->src.id);
    for (uint32_t o = esc_bitset_next(base, pt->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(base, pt->nwords, o + 1))
        if (esc_flow_reads_object(fn, f->flags, o))
            esc_bitset_union(out, esc_contents(pt, o), pt->nwords);
}

void esc_pointsto_targets(const struct esc_pointsto *pt, const struct esc_operand *op,
                          struct esc_bitset *out)
{
    if (op->kind == ESC_OPND_MEM)
        esc_bitset_add(out, op->id, pt->nwords);
    else if (op->kind == ESC_OPND_DEREF)
        esc_bitset_union(out, esc_pts(pt, op->id), pt->nwords);
}

static void clear(struct esc_bitset *set, uint32_t nwords)
{
    if (set->words)
        memset(set->words, 0, nwords * sizeof *set->words);
}

/* OUT = what NODE holds beyond what was pushed from it; then all of it
   counts as pushed.  False when it holds nothing new. */
static bool take_delta(struct solver *s, uint32_t node, struct esc_bitset *out)
{
    const uint64_t *have = s->pt->sets[node].words;
    if (!have)
        return false;
    struct esc_bitset *done = &s->done[node];
    if (!done->words)
        done->words = esc_xcalloc(s->nwords, sizeof *done->words);
    if (!out->words)
        out->words = esc_xcalloc(s->nwords, sizeof *out->words);
    bool any = false;
    for (uint32_t i = 0; i < s->nwords; i++) {
        uint64_t add = have[i] & ~done->words[i];
        out->words[i] = add;
        done->words[i] |= add;
        any |= add != 0;
    }
    return any;
}

/* Flow ID's source yields SET (or more of it): give it to its destination. */
static void push(struct solver *s, uint32_t id, const struct esc_bitset *set)
{
    const struct esc_flow *f = &s->flows->items[id];
    if (f->exclude != ESC_NONE && esc_bitset_has(set, f->exclude)) {
        clear(&s->masked, s->nwords);
        esc_bitset_union(&s->masked, set, s->nwords);
        esc_bitset_remove(&s->masked, f->exclude);
        set = &s->masked;
    }
    switch (f->dst.kind) {
    case ESC_OPND_VALUE:
        add_to_node(s, value_node(s, f->dst.id), set);
        break;
    case ESC_OPND_MEM:
        add_to_node(s, content_node(s, f->dst.id), set);
        break;
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(s->pt, value_node(s, f->dst.id));
        for (uint32_t o = esc_bitset_next(base, s->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, s->nwords, o + 1))
            add_to_node(s, content_node(s, o), set);
        break;
    }
    default:
        break;
    }
}

/* The whole of flow F's source so far, into OUT (cleared first). */
static void read_source(struct solver *s, const struct esc_flow *f, struct esc_bitset *out)
{
    clear(out, s->nwords);
    const struct esc_bitset *base;
    switch (f->src.kind) {
    case ESC_OPND_VALUE:
        esc_bitset_union(out, esc_pts(s->pt, value_node(s, f->src.id)), s->nwords);
        break;
    case ESC_OPND_MEM:
        esc_bitset_union(out, &s->pt->sets[content_node(s, f->src.id)], s->nwords);
        break;
    case ESC_OPND_ADDR:
        esc_bitset_add(out, f->src.id, s->nwords);
        break;
    case ESC_OPND_UNKNOWN:
        esc_bitset_add(out, s->fn->unknown_object, s->nwords);
        break;
    case ESC_OPND_DEREF:
        base = esc_pts(s->pt, value_node(s, f->src.id));
        for (uint32_t o = esc_bitset_next(base, s->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, s->nwords, o + 1))
            if (esc_flow_reads_object(s->fn, f->flags, o))
                esc_bitset_union(out, &s->pt->sets[content_node(s, o)], s->nwords);
        break;
    default:
        break;
    }
}

/* Push what NODE gained since it was last taken out to every flow that
   reads it. */
static void propagate(struct solver *s, uint32_t node)
{
    if (!take_delta(s, node, &s->delta))
        return;
    /* Hooking a load adds readers to other nodes, never to NODE's own
       list, unless contents(o) is NODE itself: index, not pointer. */
    for (uint32_t i = 0; i < s->readers[node].n; i++) {
        uint32_t item = s->readers[node].items[i];
        uint32_t id = item >> ROLE_BITS;
        const struct esc_flow *f = &s->flows->items[id];
        switch ((enum reader_role)(item & ((1u << ROLE_BITS) - 1))) {
        case READ_SOURCE:
            push(s, id, &s->delta);
            break;
        case READ_LOAD:
            for (uint32_t o = esc_bitset_next(&s->delta, s->nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&s->delta, s->nwords, o + 1)) {
                if (!esc_flow_reads_object(s->fn, f->flags, o))
                    continue;
                uint32_t c = content_node(s, o);
                add_reader(s, c, id, READ_SOURCE);
                /* What was pushed from contents(o) before the hook. */
                if (s->done[c].words)
                    push(s, id, &s->done[c]);
            }
            break;
        case READ_STORE:
            read_source(s, f, &s->source);
            if (esc_bitset_empty(&s->source, s->nwords))
                break;
            if (f->exclude != ESC_NONE)
                esc_bitset_remove(&s->source, f->exclude);
            for (uint32_t o = esc_bitset_next(&s->delta, s->nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&s->delta, s->nwords, o + 1))
                add_to_node(s, content_node(s, o), &s->source);
            break;
        }
    }
}

/* What is known before any statement runs: parameters point to their
   caller's memory, statics to static-reachable memory, and abstract memory
   contains pointers to more of itself. */
static void seed_entry(struct solver *s)
{
    const struct esc_function *fn = s->fn;
    for (uint32_t i = 0; i < fn->nparams; i++) {
        const struct esc_param *p = &fn->params[i];
        if (p->value != ESC_NONE)
            seed(s, value_node(s, p->value), p->caller);
        if (p->object != ESC_NONE)
            seed(s, content_node(s, p->object), p->caller);
    }
    for (uint32_t o = 0; o < fn->nobjects; o++) {
        switch (fn->objects[o].kind) {
        case ESC_OBJ_STATIC:
            if (!(fn->objects[o].flags & ESC_OBJF_KNOWN_CONTENTS))
                seed(s, content_node(s, o), fn->objects[o].companion);
            break;
        case ESC_OBJ_CALLER: {
            /* Memory behind a parameter holds pointers one level deeper,
               down to a last level that holds more of itself.  A level is
               not assumed to point back to a shallower one (l->peer is
               taken to be another object than l): that would tie every
               load from the caller's memory to every store into it. */
            const struct esc_param *p = &fn->params[fn->objects[o].param];
            uint32_t next = fn->objects[o].companion;
            seed(s, content_node(s, o), next != ESC_NONE ? next : p->deeper);
            break;
        }
        case ESC_OBJ_STATIC_REACH:
        case ESC_OBJ_UNKNOWN:
            seed(s, content_node(s, o), o);
            break;
        default:
            break;
        }
    }
}

/* A flow p = q, p = x or x = q with nothing excluded: its destination's
   set includes its source's, both nodes known before solving. */
static bool is_copy(const struct esc_flow *f, uint32_t nvalues, uint32_t *from, uint32_t *to)
{
    if (f->exclude != ESC_NONE)
        return false;
    if (f->src.kind == ESC_OPND_VALUE)
        *from = f->src.id;
    else if (f->src.kind == ESC_OPND_MEM)
        *from = nvalues + f->src.id;
    else
        return false;
    if (f->dst.kind == ESC_OPND_VALUE)
        *to = f->dst.id;
    else if (f->dst.kind == ESC_OPND_MEM)
        *to = nvalues + f->dst.id;
    else
        return false;
    return true;
}

/* Number the nodes' cycles of copies, sources first, and pick one node
   of each cycle to hold its set. */
static void order_copies(struct solver *s, uint32_t nnodes)
{
    const struct esc_flows *flows = s->flows;
    uint32_t nvalues = s->pt->nvalues;
    uint32_t *start = esc_xcalloc(nnodes + 2, sizeof *start);
    uint32_t from, to, nedges = 0;
    /* Edges go from a copy's destination to its source, so that Tarjan's
       numbering, callees first, puts sources first. */
    for (uint32_t i = 0; i < flows->n; i++)
        if (is_copy(&flows->items[i], nvalues, &from, &to)) {
            start[to + 2]++;
            nedges++;
        }
    for (uint32_t n = 0; n < nnodes; n++)
        start[n + 2] += start[n + 1];
    uint32_t *adj = esc_xmalloc((nedges + 1) * sizeof *adj);
    for (uint32_t i = 0; i < flows->n; i++)
        if (is_copy(&flows->items[i], nvalues, &from, &to))
            adj[start[to + 1]++] = from;
    struct esc_graph g = {.n = nnodes, .start = start, .adj = adj};
    esc_scc(&g, s->rank);
    uint32_t ncomp = 0;
    for (uint32_t n = 0; n < nnodes; n++)
        if (s->rank[n] + 1 > ncomp)
            ncomp = s->rank[n] + 1;
    uint32_t *holder = esc_xmalloc((ncomp + 1) * sizeof *holder);
    for (uint32_t c = 0; c < ncomp; c++)
        holder[c] = ESC_NONE;
    for (uint32_t n = 0; n < nnodes; n++) {
        if (holder[s->rank[n]] == ESC_NONE)
            holder[s->rank[n]] = n;
        s->rep[n] = holder[s->rank[n]];
    }
    free(holder);
    free(adj);
    free(start);
}

void esc_pointsto_solve(const struct esc_function *fn, const struct esc_flows *flows,
                        struct esc_pointsto *pt)
{
    pt->nvalues = fn->nvalues;
    pt->nobjects = fn->nobjects;
    pt->nwords = esc_bitset_words(fn->nobjects);
    uint32_t nnodes = fn->nvalues + fn->nobjects;
    pt->sets = esc_xcalloc(nnodes, sizeof *pt->sets);

    struct solver s = {.fn = fn, .flows = flows, .pt = pt, .nwords = pt->nwords};
    s.rep = esc_xmalloc((nnodes + 1) * sizeof *s.rep);
    s.rank = esc_xmalloc((nnodes + 1) * sizeof *s.rank);
    order_copies(&s, nnodes);
    s.readers = esc_xcalloc(nnodes, sizeof *s.readers);
    s.done = esc_xcalloc(nnodes, sizeof *s.done);
    s.heap = esc_xmalloc((nnodes + 1) * sizeof *s.heap);
    s.queued = esc_xcalloc(nnodes, sizeof *s.queued);

    for (uint32_t i = 0; i < flows->n; i++) {
        const struct esc_flow *f = &flows->items[i];
        uint32_t from, to;
        if (is_copy(f, fn->nvalues, &from, &to) && s.rep[from] == s.rep[to])
            continue; /* inside a cycle: one set */
        if (f->src.kind == ESC_OPND_VALUE)
            add_reader(&s, value_node(&s, f->src.id), i, READ_SOURCE);
        else if (f->src.kind == ESC_OPND_MEM)
            add_reader(&s, content_node(&s, f->src.id), i, READ_SOURCE);
        else if (f->src.kind == ESC_OPND_DEREF)
            add_reader(&s, value_node(&s, f->src.id), i, READ_LOAD);
        if (f->dst.kind == ESC_OPND_DEREF)
            add_reader(&s, value_node(&s, f->dst.id), i, READ_STORE);
    }
    seed_entry(&s);
    /* Sources that need no set: an address, or unknown memory. */
    for (uint32_t i = 0; i < flows->n; i++) {
        const struct esc_flow *f = &flows->items[i];
        if (f->src.kind == ESC_OPND_ADDR || f->src.kind == ESC_OPND_UNKNOWN) {
            read_source(&s, f, &s.source);
            push(&s, i, &s.source);
        }
    }
    while (s.nheap)
        propagate(&s, dequeue(&s));

    /* Every member of a cycle gets its own copy of the cycle's set. */
    for (uint32_t n = 0; n < nnodes; n++)
        if (s.rep[n] != n)
            esc_bitset_union(&pt->sets[n], &pt->sets[s.rep[n]], pt->nwords);

    for (uint32_t i = 0; i < nnodes; i++) {
        free(s.readers[i].items);
        esc_bitset_free(&s.done[i]);
    }
    free(s.readers);
    free(s.done);
    free(s.heap);
    free(s.queued);
    free(s.rep);
    free(s.rank);
    esc_bitset_free(&s.delta);
    esc_bitset_free(&s.source);
    esc_bitset_free(&s.masked);
}

void esc_pointsto_free(struct esc_pointsto *pt)
{
    if (!pt->sets)
        return;
    for (uint32_t i = 0; i < pt->nvalues + pt->nobjects; i++)
        esc_bitset_free(&pt->sets[i]);
    free(pt->sets);
    pt->sets = NULL;
}
