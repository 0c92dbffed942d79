/* flows.c - the pointer flows each statement creates: the solver's constraints. */
#include "core/solve/flows.h"
#include "core/summaries/library.h"
#include "core/solve/pointsto.h"
#include "core/solve/reload.h"
#include "core/base/util.h"

#include <string.h>
#include <stdlib.h>

static bool carries_pointers(const struct esc_operand *op)
{
    switch (op->kind) {
    case ESC_OPND_VALUE:
    case ESC_OPND_ADDR:
    case ESC_OPND_MEM:
    case ESC_OPND_DEREF:
    case ESC_OPND_UNKNOWN:
        return true;
    default:
        return false;
    }
}

static struct esc_flow *add(struct esc_flows *flows, struct esc_operand dst, struct esc_operand src,
                            uint32_t stmt, enum esc_flow_reason reason, uint8_t arg)
{
    if (!carries_pointers(&src))
        return NULL;
    if (dst.kind != ESC_OPND_VALUE && dst.kind != ESC_OPND_MEM && dst.kind != ESC_OPND_DEREF)
        return NULL;
    struct esc_flow *f = ESC_PUSH(flows->items, flows->n, flows->cap);
    f->dst = dst;
    f->src = src;
    f->stmt = stmt;
    f->reason = (uint8_t)reason;
    f->arg = arg;
    f->flags = 0;
    f->level = 0;
    f->exclude = ESC_NONE;
    return f;
}

/* Mark a call flow that reads what an argument points to (dereference
   level 1): see ESC_FLOWF_OWN_MEMORY. */
static void deep_flow(struct esc_flow *f)
{
    if (!f)
        return;
    f->level = 1;
    if (f->src.kind == ESC_OPND_DEREF)
        f->flags |= ESC_FLOWF_OWN_MEMORY;
}

struct esc_operand esc_pointee(const struct esc_operand *arg)
{
    switch (arg->kind) {
    case ESC_OPND_VALUE:
        return esc_opnd_deref(arg->id, 0, -1);
    case ESC_OPND_ADDR:
        return esc_opnd_mem(arg->id, ESC_UNKNOWN_OFFSET, -1);
    default:
        return esc_opnd_none();
    }
}

static enum esc_flow_reason assign_reason(const struct esc_stmt *s, const struct esc_operand *src)
{
    if (s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF)
        return ESC_FLOW_STORE;
    if (src->kind == ESC_OPND_ADDR)
        return ESC_FLOW_ADDRESS;
    if (src->kind == ESC_OPND_MEM || src->kind == ESC_OPND_DEREF)
        return ESC_FLOW_LOAD;
    switch (s->op) {
    case ESC_ASSIGN_POINTER_ARITH:
        return ESC_FLOW_ARITH;
    case ESC_ASSIGN_CONVERT:
    case ESC_ASSIGN_TO_INTEGER:
        return ESC_FLOW_CONVERT;
    case ESC_ASSIGN_SELECT:
        return ESC_FLOW_SELECT;
    default:
        return ESC_FLOW_ASSIGN;
    }
}

static const struct esc_operand *arg_at(const struct esc_stmt *s, unsigned n)
{
    static const struct esc_operand none = {.kind = ESC_OPND_NONE, .id = ESC_NONE, .size = -1};
    return n >= 1 && n <= s->nargs ? &s->args[n - 1] : &none;
}

/* Where call S, of library function LIB, stores: *store_dst, exactly as
   many bytes as an atomic store's name says, or somewhere in it. */
static struct esc_operand stored_place(const struct esc_module *m, const struct esc_stmt *s,
                                       const struct esc_lib_entry *lib)
{
    const struct esc_operand *dst = arg_at(s, lib->store_dst);
    struct esc_operand place = esc_pointee(dst);
    /* An atomic builtin's width is in its name, or unknown; strtol's
       endptr and strtok_r's saveptr get one pointer. */
    int64_t size = esc_lib_store_size(s->callee);
    if (!size && strncmp(lib->name, "strto", 5) == 0)
        size = m->pointer_size;
    if (size && dst->kind == ESC_OPND_VALUE)
        place.size = size;
    else if (size && dst->kind == ESC_OPND_ADDR && dst->offset != ESC_UNKNOWN_OFFSET)
        place = esc_opnd_mem(dst->id, dst->offset, size);
    return place;
}

