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
      callees first (summarize.c, summary.h): keep(&x) flows into an object
      standing for what the call keeps.  Other calls go through the library
      model (library.c): malloc creates a heap object per call site,
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
#include "core/analysis/escape.h"
#include "core/analysis/analysis.h"
#include "core/base/budget.h"
#include "core/ir/conditions.h"
#include "core/refine/guards.h"
#include "core/analysis/heap2stack.h"
#include "core/base/util.h"
#include "core/ir/validate.h"

#include <stdlib.h>
#include <string.h>

struct flow_list *esc_index_writers(const struct analysis *a, bool every_object)
{
    const struct esc_function *fn = a->fn;
    struct esc_bitset targets = {0};
    uint32_t nwords = a->pt.nwords;
    struct flow_list *writers = esc_xcalloc(fn->nobjects ? fn->nobjects : 1, sizeof *writers);
    for (uint32_t i = 0; i < a->flows.n; i++) {
        const struct esc_flow *f = &a->flows.items[i];
        if (!esc_flow_is_store(f))
            continue;
        if (targets.words)
            memset(targets.words, 0, nwords * sizeof *targets.words);
        esc_pointsto_targets(&a->pt, &f->dst, &targets);
        for (uint32_t o = esc_bitset_next(&targets, nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(&targets, nwords, o + 1)) {
            if (!every_object && !can_escape(&fn->objects[o]) &&
                fn->objects[o].kind != ESC_OBJ_EXTERNAL)
                continue;
            struct flow_list *w = &writers[o];
            *ESC_PUSH(w->items, w->n, w->cap) = i;
        }
    }
    esc_bitset_free(&targets);
    return writers;
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

struct esc_step *esc_steps_copy(const struct esc_step *steps, uint32_t n)
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

struct esc_finding *esc_report(struct analysis *a, uint32_t obj, uint32_t flow, uint32_t sink,
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
        fd->heap_steps = esc_steps_copy(a->heap_steps[sink], a->nheap_steps[sink]);
        fd->nheap_steps = a->nheap_steps[sink];
        uint32_t root = sink;
        for (uint32_t guard = 0; !is_root(&a->fn->objects[root]) && guard < a->fn->nobjects;
             guard++)
            root = a->escape_parent[root];
        fd->heap_root = root;
    }
    return fd;
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
void esc_read_carried(struct analysis *a, const struct esc_flow *f, struct esc_bitset *out)
{
    if (out->words)
        memset(out->words, 0, a->pt.nwords * sizeof *out->words);
    bool checked = f->flags & ESC_FLOWF_OWN_MEMORY || f->reason == ESC_FLOW_CALL_COPY;
    if (!checked || f->src.kind != ESC_OPND_DEREF) {
        esc_pointsto_read_flow(a->fn, &a->pt, f, out);
    } else {
        const struct esc_bitset *base = esc_pts(&a->pt, f->src.id);
        for (uint32_t o = esc_bitset_next(base, a->pt.nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, a->pt.nwords, o + 1))
            if (esc_flow_reads_object(a->fn, f->flags, o) &&
                esc_bitset_adds_masked(esc_contents(&a->pt, o), &a->carriable, out, a->pt.nwords) &&
                esc_refine_may_hold(&a->refine, o, f->src.id))
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
            if (f->src.kind == ESC_OPND_UNKNOWN || !esc_refine_persists(&a->refine, id))
                continue;
            esc_read_carried(a, f, &carried);
            for (uint32_t o = esc_bitset_next(&carried, nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&carried, nwords, o + 1)) {
                const struct esc_object *obj = &fn->objects[o];
                if (obj->kind == ESC_OBJ_CALLER) {
                    if (a->summary)
                        esc_record_leak(a, o, id, w);
                    continue;
                }
                bool stack = esc_object_is_stack(obj);
                if (stack ? already_reported(a->out, o, f->stmt) ||
                                !esc_refine_object_persists(&a->refine, id, o, NULL)
                          : obj->kind != ESC_OBJ_HEAP || a->escaping[o])
                    continue;
                uint32_t nsteps;
                struct esc_step *steps = esc_refine_path(&a->refine, o, id, &nsteps);
                if (!steps)
                    continue;
                if (stack) {
                    if (!esc_report_source_returns(a, o, id, steps, nsteps))
                        esc_report(a, o, id, w, steps, nsteps);
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
                          const struct esc_call_context *callees, struct esc_summary *summary,
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
    esc_conds_build(m, fn); /* done already when the whole unit is analysed */
    struct esc_budget outer_budget = esc_budget_begin(fn->nstmts);
    struct analysis a = {.fn = fn, .out = out, .summary = summary};
    struct esc_summary_table merged = {0};
    struct esc_call_context resolve = {0};
    if (callees)
        resolve = *callees;
    resolve.pt = NULL;
    resolve.merged = &merged;
    esc_flows_build(m, fn, &resolve, &a.flows);
    esc_apply_guards(fn, &a.flows);
    esc_pointsto_solve(fn, &a.flows, &a.pt);
    if (resolve.own && has_function_targets(&a)) {
        struct esc_flows again = {0};
        resolve.pt = &a.pt;
        esc_flows_build(m, fn, &resolve, &again);
        esc_apply_guards(fn, &again);
        esc_pointsto_free(&a.pt);
        esc_flows_free(&a.flows);
        a.flows = again;
        esc_pointsto_solve(fn, &a.flows, &a.pt);
    }
    a.writers = esc_index_writers(&a, false);
    esc_refine_init(&a.refine, fn, &a.flows, &a.pt);
    a.refine.own = resolve.own;
    a.refine.models = resolve.models;
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
    if (resolve.config && resolve.config->cross_unit_facts)
        esc_collect_cross_unit_facts(&a);
    /* Before the summaries: a malloc wrapper's summary says whether unknown
       code may share the block it returns. */
    esc_heap_to_stack(fn, &a.flows, &a.pt, &resolve, summary ? summary->fn_index : ESC_NONE, out);
    if (summary)
        esc_summarize_function(&a);
    esc_answer_probes(&a);
    /* qsort's array must not be null even when empty (C11 7.22.5). */
    if (out->nfindings > 1)
        qsort(out->findings, out->nfindings, sizeof *out->findings, compare_findings);
    esc_merge_same_returns(out);

    esc_deep_fields_free(&a);
    esc_refine_free(&a.refine);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        free(a.writers[o].items);
    free(a.writers);
    free(a.escaping);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        free(a.heap_steps[o]);
    free(a.heap_steps);
    free(a.nheap_steps);
    free(a.escape_parent);
    esc_bitset_free(&a.carriable);
    esc_pointsto_free(&a.pt);
    esc_flows_free(&a.flows);
    /* Last: it adds objects, which the arrays above were sized without. */
    if (resolve.config && resolve.config->cross_unit_facts)
        esc_heap_candidates(m, fn, &resolve, summary ? summary->fn_index : ESC_NONE, out);
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
