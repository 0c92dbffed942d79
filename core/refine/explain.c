/* explain.c - the shortest feasible flow path that carries an address to where it escapes. */
#include "core/refine/explain.h"
#include "core/base/budget.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* The points-to sets are flow-insensitive: once `g_top = &frame` stores
   into g_top, every load of g_top anywhere in the function may yield
   &frame, even one that runs before the store.  That is what makes
   `prev = g_top; g_top = &frame; ...; g_top = prev;` look like an escape
   through prev.  So a finding must be backed by a path that could really
   happen: whenever the path goes through memory (a store, then a later
   load or copy of that memory), the store must reach the reading statement
   in the CFG without being overwritten on the way.

   Nor undone on the way: a path from the store also ends where the
   reload family of refinements says the place holds something else,
   as the OVERWRITE walk to a return asks them (refine-list.h): at a
   store through a pointer read again from the same unchanged place
   (RELOADED), and on the edge where such a pointer, tested, would be
   null (RELOAD_NULL).  nginx's ngx_event_recvmsg loops over
   `c->udp->buffer = &buf; rev->handler (rev); if (c->udp)
   c->udp->buffer = NULL;`: the next round's loads of memory the
   field-insensitive sets take for c->udp's come after the undo, and
   read no &buf.  Most stores cannot be undone that way (their pointer
   is not read from memory, or nothing else reads that place again):
   reloaded.c's index says so before the walk, and they walk as before,
   so the cost stays with the few that can.  Which stores ask is a fact
   of the function, not of the order in which findings are judged.  Not
   asked: a call whose summary writes the place (RESTORE), a test of the
   place itself (PLACE_TESTED: a call after it, handed the object, may
   store the address again, which the flows do not follow), an edge
   that contradicts the store's facts or finds its out-parameter null
   (CORRELATED, BASE_NULL); a load after such an undo still seems to
   read the address (docs/limits.md).

   The search is a breadth-first search over states.  A state is a value,
   or the contents of an object together with the statement that wrote the
   address there (memory remembers who stored into it; values are SSA and
   need no such care). */

struct search;
static void search_free(struct search *s);

struct esc_explainer {
    struct esc_refine *refine; /* whose reload family ends a store's reach, or NULL */
    const struct esc_function *fn;
    const struct esc_flows *flows;
    const struct esc_pointsto *pt;
    struct search **searches; /* per object, created on first use */
    uint32_t nnodes;
    uint32_t *reader_start; /* CSR: flows reading node n are reader_flow[start[n]..start[n+1]) */
    uint32_t *reader_flow;
    /* CSR: flows whose source is &o are addr_flow[addr_start[o]..addr_start[o+1]),
       built with the first search (one scan of the flows per object cost
       the square of a function with thousands of address-taken locals). */
    uint32_t *addr_start, *addr_flow;
    struct esc_u64map reach_cache; /* (writer flow, reading statement) -> reaches? */
    uint32_t *root;                /* per value: esc_value_root, asked for every pair */
    /* Per value: esc_value_base, the root through constant offsets
       (`&p->f`) and that offset, or ESC_NONE when an amount is unknown. */
    uint32_t *base;
    int64_t *shift;
    uint32_t *reach_index; /* per writer flow: 1 + its index in reach_sets, 0 before */
    struct reach_set *reach_sets;
    uint32_t nreach_sets, cap_reach_sets;
    struct esc_u64map point_cache; /* (object, value) -> 1 + may the value point to it */
    uint32_t point_depth;          /* may_point questions asked one inside the other */
};

/* The statements what a writer stored can still be read at (or all of
   them).  One walk per writer answers every reader; a function with many
   stores and many loads of the same memory (sqlite3VdbeExec: 1,500
   blocks, 50,000 store-reader pairs) would otherwise walk its CFG once
   per pair. */
struct reach_set {
    bool all;
    struct esc_bitset stmts;
};

/* Cached sets take nstmts bits each; past this many bytes in all, the
   remaining pairs are walked one by one (and cached as pairs). */
#define REACH_SET_BUDGET (32u << 20)

struct state {
    uint32_t node;
    uint32_t flow;   /* the flow that put the address here */
    uint32_t parent; /* previous state, or ESC_NONE for the address-of */
};

