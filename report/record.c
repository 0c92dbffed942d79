/* record.c - the record -fplugin-arg-escape-embed puts in the object file, for gcc-escape link.

   One translation unit's record holds what other units need to know and
   what only they can settle (docs/link.md has the format):
   - "functions": each function other units can call, with what every
     parameter does (leaks, frees, `unknown` for reasons no other unit
     can settle) and "calls": the calls into other units it reaches;
   - "facts": stack objects that reach calls into other units, and
     allocations only such calls keep on the heap.
   The linker concatenates the sections of every object it links, so a
   record is framed ("GCC-ESCAPE 1 <length>\n" then that many bytes of
   JSON) and readers walk them one after another. */
#include "report/record.h"
#include "report/diagtext.h"
#include "report/json.h"
#include "report/names.h"
#include "core/base/util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *deps_json(const struct esc_cross_dep *deps, uint32_t n, bool with_from)
{
    json_t *list = json_array();
    for (uint32_t i = 0; i < n; i++) {
        json_t *d = json_object();
        json_object_set_new(d, "callee", json_string(deps[i].callee));
        json_object_set_new(d, "arg", json_integer(deps[i].arg + 1));
        if (with_from)
            json_object_set_new(d, "from", json_integer(deps[i].from));
        json_object_set_new(d, "level", json_integer(deps[i].to));
        json_array_append_new(list, d);
    }
    return list;
}

/* {"name": "free", "param": 1}: a deallocator and its argument. */
static json_t *dealloc_json(const char *name, uint8_t arg)
{
    return json_pack("{sssI}", "name", name, "param", (json_int_t)arg);
}

static json_t *param_json(const struct esc_function *fn, const struct esc_summary *s, uint32_t i)
{
    const struct esc_param_summary *p = &s->params[i];
    json_t *out = json_object();
    json_object_set_new(out, "index", json_integer(i + 1));
    if (i < fn->nparams && fn->params[i].name)
        json_object_set_new(out, "name", json_string(fn->params[i].name));
    json_t *leaks = json_array();
    for (unsigned level = 0; level < ESC_LEAK_LEVELS; level++)
        for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++)
            if (p->leaks[level] & 1u << k)
                json_array_append_new(
                    leaks,
                    esc_json_leak(fn, level, k, -1, k == ESC_LEAK_PARAM ? NULL : p->why[level][k]));
    json_object_set_new(out, "leaks", leaks);
    json_object_set_new(out, "freed", json_boolean(p->freed || p->freed_deep));
    if (p->freed && p->dealloc)
        json_object_set_new(out, "dealloc", dealloc_json(p->dealloc, p->dealloc_arg));
    json_object_set_new(out, "unknown", json_boolean(p->unknown_other));
    json_object_set_new(out, "calls", deps_json(p->deps, p->ndeps, true));
    return out;
}

static json_t *function_json(const struct esc_function *fn, const struct esc_summary *s)
{
    json_t *out = json_object();
    json_object_set_new(out, "name", json_string(fn->name));
    esc_json_set_loc(out, fn->loc);
    json_t *params = json_array();
    for (uint32_t i = 0; i < s->nparams && i < ESC_MAX_TRACKED_PARAMS; i++)
        json_array_append_new(params, param_json(fn, s, i));
    json_object_set_new(out, "params", params);
    if (s->ret.fresh) {
        /* An allocator: what link needs to size another unit's block. */
        json_t *ret = json_object();
        json_object_set_new(ret, "fresh", json_true());
        json_object_set_new(ret, "shared", json_boolean(s->ret.shared));
        if (s->ret.size_param >= 0)
            json_object_set_new(ret, "size_param", json_integer(s->ret.size_param + 1));
        if (s->ret.size_param >= 0 && s->ret.count_param >= 0)
            json_object_set_new(ret, "count_param", json_integer(s->ret.count_param + 1));
        if (s->ret.size >= 0)
            json_object_set_new(ret, "size", json_integer(s->ret.size));
        uint8_t arg;
        const char *dealloc = esc_ret_dealloc(&s->ret, &arg);
        json_object_set_new(ret, "deallocator", dealloc_json(dealloc, arg));
        json_object_set_new(out, "returns", ret);
    }
    return out;
}

static const char *const lifetime_names[] = {
    [ESC_HEAP_FREED] = "freed",
    [ESC_HEAP_FREED_EACH_ITERATION] = "freed-each-iteration",
    [ESC_HEAP_NEVER_FREED] = "never-freed",
};

