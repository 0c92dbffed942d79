/* specialize.c - callee summaries for a call's constant arguments, less the paths they rule out. */
#include "core/analysis/specialize.h"
#include "core/ir/conditions.h"
#include "core/analysis/escape.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* How it works (see specialize.h for why).  The lowering records, for
   each block ending in a test of a parameter against constants, which
   values take which edge, and for each call to a function of the unit,
   which arguments are constants or the caller's parameters passed on.
   Here, per function:
   - its ranges are indexed by block;
   - its *relevant* parameters are found: those it tests, and those it
     passes on to a relevant parameter of a callee (a fixed point over the
     unit).  Only constants for those can change a summary.
   At a call, the constants for the callee's relevant parameters pick a
   cached specialisation, or make one: the blocks reachable from the entry
   through edges the constants allow are live; the callee is analysed
   again (esc_analyze_function) with the flows of the other blocks
   dropped (flows.c asks esc_spec_dead), and its summary replaces the
   plain one for that call.  Inside that analysis the callee's own
   parameters are constants too, so a wrapper that passes its argument on
   (`text (c, z, del)` calling `set_text (c->out, z, del)`) is followed.

   Values: below 64 bits, numbers (a constant must fit the callee's
   parameter type, or the conversion would change it); at 64 bits, bit
   patterns, which every conversion to a 64-bit type keeps. */

/* Analyses per unit: a budget against code that calls thousands of
   functions with distinct constants.  Past it, calls use plain summaries. */
#define MAX_ANALYSES 4096
/* Specialisations analysed one inside the other (each a C stack frame of
   the analysis): a chain of wrappers passing constants on is short. */
#define MAX_DEPTH 32

struct esc_spec_function {
    uint64_t relevant; /* parameters (the first 64) worth a constant */
};

struct spec_entry {
    uint32_t fn, nconsts;
    uint32_t *params;
    int64_t *values;
    const struct esc_summary *summary;
    struct esc_summary *own; /* the specialised summary, when there is one */
    bool *live;              /* while it may be analysed again */
    uint32_t session;        /* 0, or the recursion session it is provisional in */
    uint32_t next;           /* 1 + the next entry with the same hash, or 0 */
};

struct esc_spec_cache {
    const struct esc_module *m;
    const struct esc_summary_table *own;
    struct esc_summary_table *owner;
    struct esc_spec_function *fns;
    uint32_t n, cap;
    struct spec_entry *entries;
    struct esc_u64map index; /* hash -> 1 + the first entry */
    uint32_t analyses;
    uint32_t depth;   /* specialisations being analysed, one inside the other */
    uint32_t current; /* the component whose functions are being analysed */
    /* The recursion session under way (see esc_specialize_call): its
       component and number, or ESC_NONE and 0. */
    uint32_t session_component, session;
    uint32_t nsessions;
};

/* The index of the unit's function a direct call names, or ESC_NONE. */
static uint32_t callee_index(const struct esc_spec_cache *c, const struct esc_stmt *s)
{
    if (s->kind != ESC_STMT_CALL || !s->callee || !(s->flags & ESC_CALLF_DEFINED))
        return ESC_NONE;
    const struct esc_summary *sum = esc_summary_table_find(c->own, s->callee);
    if (!sum || !sum->fn || sum->fn_index >= c->m->nfunctions ||
        c->m->functions[sum->fn_index] != sum->fn)
        return ESC_NONE;
    return sum->fn_index;
}

static void index_ranges(const struct esc_function *fn, struct esc_spec_function *info)
{
    for (uint32_t i = 0; i < fn->nparam_ranges; i++)
        if (fn->param_ranges[i].param != ESC_NONE && fn->param_ranges[i].param < 64)
            info->relevant |= UINT64_C(1) << fn->param_ranges[i].param;
}