static bool is_content(const struct esc_pointsto *pt, uint32_t node)
{
    return node >= pt->nvalues;
}

/* The nodes an operand names, read or written: a value, an object's
   contents, or for *v the contents of everything v points to. */
static uint32_t operand_nodes(const struct esc_function *fn, const struct esc_pointsto *pt,
                              const struct esc_operand *op, uint8_t flags, uint32_t *out)
{
    uint32_t n = 0;
    switch (op->kind) {
    case ESC_OPND_VALUE:
        out[n++] = op->id;
        break;
    case ESC_OPND_MEM:
        out[n++] = pt->nvalues + op->id;
        break;
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(pt, op->id);
        for (uint32_t o = esc_bitset_next(base, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, pt->nwords, o + 1))
            if (esc_flow_reads_object(fn, flags, o))
                out[n++] = pt->nvalues + o;
        break;
    }
    default:
        break;
    }
    return n;
}

struct esc_explainer *esc_explainer_new(const struct esc_function *fn,
                                        const struct esc_flows *flows,
                                        const struct esc_pointsto *pt, struct esc_refine *r)
{
    struct esc_explainer *ex = esc_xcalloc(1, sizeof *ex);
    ex->refine = r;
    ex->fn = fn;
    ex->flows = flows;
    ex->pt = pt;
    ex->nnodes = pt->nvalues + pt->nobjects;
    uint32_t *nodes = esc_xmalloc((pt->nobjects + 1) * sizeof *nodes);
    ex->reader_start = esc_xcalloc(ex->nnodes + 1, sizeof *ex->reader_start);
    for (uint32_t i = 0; i < flows->n; i++) {
        uint32_t k = operand_nodes(fn, pt, &flows->items[i].src, flows->items[i].flags, nodes);
        for (uint32_t j = 0; j < k; j++)
            ex->reader_start[nodes[j] + 1]++;
    }
    for (uint32_t n = 0; n < ex->nnodes; n++)
        ex->reader_start[n + 1] += ex->reader_start[n];
    ex->reader_flow = esc_xmalloc((ex->reader_start[ex->nnodes] + 1) * sizeof *ex->reader_flow);
    uint32_t *fill = esc_xmalloc((ex->nnodes + 1) * sizeof *fill);
    for (uint32_t n = 0; n < ex->nnodes; n++)
        fill[n] = ex->reader_start[n];
    for (uint32_t i = 0; i < flows->n; i++) {
        uint32_t k = operand_nodes(fn, pt, &flows->items[i].src, flows->items[i].flags, nodes);
        for (uint32_t j = 0; j < k; j++)
            ex->reader_flow[fill[nodes[j]]++] = i;
    }
    free(fill);
    free(nodes);
    ex->root = esc_xmalloc((fn->nvalues + 1) * sizeof *ex->root);
    ex->base = esc_xmalloc((fn->nvalues + 1) * sizeof *ex->base);
    ex->shift = esc_xmalloc((fn->nvalues + 1) * sizeof *ex->shift);
    for (uint32_t v = 0; v < fn->nvalues; v++) {
        ex->root[v] = esc_value_root(fn, v);
        if (!esc_value_base(fn, v, &ex->base[v], &ex->shift[v]))
            ex->base[v] = ESC_NONE;
    }
    ex->reach_index = esc_xcalloc(flows->n + 1, sizeof *ex->reach_index);
    return ex;
}

void esc_explainer_free(struct esc_explainer *ex)
{
    if (!ex)
        return;
    if (ex->searches)
        for (uint32_t o = 0; o < ex->pt->nobjects; o++)
            search_free(ex->searches[o]);
    free(ex->searches);
    free(ex->reader_start);
    free(ex->reader_flow);
    free(ex->addr_start);
    free(ex->addr_flow);
    esc_u64map_free(&ex->reach_cache);
    free(ex->root);
    free(ex->base);
    free(ex->shift);
    free(ex->reach_index);
    for (uint32_t i = 0; i < ex->nreach_sets; i++)
        esc_bitset_free(&ex->reach_sets[i].stmts);
    free(ex->reach_sets);
    esc_u64map_free(&ex->point_cache);
    free(ex);
}

static bool exact(const struct esc_operand *op)
{
    return op->offset != ESC_UNKNOWN_OFFSET && op->size > 0;
}

