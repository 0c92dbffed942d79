/* pointsto.c - flow-insensitive points-to sets of one function's values and objects. */
#include "core/solve/pointsto.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* Andersen-style inclusion constraints solved with a worklist of flows.

   Each flow is re-evaluated only when a set it reads grows.  What a flow
   reads is mostly static (its source value, the object it loads by name,
   the base value of a dereference), but a load through a pointer, *v,
   also reads contents(o) for every o in pts(v), which is only known while
   solving: those readers are registered as pts(v) grows.  Sets only grow
   and are bounded by the object count, so the iteration terminates. */

struct reader_list {
    uint32_t n, cap;
    uint32_t *flows;
};

struct solver {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    struct esc_pointsto *pt;
    struct reader_list *readers;   /* per node: flows to re-run when it grows */
    struct esc_bitset *registered; /* per flow with a *v source: objects already hooked */
    uint32_t *queue;
    bool *queued;
    uint32_t head, count;
    struct esc_bitset scratch;
};

static uint32_t value_node(const struct solver *s, uint32_t v)
{
    (void)s;
    return v;
}

static uint32_t content_node(const struct solver *s, uint32_t o)
{
    return s->pt->nvalues + o;
}

static void add_reader(struct solver *s, uint32_t node, uint32_t flow)
{
    struct reader_list *r = &s->readers[node];
    *ESC_PUSH(r->flows, r->n, r->cap) = flow;
}

static void enqueue(struct solver *s, uint32_t flow)
{
    if (s->queued[flow])
        return;
    s->queued[flow] = true;
    uint32_t n = s->flows->n;
    s->queue[(s->head + s->count) % n] = flow;
    s->count++;
}

static void grew(struct solver *s, uint32_t node)
{
    const struct reader_list *r = &s->readers[node];
    for (uint32_t i = 0; i < r->n; i++)
        enqueue(s, r->flows[i]);
}

static void add_to_node(struct solver *s, uint32_t node, const struct esc_bitset *set)
{
    if (esc_bitset_union(&s->pt->sets[node], set, s->pt->nwords))
        grew(s, node);
}

static void seed(struct solver *s, uint32_t node, uint32_t obj)
{
    esc_bitset_add(&s->pt->sets[node], obj, s->pt->nwords);
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

static void evaluate(struct solver *s, uint32_t id)
{
    const struct esc_flow *f = &s->flows->items[id];
    struct esc_pointsto *pt = s->pt;
    uint32_t unknown = s->fn->unknown_object;

    /* Hook this flow to the contents of every object its *v source reads. */
    if (f->src.kind == ESC_OPND_DEREF) {
        const struct esc_bitset *base = esc_pts(pt, f->src.id);
        for (uint32_t o = esc_bitset_next(base, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, pt->nwords, o + 1))
            if (esc_flow_reads_object(s->fn, f->flags, o) &&
                esc_bitset_add(&s->registered[id], o, pt->nwords))
                add_reader(s, content_node(s, o), id);
    }

    clear(&s->scratch, pt->nwords);
    if (f->src.kind == ESC_OPND_UNKNOWN)
        esc_bitset_add(&s->scratch, unknown, pt->nwords);
    else
        esc_pointsto_read_flow(s->fn, pt, f, &s->scratch);
    if (f->exclude != ESC_NONE)
        esc_bitset_remove(&s->scratch, f->exclude);
    if (esc_bitset_empty(&s->scratch, pt->nwords))
        return;

    switch (f->dst.kind) {
    case ESC_OPND_VALUE:
        add_to_node(s, value_node(s, f->dst.id), &s->scratch);
        break;
    case ESC_OPND_MEM:
        add_to_node(s, content_node(s, f->dst.id), &s->scratch);
        break;
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(pt, f->dst.id);
        for (uint32_t o = esc_bitset_next(base, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, pt->nwords, o + 1))
            add_to_node(s, content_node(s, o), &s->scratch);
        break;
    }
    default:
        break;
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

void esc_pointsto_solve(const struct esc_function *fn, const struct esc_flows *flows,
                        struct esc_pointsto *pt)
{
    pt->nvalues = fn->nvalues;
    pt->nobjects = fn->nobjects;
    pt->nwords = esc_bitset_words(fn->nobjects);
    uint32_t nnodes = fn->nvalues + fn->nobjects;
    pt->sets = esc_xcalloc(nnodes, sizeof *pt->sets);

    struct solver s = {.fn = fn, .flows = flows, .pt = pt};
    s.readers = esc_xcalloc(nnodes, sizeof *s.readers);
    s.registered = esc_xcalloc(flows->n, sizeof *s.registered);
    s.queue = esc_xmalloc(flows->n * sizeof *s.queue);
    s.queued = esc_xcalloc(flows->n, sizeof *s.queued);

    for (uint32_t i = 0; i < flows->n; i++) {
        const struct esc_flow *f = &flows->items[i];
        if (f->src.kind == ESC_OPND_VALUE || f->src.kind == ESC_OPND_DEREF)
            add_reader(&s, value_node(&s, f->src.id), i);
        else if (f->src.kind == ESC_OPND_MEM)
            add_reader(&s, content_node(&s, f->src.id), i);
        if (f->dst.kind == ESC_OPND_DEREF)
            add_reader(&s, value_node(&s, f->dst.id), i);
    }
    seed_entry(&s);
    for (uint32_t i = 0; i < flows->n; i++)
        enqueue(&s, i);
    while (s.count) {
        uint32_t id = s.queue[s.head];
        s.head = (s.head + 1) % flows->n;
        s.count--;
        s.queued[id] = false;
        evaluate(&s, id);
    }

    for (uint32_t i = 0; i < nnodes; i++)
        free(s.readers[i].flows);
    for (uint32_t i = 0; i < flows->n; i++)
        esc_bitset_free(&s.registered[i]);
    free(s.readers);
    free(s.registered);
    free(s.queue);
    free(s.queued);
    esc_bitset_free(&s.scratch);
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