/* A parameter passed on to a relevant parameter of a callee is relevant. */
static void find_relevant(struct esc_spec_cache *c)
{
    const struct esc_module *m = c->m;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t f = 0; f < m->nfunctions; f++) {
            const struct esc_function *fn = m->functions[f];
            for (uint32_t i = 0; i < fn->narg_sources; i++) {
                const struct esc_arg_source *src = &fn->arg_sources[i];
                if (!src->is_param || src->param >= 64 || src->arg >= 64 ||
                    c->fns[f].relevant >> src->param & 1)
                    continue;
                uint32_t g = callee_index(c, &fn->stmts[src->stmt]);
                if (g != ESC_NONE && c->fns[g].relevant >> src->arg & 1) {
                    c->fns[f].relevant |= UINT64_C(1) << src->param;
                    changed = true;
                }
            }
        }
    }
}

struct esc_spec_cache *esc_spec_cache_new(const struct esc_module *m,
                                          const struct esc_summary_table *own,
                                          struct esc_summary_table *owner)
{
    struct esc_spec_cache *c = esc_xcalloc(1, sizeof *c);
    c->m = m;
    c->own = own;
    c->owner = owner;
    c->fns = esc_xcalloc(m->nfunctions + 1, sizeof *c->fns);
    c->session_component = ESC_NONE;
    for (uint32_t f = 0; f < m->nfunctions; f++)
        index_ranges(m->functions[f], &c->fns[f]);
    find_relevant(c);
    return c;
}

void esc_spec_cache_free(struct esc_spec_cache *c)
{
    if (!c)
        return;
    free(c->fns);
    for (uint32_t i = 0; i < c->n; i++) {
        free(c->entries[i].params);
        free(c->entries[i].values);
        free(c->entries[i].live);
    }
    free(c->entries);
    esc_u64map_free(&c->index);
    free(c);
}

static bool context_value(const struct esc_spec_context *ctx, uint32_t param, int64_t *out)
{
    for (uint32_t i = 0; i < ctx->nconsts; i++)
        if (ctx->params[i] == param) {
            *out = ctx->values[i];
            return true;
        }
    return false;
}

static bool known_value(const void *ctx, uint32_t param, int64_t *out)
{
    return context_value(ctx, param, out);
}

/* Can the edge from block B to block S be taken with the context's
   values? */
static bool edge_taken(const struct esc_spec_context *ctx, uint32_t b, uint32_t s)
{
    return esc_edge_possible(ctx->fn, b, s, known_value, ctx);
}

static void find_live(struct esc_spec_context *ctx)
{
    const struct esc_function *fn = ctx->fn;
    ctx->live = esc_xcalloc(fn->nblocks + 1, sizeof *ctx->live);
    if (fn->entry == ESC_NONE || fn->entry >= fn->nblocks) {
        for (uint32_t b = 0; b < fn->nblocks; b++)
            ctx->live[b] = true;
        return;
    }
    uint32_t *queue = esc_xmalloc((fn->nblocks + 1) * sizeof *queue);
    uint32_t head = 0, tail = 0;
    ctx->live[fn->entry] = true;
    queue[tail++] = fn->entry;
    while (head < tail) {
        uint32_t b = queue[head++];
        const struct esc_block *blk = &fn->blocks[b];
        for (uint32_t k = 0; k < blk->nsucc; k++) {
            uint32_t s = blk->succ[k];
            if (!ctx->live[s] && edge_taken(ctx, b, s)) {
                ctx->live[s] = true;
                queue[tail++] = s;
            }
        }
    }
    free(queue);
}

bool esc_spec_dead(const struct esc_call_context *callees, const struct esc_function *fn,
                   uint32_t stmt, uint32_t arg)
{
    const struct esc_spec_context *ctx = callees ? callees->spec : NULL;
    if (!ctx || ctx->fn != fn)
        return false;
    const struct esc_stmt *s = &fn->stmts[stmt];
    if (s->block == ESC_NONE)
        return false; /* a front-end fact outside the CFG */
    if (!ctx->live[s->block])
        return true;
    if (!arg || s->kind != ESC_STMT_PHI || !s->arg_blocks || arg > s->nargs)
        return false;
    uint32_t from = s->arg_blocks[arg - 1];
    return from != ESC_NONE && (!ctx->live[from] || !edge_taken(ctx, from, s->block));
}

