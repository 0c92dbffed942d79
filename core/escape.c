/* escape.c - the escape analysis: which stack addresses outlive their frame, and how.

   The algorithm
   =============

   Input: one function in the core IR (ir.h).  Output: findings, each a
   stack object whose address outlives the frame, the statement where it
   leaves, where it goes, and the shortest flow path that carries it there.

   1. Flows (flows.c).  Every statement becomes inclusion constraints
      "dst receives the pointers of src", as in Go's escape analysis but
      with C's memory made explicit:
          p = &x      pts(p) gets x                      (address-of)
          p = q       pts(p) gets pts(q)                 (copy, arithmetic, PHI)
          p = *q      pts(p) gets contents(o), o in pts(q)     (load)
          *q = p      contents(o) gets pts(p), o in pts(q)     (store)
          return p    contents(RETURN) gets pts(p)
      Calls to this unit's functions go through their summaries, computed
      callees first (interproc.c, summary.h): keep(&x) flows into an object
      standing for what the call keeps.  Other calls go through the library
      model (libmodel.c): malloc creates a heap object per call site,
      memcpy moves contents, strchr returns a pointer into its argument.
      Unknown callees keep nothing (no evidence, no warning) but yield
      unknown pointers.

   2. Points-to (pointsto.c).  A worklist solves the constraints.  Unlike
      Go, which sends every store through a pointer to "the heap", a store
      lands in exactly the objects the pointer may point to, because C's
      out-parameters usually point into the caller's own locals.  Parameters
      point to one abstract CALLER object each; statics contain pointers to
      a STATIC_REACH object each.

   3. Escape (this file).  The objects that outlive the frame are the roots
      (RETURN, statics, STATIC_REACH, CALLER, KEPT) and, transitively, every heap
      object stored into one of them.  A breadth-first search from the roots
      follows the stores that write into escaping objects; a stack object
      found in what such a store writes is a finding, a heap object found
      there escapes in turn.  Stack objects are not followed further: the
      one warning for the outer object is the useful one.

   4. Flow sensitivity where it matters.  The points-to sets are
      flow-insensitive, which is cheap but would make the kernel's
      `prev = g_top; g_top = &frame; ...; g_top = prev;` look like two
      escapes.  Three refinements fix that without a flow-sensitive solver:
      - a store whose exact location is overwritten on every path to a
        return is not where anything escapes (overwrite.c);
      - a finding needs a feasible path: where the path goes through
        memory, the store must reach the reading statement in the CFG
        without being overwritten on the way (explain.c), so the load of
        g_top before `g_top = &frame` cannot yield &frame;
      - on the edge where `p != &x` after `if (p == &x)`, flows from p do
        not carry x (guards.c): the small-buffer idiom stays silent.
      They run only for stores that would otherwise produce or propagate
      an escape, so their cost follows the number of candidate escapes.

   5. Explanation (explain.c).  The feasible path found in step 4 is the
      shortest one (breadth-first), like Go's -m=2; it becomes the notes.

   Invariants: every object in pts() or contents() was put there by a flow
   or by the entry seeds; a finding's object is stack storage, its sink is
   a root or an escaping heap object, and it has a feasible path; each
   (object, statement) pair is reported once; findings are in source order.

   A worked example
   ================

       struct node { struct node *next; };
       struct node *g_list;

       void f (struct node **out)
       {
         struct node a, b;
         struct node *p = &a;                 F1  p_1     <- &a
         a.next = &b;                         F2  a       <- &b
         struct node *h = malloc (sizeof *h); F3  h_2     <- &H   (heap site)
         h->next = p;                         F4  *h_2    <- p_1
         *out = h;                            F5  *out_0  <- h_2
         g_list = &b;                         F6  g_list  <- &b
         g_list = 0;                          (overwrites g_list)
       }

   Points-to: pts(p_1) = {a}, pts(h_2) = {H}, pts(out_0) = {CALLER(out)};
   contents(a) = {b}, contents(H) = {a}, contents(CALLER(out)) gets H,
   contents(g_list) gets b.

   Escape: the roots are RETURN, g_list, STATIC_REACH(g_list) and
   CALLER(out).  F6 writes g_list, but g_list is overwritten on every path
   to the return, so F6 is ignored.  F5 writes CALLER(out) and carries H,
   along the feasible path F3, F5: H escapes.  F4 writes H and carries a
   (path F1, F4): a is stack storage, so the finding is "address of local
   'a' is stored in heap memory that escapes to the caller through
   parameter 'out'" at F4, rule escape-heap, with notes for both paths.
   b is only in a, another stack object, so it is not reported again.  */
#include "escape.h"
#include "budget.h"
#include "explain.h"
#include "flows.h"
#include "heap2stack.h"
#include "overwrite.h"
#include "pointsto.h"
#include "summary.h"
#include "release.h"
#include "util.h"
#include "validate.h"

#include <stdlib.h>
#include <string.h>

struct flow_list {
    uint32_t n, cap;
    uint32_t *items;
};

struct analysis {
    struct esc_function *fn;
    struct esc_summary *summary; /* this function's, being computed; may be NULL */
    struct esc_flows flows;
    struct esc_pointsto pt;
    struct flow_list *writers;    /* per escaping-capable object: stores that may write it */
    int8_t *persists;             /* per flow: -1 not yet known, 0 overwritten, 1 persists */
    bool *escaping;               /* per object */
    uint32_t *escape_parent;      /* heap objects: the escaping object they were stored in */
    struct esc_step **heap_steps; /* heap objects: how they escape */
    uint32_t *nheap_steps;
    struct esc_u64map infeasible;   /* (object, flow) pairs with no feasible path */
    struct esc_u64map holds;        /* (object, value) -> 1 + may the value point to it */
    struct esc_bitset carriable;    /* the objects a carried set is searched for */
    uint32_t *def_start, *def_flow; /* CSR: the flows that assign each value */
    struct esc_explainer *explainer;
    struct esc_function_result *out;
};

static bool is_root(const struct esc_object *o)
{
    switch (o->kind) {
    case ESC_OBJ_RETURN:
    case ESC_OBJ_STATIC:
    case ESC_OBJ_STATIC_REACH:
    case ESC_OBJ_CALLER:
    case ESC_OBJ_KEPT:
        return true;
    default:
        return false;
    }
}

static bool can_escape(const struct esc_object *o)
{
    return is_root(o) || o->kind == ESC_OBJ_HEAP;
}

/* What a later statement must write to put something else where flow F
   stored its pointer: an exact place in the caller's terms (LOC, over the
   objects TARGETS), or a static variable's field a callee stored into. */