/* Pointer effects of a call whose callee nothing is known about: for
   warnings it keeps nothing, but its result and whatever it may write
   through its arguments are unknown pointers.  RESULT, when not ESC_NONE,
   is the candidate block the result is taken to be instead. */
static void unknown_call(struct esc_function *fn, struct esc_flows *flows, uint32_t id,
                         uint32_t result)
{
    const struct esc_stmt *s = &fn->stmts[id];
    if (result != ESC_NONE) {
        /* Its contents are still anything: when the callee is not an
           allocator, the block may be the program's own memory. */
        add(flows, s->lhs, esc_opnd_addr(result, 0), id, ESC_FLOW_ALLOC, 0);
        add(flows, esc_opnd_mem(result, ESC_UNKNOWN_OFFSET, -1), esc_opnd_unknown(), id,
            ESC_FLOW_CALL_UNKNOWN, 0);
    } else
        add(flows, s->lhs, esc_opnd_unknown(), id, ESC_FLOW_CALL_UNKNOWN, 0);
    if (s->flags & ESC_CALLF_INTERNAL)
        return;
    flows->calls[id].unknown = true;
    for (uint32_t a = 0; a < s->nargs; a++)
        add(flows, esc_pointee(&s->args[a]), esc_opnd_unknown(), id, ESC_FLOW_CALL_UNKNOWN,
            (uint8_t)(a + 1));
}

/* The object standing for what call ID keeps past its return (for a new
   thread when THREAD), created the first time flows are built. */
static uint32_t kept_object(struct esc_module *m, struct esc_function *fn, uint32_t id, bool thread)
{
    struct esc_stmt *s = &fn->stmts[id];
    uint32_t *slot = thread ? &s->thread : &s->kept;
    if (*slot == ESC_NONE) {
        *slot = esc_add_object(m, fn, ESC_OBJ_KEPT, s->callee, s->loc);
        fn->objects[*slot].stmt = id;
        if (thread)
            fn->objects[*slot].flags |= ESC_OBJF_THREAD;
    }
    return *slot;
}

/* The heap or alloca object call ID allocates, created once. */
static uint32_t allocated_object(struct esc_module *m, struct esc_function *fn, uint32_t id,
                                 enum esc_object_kind kind, const char *name)
{
    if (fn->stmts[id].object != ESC_NONE)
        return fn->stmts[id].object;
    uint32_t obj = esc_add_object(m, fn, kind, name, fn->stmts[id].loc);
    fn->objects[obj].stmt = id;
    fn->stmts[id].object = obj;
    return obj;
}