/* May the bytes a flow wrote (W) be the bytes another reads (R)?  Objects
   have one points-to set each (and all memory behind a parameter is one
   object), so two finer tests are made here:
   - both accesses name the same object, or go through the same SSA
     pointer, at constant extents that do not overlap: different fields,
     `db->pnBytesFreed = &n` does not feed `db->lookaside.pStart`;
   - C's aliasing rules: a `struct a *` stored is not read back as a
     `struct b *` (type_key, filled by the front end; void *, char *,
     unions and aggregates match anything). */
static bool may_overlap(const struct esc_explainer *ex, const struct esc_operand *w,
                        const struct esc_operand *r)
{
    if (w->type_key && r->type_key && w->type_key != r->type_key)
        return false;
    if (w->kind != r->kind || !exact(w) || !exact(r))
        return true;
    int64_t wat = w->offset, rat = r->offset;
    if (w->kind == ESC_OPND_DEREF && ex->base[w->id] != ESC_NONE &&
        ex->base[w->id] == ex->base[r->id]) {
        /* Through one pointer at known offsets: `&(*q)[1]` is q + 8. */
        wat += ex->shift[w->id];
        rat += ex->shift[r->id];
    } else if (w->kind == ESC_OPND_DEREF ? ex->root[w->id] != ex->root[r->id] : w->id != r->id) {
        return true;
    }
    return wat < rat + r->size && rat < wat + w->size;
}

/* A walk from a store that the reload family may end (see the top). */
struct undo_walk {
    struct esc_refine *r;
    struct esc_stored_place place;
};

static bool undone_at(void *ctx, uint32_t stmt)
{
    struct undo_walk *w = ctx;
    return esc_reload_undo_stmt(w->r, stmt) && esc_reload_undoes(w->r, &w->place, stmt);
}

static bool undone_on(void *ctx, uint32_t from, uint32_t to)
{
    struct undo_walk *w = ctx;
    return esc_reload_null_edge(w->r, &w->place, from, to);
}

/* Can what flow WRITER stored still be there at statement TARGET, or
   (REACHED not NULL) at which statements?  overwrite.c's walk, asking
   the reload family only where reloaded.c's index says it may answer. */
static bool writer_reaches(struct esc_explainer *ex, uint32_t writer, uint32_t target,
                           struct esc_bitset *reached)
{
    const struct esc_flow *f = &ex->flows->items[writer];
    const struct esc_operand *loc = esc_flow_store_location(ex->fn, f);
    bool stmts = false, edges = false;
    if (ex->refine)
        esc_reload_undo_candidates(ex->refine, loc, &stmts, &edges);
    struct undo_walk w = {ex->refine, {.flow = writer, .loc = loc}};
    bool reaches = esc_store_reaches_undone(ex->fn, f->stmt, loc, target, stmts ? undone_at : NULL,
                                            edges ? undone_on : NULL, &w, reached);
    esc_stored_place_release(&w.place);
    return reaches;
}

/* WRITER's reach set, walked on first use; NULL once the budget is spent. */
static const struct reach_set *reach_set_of(struct esc_explainer *ex, uint32_t writer)
{
    if (ex->reach_index[writer])
        return &ex->reach_sets[ex->reach_index[writer] - 1];
    uint64_t bytes = (uint64_t)esc_bitset_words(ex->fn->nstmts) * sizeof(uint64_t);
    if ((ex->nreach_sets + 1) * bytes > REACH_SET_BUDGET)
        return NULL;
    struct reach_set *rs = ESC_PUSH(ex->reach_sets, ex->nreach_sets, ex->cap_reach_sets);
    rs->stmts = (struct esc_bitset){0};
    rs->all = writer_reaches(ex, writer, ESC_NONE, &rs->stmts);
    ex->reach_index[writer] = ex->nreach_sets;
    return rs;
}

/* Can what flow WRITER stored still be there, in the memory flow READER
   reads, when READER runs? */
