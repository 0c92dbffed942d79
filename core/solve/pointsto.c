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
    uint32_t *rep;  /* per node: the node of its cycle of copies that holds the set */
    uint32_t *rank; /* per node: its place in the topological order of copies */
    /* Per representative node, the flows that read it: known before
       solving (CSR: items[start[n]..start[n + 1])), and hooked while
       solving (loads through pointers; allocated on the first hook). */
    uint32_t *start, *items;
    struct reader_list *hooked;
    /* Per node: what was pushed from it already, from a pool freed at
       once (a calloc and a free per node cost more than the solving on
       most functions). */
    struct esc_bitset *done;
    struct esc_word_pool done_pool;
    uint32_t *heap; /* queued nodes, lowest rank first */
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

static void hook_reader(struct solver *s, uint32_t node, uint32_t flow)
{
    if (!s->hooked)
        s->hooked = esc_xcalloc(s->pt->nvalues + s->pt->nobjects, sizeof *s->hooked);
    struct reader_list *r = &s->hooked[node];
    *ESC_PUSH(r->items, r->n, r->cap) = flow << ROLE_BITS | READ_SOURCE;
}

/* NWORDS zeroed words from POOL. */
static uint64_t *pool_words(struct esc_word_pool *pool, uint32_t nwords)
{
    if (pool->left < nwords) {
        /* 16 sets, then twice as many each time, up to 1024. */
        size_t n = nwords * ((size_t)16 << (pool->nchunks < 6 ? pool->nchunks : 6));
        pool->chunk = esc_xcalloc(n, sizeof *pool->chunk);
        pool->left = n;
        *ESC_PUSH(pool->chunks, pool->nchunks, pool->cap_chunks) = pool->chunk;
    }
    uint64_t *w = pool->chunk;
    pool->chunk += nwords;
    pool->left -= nwords;
    return w;
}

static void pool_free(struct esc_word_pool *pool)
{
    for (uint32_t i = 0; i < pool->nchunks; i++)
        free(pool->chunks[i]);
    free(pool->chunks);
    memset(pool, 0, sizeof *pool);
}

/* NODE's set, ready to take what SET holds: its words come from the
   points-to sets' pool when it gets its first object (a calloc and a free
   for each of sqlite3.c's 127,000 sets cost 30 million instructions).
   NULL when SET is empty and NODE's set has no words yet. */
static struct esc_bitset *node_set(struct esc_pointsto *pt, uint32_t node,
                                   const struct esc_bitset *set)
{
    struct esc_bitset *dst = &pt->sets[node];
    if (!dst->words) {
        if (set && esc_bitset_empty(set, pt->nwords))
            return NULL;
        dst->words = pool_words(&pt->pool, pt->nwords);
    }
    return dst;
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
    struct esc_bitset *dst = node_set(s->pt, node, set);
    if (dst && esc_bitset_union(dst, set, s->nwords))
        enqueue(s, node);
}