static void library_flows(struct esc_module *m, struct esc_function *fn, struct esc_flows *flows,
                          uint32_t id, const struct esc_lib_entry *lib)
{
    const struct esc_stmt *s = &fn->stmts[id];
    if (lib->alloc != ESC_ALLOC_NONE) {
        enum esc_object_kind kind = lib->alloc == ESC_ALLOC_HEAP ? ESC_OBJ_HEAP : ESC_OBJ_ALLOCA;
        uint32_t obj = allocated_object(m, fn, id, kind, lib->name);
        s = &fn->stmts[id];
        struct esc_operand dst =
            lib->alloc_out_arg ? esc_pointee(arg_at(s, lib->alloc_out_arg)) : s->lhs;
        add(flows, dst, esc_opnd_addr(obj, 0), id, ESC_FLOW_ALLOC, 0);
        if (lib->frees_arg) /* realloc keeps the contents */
            add(flows, esc_opnd_mem(obj, ESC_UNKNOWN_OFFSET, -1),
                esc_pointee(arg_at(s, lib->frees_arg)), id, ESC_FLOW_CALL_COPY, lib->frees_arg);
    }
    if (lib->returns_arg)
        add(flows, s->lhs, *arg_at(s, lib->returns_arg), id, ESC_FLOW_CALL_RESULT,
            lib->returns_arg);
    if (lib->returns_load)
        add(flows, s->lhs, esc_pointee(arg_at(s, lib->returns_load)), id, ESC_FLOW_CALL_RESULT,
            lib->returns_load);
    if (lib->copy_dst)
        add(flows, esc_pointee(arg_at(s, lib->copy_dst)), esc_pointee(arg_at(s, lib->copy_src)), id,
            ESC_FLOW_CALL_COPY, lib->copy_src);
    if (lib->store_dst)
        add(flows, stored_place(m, s, lib), *arg_at(s, lib->store_val), id, ESC_FLOW_CALL_STORE,
            lib->store_val);
    const struct esc_operand *wait = lib->wait_arg ? arg_at(s, lib->wait_arg) : NULL;
    bool waits = wait && wait->kind == ESC_OPND_INT && wait->value == lib->wait_value;
    for (unsigned a = 1; a <= 8 && a <= s->nargs && !waits; a++) {
        if (!((lib->keeps | lib->keeps_deep) & ESC_LIB_ARG(a)) || s->noescape_args >> (a - 1) & 1)
            continue;
        uint32_t kept = kept_object(m, fn, id, false);
        s = &fn->stmts[id];
        if (lib->keeps & ESC_LIB_ARG(a))
            add(flows, esc_opnd_mem(kept, 0, -1), *arg_at(s, a), id, ESC_FLOW_CALL_KEEP,
                (uint8_t)a);
        if (lib->keeps_deep & ESC_LIB_ARG(a))
            deep_flow(add(flows, esc_opnd_mem(kept, 0, -1), esc_pointee(arg_at(s, a)), id,
                          ESC_FLOW_CALL_KEEP, (uint8_t)a));
    }
    if (lib->thread_arg && lib->thread_arg <= s->nargs) {
        uint32_t thread = kept_object(m, fn, id, true);
        s = &fn->stmts[id];
        add(flows, esc_opnd_mem(thread, 0, -1), *arg_at(s, lib->thread_arg), id, ESC_FLOW_CALL_KEEP,
            lib->thread_arg);
    }
}

/* This function's object for the static variable a callee returns the
   address of: the one it already has (same identity), or a new one. */
static uint32_t static_object(struct esc_module *m, struct esc_function *fn,
                              const struct esc_return_summary *ret, struct esc_loc loc)
{
    for (uint32_t o = 0; o < fn->nobjects; o++)
        if (fn->objects[o].kind == ESC_OBJ_STATIC && fn->objects[o].key == ret->static_key)
            return o;
    uint32_t obj = esc_add_object(m, fn, ESC_OBJ_STATIC, ret->static_name, loc);
    fn->objects[obj].key = ret->static_key;
    fn->objects[obj].flags = ret->static_flags;
    return obj;
}

/* Where a callee stores a parameter into what argument ARG points to:
   the field when the summary knows it (`*out = p`, `s->next = p`), else
   anywhere in it. */
static struct esc_operand stored_location(const struct esc_operand *arg,
                                          const struct esc_param_summary *p, unsigned level,
                                          uint32_t j)
{
    struct esc_site site;
    if (!esc_param_store_site(p, level, j, &site))
        return esc_pointee(arg);
    if (arg->kind == ESC_OPND_VALUE)
        return esc_opnd_deref_arg(arg, site.offset, site.size);
    if (arg->kind == ESC_OPND_ADDR && arg->offset != ESC_UNKNOWN_OFFSET)
        return esc_opnd_mem(arg->id, arg->offset + site.offset, site.size);
    return esc_pointee(arg);
}

/* What a leak of argument ARG at LEVEL takes, into SRC: the argument
   (level 0), what it points to (level 1), or only the fields of that
   the summary names, when it names them and the argument's offset is
   known.  Returns how many. */