static bool stored_reaches(struct esc_explainer *ex, uint32_t writer, uint32_t reader)
{
    const struct esc_flow *f = &ex->flows->items[writer];
    const struct esc_flow *r = &ex->flows->items[reader];
    if (!may_overlap(ex, &f->dst, &r->src))
        return false;
    if (ex->fn->stmts[r->stmt].block == ESC_NONE)
        return true; /* a front-end fact: reached by anything */
    const struct reach_set *rs = reach_set_of(ex, writer);
    if (rs)
        return rs->all || esc_bitset_has(&rs->stmts, r->stmt);
    uint64_t key = (uint64_t)writer << 32 | reader;
    uint32_t *cached = esc_u64map_get(&ex->reach_cache, key);
    if (cached)
        return *cached;
    bool reaches = writer_reaches(ex, writer, r->stmt, NULL);
    esc_u64map_put(&ex->reach_cache, key, reaches);
    return reaches;
}

static struct esc_step make_step(const struct esc_function *fn, const struct esc_flow *f)
{
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    /* A PHI has no place in the source; the assignment on its incoming
       edge does (for merged returns, the original return statement). */
    struct esc_loc loc = s->loc;
    if (s->kind == ESC_STMT_PHI && s->arg_locs && f->arg && s->arg_locs[f->arg - 1].line)
        loc = s->arg_locs[f->arg - 1];
    return (struct esc_step){
        .reason = f->reason,
        .arg = f->arg,
        .level = f->level,
        .stmt = f->stmt,
        .loc = loc,
        .dst = f->dst,
        .src = f->src,
        .callee = s->kind == ESC_STMT_CALL ? s->callee : NULL,
    };
}

/* A step of a search that waits for a question about the search's own
   object: may VALUE point to it?  FLOW, from state PARENT, reads through
   VALUE (NODE ESC_NONE) or stores through it into NODE. */
struct waiter {
    uint32_t flow, parent, node;
    uint32_t next; /* 1 + the next waiter of the same list, or 0 */
};

/* One object's breadth-first search, kept between queries: states are
   numbered in BFS order, so the first state that feeds a target is the
   end of the shortest path, whenever it was found.  A later query looks
   among the states found so far, then resumes the search; each object's
   search runs at most once in all.

   A step through a pointer asks whether the pointer may point to the
   memory it reads or writes, and that memory can be the searched object
   itself: nginx's geo block copies `memcpy (ctx.high.low[i], a->elts,
   len)` where a is loaded from memory the copy itself may have filled
   with ctx's own pointers.  Answered "may" while the search runs, the
   copy would justify itself.  Such a step waits instead until the search
   reaches the pointer, so that every state has a path that starts at the
   address-of (the least solution: an address never carries itself in). */
struct search {
    struct esc_explainer *ex;
    uint32_t obj;
    struct state *states;
    uint32_t nstates, cap;
    uint32_t *prev_same;       /* per state: the previous state at the same node */
    uint32_t head;             /* the next state to expand */
    struct esc_u64map seen;    /* (node, writing statement) -> state */
    struct esc_u64map by_node; /* node -> 1 + its latest state */
    struct esc_bitset pushed;  /* flows whose states were queued (see push_states) */
    uint32_t *nodes;
    /* Being expanded: a question about it from another search is
       answered "may", and one from inside waits (see above). */
    bool running;
    struct waiter *waiters;
    uint32_t nwaiters, cap_waiters;
    struct esc_u64map waiting; /* value node -> 1 + the first of its waiters, or 0 */
    uint32_t ready;            /* 1 + the first waiter whose value was reached, or 0 */
};

static void add_state(struct search *s, struct state st)
{
    esc_budget_keep(ESC_BUDGET_STATE_BYTES);
    uint32_t cap = s->cap;
    *ESC_PUSH(s->states, s->nstates, s->cap) = st;
    if (s->cap != cap)
        s->prev_same = esc_xrealloc(s->prev_same, s->cap * sizeof *s->prev_same);
    uint32_t *latest = esc_u64map_get(&s->by_node, st.node);
    s->prev_same[s->nstates - 1] = latest ? *latest - 1 : ESC_NONE;
    esc_u64map_put(&s->by_node, st.node, s->nstates);
    uint32_t *first = s->nwaiters ? esc_u64map_get(&s->waiting, st.node) : NULL;
    if (first && *first) {
        /* The value is reached: its waiters are woken by expand_next. */
        uint32_t last = *first - 1;
        while (s->waiters[last].next)
            last = s->waiters[last].next - 1;
        s->waiters[last].next = s->ready;
        s->ready = *first;
        *first = 0;
    }
}

