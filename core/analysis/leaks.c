/* leaks.c - what a function does with its parameters, from its escapes: its summary for callers. */
#include "core/analysis/analysis.h"
#include "core/refine/overwrite.h"
#include "core/refine/joinclose.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* The search for escapes (escape.c) finds, besides stack addresses,
   the caller's memory (a parameter's pointee, or deeper) reaching an
   object that outlives the frame.  Each such flow is a leak of that
   parameter: to the result, to static storage, kept by a callee or a
   thread, or stored into another parameter's memory.  Go's escape tags
   say the same ("leaking param: p to result ~r0 level=0").  The summary
   also records what callers need to see the leak undone (the place it
   was stored in, the places the function writes), what it frees, and a
   fresh or static return value.  summary.h has the format. */

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
void esc_record_leak(struct analysis *a, uint32_t o, uint32_t id, uint32_t w)
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
        store->dst.kind == ESC_OPND_DEREF && !esc_refine_may_hold(&a->refine, w, store->dst.id))
        return;
    if (level == 1)
        esc_note_deep_fields(a, param, id);
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
    struct esc_step *steps = esc_refine_path(&a->refine, o, id, &nsteps);
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
        else if (op->kind != ESC_OPND_VALUE || esc_refine_may_hold(&a->refine, o, op->id))
            p->freed = true;
    }
    esc_bitset_free(&objs);
}

/* A parameter that is only ever released whole, by one deallocator (a
   call of `free`, of a declared deallocator, or of a function of this
   kind), and that does not leak, reach unknown code or have memory
   behind it freed: `void xfree (void *p) { if (p) free (p); }`.  Its
   callers count a call as a free of that family, not as a change of
   owner. */
static void summarize_deallocs(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    struct esc_bitset set = {0};
    for (uint32_t i = 0; i < fn->nparams && i < a->summary->nparams; i++) {
        struct esc_param_summary *p = &a->summary->params[i];
        p->dealloc = NULL;
        p->dealloc_arg = 0;
        uint32_t caller = fn->params[i].caller;
        if (!p->freed || p->freed_deep || p->unknown || p->leaks[0] || p->leaks[1] ||
            caller == ESC_NONE)
            continue;
        const char *family = NULL;
        uint8_t family_arg = 0;
        bool ok = true;
        for (uint32_t id = 0; id < fn->nstmts && ok; id++) {
            const struct esc_stmt *s = &fn->stmts[id];
            const struct esc_call *call = &a->flows.calls[id];
            if (s->kind != ESC_STMT_CALL)
                continue;
            for (uint32_t j = 0; j < s->nargs && ok; j++) {
                if (set.words)
                    memset(set.words, 0, a->pt.nwords * sizeof *set.words);
                esc_pointsto_read(&a->pt, &s->args[j], &set);
                if (!esc_bitset_has(&set, caller))
                    continue;
                uint8_t darg;
                const char *d = esc_call_dealloc(&a->flows, id, j, &darg);
                if (!d) {
                    /* Released some other way: realloc, or a new owner. */
                    ok = !((call->library && call->library->frees_arg == j + 1) ||
                           (call->summary && j < call->summary->nparams &&
                            call->summary->params[j].freed));
                    continue;
                }
                ok = !family || (strcmp(family, d) == 0 && family_arg == darg);
                family = d;
                family_arg = darg;
            }
        }
        if (ok && family) {
            p->dealloc = family;
            p->dealloc_arg = family_arg;
        }
    }
    esc_bitset_free(&set);
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
                (call->library && call->library->frees_arg == i + 1) || (callee && callee->freed);
            if (frees)
                mark_params(a, &s->args[i], MARK_FREED);
            if (callee && callee->freed_deep) {
                struct esc_operand contents = esc_pointee(&s->args[i]);
                mark_params(a, &contents, MARK_FREED);
            }
            bool external = call->unknown && esc_call_is_external(fn, &a->flows, id);
            if (callee && callee->unknown && !callee->unknown_other && callee->ndeps)
                external = true;
            /* Known from its declaration only: an argument it does not
               deallocate goes to code nothing is known about. */
            bool opaque = call->summary && call->summary->opaque && !callee;
            if (call->unknown || (callee && callee->unknown) || opaque)
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

/* Note the place of parameter memory or a static that object O (at its
   own level, plus EXTRA further) may have written at W. */
static void note_write_to(struct analysis *a, uint32_t o, unsigned extra, const struct esc_site *w)
{
    const struct esc_object *obj = &a->fn->objects[o];
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
        return;
    }
    esc_summary_note_write(a->summary, &site);
}