static uint32_t leak_sources(const struct esc_operand *arg, const struct esc_param_summary *p,
                             unsigned level, struct esc_operand src[ESC_MAX_DEEP_FIELDS])
{
    uint8_t n = level ? esc_param_deep_fields(p) : 0;
    bool known = (arg->kind == ESC_OPND_VALUE || arg->kind == ESC_OPND_ADDR) &&
                 arg->offset != ESC_UNKNOWN_OFFSET;
    if (!level) {
        src[0] = *arg;
        return 1;
    }
    if (!n || !known) {
        src[0] = esc_pointee(arg);
        return 1;
    }
    for (uint8_t k = 0; k < n; k++)
        src[k] = arg->kind == ESC_OPND_VALUE
                     ? esc_opnd_deref_arg(arg, p->deep[k].offset, p->deep[k].size)
                     : esc_opnd_mem(arg->id, arg->offset + p->deep[k].offset, p->deep[k].size);
    return n;
}

/* Apply a callee's summary to the actual arguments of call ID: each leak
   of parameter i becomes a flow from argument i (level 0) or from what it
   points to (level 1) into the result, the kept object, or what another
   argument points to. */
static void summary_flows(struct esc_module *m, struct esc_function *fn, struct esc_flows *flows,
                          uint32_t id, const struct esc_summary *sum)
{
    const struct esc_stmt *s = &fn->stmts[id];
    if (sum->ret.fresh) {
        uint32_t obj = allocated_object(m, fn, id, ESC_OBJ_HEAP, sum->name);
        s = &fn->stmts[id];
        add(flows, s->lhs, esc_opnd_addr(obj, 0), id, ESC_FLOW_ALLOC, 0);
    } else if (sum->ret.static_key) {
        uint32_t obj = static_object(m, fn, &sum->ret, s->loc);
        s = &fn->stmts[id];
        add(flows, s->lhs, esc_opnd_addr(obj, ESC_UNKNOWN_OFFSET), id, ESC_FLOW_CALL_RESULT, 0);
    } else {
        /* The result may also be a pointer from anywhere else. */
        add(flows, s->lhs, esc_opnd_unknown(), id, ESC_FLOW_CALL_UNKNOWN, 0);
    }
    /* Known from a declaration only: it may write unknown pointers
       through any argument it does not deallocate, as an unknown call. */
    for (uint32_t a = 0; sum->opaque && a < s->nargs; a++)
        if (a >= sum->nparams || !sum->params[a].dealloc)
            add(flows, esc_pointee(&fn->stmts[id].args[a]), esc_opnd_unknown(), id,
                ESC_FLOW_CALL_UNKNOWN, (uint8_t)(a + 1 < UINT8_MAX ? a + 1 : 0));
    uint32_t n = sum->nparams < s->nargs ? sum->nparams : s->nargs;
    for (uint32_t i = 0; i < n; i++) {
        const struct esc_param_summary *p = &sum->params[i];
        for (unsigned level = 0; level < ESC_LEAK_LEVELS; level++) {
            uint8_t leaks = p->leaks[level];
            /* Callers trust a noescape declaration, on the callee or on
               any prototype of it. */
            if (p->noescape || (i < 64 && s->noescape_args >> i & 1))
                leaks &= 1u << ESC_LEAK_RESULT;
            if (!leaks)
                continue;
            s = &fn->stmts[id];
            struct esc_operand srcs[ESC_MAX_DEEP_FIELDS];
            uint32_t nsrc = leak_sources(&s->args[i], p, level, srcs);
            uint8_t arg = (uint8_t)(i + 1 < UINT8_MAX ? i + 1 : 0);
            uint32_t first = flows->n;
            for (uint32_t c = 0; c < nsrc; c++) {
                struct esc_operand src = srcs[c];
                s = &fn->stmts[id];
                if (leaks & 1u << ESC_LEAK_RESULT)
                    add(flows, s->lhs, src, id, ESC_FLOW_CALL_RESULT, arg);
                if (leaks & (1u << ESC_LEAK_STATIC | 1u << ESC_LEAK_KEPT))
                    add(flows, esc_opnd_mem(kept_object(m, fn, id, false), 0, -1), src, id,
                        ESC_FLOW_CALL_KEEP, arg);
                if (leaks & 1u << ESC_LEAK_THREAD)
                    add(flows, esc_opnd_mem(kept_object(m, fn, id, true), 0, -1), src, id,
                        ESC_FLOW_CALL_KEEP, arg);
                s = &fn->stmts[id];
                if (leaks & 1u << ESC_LEAK_PARAM)
                    for (uint32_t j = 0; j < n && j < ESC_MAX_TRACKED_PARAMS; j++)
                        if (p->stored_into[level] >> j & 1)
                            add(flows, stored_location(&s->args[j], p, level, j), src, id,
                                ESC_FLOW_CALL_STORE, arg);
            }
            for (uint32_t k = first; level && k < flows->n; k++)
                deep_flow(&flows->items[k]);
        }
    }
}