/* Is OBJ this search's own object, asked about from inside its search?
   Then the question waits until VALUE is reached (see struct search). */
static bool own_question(const struct search *s, uint32_t value, uint32_t obj)
{
    return obj == s->obj && s->running && !esc_u64map_get(&s->by_node, value);
}

static void wait_for(struct search *s, uint32_t value, uint32_t flow, uint32_t parent,
                     uint32_t node)
{
    uint32_t *first = esc_u64map_get(&s->waiting, value);
    uint32_t next = first ? *first : 0;
    *ESC_PUSH(s->waiters, s->nwaiters, s->cap_waiters) =
        (struct waiter){.flow = flow, .parent = parent, .node = node, .next = next};
    esc_u64map_put(&s->waiting, value, s->nwaiters);
}

static bool may_point(struct esc_explainer *ex, uint32_t value, uint32_t obj);

/* Has flow FI queued its states already?  What a flow creates does not
   depend on the state it is reached from, only its parent does, and the
   first parent is the one on a shortest path: a flow is pushed once.
   sqlite3VdbeExec's contents are read by thousands of loads each, so this
   saves millions of repeated pushes that would find every state seen. */
static bool pushed(const struct search *s, uint32_t fi)
{
    return esc_bitset_has(&s->pushed, fi);
}

/* Queue the states flow FI creates from PARENT. */
static void push_states(struct search *s, uint32_t fi, uint32_t parent)
{
    const struct esc_pointsto *pt = s->ex->pt;
    const struct esc_flow *f = &s->ex->flows->items[fi];
    if (f->exclude == s->obj || pushed(s, fi))
        return;
    esc_bitset_add(&s->pushed, fi, esc_bitset_words(s->ex->flows->n));
    uint32_t k = operand_nodes(s->ex->fn, pt, &f->dst, 0, s->nodes);
    uint32_t *nodes = s->nodes;
    if (f->dst.kind == ESC_OPND_DEREF && k) {
        /* may_point may search too, and reuse s->nodes. */
        nodes = esc_xmalloc(k * sizeof *nodes);
        memcpy(nodes, s->nodes, k * sizeof *nodes);
    }
    for (uint32_t j = 0; j < k; j++) {
        uint32_t d = nodes[j];
        if (!esc_bitset_has(&pt->sets[d], s->obj))
            continue;
        if (f->dst.kind == ESC_OPND_DEREF && own_question(s, f->dst.id, d - pt->nvalues)) {
            wait_for(s, f->dst.id, fi, parent, d);
            continue;
        }
        if (f->dst.kind == ESC_OPND_DEREF && !may_point(s->ex, f->dst.id, d - pt->nvalues))
            continue;
        uint64_t key = (uint64_t)d << 32 | (is_content(pt, d) ? f->stmt : ESC_NONE);
        if (esc_u64map_get(&s->seen, key))
            continue;
        esc_u64map_put(&s->seen, key, s->nstates);
        add_state(s, (struct state){d, fi, parent});
    }
    if (nodes != s->nodes)
        free(nodes);
}

/* A parameter's pointers are there before any statement runs: its entry
   value (or its slot, when its address is taken) holds the pointee, and
   the pointee's contents hold the deeper memory.  Such states have no
   flow. */
static void push_entry_state(struct search *s, uint32_t node)
{
    uint64_t key = (uint64_t)node << 32 | ESC_NONE;
    if (esc_u64map_get(&s->seen, key))
        return;
    esc_u64map_put(&s->seen, key, s->nstates);
    add_state(s, (struct state){node, ESC_NONE, ESC_NONE});
}

static void push_entry_states(struct search *s)
{
    const struct esc_function *fn = s->ex->fn;
    const struct esc_pointsto *pt = s->ex->pt;
    const struct esc_object *o = &fn->objects[s->obj];
    if (o->param < 0 || (uint32_t)o->param >= fn->nparams)
        return;
    const struct esc_param *p = &fn->params[o->param];
    if (o->flags & ESC_OBJF_DEEPER) {
        push_entry_state(s, pt->nvalues + p->deep);
        push_entry_state(s, pt->nvalues + p->deeper);
        return;
    }
    if (o->flags & ESC_OBJF_DEEP) {
        push_entry_state(s, pt->nvalues + p->caller);
        return;
    }
    if (p->value != ESC_NONE)
        push_entry_state(s, p->value);
    if (p->object != ESC_NONE)
        push_entry_state(s, pt->nvalues + p->object);
}