/* Does a constant V of a caller reach callee parameter P unchanged? */
static bool representable(const struct esc_param *p, int64_t v)
{
    if (!p->value_bits)
        return false;
    if (p->value_bits >= 64)
        return true;
    if (p->value_unsigned)
        return v >= 0 && (uint64_t)v < (UINT64_C(1) << p->value_bits);
    int64_t half = INT64_C(1) << (p->value_bits - 1);
    return v >= -half && v < half;
}

static uint64_t entry_hash(uint32_t f, uint32_t n, const uint32_t *params, const int64_t *values)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ f;
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ params[i]) * 0x100000001b3u;
        h = (h ^ (uint64_t)values[i]) * 0x100000001b3u;
        h ^= h >> 29;
    }
    return h;
}

static struct spec_entry *find_entry(struct esc_spec_cache *c, uint64_t h, uint32_t f, uint32_t n,
                                     const uint32_t *params, const int64_t *values)
{
    uint32_t *first = esc_u64map_get(&c->index, h);
    for (uint32_t i = first ? *first : 0; i; i = c->entries[i - 1].next) {
        struct spec_entry *e = &c->entries[i - 1];
        if (e->fn == f && e->nconsts == n && !memcmp(e->params, params, n * sizeof *params) &&
            !memcmp(e->values, values, n * sizeof *values))
            return e;
    }
    return NULL;
}

/* Would the analysis for CTX differ from the plain one: a block ruled
   out, or a constant passed on to a callee that can use it? */
static bool changes_anything(const struct esc_spec_cache *c, const struct esc_spec_context *ctx)
{
    const struct esc_function *fn = ctx->fn;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        if (!ctx->live[b])
            return true;
    for (uint32_t i = 0; i < fn->narg_sources; i++) {
        const struct esc_arg_source *src = &fn->arg_sources[i];
        int64_t v;
        if (!src->is_param || src->arg >= 64 || !context_value(ctx, src->param, &v))
            continue;
        uint32_t g = callee_index(c, &fn->stmts[src->stmt]);
        if (g != ESC_NONE && c->fns[g].relevant >> src->arg & 1)
            return true;
    }
    return false;
}

void esc_spec_cache_enter(struct esc_spec_cache *c, uint32_t component)
{
    if (c)
        c->current = component;
}

/* Analyse ENTRY's function for its values, adding to its summary. */
static void analyse(struct esc_spec_cache *c, struct esc_module *m,
                    const struct esc_call_context *callees, uint32_t entry)
{
    const struct spec_entry *e = &c->entries[entry];
    struct esc_function *fn = m->functions[e->fn];
    struct esc_summary *summary = e->own;
    struct esc_spec_context ctx = {.fn = fn,
                                   .nconsts = e->nconsts,
                                   .params = e->params,
                                   .values = e->values,
                                   .live = e->live,
                                   .info = &c->fns[e->fn]};
    struct esc_call_context inner = *callees;
    inner.spec = &ctx;
    struct esc_function_result discarded;
    c->analyses++;
    c->depth++;
    esc_analyze_function(m, fn, &inner, summary, &discarded); /* may move c->entries */
    esc_function_result_free(&discarded);
    c->depth--;
}