/* A block another unit's function returns: what link needs to decide. */
static void candidate_json(json_t *out, const struct esc_function *fn,
                           const struct esc_cross_fact *f)
{
    json_t *alloc = json_object();
    json_object_set_new(alloc, "callee", json_string(f->allocator));
    json_t *args = json_array();
    for (uint8_t i = 0; i < f->nconsts; i++)
        json_array_append_new(args, json_pack("{sIsI}", "arg", (json_int_t)f->const_arg[i], "value",
                                              (json_int_t)f->const_value[i]));
    json_object_set_new(alloc, "args", args);
    json_object_set_new(alloc, "heap_max", json_integer(f->heap_max));
    json_object_set_new(out, "allocator", alloc);
    json_t *frees = json_array();
    for (uint32_t i = 0; i < f->nfrees; i++)
        json_array_append_new(frees, f->free_dealloc[i]
                                         ? dealloc_json(f->free_dealloc[i], f->free_dealloc_arg[i])
                                         : json_null());
    json_object_set_new(out, "frees", frees);
    json_t *releases = json_array();
    for (uint8_t i = 0; i < f->nreleases; i++) {
        const struct esc_stmt *s = &fn->stmts[f->release_stmt[i]];
        json_t *r = json_object();
        json_object_set_new(r, "callee", json_string(s->callee ? s->callee : ""));
        json_object_set_new(r, "arg", json_integer(f->release_arg[i]));
        esc_json_set_loc(r, s->loc);
        json_array_append_new(releases, r);
    }
    json_object_set_new(out, "releases", releases);
    json_t *lifetimes = json_array();
    for (uint32_t mask = 0; mask < 1u << f->nreleases; mask++)
        json_array_append_new(lifetimes, f->lifetimes[mask] >= 0
                                             ? json_string(lifetime_names[f->lifetimes[mask]])
                                             : json_null());
    json_object_set_new(out, "lifetimes", lifetimes);
}

/* A fact, with its words and notes rendered here, where the function's
   IR is at hand: gcc-escape link only adds what the other units say. */
static json_t *fact_json(const struct esc_function *fn, const struct esc_cross_fact *f)
{
    json_t *out = json_object();
    bool heap = f->kind == ESC_FACT_HEAP;
    json_object_set_new(out, "kind", json_string(heap ? "heap" : "escape"));
    json_object_set_new(out, "function", json_string(fn->name));
    char *what = esc_describe_object(fn, f->object);
    json_object_set_new(out, "object", json_string(what));
    free(what);
    const struct esc_stmt *call = &fn->stmts[heap ? f->stmt : f->call];
    esc_json_set_loc(out, call->loc);
    struct esc_finding finding = {
        .rule = heap ? ESC_RULE_HEAP_TO_STACK : ESC_RULE_ESCAPE_CALL,
        .object = f->object,
        .stmt = f->stmt,
        .sink = ESC_NONE,
        .heap_root = ESC_NONE,
        .loc = call->loc,
        .nsteps = f->nsteps,
        .steps = f->steps,
        .size = f->size,
        .lifetime = f->lifetime,
        .nfrees = f->nfrees,
        .frees = f->frees,
    };
    struct esc_diag d;
    esc_render_finding(fn, &finding, &d);
    if (heap && f->allocator) {
        candidate_json(out, fn, f);
    } else if (heap) {
        json_object_set_new(out, "message", json_string(d.message));
    } else {
        json_object_set_new(out, "callee", json_string(call->callee ? call->callee : ""));
        json_object_set_new(out, "arg", json_integer(f->arg));
    }
    json_object_set_new(out, "notes", esc_json_notes(&d, -1));
    esc_diag_free(&d);
    json_object_set_new(out, "reaches", deps_json(f->deps, f->ndeps, false));
    return out;
}

/* "offset" and "size" when the bytes are known. */
static void set_bytes(json_t *out, int64_t offset, int64_t size)
{
    if (offset != ESC_UNKNOWN_OFFSET && size > 0) {
        json_object_set_new(out, "offset", json_integer(offset));
        json_object_set_new(out, "size", json_integer(size));
    }
}

/* A finding only the whole program can rank (readers.c): its words and
   notes, less the unit's own reader note, and the place. */
static json_t *stale_json(const struct esc_function *fn, const struct esc_finding *f)
{
    struct esc_diag d;
    esc_render_finding(fn, f, &d);
    json_t *out = json_object();
    json_object_set_new(out, "rule", json_string(esc_rule_info(f->rule)->id));
    json_object_set_new(out, "function", json_string(fn->name));
    esc_json_set_loc(out, f->loc);
    json_object_set_new(out, "message", json_string(d.message));
    json_object_set_new(out, "notes", esc_json_notes(&d, ESC_NOTE_READER));
    esc_diag_free(&d);
    if (!f->read_static) {
        json_t *callers = json_array();
        for (uint8_t i = 0; i < f->nread_callers; i++) {
            const struct esc_read_caller *c = &f->read_callers[i];
            json_t *q = json_object();
            json_object_set_new(q, "function", json_string(c->function));
            json_object_set_new(q, "param", json_integer(c->param + 1));
            set_bytes(q, c->offset, c->size);
            if (c->called)
                json_object_set_new(q, "called", json_true());
            json_array_append_new(callers, q);
        }
        json_object_set_new(out, "callers", callers);
        return out;
    }
    json_object_set_new(out, "static", json_string(f->read_static));
    set_bytes(out, f->read_offset, f->read_size);
    return out;
}