/* Does flow READER, a copy typed as bytes out of OBJ, leave behind what
   flow WRITER stored there?  C's effective types: an array declared of
   characters (ESC_OBJF_BYTES) keeps that type, so a pointer gets into it
   only as bytes (a copy, or a callee), never by a store through a
   pointer lvalue.  nginx's ngx_event_recvmsg copies each datagram out of
   its static `u_char buffer[65535]`, which the field-insensitive sets
   take for the connection's memory where `c->udp->buffer = &buf` went.
   Only such copies are cut: loads through a cast pointer (a pool that
   carves its blocks out of a static char array) are left as they are. */
static bool byte_copy_skips(const struct esc_explainer *ex, uint32_t writer, uint32_t reader,
                            uint32_t obj)
{
    const struct esc_function *fn = ex->fn;
    const struct esc_flow *w = &ex->flows->items[writer];
    const struct esc_stmt *ws = &fn->stmts[w->stmt];
    return fn->objects[obj].flags & ESC_OBJF_BYTES &&
           fn->stmts[ex->flows->items[reader].stmt].flags & ESC_STMTF_BYTE_COPY &&
           w->reason == ESC_FLOW_STORE && ws->kind == ESC_STMT_ASSIGN &&
           !(ws->flags & ESC_STMTF_BYTE_COPY) &&
           (w->src.kind == ESC_OPND_VALUE || w->src.kind == ESC_OPND_ADDR);
}

/* Can state AT feed flow READER: directly for a value, and for memory only
   if the store that put the address there reaches the reader, and, when
   the reader goes through a pointer, that pointer can be one to this
   memory (asked about the searched object itself, READER waits for the
   answer, and is not fed for now: see struct search). */
static bool feeds(struct search *s, uint32_t index, uint32_t reader)
{
    /* By value: may_point below may grow this very search, and move its
       states (an invalid read that crashed cc1 on nginx). */
    const struct state state = s->states[index];
    const struct state *at = &state;
    const struct esc_flow *r = &s->ex->flows->items[reader];
    if (r->exclude == s->obj)
        return false;
    if (!is_content(s->ex->pt, at->node))
        return true;
    uint32_t obj = at->node - s->ex->pt->nvalues;
    if (at->flow != ESC_NONE &&
        (byte_copy_skips(s->ex, at->flow, reader, obj) || !stored_reaches(s->ex, at->flow, reader)))
        return false;
    if (r->src.kind == ESC_OPND_DEREF && own_question(s, r->src.id, obj)) {
        wait_for(s, r->src.id, reader, index, ESC_NONE);
        return false;
    }
    return r->src.kind != ESC_OPND_DEREF || may_point(s->ex, r->src.id, obj);
}

/* Take the steps whose question was answered yes since; false if none. */
static bool wake_ready(struct search *s)
{
    if (!s->ready)
        return false;
    uint32_t w = s->ready;
    s->ready = 0;
    while (w) {
        const struct waiter wt = s->waiters[w - 1];
        w = wt.next;
        if (wt.node == ESC_NONE) {
            if (!pushed(s, wt.flow) && feeds(s, wt.parent, wt.flow))
                push_states(s, wt.flow, wt.parent);
            continue;
        }
        const struct esc_flow *f = &s->ex->flows->items[wt.flow];
        uint64_t key = (uint64_t)wt.node << 32 | f->stmt;
        if (esc_u64map_get(&s->seen, key))
            continue;
        esc_u64map_put(&s->seen, key, s->nstates);
        add_state(s, (struct state){wt.node, wt.flow, wt.parent});
    }
    return true;
}

static bool reads_node(struct search *s, uint32_t flow, uint32_t node)
{
    const struct esc_flow *f = &s->ex->flows->items[flow];
    uint32_t k = operand_nodes(s->ex->fn, s->ex->pt, &f->src, f->flags, s->nodes);
    for (uint32_t j = 0; j < k; j++)
        if (s->nodes[j] == node)
            return true;
    return false;
}

