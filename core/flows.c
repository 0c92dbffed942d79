/* flows.c - the pointer flows each statement creates: the solver's constraints. */
#include "flows.h"
#include "guards.h"
#include "libmodel.h"
#include "util.h"

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

static void add(struct esc_flows *flows, struct esc_operand dst, struct esc_operand src,
                uint32_t stmt, enum esc_flow_reason reason, uint8_t arg)
{
    if (!carries_pointers(&src))
        return;
    if (dst.kind != ESC_OPND_VALUE && dst.kind != ESC_OPND_MEM && dst.kind != ESC_OPND_DEREF)
        return;
    struct esc_flow *f = ESC_PUSH(flows->items, flows->n, flows->cap);
    f->dst = dst;
    f->src = src;
    f->stmt = stmt;
    f->reason = (uint8_t)reason;
    f->arg = arg;
    f->exclude = ESC_NONE;
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

/* Pointer effects of a call whose callee nothing is known about: for
   warnings it keeps nothing, but its result and whatever it may write
   through its arguments are unknown pointers. */
static void unknown_call(struct esc_function *fn, struct esc_flows *flows, uint32_t id)
{
    const struct esc_stmt *s = &fn->stmts[id];
    add(flows, s->lhs, esc_opnd_unknown(), id, ESC_FLOW_CALL_UNKNOWN, 0);
    if (s->flags & ESC_CALLF_INTERNAL)
        return;
    for (uint32_t a = 0; a < s->nargs; a++)
        add(flows, esc_pointee(&s->args[a]), esc_opnd_unknown(), id, ESC_FLOW_CALL_UNKNOWN,
            (uint8_t)(a + 1));
}

static void call_flows(struct esc_module *m, struct esc_function *fn, struct esc_flows *flows,
                       uint32_t id)
{
    struct esc_stmt *s = &fn->stmts[id];
    if (s->flags & ESC_CALLF_VLA && s->object != ESC_NONE) {
        add(flows, s->lhs, esc_opnd_addr(s->object, 0), id, ESC_FLOW_ALLOC, 0);
        return;
    }
    const struct esc_lib_model *model = NULL;
    if (!(s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL)))
        model = esc_lib_lookup(s->callee);
    if (!model) {
        unknown_call(fn, flows, id);
        return;
    }
    if (model->alloc != ESC_ALLOC_NONE) {
        enum esc_object_kind kind = model->alloc == ESC_ALLOC_HEAP ? ESC_OBJ_HEAP : ESC_OBJ_ALLOCA;
        uint32_t obj = esc_add_object(m, fn, kind, model->name, s->loc);
        s = &fn->stmts[id];
        fn->objects[obj].stmt = id;
        s->object = obj;
        struct esc_operand dst =
            model->alloc_out_arg ? esc_pointee(arg_at(s, model->alloc_out_arg)) : s->lhs;
        add(flows, dst, esc_opnd_addr(obj, 0), id, ESC_FLOW_ALLOC, 0);
        if (model->frees_arg) /* realloc keeps the contents */
            add(flows, esc_opnd_mem(obj, ESC_UNKNOWN_OFFSET, -1),
                esc_pointee(arg_at(s, model->frees_arg)), id, ESC_FLOW_CALL_COPY, model->frees_arg);
    }
    if (model->returns_arg)
        add(flows, s->lhs, *arg_at(s, model->returns_arg), id, ESC_FLOW_CALL_RESULT,
            model->returns_arg);
    if (model->returns_load)
        add(flows, s->lhs, esc_pointee(arg_at(s, model->returns_load)), id, ESC_FLOW_CALL_RESULT,
            model->returns_load);
    if (model->copy_dst)
        add(flows, esc_pointee(arg_at(s, model->copy_dst)), esc_pointee(arg_at(s, model->copy_src)),
            id, ESC_FLOW_CALL_COPY, model->copy_src);
    if (model->store_dst)
        add(flows, esc_pointee(arg_at(s, model->store_dst)), *arg_at(s, model->store_val), id,
            ESC_FLOW_CALL_STORE, model->store_val);
}

void esc_flows_build(struct esc_module *m, struct esc_function *fn, struct esc_flows *flows)
{
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        switch (s->kind) {
        case ESC_STMT_ASSIGN:
            for (uint32_t a = 0; a < s->nargs; a++)
                add(flows, s->lhs, s->args[a], id, assign_reason(s, &s->args[a]), 0);
            break;
        case ESC_STMT_PHI:
            for (uint32_t a = 0; a < s->nargs; a++)
                add(flows, s->lhs, s->args[a], id,
                    s->args[a].kind == ESC_OPND_ADDR ? ESC_FLOW_ADDRESS : ESC_FLOW_PHI,
                    a < UINT8_MAX ? (uint8_t)(a + 1) : 0);
            break;
        case ESC_STMT_CALL:
            call_flows(m, fn, flows, id);
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
    esc_apply_guards(fn, flows);
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
    flows->items = NULL;
    flows->n = flows->cap = 0;
}
