/* crossunit.c - what only the whole program settles: addresses reaching other units. */
#include "core/analysis/analysis.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* A call into another translation unit is given an EXTERNAL object,
   which is not a root: nothing here knows whether the callee keeps what
   it gets.  What reaches it is recorded instead, for gcc-escape link
   (docs/link.md): a stack object becomes a fact (a warning if the callee
   keeps it), a parameter's memory a dependency of the summary. */

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
    struct esc_cross_dep deps[ESC_MAX_CROSS_DEPS];
    bool overflow = false;
    uint32_t n = esc_call_deps(a->fn, &a->flows, call, arg, level, 0, deps, &overflow);
    uint32_t kept = 0;
    for (uint32_t i = 0; i < n; i++)
        if (deps[i].from == 0) /* deeper: the objects stored in O have facts of their own */
            deps[kept++] = deps[i];
    if (!kept || reported_anywhere(a->out, o))
        return;
    struct esc_function_result *out = a->out;
    struct esc_cross_fact *fact = NULL;
    for (uint32_t i = 0; i < out->nfacts && !fact; i++)
        if (out->facts[i].kind == ESC_FACT_ESCAPE && out->facts[i].object == o &&
            out->facts[i].call == call && out->facts[i].arg == arg + 1)
            fact = &out->facts[i];
    if (!fact) {
        uint32_t nsteps;
        struct esc_step *steps = esc_refine_path(&a->refine, o, id, &nsteps);
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
        if (fact->ndeps == ESC_MAX_CROSS_DEPS)
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
    struct esc_cross_dep deps[ESC_MAX_CROSS_DEPS];
    bool overflow = false;
    uint32_t n = esc_call_deps(a->fn, &a->flows, call, arg, level,
                               obj->flags & ESC_OBJF_DEEP ? 1 : 0, deps, &overflow);
    if (!n && !overflow)
        return;
    uint32_t nsteps;
    struct esc_step *steps = esc_refine_path(&a->refine, o, id, &nsteps);
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
            if (f->src.kind == ESC_OPND_UNKNOWN || (w == e && f->arg < 1) ||
                !esc_refine_persists(&a->refine, id))
                continue;
            uint32_t arg = w == e ? f->arg - 1u : warg;
            unsigned level = w == e ? f->level : 1;
            esc_read_carried(a, f, &carried);
            for (uint32_t o = esc_bitset_next(&carried, nwords, 0); o != ESC_NONE;
                 o = esc_bitset_next(&carried, nwords, o + 1)) {
                const struct esc_object *obj = &fn->objects[o];
                if (obj->kind == ESC_OBJ_CALLER) {
                    record_dep(a, o, id, call, arg, level);
                } else if (esc_object_is_stack(obj)) {
                    if (esc_refine_object_persists(&a->refine, id, o, NULL))
                        record_fact(a, o, id, call, arg, level);
                } else if (obj->kind == ESC_OBJ_HEAP && !seen[o] && !a->escaping[o]) {
                    uint32_t nsteps;
                    struct esc_step *steps = esc_refine_path(&a->refine, o, id, &nsteps);
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

void esc_collect_cross_unit_facts(struct analysis *a)
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