/* Index the flows whose source is an object's address, in flow order. */
static void index_addr_flows(struct esc_explainer *ex)
{
    const struct esc_flows *flows = ex->flows;
    uint32_t nobjects = ex->pt->nobjects;
    ex->addr_start = esc_xcalloc(nobjects + 2, sizeof *ex->addr_start);
    for (uint32_t i = 0; i < flows->n; i++)
        if (flows->items[i].src.kind == ESC_OPND_ADDR && flows->items[i].src.id < nobjects)
            ex->addr_start[flows->items[i].src.id + 2]++;
    for (uint32_t o = 0; o < nobjects; o++)
        ex->addr_start[o + 2] += ex->addr_start[o + 1];
    ex->addr_flow = esc_xmalloc((ex->addr_start[nobjects + 1] + 1) * sizeof *ex->addr_flow);
    for (uint32_t i = 0; i < flows->n; i++)
        if (flows->items[i].src.kind == ESC_OPND_ADDR && flows->items[i].src.id < nobjects)
            ex->addr_flow[ex->addr_start[flows->items[i].src.id + 1]++] = i;
}

static struct search *search_for(struct esc_explainer *ex, uint32_t obj)
{
    if (!ex->searches)
        ex->searches = esc_xcalloc(ex->pt->nobjects + 1, sizeof *ex->searches);
    if (ex->searches[obj])
        return ex->searches[obj];
    struct search *s = esc_xcalloc(1, sizeof *s);
    s->ex = ex;
    s->obj = obj;
    s->nodes = esc_xmalloc((ex->pt->nobjects + 1) * sizeof *s->nodes);
    /* Known, and running, before its first states: pushing them may ask
       may_point about this object. */
    ex->searches[obj] = s;
    s->running = true;
    if (ex->fn->objects[obj].kind == ESC_OBJ_CALLER)
        push_entry_states(s);
    if (!ex->addr_start)
        index_addr_flows(ex);
    for (uint32_t k = ex->addr_start[obj]; k < ex->addr_start[obj + 1]; k++)
        push_states(s, ex->addr_flow[k], ESC_NONE);
    s->running = false;
    return s;
}

static void search_free(struct search *s)
{
    if (!s)
        return;
    free(s->states);
    free(s->prev_same);
    free(s->nodes);
    esc_u64map_free(&s->seen);
    esc_u64map_free(&s->by_node);
    esc_bitset_free(&s->pushed);
    free(s->waiters);
    esc_u64map_free(&s->waiting);
    free(s);
}

/* Expand the search's next state; false when none is left. */
static bool expand_next(struct search *s)
{
    const struct esc_explainer *ex = s->ex;
    /* Past the budget the search stops: no path, no finding (the
       function's results are thrown away anyway). */
    if (esc_budget_exhausted())
        return false;
    if (wake_ready(s))
        return true;
    if (s->head >= s->nstates)
        return false;
    uint32_t head = s->head++;
    struct state at = s->states[head];
    for (uint32_t r = ex->reader_start[at.node]; r < ex->reader_start[at.node + 1]; r++) {
        uint32_t fi = ex->reader_flow[r];
        if (!pushed(s, fi) && feeds(s, head, fi))
            push_states(s, fi, head);
    }
    return true;
}

/* The first state found so far (in BFS order) that feeds flow TARGET, or
   ESC_NONE. */
static uint32_t first_known(struct search *s, uint32_t target)
{
    const struct esc_flow *f = &s->ex->flows->items[target];
    uint32_t best = ESC_NONE;
    uint32_t k = operand_nodes(s->ex->fn, s->ex->pt, &f->src, f->flags, s->nodes);
    uint32_t *nodes = esc_xmalloc((k + 1) * sizeof *nodes);
    memcpy(nodes, s->nodes, k * sizeof *nodes);
    for (uint32_t j = 0; j < k; j++) {
        uint32_t *latest = esc_u64map_get(&s->by_node, nodes[j]);
        for (uint32_t i = latest ? *latest - 1 : ESC_NONE; i != ESC_NONE; i = s->prev_same[i])
            if (i < best && feeds(s, i, target))
                best = i;
    }
    free(nodes);
    return best;
}