/* The functions an indirect call's pointer may hold, merged into one
   summary, when they are all this unit's own; NULL otherwise. */
static const struct esc_summary *indirect_summary(const struct esc_function *fn,
                                                  const struct esc_call_context *callees,
                                                  const struct esc_stmt *s)
{
    if (!callees || !callees->pt || !callees->own || !callees->merged ||
        s->target.kind != ESC_OPND_VALUE)
        return NULL;
    const struct esc_pointsto *pt = callees->pt;
    if (s->target.id >= pt->nvalues)
        return NULL;
    const struct esc_bitset *targets = esc_pts(pt, s->target.id);
    struct esc_summary *merged = NULL;
    for (uint32_t o = esc_bitset_next(targets, pt->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(targets, pt->nwords, o + 1)) {
        const struct esc_object *obj = &fn->objects[o];
        const struct esc_summary *sum =
            obj->kind == ESC_OBJ_FUNCTION ? esc_summary_table_find(callees->own, obj->name) : NULL;
        if (!sum) {
            esc_summary_free(merged);
            return NULL;
        }
        if (!merged) {
            merged = esc_summary_new(sum->name, sum->nparams); /* fn NULL: no paths */
        } else if (sum->nparams > merged->nparams) {
            merged->params = esc_xrealloc(merged->params, sum->nparams * sizeof *merged->params);
            memset(merged->params + merged->nparams, 0,
                   (sum->nparams - merged->nparams) * sizeof *merged->params);
            merged->nparams = sum->nparams;
        }
        esc_summary_merge(merged, sum);
        if (!sum->ret.fresh)
            merged->ret.fresh = false; /* fresh only if every target is */
    }
    if (merged)
        esc_summary_table_add(callees->merged, merged);
    return merged;
}

bool esc_call_is_external(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_call *call = &flows->calls[id];
    return s->kind == ESC_STMT_CALL && s->callee && call->unknown && !call->summary &&
           !call->library && !(s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL));
}

uint32_t esc_call_deps(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id,
                       uint32_t arg, unsigned level, unsigned from, struct esc_cross_dep *deps,
                       bool *overflow)
{
    const struct esc_stmt *s = &fn->stmts[id];
    const struct esc_summary *sum = flows->calls[id].summary;
    if (esc_call_is_external(fn, flows, id)) {
        if (arg > UINT8_MAX)
            return 0;
        struct esc_cross_dep direct = {s->callee, (uint8_t)arg, (uint8_t)level, (uint8_t)level};
        return esc_dep_through(&direct, level, from, &deps[0]) ? 1 : 0;
    }
    if (!sum || arg >= sum->nparams)
        return 0;
    const struct esc_param_summary *p = &sum->params[arg];
    uint32_t n = 0;
    for (uint8_t d = 0; d < p->ndeps; d++) {
        struct esc_cross_dep out;
        if (!esc_dep_through(&p->deps[d], level, from, &out))
            continue;
        if (n == ESC_MAX_CROSS_DEPS) {
            *overflow = true;
            break;
        }
        deps[n++] = out;
    }
    return n;
}

/* The object standing for what call ID hands to another unit, created
   the first time flows are built. */
static uint32_t external_object(struct esc_module *m, struct esc_function *fn, uint32_t id)
{
    struct esc_stmt *s = &fn->stmts[id];
    if (s->external == ESC_NONE) {
        s->external = esc_add_object(m, fn, ESC_OBJ_EXTERNAL, s->callee, s->loc);
        fn->objects[s->external].stmt = id;
    }
    return s->external;
}

/* For gcc-escape link: what each argument of call ID that reaches
   another unit carries, the pointer itself (level 0) and what is stored
   behind it (level 1), flows into the call's EXTERNAL object.  Nothing
   reads that object, so the unit's own findings stay the same. */
