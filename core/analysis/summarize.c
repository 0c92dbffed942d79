/* summarize.c - the whole unit summarized callees first: call graph, SCCs, a fixed point each. */
#include "core/analysis/escape.h"
#include "core/analysis/readers.h"
#include "core/ir/conditions.h"
#include "core/solve/flows.h"
#include "core/ir/scc.h"
#include "core/analysis/specialize.h"
#include "core/summaries/summary.h"
#include "core/summaries/declared.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* Summaries are computed bottom-up over the call graph, as in Go's
   escape analysis: a function is analysed after every function it calls,
   so each call can be resolved with the callee's finished summary.  The
   call graph's strongly connected components (Tarjan, scc.c) are visited
   callees first.  Inside a component (mutual recursion, or a function
   calling itself) the summaries start empty and every member is analysed
   again until none of them grows.  That terminates because summaries only
   grow (a bigger callee summary adds flows, and flows only add to
   points-to sets) and are bounded by the number of parameters; it is exact
   because each member's last analysis ran with the final summaries of its
   callees, so its findings are kept.  Only a member whose callee grew is
   analysed again: in SQLite, sqlite3VdbeExec sits in a component of 189
   functions that needs four rounds, and analysing every member in every
   round was two thirds of the plugin's time.  Calls specialised for
   constant arguments (specialize.c) only ever use callees of earlier
   components, whose summaries are final, so a member's inputs change
   only when a member it calls grows.

   Besides direct calls, a function depends on every function whose
   address it takes: an indirect call through that address can then use
   the target's summary (flows.c), so the target is summarised first. */

static uint32_t function_index(const struct esc_summary_table *own, const char *name)
{
    const struct esc_summary *s = esc_summary_table_find(own, name);
    return s ? (uint32_t)(s->fn_index) : ESC_NONE;
}

static void add_edge(uint32_t **adj, uint32_t *n, uint32_t *cap, uint32_t to)
{
    if (to != ESC_NONE)
        *ESC_PUSH(*adj, *n, *cap) = to;
}

static void operand_edge(const struct esc_function *fn, const struct esc_summary_table *own,
                         const struct esc_operand *op, uint32_t **adj, uint32_t *n, uint32_t *cap)
{
    if (op->kind == ESC_OPND_ADDR && op->id < fn->nobjects &&
        fn->objects[op->id].kind == ESC_OBJ_FUNCTION)
        add_edge(adj, n, cap, function_index(own, fn->objects[op->id].name));
}

/* Callee edges: direct calls to this unit's functions, and every function
   whose address is taken. */
static void build_call_graph(const struct esc_module *m, const struct esc_summary_table *own,
                             uint32_t **start_out, uint32_t **adj_out)
{
    uint32_t *start = esc_xmalloc((m->nfunctions + 1) * sizeof *start);
    uint32_t *adj = NULL, n = 0, cap = 0;
    for (uint32_t f = 0; f < m->nfunctions; f++) {
        const struct esc_function *fn = m->functions[f];
        start[f] = n;
        for (uint32_t id = 0; id < fn->nstmts; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            if (s->kind == ESC_STMT_CALL && s->callee && s->flags & ESC_CALLF_DEFINED)
                add_edge(&adj, &n, &cap, function_index(own, s->callee));
            for (uint32_t a = 0; a < s->nargs; a++)
                operand_edge(fn, own, &s->args[a], &adj, &n, &cap);
            operand_edge(fn, own, &s->target, &adj, &n, &cap);
        }
    }
    start[m->nfunctions] = n;
    *start_out = start;
    *adj_out = adj;
}

/* The callers of each function (CSR), from the callee edges. */
static void reverse_edges(uint32_t n, const uint32_t *start, const uint32_t *adj,
                          uint32_t **rstart_out, uint32_t **radj_out)
{
    uint32_t *rstart = esc_xcalloc(n + 2, sizeof *rstart);
    uint32_t *radj = esc_xmalloc((start[n] + 1) * sizeof *radj);
    for (uint32_t e = 0; e < start[n]; e++)
        rstart[adj[e] + 1]++;
    for (uint32_t f = 0; f < n; f++)
        rstart[f + 1] += rstart[f];
    uint32_t *fill = esc_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, rstart, (n + 1) * sizeof *fill);
    for (uint32_t f = 0; f < n; f++)
        for (uint32_t e = start[f]; e < start[f + 1]; e++)
            radj[fill[adj[e]]++] = f;
    free(fill);
    *rstart_out = rstart;
    *radj_out = radj;
}

static bool calls_itself(uint32_t f, const uint32_t *start, const uint32_t *adj)
{
    for (uint32_t e = start[f]; e < start[f + 1]; e++)
        if (adj[e] == f)
            return true;
    return false;
}