struct restore {
    struct analysis *a;
    const struct esc_operand *loc;
    struct esc_bitset targets;
    bool has_site;
    struct esc_site site;
};

static bool site_covers(const struct esc_site *w, int64_t base, int64_t offset, int64_t size)
{
    return w->offset + base <= offset && offset + size <= w->offset + base + w->size;
}

static bool static_matches(const struct restore *r, const struct esc_object *o, int64_t base,
                           const struct esc_site *w)
{
    if (r->has_site)
        return esc_site_names_object(&r->site, o) &&
               site_covers(w, base, r->site.offset, r->site.size);
    return false;
}

/* Does the write W of a callee, through argument ARG, cover the place? */
static bool write_restores(const struct restore *r, const struct esc_stmt *call,
                           const struct esc_site *w)
{
    const struct esc_function *fn = r->a->fn;
    const struct esc_pointsto *pt = &r->a->pt;
    if (w->param == ESC_SITE_STATIC) {
        if (r->has_site)
            return esc_sites_same_static(w, &r->site) &&
                   site_covers(w, 0, r->site.offset, r->site.size);
        for (uint32_t o = esc_bitset_next(&r->targets, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(&r->targets, pt->nwords, o + 1))
            if (esc_site_names_object(w, &fn->objects[o]) &&
                site_covers(w, 0, r->loc->offset, r->loc->size))
                return true;
        return false;
    }
    if (w->param >= call->nargs)
        return false;
    const struct esc_operand *arg = &call->args[w->param];
    int64_t base = 0;
    struct esc_bitset level = {0};
    if (arg->kind == ESC_OPND_ADDR) {
        if (arg->offset == ESC_UNKNOWN_OFFSET)
            return false;
        esc_bitset_add(&level, arg->id, pt->nwords);
        base = arg->offset;
    } else if (arg->kind == ESC_OPND_VALUE) {
        esc_bitset_union(&level, esc_pts(pt, arg->id), pt->nwords);
    }
    if (w->level == 2) {
        struct esc_bitset deeper = {0};
        for (uint32_t o = esc_bitset_next(&level, pt->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(&level, pt->nwords, o + 1))
            esc_bitset_union(&deeper, esc_contents(pt, o), pt->nwords);
        esc_bitset_free(&level);
        level = deeper;
        base = 0;
    }
    bool hit = false;
    for (uint32_t o = esc_bitset_next(&level, pt->nwords, 0); o != ESC_NONE && !hit;
         o = esc_bitset_next(&level, pt->nwords, o + 1))
        hit = r->has_site ? static_matches(r, &fn->objects[o], base, w)
                          : esc_bitset_has(&r->targets, o) &&
                                site_covers(w, base, r->loc->offset, r->loc->size);
    esc_bitset_free(&level);
    return hit;
}

/* esc_restores_fn: does statement ID put something else in the place? */
static bool restores(void *ctx, uint32_t id)
{
    const struct restore *r = ctx;
    const struct esc_stmt *s = &r->a->fn->stmts[id];
    if (r->has_site && s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_MEM &&
        esc_place_exact(&s->lhs)) {
        struct esc_site w = {.offset = s->lhs.offset, .size = s->lhs.size};
        return static_matches(r, &r->a->fn->objects[s->lhs.id], 0, &w);
    }
    const struct esc_summary *callee =
        s->kind == ESC_STMT_CALL ? r->a->flows.calls[id].summary : NULL;
    if (!callee)
        return false;
    for (uint32_t i = 0; i < callee->nwrites; i++)
        if (write_restores(r, s, &callee->writes[i]))
            return true;
    return false;
}

/* Does the pointer stored by flow F still sit in memory when the function
   returns?  A plain store, or a callee's store into an argument's field,
   is gone when every path to a return overwrites that place, directly or
   through a call whose summary writes it (a pop after a push); so is a
   static field a callee stored into.  A thread's argument is gone once the
   thread is joined.  Anything else, and what is returned, persists. */
static bool flow_persists(struct analysis *a, uint32_t id)
{
    if (a->persists[id] >= 0)
        return a->persists[id];
    const struct esc_function *fn = a->fn;
    const struct esc_flow *f = &a->flows.items[id];
    const struct esc_object *kept =
        f->dst.kind == ESC_OPND_MEM && fn->objects[f->dst.id].kind == ESC_OBJ_KEPT
            ? &fn->objects[f->dst.id]
            : NULL;
    struct restore r = {.a = a, .loc = esc_flow_store_location(fn, f)};
    if (!r.loc && f->reason == ESC_FLOW_CALL_STORE && esc_place_exact(&f->dst))
        r.loc = &f->dst;
    if (r.loc && !esc_place_exact(r.loc) && !r.loc->ref)
        r.loc = NULL;
    const struct esc_summary *callee = a->flows.calls[f->stmt].summary;
    if (kept && !(kept->flags & ESC_OBJF_THREAD) && callee && f->arg >= 1 &&
        f->arg <= callee->nparams)
        r.has_site =
            esc_param_store_site(&callee->params[f->arg - 1], f->level, ESC_SITE_STATIC, &r.site);
    bool persists = true;
    if (kept && (a->flows.calls[f->stmt].model || kept->flags & ESC_OBJF_THREAD)) {
        persists = !esc_kept_released(fn, &a->flows, &a->pt, f->stmt, f->arg);
    } else if ((r.loc || r.has_site) && fn->stmts[f->stmt].block != ESC_NONE) {
        if (r.loc)
            esc_pointsto_targets(&a->pt, r.loc, &r.targets);
        persists = esc_store_reaches_unless(fn, f->stmt, r.loc, ESC_NONE, restores, &r);
        esc_bitset_free(&r.targets);
    }
    a->persists[id] = persists;
    return persists;
}

static void index_writers(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    struct esc_bitset targets = {0};
    uint32_t nwords = a->pt.nwords;
    a->writers = esc_xcalloc(fn->nobjects, sizeof *a->writers);
    for (uint32_t i = 0; i < a->flows.n; i++) {
        const struct esc_flow *f = &a->flows.items[i];
        if (!esc_flow_is_store(f))
            continue;
        if (targets.words)
            memset(targets.words, 0, nwords * sizeof *targets.words);
        esc_pointsto_targets(&a->pt, &f->dst, &targets);
        for (uint32_t o = esc_bitset_next(&targets, nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(&targets, nwords, o + 1)) {
            if (!can_escape(&fn->objects[o]) && fn->objects[o].kind != ESC_OBJ_EXTERNAL)
                continue;
            struct flow_list *w = &a->writers[o];
            *ESC_PUSH(w->items, w->n, w->cap) = i;
        }
    }
    esc_bitset_free(&targets);
}

static enum esc_rule rule_for_sink(const struct esc_object *sink)
{
    switch (sink->kind) {
    case ESC_OBJ_RETURN:
        return ESC_RULE_ESCAPE_RETURN;
    case ESC_OBJ_CALLER:
        return ESC_RULE_ESCAPE_CALLER;
    case ESC_OBJ_HEAP:
        return ESC_RULE_ESCAPE_HEAP;
    case ESC_OBJ_KEPT:
        return sink->flags & ESC_OBJF_THREAD ? ESC_RULE_ESCAPE_THREAD : ESC_RULE_ESCAPE_CALL;
    default:
        return ESC_RULE_ESCAPE_GLOBAL;
    }
}

static bool already_reported(const struct esc_function_result *out, uint32_t obj, uint32_t stmt)
{
    for (uint32_t i = 0; i < out->nfindings; i++)
        if (out->findings[i].object == obj && out->findings[i].stmt == stmt)
            return true;
    return false;
}

static struct esc_step *copy_steps(const struct esc_step *steps, uint32_t n)
{
    if (!n)
        return NULL;
    struct esc_step *copy = esc_xmalloc(n * sizeof *copy);
    memcpy(copy, steps, n * sizeof *copy);
    return copy;
}

/* The path inside a summarised callee that keeps what flow ID passes it,
   or stores it into another argument's memory. */
static const struct esc_leak_why *callee_why(const struct analysis *a, uint32_t id, uint32_t sink)
{
    const struct esc_flow *f = &a->flows.items[id];
    const struct esc_object *kept = &a->fn->objects[sink];
    const struct esc_summary *callee = a->flows.calls[f->stmt].summary;
    if (!callee || f->arg < 1 || f->arg > callee->nparams)
        return NULL;
    unsigned level = f->level;
    const struct esc_param_summary *p = &callee->params[f->arg - 1];
    if (f->reason == ESC_FLOW_CALL_STORE) /* set (&g, &x): *out = v inside */
        return p->why[level][ESC_LEAK_PARAM];
    if (kept->kind != ESC_OBJ_KEPT)
        return NULL;
    if (kept->flags & ESC_OBJF_THREAD)
        return p->why[level][ESC_LEAK_THREAD];
    return p->why[level][ESC_LEAK_STATIC] ? p->why[level][ESC_LEAK_STATIC]
                                          : p->why[level][ESC_LEAK_KEPT];
}

static void report(struct analysis *a, uint32_t obj, uint32_t flow, uint32_t sink,
                   struct esc_step *steps, uint32_t nsteps)
{
    struct esc_function_result *out = a->out;
    struct esc_finding *fd = ESC_PUSH(out->findings, out->nfindings, out->cap_findings);
    memset(fd, 0, sizeof *fd);
    fd->rule = rule_for_sink(&a->fn->objects[sink]);
    fd->object = obj;
    fd->stmt = a->flows.items[flow].stmt;
    fd->sink = sink;
    fd->loc = a->fn->stmts[fd->stmt].loc;
    fd->steps = steps;
    fd->nsteps = nsteps;
    /* GCC merges returns into one `return _5;` without a location; the
       path still knows which source statement fed it. */
    for (uint32_t i = nsteps; fd->loc.line == 0 && i-- > 0;)
        if (steps[i].loc.line)
            fd->loc = steps[i].loc;
    fd->heap_root = ESC_NONE;
    fd->callee_why = callee_why(a, flow, sink);
    if (fd->rule == ESC_RULE_ESCAPE_HEAP) {
        fd->heap_steps = copy_steps(a->heap_steps[sink], a->nheap_steps[sink]);
        fd->nheap_steps = a->nheap_steps[sink];
        uint32_t root = sink;
        for (uint32_t guard = 0; !is_root(&a->fn->objects[root]) && guard < a->fn->nobjects;
             guard++)
            root = a->escape_parent[root];
        fd->heap_root = root;
    }
}

/* The feasible path carrying OBJ's address into flow ID, or NULL; paths
   found infeasible once are not searched again. */
static struct esc_step *feasible_path(struct analysis *a, uint32_t obj, uint32_t id,
                                      uint32_t *nsteps)
{
    uint64_t key = (uint64_t)obj << 32 | id;
    *nsteps = 0;
    if (esc_u64map_get(&a->infeasible, key))
        return NULL;
    if (!a->explainer)
        a->explainer = esc_explainer_new(a->fn, &a->flows, &a->pt);
    struct esc_step *steps = esc_explain(a->explainer, obj, id, nsteps);
    if (!steps)
        esc_u64map_put(&a->infeasible, key, 1);
    return steps;
}

/* The object an escaping heap object was found in, followed up to a root. */
static uint32_t escape_root(const struct analysis *a, uint32_t w)
{
    for (uint32_t guard = 0; a->fn->objects[w].kind == ESC_OBJ_HEAP && guard < a->fn->nobjects;
         guard++)
        w = a->escape_parent[w];
    return w;
}

/* Where a parameter's pointer goes when flow ID writes it into the
   escaping object W, in the terms of a summary; false if nowhere that
   matters to callers. */
static bool classify_leak(const struct analysis *a, uint32_t param, uint32_t id, uint32_t w,
                          enum esc_leak_sink *sink, uint32_t *other)
{
    uint32_t root = escape_root(a, w);
    const struct esc_object *r = &a->fn->objects[root];
    *other = 0;
    switch (r->kind) {
    case ESC_OBJ_RETURN:
        *sink = ESC_LEAK_RESULT;
        return true;
    case ESC_OBJ_STATIC:
    case ESC_OBJ_STATIC_REACH:
        *sink = ESC_LEAK_STATIC;
        return true;
    case ESC_OBJ_CALLER:
        if (r->param < 0 || (uint32_t)r->param == param)
            return false;
        *sink = ESC_LEAK_PARAM;
        *other = (uint32_t)r->param;
        return true;
    case ESC_OBJ_KEPT: {
        *sink = r->flags & ESC_OBJF_THREAD ? ESC_LEAK_THREAD : ESC_LEAK_KEPT;
        /* Through a callee that stores it in static storage: say so. */
        const struct esc_summary *callee = a->flows.calls[r->stmt].summary;
        const struct esc_flow *f = &a->flows.items[id];
        if (*sink == ESC_LEAK_KEPT && callee && root == w && f->arg >= 1 &&
            f->arg <= callee->nparams) {
            if (callee->params[f->arg - 1].leaks[f->level] & 1u << ESC_LEAK_STATIC)
                *sink = ESC_LEAK_STATIC;
        }
        return true;
    }
    default:
        return false;
    }
}

static void index_value_defs(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    a->def_start = esc_xcalloc(fn->nvalues + 2, sizeof *a->def_start);
    for (uint32_t i = 0; i < a->flows.n; i++)
        if (a->flows.items[i].dst.kind == ESC_OPND_VALUE)
            a->def_start[a->flows.items[i].dst.id + 1]++;
    for (uint32_t v = 0; v < fn->nvalues; v++)
        a->def_start[v + 1] += a->def_start[v];
    a->def_flow = esc_xmalloc((a->def_start[fn->nvalues] + 1) * sizeof *a->def_flow);
    uint32_t *fill = esc_xmalloc((fn->nvalues + 1) * sizeof *fill);
    memcpy(fill, a->def_start, (fn->nvalues + 1) * sizeof *fill);
    for (uint32_t i = 0; i < a->flows.n; i++)
        if (a->flows.items[i].dst.kind == ESC_OPND_VALUE)
            a->def_flow[fill[a->flows.items[i].dst.id]++] = i;
    free(fill);
}

/* May value V really point to object OBJ?  The points-to sets
   say so too easily: they are field-insensitive, so once `p->name = s`
   puts parameter s into p's memory, every pointer loaded from p seems to
   point to s.  The explainer's feasible paths check fields and types. */
static bool value_may_hold(struct analysis *a, uint32_t obj, uint32_t v)
{
    const struct esc_value *val = &a->fn->values[v];
    if (val->def == ESC_NONE)
        return val->param >= 0 && a->fn->params[val->param].caller == obj;
    uint64_t key = (uint64_t)obj << 32 | v;
    uint32_t *known = esc_u64map_get(&a->holds, key);
    if (known)
        return *known == 2;
    if (!a->def_start)
        index_value_defs(a);
    bool holds = false;
    for (uint32_t i = a->def_start[v]; i < a->def_start[v + 1] && !holds; i++) {
        uint32_t nsteps;
        struct esc_step *steps = feasible_path(a, obj, a->def_flow[i], &nsteps);
        holds = steps != NULL;
        free(steps);
    }
    esc_u64map_put(&a->holds, key, holds ? 2 : 1);
    return holds;
}

/* Where flow ID stores into W, for a leak into static storage or another
   parameter, as a site callers can recognise: a field of a static, or a
   field of what parameter OTHER points to.  False when the leak has no
   such place; an unknown place is a site with an unknown offset, so that
   a leak stored in two places is known to have no single one. */
static bool leak_site(const struct analysis *a, uint32_t id, uint32_t w, enum esc_leak_sink sink,
                      uint32_t other, struct esc_site *site)
{
    const struct esc_function *fn = a->fn;
    const struct esc_flow *f = &a->flows.items[id];
    const struct esc_object *o = &fn->objects[w];
    memset(site, 0, sizeof *site);
    site->offset = ESC_UNKNOWN_OFFSET;
    if (sink == ESC_LEAK_PARAM) {
        site->param = (uint8_t)other;
        site->level = 1;
        if (o->kind == ESC_OBJ_CALLER && !(o->flags & ESC_OBJF_DEEP) &&
            f->dst.kind == ESC_OPND_DEREF && esc_place_exact(&f->dst) &&
            fn->values[f->dst.id].def == ESC_NONE &&
            fn->values[f->dst.id].param == (int32_t)other) {
            site->offset = f->dst.offset;
            site->size = f->dst.size;
        }
        return other < ESC_SITE_STATIC;
    }
    if (sink != ESC_LEAK_STATIC)
        return false;
    site->param = ESC_SITE_STATIC;
    if (o->kind == ESC_OBJ_STATIC && f->dst.kind == ESC_OPND_MEM && esc_place_exact(&f->dst) &&
        o->key) {
        site->key = o->key;
        site->name = esc_static_site_name(o);
        site->offset = f->dst.offset;
        site->size = f->dst.size;
    } else if (o->kind == ESC_OBJ_KEPT) {
        /* Through a callee: its own site, if it knows one. */
        const struct esc_summary *callee = a->flows.calls[f->stmt].summary;
        if (callee && f->arg >= 1 && f->arg <= callee->nparams)
            esc_param_store_site(&callee->params[f->arg - 1], f->level, ESC_SITE_STATIC, site);
        site->param = ESC_SITE_STATIC;
    }
    return true;
}

/* Parameter object O (its pointee, or deeper memory) is carried by flow
   ID into escaping object W: a leak for the function's summary. */
static void record_leak(struct analysis *a, uint32_t o, uint32_t id, uint32_t w)
{
    const struct esc_object *obj = &a->fn->objects[o];
    if (obj->param < 0)
        return;
    uint32_t param = (uint32_t)obj->param;
    unsigned level = obj->flags & ESC_OBJF_DEEP ? 1 : 0;
    enum esc_leak_sink sink;
    uint32_t other;
    if (obj->flags & ESC_OBJF_DEEPER || param >= a->summary->nparams ||
        !classify_leak(a, param, id, w, &sink, &other))
        return;
    const struct esc_flow *store = &a->flows.items[id];
    if (sink == ESC_LEAK_PARAM && a->fn->objects[w].kind == ESC_OBJ_CALLER &&
        store->dst.kind == ESC_OPND_DEREF && !value_may_hold(a, w, store->dst.id))
        return;
    struct esc_site site;
    bool has_site = leak_site(a, id, w, sink, other, &site);
    const struct esc_param_summary *p = &a->summary->params[param];
    bool known = sink == ESC_LEAK_PARAM
                     ? other >= ESC_MAX_TRACKED_PARAMS || p->stored_into[level] >> other & 1
                     : p->leaks[level] & 1u << sink;
    struct esc_site recorded;
    if (known && (!has_site || (esc_param_store_site(p, level, site.param, &recorded) &&
                                recorded.offset == site.offset && recorded.size == site.size)))
        return; /* nothing new */
    uint32_t nsteps;
    struct esc_step *steps = feasible_path(a, o, id, &nsteps);
    if (!steps)
        return;
    if (has_site)
        esc_summary_note_store(a->summary, param, level, &site);
    if (known) {
        free(steps);
        return;
    }
    struct esc_leak_why *why = esc_xcalloc(1, sizeof *why);
    why->fn = a->fn;
    why->steps = steps;
    why->nsteps = nsteps;
    why->sink_object = w;
    const struct esc_flow *f = &a->flows.items[id];
    const struct esc_summary *callee = a->flows.calls[f->stmt].summary;
    if ((a->fn->objects[w].kind == ESC_OBJ_KEPT || f->reason == ESC_FLOW_CALL_STORE) && callee &&
        (callee->fn || callee->origin) && f->arg >= 1) {
        why->via = callee;
        why->via_param = f->arg - 1u;
    }
    if (sink == ESC_LEAK_THREAD && a->fn->objects[w].kind == ESC_OBJ_KEPT)
        a->summary->params[param].thread_handle =
            esc_thread_handle_of(a->fn, &a->flows, a->fn->objects[w].stmt);
    esc_summary_add_leak(a->summary, param, level, sink, other, why);
}

/* What the users of read_carried look for in a carried set: parameters'
   memory, stack objects and heap objects.  Statics, functions and unknown
   memory in it change nothing. */
static bool carriable(const struct esc_object *o)
{
    return o->kind == ESC_OBJ_CALLER || o->kind == ESC_OBJ_HEAP || esc_object_is_stack(o);
}

/* The objects flow F carries, into OUT (cleared first), less the one a
   branch ruled out; only its carriable objects are exact.  A callee's
   summary that reads what an argument points to (*p of unknown extent)
   gets no help from the explainer's field offsets, so each object it
   reads must be one the argument can really point to.  That question is
   a path search, so it is asked only for objects whose contents would add
   a carriable object. */
static void read_carried(struct analysis *a, const struct esc_flow *f, struct esc_bitset *out)
{
    if (out->words)
        memset(out->words, 0, a->pt.nwords * sizeof *out->words);
    if (!(f->flags & ESC_FLOWF_OWN_MEMORY) || f->src.kind != ESC_OPND_DEREF) {
        esc_pointsto_read_flow(a->fn, &a->pt, f, out);
    } else {
        const struct esc_bitset *base = esc_pts(&a->pt, f->src.id);
        for (uint32_t o = esc_bitset_next(base, a->pt.nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, a->pt.nwords, o + 1))
            if (esc_flow_reads_object(a->fn, f->flags, o) &&
                esc_bitset_adds_masked(esc_contents(&a->pt, o), &a->carriable, out, a->pt.nwords) &&
                value_may_hold(a, o, f->src.id))
                esc_bitset_union(out, esc_contents(&a->pt, o), a->pt.nwords);
    }
    if (f->exclude != ESC_NONE)
        esc_bitset_remove(out, f->exclude);
}

static void propagate(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    uint32_t nwords = a->pt.nwords;
    uint32_t *queue = esc_xmalloc((fn->nobjects + 1) * sizeof *queue);
    uint32_t head = 0, tail = 0;
    struct esc_bitset carried = {0};

    /* RETURN is object 0, so returns are found before stores. */
    for (uint32_t o = 0; o < fn->nobjects; o++)
        if (is_root(&fn->objects[o])) {
            a->escaping[o] = true;
            queue[tail++] = o;
        }
    while (head < tail) {
        uint32_t w = queue[head++];
        const struct flow_list *writers = &a->writers[w];
        for (uint32_t i = 0; i < writers->n; i++) {
            uint32_t id = writers->items[i];
            const struct esc_flow *f = &a->flows.items[id];
            if (f->src.kind == ESC_OPND_UNKNOWN || !flow_persists(a, id))
                continue;
            read_carried(a, f, &carried);
            for (uint32_t o = esc_bitset_next(&carried, nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&carried, nwords, o + 1)) {
                const struct esc_object *obj = &fn->objects[o];
                if (obj->kind == ESC_OBJ_CALLER) {
                    if (a->summary)
                        record_leak(a, o, id, w);
                    continue;
                }
                bool stack = esc_object_is_stack(obj);
                if (stack ? already_reported(a->out, o, f->stmt)
                          : obj->kind != ESC_OBJ_HEAP || a->escaping[o])
                    continue;
                uint32_t nsteps;
                struct esc_step *steps = feasible_path(a, o, id, &nsteps);
                if (!steps)
                    continue;
                if (stack) {
                    report(a, o, id, w, steps, nsteps);
                } else {
                    a->escaping[o] = true;
                    a->escape_parent[o] = w;
                    a->heap_steps[o] = steps;
                    a->nheap_steps[o] = nsteps;
                    queue[tail++] = o;
                }
            }
        }
    }
    esc_bitset_free(&carried);
    free(queue);
}

/* Is stack object OBJ already a finding of this unit? */
static bool reported_anywhere(const struct esc_function_result *out, uint32_t obj)
{
    for (uint32_t i = 0; i < out->nfindings; i++)
        if (out->findings[i].object == obj)
            return true;
    return false;
}

/* Stack object O reaches argument ARG (0-based) of call CALL at LEVEL,
   through flow ID: a fact for gcc-escape link, unless this unit already
   warns about O. */
static void record_fact(struct analysis *a, uint32_t o, uint32_t id, uint32_t call, uint32_t arg,
                        unsigned level)
{
    struct esc_extern_dep deps[ESC_MAX_EXTERN_DEPS];
    bool overflow = false;
    uint32_t n = esc_call_deps(a->fn, &a->flows, call, arg, level, 0, deps, &overflow);
    uint32_t kept = 0;
    for (uint32_t i = 0; i < n; i++)
        if (deps[i].from == 0) /* deeper: the objects stored in O have facts of their own */
            deps[kept++] = deps[i];
    if (!kept || reported_anywhere(a->out, o))
        return;
    struct esc_function_result *out = a->out;
    struct esc_extern_fact *fact = NULL;
    for (uint32_t i = 0; i < out->nfacts && !fact; i++)
        if (out->facts[i].kind == ESC_FACT_ESCAPE && out->facts[i].object == o &&
            out->facts[i].call == call && out->facts[i].arg == arg + 1)
            fact = &out->facts[i];
    if (!fact) {
        uint32_t nsteps;
        struct esc_step *steps = feasible_path(a, o, id, &nsteps);
        if (!steps)
            return;
        fact = ESC_PUSH(out->facts, out->nfacts, out->cap_facts);
        memset(fact, 0, sizeof *fact);
        fact->kind = ESC_FACT_ESCAPE;
        fact->object = o;
        fact->stmt = a->flows.items[id].stmt;
        fact->call = call;
        fact->arg = (uint8_t)(arg + 1);
        fact->steps = steps;
        fact->nsteps = nsteps;
    }
    fact->deps_overflow |= overflow;
    for (uint32_t i = 0; i < kept; i++) {
        bool known = false;
        for (uint8_t j = 0; j < fact->ndeps && !known; j++)
            known = fact->deps[j].arg == deps[i].arg && fact->deps[j].to == deps[i].to &&
                    strcmp(fact->deps[j].callee, deps[i].callee) == 0;
        if (known)
            continue;
        if (fact->ndeps == ESC_MAX_EXTERN_DEPS)
            fact->deps_overflow = true;
        else
            fact->deps[fact->ndeps++] = deps[i];
    }
}

/* Parameter memory object O reaches argument ARG of call CALL at LEVEL,
   through flow ID: the summary depends on what the other unit does. */
static void record_dep(struct analysis *a, uint32_t o, uint32_t id, uint32_t call, uint32_t arg,
                       unsigned level)
{
    const struct esc_object *obj = &a->fn->objects[o];
    if (!a->summary || obj->param < 0 || (uint32_t)obj->param >= a->summary->nparams ||
        obj->flags & ESC_OBJF_DEEPER)
        return;
    struct esc_extern_dep deps[ESC_MAX_EXTERN_DEPS];
    bool overflow = false;
    uint32_t n = esc_call_deps(a->fn, &a->flows, call, arg, level,
                               obj->flags & ESC_OBJF_DEEP ? 1 : 0, deps, &overflow);
    if (!n && !overflow)
        return;
    uint32_t nsteps;
    struct esc_step *steps = feasible_path(a, o, id, &nsteps);
    if (!steps)
        return;
    free(steps);
    struct esc_param_summary *p = &a->summary->params[obj->param];
    for (uint32_t i = 0; i < n; i++)
        esc_summary_add_dep(a->summary, (uint32_t)obj->param, &deps[i]);
    if (overflow)
        p->unknown = p->unknown_other = true;
}

/* What reaches call E's EXTERNAL object, as propagate() finds what
   reaches a root: directly (at the flow's level), or stored in heap
   memory that reaches it (one level deeper).  Nothing found here
   escapes yet; the callee's unit decides. */
static void collect_external(struct analysis *a, uint32_t e, bool *seen, uint32_t *queue,
                             uint32_t *queue_arg)
{
    const struct esc_function *fn = a->fn;
    uint32_t nwords = a->pt.nwords;
    uint32_t call = fn->objects[e].stmt;
    uint32_t head = 0, tail = 0;
    struct esc_bitset carried = {0};
    queue[tail] = e;
    queue_arg[tail++] = ESC_NONE;
    while (head < tail) {
        uint32_t w = queue[head], warg = queue_arg[head++];
        const struct flow_list *writers = &a->writers[w];
        for (uint32_t i = 0; i < writers->n; i++) {
            uint32_t id = writers->items[i];
            const struct esc_flow *f = &a->flows.items[id];
            if (f->src.kind == ESC_OPND_UNKNOWN || (w == e && f->arg < 1) || !flow_persists(a, id))
                continue;
            uint32_t arg = w == e ? f->arg - 1u : warg;
            unsigned level = w == e ? f->level : 1;
            read_carried(a, f, &carried);
            for (uint32_t o = esc_bitset_next(&carried, nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&carried, nwords, o + 1)) {
                const struct esc_object *obj = &fn->objects[o];
                if (obj->kind == ESC_OBJ_CALLER) {
                    record_dep(a, o, id, call, arg, level);
                } else if (esc_object_is_stack(obj)) {
                    record_fact(a, o, id, call, arg, level);
                } else if (obj->kind == ESC_OBJ_HEAP && !seen[o] && !a->escaping[o]) {
                    uint32_t nsteps;
                    struct esc_step *steps = feasible_path(a, o, id, &nsteps);
                    if (!steps)
                        continue;
                    free(steps);
                    seen[o] = true;
                    queue[tail] = o;
                    queue_arg[tail++] = arg;
                }
            }
        }
    }
    for (uint32_t i = 1; i < tail; i++)
        seen[queue[i]] = false;
    esc_bitset_free(&carried);
}

static void collect_externals(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    bool *seen = esc_xcalloc(fn->nobjects + 1, sizeof *seen);
    uint32_t *queue = esc_xmalloc((fn->nobjects + 1) * sizeof *queue);
    uint32_t *queue_arg = esc_xmalloc((fn->nobjects + 1) * sizeof *queue_arg);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        if (fn->objects[o].kind == ESC_OBJ_EXTERNAL && fn->objects[o].stmt < fn->nstmts)
            collect_external(a, o, seen, queue, queue_arg);
    free(seen);
    free(queue);
    free(queue_arg);
}

static int compare_findings(const void *x, const void *y)
{
    const struct esc_finding *a = x, *b = y;
    if (a->loc.line != b->loc.line)
        return a->loc.line < b->loc.line ? -1 : 1;
    if (a->loc.column != b->loc.column)
        return a->loc.column < b->loc.column ? -1 : 1;
    if (a->stmt != b->stmt)
        return a->stmt < b->stmt ? -1 : 1;
    return a->object < b->object ? -1 : a->object > b->object;
}

enum param_mark {
    MARK_FREED,    /* freed, or freed_deep for memory behind the parameter's memory */
    MARK_UNKNOWN,  /* any memory behind the parameter, for reasons link cannot settle */
    MARK_EXTERNAL, /* any memory behind it, through calls into other units (deps) */
};

/* Mark the parameters whose memory OP may point to as freed, or as
   passed where anything may happen to it. */
static void mark_params(struct analysis *a, const struct esc_operand *op, enum param_mark mark)
{
    const struct esc_function *fn = a->fn;
    uint32_t nwords = a->pt.nwords;
    struct esc_bitset objs = {0};
    esc_pointsto_read(&a->pt, op, &objs);
    for (uint32_t o = esc_bitset_next(&objs, nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(&objs, nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        if (obj->kind != ESC_OBJ_CALLER || obj->param < 0 ||
            (uint32_t)obj->param >= a->summary->nparams)
            continue;
        struct esc_param_summary *p = &a->summary->params[obj->param];
        if (mark == MARK_UNKNOWN) {
            p->unknown = p->unknown_other = true;
        } else if (mark == MARK_EXTERNAL) {
            /* A call into another unit whose path was not recorded as a
               dependency (too deep, or not feasible by the paths' rules)
               cannot be settled later. */
            p->unknown = true;
            p->unknown_other |= !p->ndeps;
        } else if (obj->flags & ESC_OBJF_DEEP)
            p->freed_deep = true; /* free (p->buf) */
        else if (op->kind != ESC_OPND_VALUE || value_may_hold(a, o, op->id))
            p->freed = true;
    }
    esc_bitset_free(&objs);
}

/* Which parameters calls free, or hand to functions nothing is known about. */
static void summarize_calls(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        const struct esc_call *call = &a->flows.calls[id];
        if (s->kind != ESC_STMT_CALL)
            continue;
        for (uint32_t i = 0; i < s->nargs; i++) {
            const struct esc_param_summary *callee =
                call->summary && i < call->summary->nparams ? &call->summary->params[i] : NULL;
            bool frees =
                (call->model && call->model->frees_arg == i + 1) || (callee && callee->freed);
            if (frees)
                mark_params(a, &s->args[i], MARK_FREED);
            if (callee && callee->freed_deep) {
                struct esc_operand contents = esc_pointee(&s->args[i]);
                mark_params(a, &contents, MARK_FREED);
            }
            bool external = call->unknown && esc_call_is_external(fn, &a->flows, id);
            if (callee && callee->unknown && !callee->unknown_other && callee->ndeps)
                external = true;
            if (call->unknown || (callee && callee->unknown))
                mark_params(a, &s->args[i], external ? MARK_EXTERNAL : MARK_UNKNOWN);
        }
    }
}

/* The level of parameter memory object O stands for: 1 for what the
   parameter points to, 2 for anything further; 0 if not a parameter's. */
static unsigned param_level(const struct esc_object *o)
{
    if (o->kind != ESC_OBJ_CALLER || o->param < 0)
        return 0;
    return o->flags & ESC_OBJF_DEEP ? 2 : 1;
}

/* Note the places of parameter memory or statics that the objects in SET
   (each at its own level, plus EXTRA further) may have written at W. */
static void note_writes_to(struct analysis *a, const struct esc_bitset *set, unsigned extra,
                           const struct esc_site *w)
{
    const struct esc_function *fn = a->fn;
    for (uint32_t o = esc_bitset_next(set, a->pt.nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, a->pt.nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        struct esc_site site = *w;
        unsigned level = param_level(obj);
        if (level && (uint32_t)obj->param < ESC_SITE_STATIC) {
            site.param = (uint8_t)obj->param;
            site.level = (uint8_t)(level + extra > 2 ? 2 : level + extra);
            site.key = 0;
            site.name = NULL;
        } else if (obj->kind == ESC_OBJ_STATIC && obj->key && !extra) {
            site.param = ESC_SITE_STATIC;
            site.level = 0;
            site.key = obj->key;
            site.name = esc_static_site_name(obj);
        } else {
            continue;
        }
        esc_summary_note_write(a->summary, &site);
    }
}

/* The places in its parameters' memory and in statics the function may
   write: what lets a caller see that `pop ()` undoes `push (&frame)`. */
static void summarize_writes(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    struct esc_bitset set = {0};
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind == ESC_STMT_ASSIGN && esc_place_exact(&s->lhs)) {
            struct esc_site w = {.offset = s->lhs.offset, .size = s->lhs.size};
            esc_bitset_free(&set);
            esc_pointsto_targets(&a->pt, &s->lhs, &set);
            note_writes_to(a, &set, 0, &w);
        }
        const struct esc_summary *callee =
            s->kind == ESC_STMT_CALL ? a->flows.calls[id].summary : NULL;
        if (!callee)
            continue;
        if (callee->writes_overflow)
            a->summary->writes_overflow = true;
        for (uint32_t i = 0; i < callee->nwrites; i++) {
            const struct esc_site *w = &callee->writes[i];
            if (w->param == ESC_SITE_STATIC) {
                esc_summary_note_write(a->summary, w);
                continue;
            }
            if (w->param >= s->nargs || s->args[w->param].kind != ESC_OPND_VALUE)
                continue;
            esc_bitset_free(&set);
            esc_bitset_union(&set, esc_pts(&a->pt, s->args[w->param].id), a->pt.nwords);
            note_writes_to(a, &set, w->level - 1u, w);
        }
    }
    esc_bitset_free(&set);
}

/* Is heap object H stored anywhere but the return value? */
static bool stored_elsewhere(const struct analysis *a, uint32_t h)
{
    const struct esc_function *fn = a->fn;
    for (uint32_t o = 0; o < fn->nobjects; o++)
        if (o != fn->return_object && can_escape(&fn->objects[o]) &&
            esc_bitset_has(esc_contents(&a->pt, o), h))
            return true;
    return false;
}

/* Does the heap-to-stack verdict say unknown code may hold heap object H? */
static bool heap_site_shared(const struct esc_function_result *out, uint32_t h)
{
    for (uint32_t i = 0; i < out->nheap_sites; i++)
        if (out->heap_sites[i].object == h)
            return out->heap_sites[i].shared;
    return true; /* not judged: assume the worst */
}

/* A malloc wrapper returns only heap memory it allocated itself (or null)
   and keeps no other pointer to it. */
static void summarize_return(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    const struct esc_bitset *ret = esc_contents(&a->pt, fn->return_object);
    uint32_t nwords = a->pt.nwords;
    struct esc_return_summary r = {.fresh = false, .size_param = -1, .size = -1};
    bool first = true;
    for (uint32_t o = esc_bitset_next(ret, nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(ret, nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        int32_t param;
        int64_t size;
        if (obj->kind != ESC_OBJ_HEAP || obj->stmt == ESC_NONE || stored_elsewhere(a, o))
            return;
        if (!esc_allocation_size(fn, &a->flows, obj->stmt, &param, &size))
            param = -1, size = -1;
        r.shared |= heap_site_shared(a->out, o);
        if (first) {
            r.size_param = param;
            r.size = size;
        } else if (r.size_param != param || r.size != size) {
            r.size_param = -1;
            r.size = -1;
        }
        first = false;
        r.fresh = true;
    }
    if (r.fresh && !a->summary->ret.fresh) {
        r.static_key = 0;
        a->summary->ret = r;
    } else if (r.fresh && r.shared) {
        a->summary->ret.shared = true;
    }
}

/* A function that only ever returns the address of one static variable
   (a pool's slot, a singleton): callers that store into the result store
   into that static. */
static void summarize_static_return(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    const struct esc_bitset *ret = esc_contents(&a->pt, fn->return_object);
    const struct esc_object *only = NULL;
    for (uint32_t o = esc_bitset_next(ret, a->pt.nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(ret, a->pt.nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        if (obj->kind != ESC_OBJ_STATIC || !obj->key || (only && only->key != obj->key))
            return;
        only = obj;
    }
    if (!only || a->summary->ret.fresh || a->summary->ret.static_key)
        return;
    a->summary->ret.static_key = only->key;
    a->summary->ret.static_name = only->name;
    a->summary->ret.static_flags = only->flags;
}

/* A parameter declared noescape that leaks is a finding of its own: the
   declaration is a promise callers rely on. */
static void check_noescape(struct analysis *a)
{
    static const enum esc_leak_sink outliving[] = {ESC_LEAK_STATIC, ESC_LEAK_KEPT, ESC_LEAK_THREAD,
                                                   ESC_LEAK_PARAM};
    const struct esc_function *fn = a->fn;
    for (uint32_t i = 0; i < fn->nparams && i < a->summary->nparams; i++) {
        a->summary->params[i].noescape = fn->params[i].noescape;
        if (!fn->params[i].noescape)
            continue;
        const struct esc_leak_why *why = NULL;
        for (unsigned l = 0; l < ESC_LEAK_LEVELS && !why; l++)
            for (unsigned k = 0; k < sizeof outliving / sizeof outliving[0] && !why; k++)
                why = a->summary->params[i].why[l][outliving[k]];
        if (!why || !why->nsteps)
            continue;
        struct esc_function_result *out = a->out;
        struct esc_finding *fd = ESC_PUSH(out->findings, out->nfindings, out->cap_findings);
        memset(fd, 0, sizeof *fd);
        fd->rule = ESC_RULE_ESCAPE_NOESCAPE;
        fd->object = fn->params[i].caller;
        fd->stmt = why->steps[why->nsteps - 1].stmt;
        fd->sink = why->sink_object;
        fd->loc = why->steps[why->nsteps - 1].loc;
        fd->steps = copy_steps(why->steps, why->nsteps);
        fd->nsteps = why->nsteps;
        fd->heap_root = ESC_NONE;
    }
}

/* Does an indirect call's pointer point to any function?  Then a second
   round of flows can use those functions' summaries. */
static bool has_function_targets(const struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind != ESC_STMT_CALL || s->callee || s->target.kind != ESC_OPND_VALUE)
            continue;
        const struct esc_bitset *t = esc_pts(&a->pt, s->target.id);
        for (uint32_t o = esc_bitset_next(t, a->pt.nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(t, a->pt.nwords, o + 1))
            if (fn->objects[o].kind == ESC_OBJ_FUNCTION)
                return true;
    }
    return false;
}

/* The notes of a function too large to analyse; static text, the
   results point to it. */
#define TOO_MANY_SETS                                                                              \
    "too large: its points-to sets would take more than 256 MiB (values times objects)"

/* Nothing is known about what a skipped function does with its
   parameters: no warning, no advice in its callers either. */
static void skip_summary(struct esc_summary *summary)
{
    for (uint32_t i = 0; summary && i < summary->nparams; i++)
        summary->params[i].unknown = summary->params[i].unknown_other = true;
}

void esc_analyze_function(struct esc_module *m, struct esc_function *fn,
                          const struct esc_callees *callees, struct esc_summary *summary,
                          struct esc_function_result *out)
{
    memset(out, 0, sizeof *out);
    out->fn = fn;
    /* Every node may get a points-to set of one bit per object. */
    uint64_t set_bytes =
        ((uint64_t)fn->nvalues + fn->nobjects) * esc_bitset_words(fn->nobjects) * 8;
    out->too_large = true;
    if (fn->nobjects > ESC_MAX_OBJECTS)
        out->skipped = "too large: more than 16384 objects (parameters, locals, allocation sites)";
    else if (set_bytes > ESC_BUDGET_KEEP)
        out->skipped = TOO_MANY_SETS;
    else if (fn->over_budget)
        out->skipped = ESC_BUDGET_NOTE;
    else
        out->too_large = false;
    if (!out->skipped)
        out->skipped = esc_validate_function(fn);
    if (out->skipped) {
        skip_summary(summary);
        return;
    }
    struct esc_budget outer_budget = esc_budget_begin();
    struct analysis a = {.fn = fn, .out = out, .summary = summary};
    struct esc_summary_table merged = {0};
    struct esc_callees resolve = {0};
    if (callees)
        resolve = *callees;
    resolve.pt = NULL;
    resolve.merged = &merged;
    esc_flows_build(m, fn, &resolve, &a.flows);
    esc_pointsto_solve(fn, &a.flows, &a.pt);
    if (resolve.own && has_function_targets(&a)) {
        struct esc_flows again = {0};
        resolve.pt = &a.pt;
        esc_flows_build(m, fn, &resolve, &again);
        esc_pointsto_free(&a.pt);
        esc_flows_free(&a.flows);
        a.flows = again;
        esc_pointsto_solve(fn, &a.flows, &a.pt);
    }
    index_writers(&a);
    a.persists = esc_xmalloc((a.flows.n + 1) * sizeof *a.persists);
    memset(a.persists, -1, (a.flows.n + 1) * sizeof *a.persists);
    a.escaping = esc_xcalloc(fn->nobjects, sizeof *a.escaping);
    a.escape_parent = esc_xmalloc(fn->nobjects * sizeof *a.escape_parent);
    a.heap_steps = esc_xcalloc(fn->nobjects, sizeof *a.heap_steps);
    a.nheap_steps = esc_xcalloc(fn->nobjects, sizeof *a.nheap_steps);
    for (uint32_t o = 0; o < fn->nobjects; o++) {
        a.escape_parent[o] = ESC_NONE;
        if (carriable(&fn->objects[o]))
            esc_bitset_add(&a.carriable, o, a.pt.nwords);
    }

    propagate(&a);
    if (resolve.config && resolve.config->extern_facts)
        collect_externals(&a);
    /* Before the summaries: a malloc wrapper's summary says whether unknown
       code may share the block it returns. */
    esc_heap_to_stack(fn, &a.flows, &a.pt, &resolve, summary ? summary->fn_index : ESC_NONE, out);
    if (summary) {
        summarize_calls(&a);
        summarize_writes(&a);
        summarize_return(&a);
        summarize_static_return(&a);
        check_noescape(&a);
    }
    /* qsort's array must not be null even when empty (C11 7.22.5). */
    if (out->nfindings > 1)
        qsort(out->findings, out->nfindings, sizeof *out->findings, compare_findings);

    esc_explainer_free(a.explainer);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        free(a.writers[o].items);
    free(a.writers);
    free(a.persists);
    free(a.escaping);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        free(a.heap_steps[o]);
    free(a.heap_steps);
    free(a.nheap_steps);
    free(a.escape_parent);
    esc_u64map_free(&a.infeasible);
    esc_u64map_free(&a.holds);
    esc_bitset_free(&a.carriable);
    free(a.def_start);
    free(a.def_flow);
    esc_pointsto_free(&a.pt);
    esc_flows_free(&a.flows);
    /* Merged summaries of indirect calls may be referenced by notes only
       through `via`, which never points at them (they have no paths). */
    esc_summary_table_free(&merged);
    if (esc_budget_exhausted()) {
        /* Past the budget every question was answered the way that reports
           nothing: what was found is incomplete, so none of it is shown.
           The summary keeps the leaks found before (each has its path),
           and says the rest is unknown. */
        esc_function_result_free(out);
        out->too_large = true;
        out->skipped = ESC_BUDGET_NOTE;
        fn->over_budget = true;
        skip_summary(summary);
    }
    esc_budget_end(outer_budget);
}