static void external_flows(struct esc_module *m, struct esc_function *fn, struct esc_flows *flows,
                           uint32_t id)
{
    const struct esc_call *call = &flows->calls[id];
    bool external = esc_call_is_external(fn, flows, id);
    if (!external && !call->summary)
        return;
    for (uint32_t a = 0; a < fn->stmts[id].nargs && a < UINT8_MAX - 1; a++) {
        const struct esc_operand *arg = &fn->stmts[id].args[a];
        if ((arg->kind != ESC_OPND_VALUE && arg->kind != ESC_OPND_ADDR) ||
            (a < 64 && fn->stmts[id].noescape_args >> a & 1))
            continue;
        if (!external && (a >= call->summary->nparams || !call->summary->params[a].ndeps))
            continue;
        uint32_t obj = external_object(m, fn, id);
        arg = &fn->stmts[id].args[a];
        add(flows, esc_opnd_mem(obj, 0, -1), *arg, id, ESC_FLOW_CALL_KEEP, (uint8_t)(a + 1));
        deep_flow(add(flows, esc_opnd_mem(obj, 0, -1), esc_pointee(arg), id, ESC_FLOW_CALL_KEEP,
                      (uint8_t)(a + 1)));
    }
}

/* The summary direct call ID to a function of this unit uses. */
static const struct esc_summary *own_summary(struct esc_module *m, const struct esc_function *fn,
                                             const struct esc_call_context *callees, uint32_t id)
{
    if (!callees)
        return NULL;
    const struct esc_summary *sum = esc_summary_table_find(callees->own, fn->stmts[id].callee);
    return callees->choose_summary ? callees->choose_summary(m, fn, callees, id, sum) : sum;
}

/* With CALLEES->candidates, the candidate block direct call ID to a
   function of another unit returns (created once); else ESC_NONE. */
static uint32_t candidate_object(struct esc_module *m, struct esc_function *fn,
                                 const struct esc_call_context *callees, uint32_t id)
{
    struct esc_stmt *s = &fn->stmts[id];
    if (!callees || !callees->candidates || s->lhs.kind != ESC_OPND_VALUE || !s->callee ||
        s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL))
        return ESC_NONE;
    if (s->candidate == ESC_NONE) {
        uint32_t o = esc_add_object(m, fn, ESC_OBJ_HEAP, s->callee, s->loc);
        fn->objects[o].stmt = id;
        fn->objects[o].flags |= ESC_OBJF_CANDIDATE;
        fn->stmts[id].candidate = o;
    }
    return fn->stmts[id].candidate;
}

static void call_flows(struct esc_module *m, struct esc_function *fn,
                       const struct esc_call_context *callees, struct esc_flows *flows, uint32_t id)
{
    const struct esc_stmt *s = &fn->stmts[id];
    if (s->flags & ESC_CALLF_VLA && s->object != ESC_NONE) {
        add(flows, s->lhs, esc_opnd_addr(s->object, 0), id, ESC_FLOW_ALLOC, 0);
        return;
    }
    struct esc_call *call = &flows->calls[id];
    if (s->flags & (ESC_CALLF_ASM | ESC_CALLF_INTERNAL)) {
        unknown_call(fn, flows, id, ESC_NONE);
        return;
    }
    if (!s->callee)
        call->summary = indirect_summary(fn, callees, s);
    else if (s->flags & ESC_CALLF_DEFINED)
        call->summary = own_summary(m, fn, callees, id);
    else if (callees && callees->models)
        call->summary = esc_summary_table_find(callees->models, s->callee);
    if (!call->summary && s->callee && !(s->flags & ESC_CALLF_DEFINED))
        call->library = esc_lib_lookup(s->callee);
    if (!call->summary && !call->library && s->callee && !(s->flags & ESC_CALLF_DEFINED) &&
        callees && callees->declared)
        call->summary = esc_summary_table_find(callees->declared, s->callee);
    if (call->summary)
        summary_flows(m, fn, flows, id, call->summary);
    else if (call->library)
        library_flows(m, fn, flows, id, call->library);
    else
        unknown_call(fn, flows, id, candidate_object(m, fn, callees, id));
    /* Declared lifetimebound: the result may point into that argument,
       whatever else is known about the callee. */
    for (uint32_t a = 0; a < s->nargs && a < 64; a++)
        if (s->lifetimebound_args >> a & 1 && s->lhs.kind != ESC_OPND_NONE)
            add(flows, s->lhs, s->args[a], id, ESC_FLOW_CALL_RESULT, (uint8_t)(a + 1));
    if (callees && callees->config && callees->config->cross_unit_facts)
        external_flows(m, fn, flows, id);
}