static void seed(struct solver *s, uint32_t node, uint32_t obj)
{
    if (esc_bitset_add(node_set(s->pt, node, NULL), obj, s->nwords))
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
        done->words = pool_words(&s->done_pool, s->nwords);
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
    uint32_t nstatic = s->start[node + 1] - s->start[node];
    /* Hooking a load may add readers to NODE's own list (contents(o) in
       a cycle with v): index, not pointer. */
    for (uint32_t i = 0; i < nstatic + (s->hooked ? s->hooked[node].n : 0); i++) {
        uint32_t item =
            i < nstatic ? s->items[s->start[node] + i] : s->hooked[node].items[i - nstatic];
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
                hook_reader(s, c, id);
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

/* Below this many flows the copies are not ordered: the chains and
   cycles that make the order matter are long ones, and on a small
   function computing it costs more than it saves. */
#define ORDER_MIN_FLOWS 64

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

/* The nodes flow ID reads, known before solving, and how: at most two
   (its source, or the v of a source *v, and the v of a destination *v). */
static uint32_t static_readers(const struct solver *s, uint32_t id, uint32_t *node, uint32_t *item)
{
    const struct esc_flow *f = &s->flows->items[id];
    uint32_t from, to, k = 0;
    if (is_copy(f, s->pt->nvalues, &from, &to) && s->rep[from] == s->rep[to])
        return 0; /* inside a cycle: one set */
    if (f->src.kind == ESC_OPND_VALUE || f->src.kind == ESC_OPND_DEREF) {
        node[k] = value_node(s, f->src.id);
        item[k++] = id << ROLE_BITS | (f->src.kind == ESC_OPND_DEREF ? READ_LOAD : READ_SOURCE);
    } else if (f->src.kind == ESC_OPND_MEM) {
        node[k] = content_node(s, f->src.id);
        item[k++] = id << ROLE_BITS | READ_SOURCE;
    }
    if (f->dst.kind == ESC_OPND_DEREF) {
        node[k] = value_node(s, f->dst.id);
        item[k++] = id << ROLE_BITS | READ_STORE;
    }
    return k;
}

void esc_pointsto_solve(const struct esc_function *fn, const struct esc_flows *flows,
                        struct esc_pointsto *pt)
{
    pt->nvalues = fn->nvalues;
    pt->nobjects = fn->nobjects;
    pt->nwords = esc_bitset_words(fn->nobjects);
    uint32_t nnodes = fn->nvalues + fn->nobjects;
    pt->sets = esc_xcalloc(nnodes, sizeof *pt->sets);
    pt->pool = (struct esc_word_pool){0};

    struct solver s = {.fn = fn, .flows = flows, .pt = pt, .nwords = pt->nwords};
    /* One block for the per-node arrays: most functions are small, and
       their solving cost less than a dozen allocations. */
    size_t n1 = (size_t)nnodes + 2;
    uint32_t *block = esc_xcalloc(4 * n1, sizeof *block);
    s.rep = block;
    s.rank = block + n1;
    s.heap = block + 2 * n1;
    s.start = block + 3 * n1;
    s.done = esc_xcalloc(nnodes + 1, sizeof *s.done + sizeof *s.queued);
    s.queued = (bool *)(s.done + nnodes + 1);
    if (flows->n >= ORDER_MIN_FLOWS)
        order_copies(&s, nnodes);
    else
        for (uint32_t n = 0; n < nnodes; n++)
            s.rep[n] = n; /* ranks 0: taken out in any order */

    /* The readers known before solving: counted, then placed. */
    for (int fill = 0; fill < 2; fill++) {
        for (uint32_t i = 0; i < flows->n; i++) {
            uint32_t node[2], item[2], k = static_readers(&s, i, node, item);
            for (uint32_t j = 0; j < k; j++) {
                if (fill)
                    s.items[s.start[node[j] + 1]++] = item[j];
                else
                    s.start[node[j] + 2]++;
            }
        }
        if (!fill) {
            for (uint32_t n = 0; n < nnodes; n++)
                s.start[n + 2] += s.start[n + 1];
            s.items = esc_xmalloc((s.start[nnodes + 1] + 1) * sizeof *s.items);
        }
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
    for (uint32_t n = 0; n < nnodes; n++) {
        struct esc_bitset *set = s.rep[n] != n ? node_set(pt, n, &pt->sets[s.rep[n]]) : NULL;
        if (set)
            esc_bitset_union(set, &pt->sets[s.rep[n]], pt->nwords);
    }

    for (uint32_t i = 0; s.hooked && i < nnodes; i++)
        free(s.hooked[i].items);
    free(s.hooked);
    free(s.items);
    pool_free(&s.done_pool);
    free(s.done);
    free(block);
    esc_bitset_free(&s.delta);
    esc_bitset_free(&s.source);
    esc_bitset_free(&s.masked);
}

void esc_pointsto_free(struct esc_pointsto *pt)
{
    if (!pt->sets)
        return;
    pool_free(&pt->pool); /* the sets' words */
    free(pt->sets);
    pt->sets = NULL;
}