/* The same for each object in SET, a points-to set read in place: copies
   of it made and freed for each write cost 80 million instructions on
   sqlite3.c. */
static void note_writes_to(struct analysis *a, const struct esc_bitset *set, unsigned extra,
                           const struct esc_site *w)
{
    for (uint32_t o = esc_bitset_next(set, a->pt.nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, a->pt.nwords, o + 1))
        note_write_to(a, o, extra, w);
}

/* The places in its parameters' memory and in statics the function may
   write: what lets a caller see that `pop ()` undoes `push (&frame)`. */
static void summarize_writes(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    /* Callees whose statics are noted already: a callee's static places
       are the same at each of its calls, and noting them again only
       found each one there (16 million instructions on sqlite3.c). */
    struct esc_u64map statics_noted = {0};
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind == ESC_STMT_ASSIGN && esc_place_exact(&s->lhs)) {
            struct esc_site w = {.offset = s->lhs.offset, .size = s->lhs.size};
            if (s->lhs.kind == ESC_OPND_MEM)
                note_write_to(a, s->lhs.id, 0, &w);
            else if (s->lhs.kind == ESC_OPND_DEREF)
                note_writes_to(a, esc_pts(&a->pt, s->lhs.id), 0, &w);
        }
        const struct esc_summary *callee =
            s->kind == ESC_STMT_CALL ? a->flows.calls[id].summary : NULL;
        if (!callee)
            continue;
        if (callee->writes_overflow)
            a->summary->writes_overflow = true;
        bool statics = !esc_u64map_get(&statics_noted, (uintptr_t)callee);
        if (statics)
            esc_u64map_put(&statics_noted, (uintptr_t)callee, 1);
        for (uint32_t i = 0; i < callee->nwrites; i++) {
            const struct esc_site *w = &callee->writes[i];
            if (w->param == ESC_SITE_STATIC) {
                if (statics)
                    esc_summary_note_write(a->summary, w);
                continue;
            }
            if (w->param >= s->nargs || s->args[w->param].kind != ESC_OPND_VALUE)
                continue;
            note_writes_to(a, esc_pts(&a->pt, s->args[w->param].id), w->level - 1u, w);
        }
    }
    esc_u64map_free(&statics_noted);
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
    struct esc_return_summary r = {.fresh = false, .size_param = -1, .size = -1, .count_param = -1};
    /* The size: the parameter(s) every parameter-sized site uses, whatever
       constant sizes other sites have (git's xmalloc falls back to
       malloc (1) when asked for 0 bytes: a caller uses no more than it
       asked for); else the one constant all sites share. */
    int32_t sp = -1, cp = -1;
    int64_t k = -1;
    bool has_param = false, has_const = false, unsized = false, consts_differ = false;
    bool first = true;
    for (uint32_t o = esc_bitset_next(ret, nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(ret, nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        int32_t param, count;
        int64_t size;
        if (obj->kind != ESC_OBJ_HEAP || obj->stmt == ESC_NONE || stored_elsewhere(a, o))
            return;
        if (!esc_allocation_size(fn, &a->flows, obj->stmt, &param, &count, &size))
            param = count = -1, size = -1;
        if (param >= 0) {
            unsized |= has_param && (sp != param || cp != count);
            sp = param;
            cp = count;
            has_param = true;
        } else if (size >= 0) {
            consts_differ |= has_const && k != size;
            k = size;
            has_const = true;
        } else {
            unsized = true;
        }
        uint8_t darg;
        const char *dealloc = esc_allocation_dealloc(&a->flows, obj->stmt, &darg);
        r.shared |= heap_site_shared(a->out, o);
        if (first) {
            r.dealloc = strcmp(dealloc, "free") != 0 || darg != 1 ? dealloc : NULL;
            r.dealloc_arg = r.dealloc ? darg : 0;
        } else {
            uint8_t rarg;
            const char *rd = esc_ret_dealloc(&r, &rarg);
            r.shared |= strcmp(rd, dealloc) != 0 || rarg != darg; /* no one free fits all */
        }
        first = false;
        r.fresh = true;
    }
    if (!unsized && has_param) {
        r.size_param = sp;
        r.count_param = cp;
    } else if (!unsized && has_const && !consts_differ) {
        r.size = k;
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
        fd->steps = esc_steps_copy(why->steps, why->nsteps);
        fd->nsteps = why->nsteps;
        fd->heap_root = ESC_NONE;
    }
}

/* The thread handles it takes by value, or loads from the memory a
   parameter points to, and joins on every path: a helper such as `static
   int wait_for (pthread_t t) { return pthread_join (t, 0); }` or `static
   void stop (struct pool *p) { pthread_join (p->thread, 0); }`, whose
   calls its callers count as joins. */
static void summarize_joins(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    bool any = false; /* most functions join nothing: one scan says so */
    for (uint32_t id = 0; id < fn->nstmts && !any; id++) {
        const struct esc_call *call = &a->flows.calls[id];
        any =
            (call->library && call->library->joins) || (call->summary && call->summary->any_joins);
    }
    a->summary->any_joins = false;
    for (uint32_t i = 0; any && i < fn->nparams && i < a->summary->nparams; i++) {
        struct esc_param_summary *p = &a->summary->params[i];
        bool joined = esc_param_joined(fn, &a->flows, &a->pt, i);
        if (fn->params[i].is_pointer)
            p->joins_pointed = joined;
        else
            p->joins = joined;
        a->summary->any_joins |= joined;
    }
}

/* Intrusive lists (core/refine/unlink.c): the parameters it links as
   list nodes, the nodes it takes off their lists, and the links it writes
   on every path, so that `list_add` and `list_del` of this unit count in
   their callers. */
static void summarize_lists(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    uint64_t writes, halves;
    esc_list_candidates(fn, &a->flows, &writes, &halves);
    for (uint32_t i = 0; i < fn->nparams && i < a->summary->nparams && i < 64; i++) {
        struct esc_param_summary *p = &a->summary->params[i];
        if (!fn->params[i].is_pointer)
            continue;
        int64_t linked = 0, unlinked = 0;
        p->links = esc_param_links(fn, &a->flows, i, &linked);
        bool half = halves >> i & 1;
        p->unlinks = !half      ? false
                     : p->links ? esc_param_unlinks(fn, &a->flows, i, linked)
                                : esc_param_unlinks_somewhere(fn, &a->flows, i, &unlinked);
        p->list_offset = p->links ? linked : p->unlinks ? unlinked : 0;
        p->link_writes = writes >> i & 1 ? esc_param_link_writes(fn, &a->flows, i) : 0;
    }
}

/* A parameter whose pointer (or what it points to) is stored in memory
   the IR cannot name may be kept by code nothing is known about, as if it
   were passed to it: `lookup(map)->value = data` with lookup in another
   unit.  Callers' heap-to-stack advice and gcc-escape link need to know. */
static void summarize_unknown_stores(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    const struct esc_bitset *held = esc_contents(&a->pt, fn->unknown_object);
    for (uint32_t i = 0; i < fn->nparams && i < a->summary->nparams; i++) {
        const struct esc_param *p = &fn->params[i];
        bool stored = (p->caller != ESC_NONE && esc_bitset_has(held, p->caller)) ||
                      (p->deep != ESC_NONE && esc_bitset_has(held, p->deep));
        if (stored)
            a->summary->params[i].unknown = a->summary->params[i].unknown_other = true;
    }
}

void esc_summarize_function(struct analysis *a)
{
    summarize_calls(a);
    summarize_unknown_stores(a);
    summarize_writes(a);
    summarize_return(a);
    summarize_static_return(a);
    check_noescape(a);
    summarize_joins(a);
    summarize_lists(a);
    summarize_deallocs(a);
}