static bool stmt_dead(const struct esc_call_context *callees, const struct esc_function *fn,
                      uint32_t stmt, uint32_t arg)
{
    return callees && callees->stmt_dead && callees->stmt_dead(callees, fn, stmt, arg);
}

void esc_flows_build(struct esc_module *m, struct esc_function *fn,
                     const struct esc_call_context *callees, struct esc_flows *flows)
{
    flows->calls = esc_xcalloc(fn->nstmts + 1, sizeof *flows->calls);
    struct esc_reload reload;
    esc_reload_init(&reload, fn, flows, callees ? callees->models : NULL, NULL);
    /* Values used other than as the base of an access: a reload is
       forwarded only for a pointer that is dereferenced and nothing
       else, so that the notes of a path still show the store and the
       load it goes through (`h.q = &x; return h.q;`). */
    bool *used = esc_xcalloc(fn->nvalues + 1, sizeof *used);
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        for (uint32_t a = 0; a < s->nargs; a++)
            if (s->args[a].kind == ESC_OPND_VALUE)
                used[s->args[a].id] = true;
        if (s->kind == ESC_STMT_CALL && s->target.kind == ESC_OPND_VALUE)
            used[s->target.id] = true;
    }
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (stmt_dead(callees, fn, id, 0))
            continue; /* ruled out by the constants this analysis is for */
        switch (s->kind) {
        case ESC_STMT_ASSIGN:
            if (s->op == ESC_ASSIGN_EXPOSE)
                break; /* no pointer comes out (ir.h) */
            if (s->nargs == 1 && s->lhs.kind == ESC_OPND_VALUE &&
                (s->args[0].kind == ESC_OPND_MEM || s->args[0].kind == ESC_OPND_DEREF)) {
                const struct esc_operand *stored =
                    used[s->lhs.id] ? NULL : esc_reload_forwarded(&reload, id);
                if (stored) {
                    add(flows, s->lhs, *stored, id, assign_reason(s, stored), 0);
                    break;
                }
            }
            for (uint32_t a = 0; a < s->nargs; a++)
                add(flows, s->lhs, s->args[a], id, assign_reason(s, &s->args[a]), 0);
            break;
        case ESC_STMT_PHI:
            for (uint32_t a = 0; a < s->nargs; a++)
                if (!stmt_dead(callees, fn, id, a + 1))
                    add(flows, s->lhs, s->args[a], id,
                        s->args[a].kind == ESC_OPND_ADDR ? ESC_FLOW_ADDRESS : ESC_FLOW_PHI,
                        a < UINT8_MAX ? (uint8_t)(a + 1) : 0);
            break;
        case ESC_STMT_CALL:
            call_flows(m, fn, callees, flows, id);
            break;
        case ESC_STMT_RETURN:
            if (s->nargs == 1)
                add(flows, esc_opnd_mem(fn->return_object, 0, -1), s->args[0], id, ESC_FLOW_RETURN,
                    0);
            break;
        case ESC_STMT_CLOBBER:
        case ESC_STMT_BRANCH:
            break;
        }
    }
    esc_reload_free(&reload);
    free(used);
}

/* The size of the string literal OP points to, NUL included; 0 if unknown. */
static int64_t string_size(const struct esc_operand *op)
{
    return op->kind == ESC_OPND_NONE && op->value > 0 ? op->value : 0;
}

/* The parameter OP is the entry value of, or -1. */
static int32_t entry_param(const struct esc_function *fn, const struct esc_operand *op)
{
    if (op->kind != ESC_OPND_VALUE || fn->values[op->id].def != ESC_NONE)
        return -1;
    return fn->values[op->id].param;
}