/* The first state (in BFS order) that feeds flow TARGET, or ESC_NONE. */
static uint32_t first_feeding(struct search *s, uint32_t target)
{
    uint32_t best = first_known(s, target);
    if (best != ESC_NONE || s->running)
        return best;
    s->running = true;
    uint32_t before = s->nstates, waited = s->nwaiters;
    while (expand_next(s)) {
        for (uint32_t i = before; i < s->nstates && best == ESC_NONE; i++)
            if (reads_node(s, target, s->states[i].node) && feeds(s, i, target))
                best = i;
        if (best != ESC_NONE)
            break;
        before = s->nstates;
    }
    s->running = false;
    /* A state the target waited on when it was made, now answered. */
    if (best == ESC_NONE && s->nwaiters != waited)
        best = first_known(s, target);
    return best;
}

/* Questions about one object's pointers asked while answering another's
   (each a search of its own, on the C stack): past this depth the answer
   is "may", as without the question. */
#define MAX_POINT_DEPTH 8

/* The objects whose addresses the search can trace from where they are
   made: the rest (memory reachable from statics, what calls keep,
   unknown memory...) is in points-to sets from the start. */
static bool traceable(const struct esc_object *o)
{
    switch (o->kind) {
    case ESC_OBJ_RETURN:
    case ESC_OBJ_STATIC_REACH:
    case ESC_OBJ_UNKNOWN:
    case ESC_OBJ_KEPT:
    case ESC_OBJ_EXTERNAL:
    case ESC_OBJ_FUNCTION:
        return false;
    default:
        return true;
    }
}

/* May VALUE, a pointer a flow reads or writes through, point to OBJ on a
   feasible path?  The points-to sets say so too easily: they are
   field-insensitive, so once `s.db = db`, the load `t = s.table` seems
   to give db too, and then `t->list` seems to read what db's memory
   holds.  A question asked while OBJ's own search runs gets "may". */
static bool may_point(struct esc_explainer *ex, uint32_t value, uint32_t obj)
{
    if (obj >= ex->fn->nobjects || !traceable(&ex->fn->objects[obj]))
        return true;
    uint64_t key = (uint64_t)obj << 32 | value;
    uint32_t *known = esc_u64map_get(&ex->point_cache, key);
    if (known)
        return *known == 2;
    if (ex->point_depth >= MAX_POINT_DEPTH)
        return true;
    ex->point_depth++; /* making the search may ask questions too */
    struct search *s = search_for(ex, obj);
    bool found = true;
    if (!s->running) {
        s->running = true;
        found = esc_u64map_get(&s->by_node, value) != NULL;
        while (!found && expand_next(s))
            found = esc_u64map_get(&s->by_node, value) != NULL;
        s->running = false;
        esc_u64map_put(&ex->point_cache, key, found ? 2 : 1);
    }
    ex->point_depth--;
    return found;
}

struct esc_step *esc_explain(struct esc_explainer *ex, uint32_t obj, uint32_t target,
                             uint32_t *nsteps)
{
    const struct esc_flow *flows = ex->flows->items;
    *nsteps = 0;
    if (flows[target].src.kind == ESC_OPND_ADDR) {
        if (flows[target].src.id != obj)
            return NULL;
        struct esc_step *steps = esc_xmalloc(sizeof *steps);
        steps[0] = make_step(ex->fn, &flows[target]);
        *nsteps = 1;
        return steps;
    }

    struct search *s = search_for(ex, obj);
    uint32_t found = first_feeding(s, target);
    if (found == ESC_NONE)
        return NULL;
    uint32_t len = 1;
    for (uint32_t i = found; i != ESC_NONE; i = s->states[i].parent)
        len += s->states[i].flow != ESC_NONE;
    if (!esc_budget_keep((uint64_t)len * sizeof(struct esc_step)))
        return NULL;
    struct esc_step *steps = esc_xmalloc(len * sizeof *steps);
    uint32_t at = len;
    steps[--at] = make_step(ex->fn, &flows[target]);
    for (uint32_t i = found; i != ESC_NONE; i = s->states[i].parent)
        if (s->states[i].flow != ESC_NONE)
            steps[--at] = make_step(ex->fn, &flows[s->states[i].flow]);
    *nsteps = len;
    return steps;
}