const struct esc_summary *esc_specialize_call(struct esc_module *m, const struct esc_function *fn,
                                              const struct esc_call_context *callees, uint32_t stmt,
                                              const struct esc_summary *sum)
{
    struct esc_spec_cache *c = callees ? callees->spec_cache : NULL;
    if (!c || !sum || !sum->fn || sum->fn_index >= m->nfunctions ||
        m->functions[sum->fn_index] != sum->fn)
        return sum;
    uint32_t f = sum->fn_index;
    const struct esc_function *callee = sum->fn;
    uint64_t relevant = c->fns[f].relevant;
    if (!relevant)
        return sum;
    /* Only a finished summary may be analysed again: not one of the
       component whose fixed point is being computed. */
    if (!callees->component || callees->component[f] >= c->current)
        return sum;

    /* The call's values for the callee's relevant parameters. */
    uint32_t params[64];
    int64_t values[64];
    uint32_t n = 0;
    const struct esc_spec_context *outer =
        callees->spec && callees->spec->fn == fn ? callees->spec : NULL;
    uint32_t lo = 0, hi = fn->narg_sources;
    while (lo < hi) { /* the first source of STMT: they are in statement order */
        uint32_t mid = lo + (hi - lo) / 2;
        if (fn->arg_sources[mid].stmt < stmt)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < fn->narg_sources && fn->arg_sources[i].stmt == stmt; i++) {
        const struct esc_arg_source *src = &fn->arg_sources[i];
        int64_t v = src->value;
        if (src->arg >= 64 || src->arg >= callee->nparams || !(relevant >> src->arg & 1) ||
            (src->is_param && !(outer && context_value(outer, src->param, &v))) ||
            !representable(&callee->params[src->arg], v) || (n && params[n - 1] >= src->arg))
            continue;
        params[n] = src->arg;
        values[n++] = v;
    }
    if (!n)
        return sum;

    uint64_t h = entry_hash(f, n, params, values);
    struct spec_entry *known = find_entry(c, h, f, n, params, values);
    if (known)
        return known->summary;
    if (c->analyses >= MAX_ANALYSES || c->depth >= MAX_DEPTH)
        return sum;

    struct spec_entry *e = ESC_PUSH(c->entries, c->n, c->cap);
    uint32_t entry = c->n - 1;
    memset(e, 0, sizeof *e);
    e->fn = f;
    e->nconsts = n;
    e->params = esc_xmalloc(n * sizeof *e->params);
    e->values = esc_xmalloc(n * sizeof *e->values);
    memcpy(e->params, params, n * sizeof *params);
    memcpy(e->values, values, n * sizeof *values);
    e->summary = sum;
    uint32_t *first = esc_u64map_get(&c->index, h);
    e->next = first ? *first : 0;
    esc_u64map_put(&c->index, h, c->n);

    struct esc_spec_context ctx = {
        .fn = callee, .nconsts = n, .params = e->params, .values = e->values, .info = &c->fns[f]};
    find_live(&ctx);
    e->live = ctx.live;
    if (!changes_anything(c, &ctx)) {
        free(e->live);
        e->live = NULL;
        return sum;
    }
    e->own = esc_summary_new(callee->name, callee->nparams);
    e->own->fn = callee;
    e->own->fn_index = f;
    esc_summary_table_keep(c->owner, e->own);
    e->summary = e->own;
    bool cyclic = callees->recursive && callees->recursive[f];
    if (!cyclic) {
        analyse(c, m, callees, entry);
        free(c->entries[entry].live);
        c->entries[entry].live = NULL;
        return c->entries[entry].summary;
    }

    /* A function of a recursive component calls itself, or its partners,
       maybe with the same constants.  As for the plain summaries
       (summarize.c), the specialisations of one component start empty and
       are analysed again, all of them, until none grows; only then are
       they final.  A session may start inside another's analysis: it is
       for an earlier component, which never calls back. */
    if (c->session_component == callees->component[f]) {
        c->entries[entry].session = c->session;
        analyse(c, m, callees, entry); /* the session's rounds finish it */
        return c->entries[entry].summary;
    }
    uint32_t saved_component = c->session_component, saved = c->session;
    c->session_component = callees->component[f];
    c->session = ++c->nsessions;
    c->entries[entry].session = c->session;
    analyse(c, m, callees, entry);
    for (bool grew = true; grew;) {
        grew = false;
        for (uint32_t i = entry; i < c->n; i++) {
            if (c->entries[i].session != c->session)
                continue;
            uint64_t before = esc_summary_weight(c->entries[i].own);
            analyse(c, m, callees, i);
            grew |= esc_summary_weight(c->entries[i].own) != before;
        }
    }
    for (uint32_t i = entry; i < c->n; i++)
        if (c->entries[i].session == c->session) {
            c->entries[i].session = 0;
            free(c->entries[i].live);
            c->entries[i].live = NULL;
        }
    c->session_component = saved_component;
    c->session = saved;
    return c->entries[entry].summary;
}