/* This unit as a caller of other units' functions (readers.c). */
static json_t *calls_out_json(const struct esc_results *results)
{
    json_t *out = json_object(), *callees = json_array(), *taken = json_array();
    for (uint32_t i = 0; i < results->ncallees; i++)
        json_array_append_new(callees, json_string(results->callees[i]));
    for (uint32_t i = 0; i < results->ntaken_fns; i++)
        json_array_append_new(taken, json_string(results->taken_fns[i]));
    json_t *reads = json_array();
    for (uint32_t i = 0; i < results->ncall_reads; i++) {
        const struct esc_call_read *c = &results->call_reads[i];
        json_t *r = json_object();
        json_object_set_new(r, "callee", json_string(c->callee));
        json_object_set_new(r, "arg", json_integer(c->arg));
        set_bytes(r, c->offset, c->size);
        json_object_set_new(r, "function", json_string(c->reader));
        esc_json_set_loc(r, c->loc);
        if (c->taken)
            json_object_set_new(r, "taken", json_true());
        if (c->why)
            json_object_set_new(r, "unsure", json_string(c->why));
        json_array_append_new(reads, r);
    }
    json_object_set_new(out, "callees", callees);
    json_object_set_new(out, "taken", taken);
    json_object_set_new(out, "reads", reads);
    return out;
}

/* A load of an external static that may meet a stale address. */
static json_t *read_json(const struct esc_static_read *r)
{
    json_t *out = json_object();
    json_object_set_new(out, "static", json_string(r->name));
    set_bytes(out, r->offset, r->size);
    json_object_set_new(out, "entry", json_string(r->entry));
    json_object_set_new(out, "function", json_string(r->reader));
    esc_json_set_loc(out, r->loc);
    if (r->taken)
        json_object_set_new(out, "taken", json_true());
    return out;
}

char *esc_embed_record(const struct esc_module *m, const struct esc_results *results,
                       const struct esc_summary_table *summaries,
                       const struct esc_report_info *info)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string("gcc-escape-object/1"));
    json_object_set_new(root, "version", json_string(info && info->version ? info->version : "?"));
    if (info && info->source)
        esc_json_set_name(root, "source", info->source);
    json_t *functions = json_array(), *facts = json_array(), *stale = json_array();
    for (uint32_t i = 0; m && results && i < results->nfunctions && i < m->nfunctions; i++) {
        const struct esc_function_result *r = &results->functions[i];
        const struct esc_summary *s =
            summaries && i < summaries->n && summaries->items[i]->fn == r->fn ? summaries->items[i]
                                                                              : NULL;
        if (s && r->fn->exported && !r->skipped && (s->nparams || s->ret.fresh))
            json_array_append_new(functions, function_json(r->fn, s));
        for (uint32_t k = 0; k < r->nfacts; k++)
            json_array_append_new(facts, fact_json(r->fn, &r->facts[k]));
        for (uint32_t k = 0; k < r->nfindings; k++)
            if (r->findings[k].read_static || r->findings[k].nread_callers)
                json_array_append_new(stale, stale_json(r->fn, &r->findings[k]));
    }
    json_object_set_new(root, "functions", functions);
    json_object_set_new(root, "facts", facts);
    /* Ranking by readers across units (docs/link.md): optional keys, so
       that a gcc-escape link without them still reads the record. */
    json_t *reads = json_array(), *at_exit = json_array();
    for (uint32_t i = 0; results && i < results->nreads; i++)
        json_array_append_new(reads, read_json(&results->reads[i]));
    for (uint32_t i = 0; results && i < results->nat_exit; i++)
        json_array_append_new(at_exit, json_string(results->at_exit[i]));
    const char *keys[] = {"stale", "reads", "at_exit"};
    json_t *lists[] = {stale, reads, at_exit};
    for (int i = 0; i < 3; i++)
        if (json_array_size(lists[i]))
            json_object_set_new(root, keys[i], lists[i]);
        else
            json_decref(lists[i]);
    if (results && results->reads_overflow)
        json_object_set_new(root, "reads_overflow", json_true());
    /* Without results, the unit has no function: it calls nothing. */
    struct esc_results none = {.calls_listed = true};
    if (!results || results->calls_listed)
        json_object_set_new(root, "calls_out", calls_out_json(results ? results : &none));
    char *json = json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!json)
        return NULL;
    char *record = esc_xasprintf(ESC_EMBED_MAGIC " %zu\n%s", strlen(json), json);
    free(json);
    return record;
}