bool esc_allocation_size(const struct esc_function *fn, const struct esc_flows *flows,
                         uint32_t stmt, int32_t *param, int32_t *count, int64_t *size)
{
    if (count)
        *count = -1;
    const struct esc_stmt *s = &fn->stmts[stmt];
    const struct esc_call *call = &flows->calls[stmt];
    const struct esc_lib_entry *lib = call->library;
    *param = -1;
    *size = -1;
    unsigned size_arg = 0, count_arg = 0;
    if (lib && lib->dup_arg) {
        int64_t n = string_size(arg_at(s, lib->dup_arg));
        const struct esc_operand *limit = lib->dup_limit_arg ? arg_at(s, lib->dup_limit_arg) : NULL;
        if (limit && limit->kind == ESC_OPND_INT && limit->value >= 0 && limit->value < INT64_MAX &&
            (!n || limit->value + 1 < n))
            n = limit->value + 1; /* strndup copies at most that much */
        *size = n ? n : -1;
        return n > 0;
    }
    if (lib) {
        size_arg = lib->size_arg;
        count_arg = lib->count_arg;
    } else if (call->summary && call->summary->ret.fresh) {
        if (call->summary->ret.size >= 0) {
            *size = call->summary->ret.size;
            return true;
        }
        if (call->summary->ret.size_param >= 0)
            size_arg = (unsigned)call->summary->ret.size_param + 1;
        if (size_arg && call->summary->ret.count_param >= 0)
            count_arg = (unsigned)call->summary->ret.count_param + 1;
    }
    if (!size_arg || size_arg > s->nargs || count_arg > s->nargs)
        return false;
    const struct esc_operand *n = &s->args[size_arg - 1];
    const struct esc_operand *c = count_arg ? &s->args[count_arg - 1] : NULL;
    if (n->kind == ESC_OPND_INT && (!c || c->kind == ESC_OPND_INT)) {
        int64_t product;
        if (n->value < 0 || (c && c->value < 0) ||
            __builtin_mul_overflow(n->value, c ? c->value : 1, &product))
            return false; /* calloc fails; size_t wraps: not a size to suggest */
        *size = product;
        return true;
    }
    int32_t np = entry_param(fn, n), cp = c ? entry_param(fn, c) : -1;
    if (np >= 0 && (!c || (count && cp >= 0))) {
        *param = np;
        if (count)
            *count = cp;
        return true;
    }
    return false;
}

const char *esc_allocation_dealloc(const struct esc_flows *flows, uint32_t stmt, uint8_t *arg)
{
    const struct esc_call *call = &flows->calls[stmt];
    if (!call->library && call->summary && call->summary->ret.fresh)
        return esc_ret_dealloc(&call->summary->ret, arg);
    *arg = 1;
    return "free";
}

const char *esc_call_dealloc(const struct esc_flows *flows, uint32_t id, uint32_t arg,
                             uint8_t *darg)
{
    const struct esc_call *call = &flows->calls[id];
    const struct esc_lib_entry *lib = call->library;
    if (lib && lib->frees_arg == arg + 1 && lib->alloc == ESC_ALLOC_NONE) {
        *darg = lib->frees_arg;
        return lib->name;
    }
    const struct esc_summary *sum = call->summary;
    if (lib || !sum || arg >= sum->nparams || !sum->params[arg].freed || !sum->params[arg].dealloc)
        return NULL;
    *darg = sum->params[arg].dealloc_arg;
    return sum->params[arg].dealloc;
}

const struct esc_operand *esc_flow_store_location(const struct esc_function *fn,
                                                  const struct esc_flow *f)
{
    const struct esc_stmt *s = &fn->stmts[f->stmt];
    if (f->reason == ESC_FLOW_STORE && s->lhs.kind == f->dst.kind && s->lhs.id == f->dst.id)
        return &s->lhs;
    return NULL;
}

void esc_flows_free(struct esc_flows *flows)
{
    free(flows->items);
    free(flows->calls);
    flows->items = NULL;
    flows->calls = NULL;
    flows->n = flows->cap = 0;
}