/* Safety net only: each round of a component adds at least one fact to
   its summaries, so real code stops long before this. */
#define MAX_ROUNDS 1000

void esc_analyze_module(struct esc_module *m, const struct esc_summary_table *models,
                        const struct esc_config *config, struct esc_results *out,
                        struct esc_summary_table *summaries)
{
    uint32_t n = m->nfunctions;
    memset(out, 0, sizeof *out);
    out->nfunctions = n;
    out->functions = esc_xcalloc(n + 1, sizeof *out->functions);
    for (uint32_t f = 0; f < n; f++) {
        struct esc_summary *s = esc_summary_new(m->functions[f]->name, m->functions[f]->nparams);
        s->fn = m->functions[f];
        s->fn_index = f;
        esc_summary_table_add(summaries, s);
    }
    for (uint32_t f = 0; f < n; f++)
        esc_conds_build(m, m->functions[f]);
    esc_module_fold_wide_ints(m);
    uint32_t *start, *adj;
    build_call_graph(m, summaries, &start, &adj);
    uint32_t *comp = esc_xmalloc((n + 1) * sizeof *comp);
    struct esc_graph g = {n, start, adj};
    uint32_t ncomp = esc_scc(&g, comp);

    /* Functions grouped by component, components in callee-first order. */
    uint32_t *first = esc_xcalloc(ncomp + 2, sizeof *first);
    uint32_t *order = esc_xmalloc((n + 1) * sizeof *order);
    for (uint32_t f = 0; f < n; f++)
        first[comp[f] + 1]++;
    for (uint32_t c = 0; c < ncomp; c++)
        first[c + 1] += first[c];
    uint32_t *fill = esc_xmalloc((ncomp + 1) * sizeof *fill);
    for (uint32_t c = 0; c < ncomp; c++)
        fill[c] = first[c];
    for (uint32_t f = 0; f < n; f++)
        order[fill[comp[f]]++] = f;

    bool *recursive = esc_xcalloc(n + 1, sizeof *recursive);
    for (uint32_t c = 0; c < ncomp; c++)
        for (uint32_t k = first[c]; k < first[c + 1]; k++)
            recursive[order[k]] =
                first[c + 1] - first[c] > 1 || calls_itself(order[first[c]], start, adj);
    struct esc_summary_table declared = {0};
    esc_declared_summaries(m, &declared);
    struct esc_call_context callees = {.own = summaries,
                                       .models = models,
                                       .declared = &declared,
                                       .component = comp,
                                       .recursive = recursive,
                                       .config = config,
                                       .spec_cache = esc_spec_cache_new(m, summaries, summaries),
                                       .choose_summary = esc_specialize_call,
                                       .stmt_dead = esc_spec_dead};
    uint32_t *rstart, *radj;
    reverse_edges(n, start, adj, &rstart, &radj);
    bool *stale = esc_xmalloc((n + 1) * sizeof *stale);
    for (uint32_t f = 0; f < n; f++)
        stale[f] = true;
    for (uint32_t c = 0; c < ncomp; c++) {
        uint32_t lo = first[c], hi = first[c + 1];
        bool cycle = recursive[order[lo]];
        esc_spec_cache_enter(callees.spec_cache, c);
        for (uint32_t round = 0; round < MAX_ROUNDS; round++) {
            bool grew = false;
            for (uint32_t k = lo; k < hi; k++) {
                uint32_t f = order[k];
                if (!stale[f])
                    continue;
                stale[f] = false;
                struct esc_summary *s = summaries->items[f];
                uint64_t before = esc_summary_weight(s);
                esc_function_result_free(&out->functions[f]);
                esc_analyze_function(m, m->functions[f], &callees, s, &out->functions[f]);
                if (esc_summary_weight(s) == before)
                    continue;
                grew = true;
                for (uint32_t e = rstart[f]; e < rstart[f + 1]; e++)
                    if (comp[radj[e]] == c)
                        stale[radj[e]] = true;
            }
            if (!cycle || !grew)
                break;
        }
    }
    esc_spec_cache_free(callees.spec_cache);
    /* Findings and summaries may point into them: they live as long. */
    for (uint32_t i = 0; i < declared.n; i++)
        esc_summary_table_keep(summaries, declared.items[i]);
    declared.n = 0;
    esc_summary_table_free(&declared);
    esc_rank_readers(m, summaries, out, config && config->cross_unit_facts);
    free(stale);
    free(rstart);
    free(radj);
    free(recursive);
    free(fill);
    free(order);
    free(first);
    free(comp);
    free(start);
    free(adj);
}
