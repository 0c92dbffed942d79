/* module.h - building modules of several functions by hand, for the interprocedural unit tests. */
#ifndef ESC_UNIT_MODULE_H
#define ESC_UNIT_MODULE_H

#include "core/analysis/escape.h"
#include "core/summaries/summary.h"
#include "fixture.h"

/* A module of several functions; each helper appends to the current one. */
struct unit {
    struct esc_module *m;
    struct esc_function *fn;
    uint32_t block;
    struct esc_results results;
    struct esc_summary_table summaries;
};

static void begin(struct unit *u, const char *name)
{
    u->fn = esc_function_new(u->m, name, at(1));
    u->block = esc_add_block(u->fn);
    u->fn->entry = u->block;
}

static uint32_t param(struct unit *u, const char *name)
{
    uint32_t k = esc_add_param(u->m, u->fn, name, at(1), true);
    uint32_t v = esc_add_value(u->m, u->fn, name, 0);
    u->fn->params[k].value = v;
    u->fn->values[v].param = (int32_t)k;
    return v;
}

static uint32_t add(struct unit *u, enum esc_stmt_kind kind, uint32_t line, struct esc_operand lhs,
                    uint32_t nargs, struct esc_operand *args, const char *callee, uint32_t flags)
{
    return fx_stmt_in(u->m, u->fn, u->block, kind, line, lhs, nargs, args, callee, flags, ESC_NONE);
}

static void u_assign(struct unit *u, uint32_t line, struct esc_operand lhs, struct esc_operand src)
{
    add(u, ESC_STMT_ASSIGN, line, lhs, 1, &src, NULL, 0);
}

static void u_call(struct unit *u, uint32_t line, struct esc_operand lhs, const char *callee,
                   uint32_t nargs, struct esc_operand *args)
{
    add(u, ESC_STMT_CALL, line, lhs, nargs, args, callee, ESC_CALLF_DEFINED);
}

static void u_ret(struct unit *u, uint32_t line, struct esc_operand v)
{
    add(u, ESC_STMT_RETURN, line, esc_opnd_none(), v.kind == ESC_OPND_NONE ? 0 : 1, &v, NULL, 0);
}

static void analyze_with(struct unit *u, const struct esc_config *config)
{
    esc_analyze_module(u->m, NULL, config, &u->results, &u->summaries);
}

static void analyze(struct unit *u)
{
    analyze_with(u, NULL);
}

static void finish(struct unit *u)
{
    esc_results_free(&u->results);
    esc_summary_table_free(&u->summaries);
    esc_module_free(u->m);
}

#endif
