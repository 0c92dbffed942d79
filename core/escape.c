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
      Calls go through the library model (libmodel.c): malloc creates a
      heap object per call site, memcpy moves contents, strchr returns a
      pointer into its argument.  Unknown callees keep nothing (no evidence,
      no warning) but yield unknown pointers.

   2. Points-to (pointsto.c).  A worklist solves the constraints.  Unlike
      Go, which sends every store through a pointer to "the heap", a store
      lands in exactly the objects the pointer may point to, because C's
      out-parameters usually point into the caller's own locals.  Parameters
      point to one abstract CALLER object each; statics contain pointers to
      a STATIC_REACH object each.

   3. Escape (this file).  The objects that outlive the frame are the roots
      (RETURN, statics, STATIC_REACH, CALLER) and, transitively, every heap
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
#include "explain.h"
#include "flows.h"
#include "overwrite.h"
#include "pointsto.h"
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
    struct esc_flows flows;
    struct esc_pointsto pt;
    struct flow_list *writers;    /* per escaping-capable object: stores that may write it */
    int8_t *persists;             /* per flow: -1 not yet known, 0 overwritten, 1 persists */
    bool *escaping;               /* per object */
    uint32_t *escape_parent;      /* heap objects: the escaping object they were stored in */
    struct esc_step **heap_steps; /* heap objects: how they escape */
    uint32_t *nheap_steps;
    struct esc_u64map infeasible; /* (object, flow) pairs with no feasible path */
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
        return true;
    default:
        return false;
    }
}

static bool can_escape(const struct esc_object *o)
{
    return is_root(o) || o->kind == ESC_OBJ_HEAP;
}

/* Does the pointer stored by flow F still sit in memory when the function
   returns?  Only a plain store statement's own destination can be proven
   overwritten; what a call writes, and what is returned, always persists. */
static bool flow_persists(struct analysis *a, uint32_t id)
{
    if (a->persists[id] >= 0)
        return a->persists[id];
    const struct esc_flow *f = &a->flows.items[id];
    bool persists = true;
    if (esc_flow_store_location(a->fn, f))
        persists = !esc_store_overwritten(a->fn, f->stmt);
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
            if (!can_escape(&fn->objects[o]))
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
            if (carried.words)
                memset(carried.words, 0, nwords * sizeof *carried.words);
            esc_pointsto_read(&a->pt, &f->src, &carried);
            if (f->exclude != ESC_NONE)
                esc_bitset_remove(&carried, f->exclude);
            for (uint32_t o = esc_bitset_next(&carried, nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&carried, nwords, o + 1)) {
                const struct esc_object *obj = &fn->objects[o];
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

void esc_analyze_function(struct esc_module *m, struct esc_function *fn,
                          struct esc_function_result *out)
{
    memset(out, 0, sizeof *out);
    out->fn = fn;
    out->skipped = esc_validate_function(fn);
    if (out->skipped)
        return;
    struct analysis a = {.fn = fn, .out = out};
    esc_flows_build(m, fn, &a.flows);
    esc_pointsto_solve(fn, &a.flows, &a.pt);
    index_writers(&a);
    a.persists = esc_xmalloc((a.flows.n + 1) * sizeof *a.persists);
    memset(a.persists, -1, (a.flows.n + 1) * sizeof *a.persists);
    a.escaping = esc_xcalloc(fn->nobjects, sizeof *a.escaping);
    a.escape_parent = esc_xmalloc(fn->nobjects * sizeof *a.escape_parent);
    a.heap_steps = esc_xcalloc(fn->nobjects, sizeof *a.heap_steps);
    a.nheap_steps = esc_xcalloc(fn->nobjects, sizeof *a.nheap_steps);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        a.escape_parent[o] = ESC_NONE;

    propagate(&a);
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
    esc_pointsto_free(&a.pt);
    esc_flows_free(&a.flows);
}

void esc_analyze_module(struct esc_module *m, struct esc_results *out)
{
    out->nfunctions = m->nfunctions;
    out->functions = esc_xcalloc(m->nfunctions, sizeof *out->functions);
    for (uint32_t i = 0; i < m->nfunctions; i++)
        esc_analyze_function(m, m->functions[i], &out->functions[i]);
}

void esc_function_result_free(struct esc_function_result *r)
{
    for (uint32_t i = 0; i < r->nfindings; i++) {
        free(r->findings[i].steps);
        free(r->findings[i].heap_steps);
    }
    free(r->findings);
    r->findings = NULL;
    r->nfindings = r->cap_findings = 0;
}

void esc_results_free(struct esc_results *results)
{
    for (uint32_t i = 0; i < results->nfunctions; i++)
        esc_function_result_free(&results->functions[i]);
    free(results->functions);
    results->functions = NULL;
    results->nfunctions = 0;
}
