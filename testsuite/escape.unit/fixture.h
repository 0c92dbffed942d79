/* fixture.h - building functions in the core IR by hand, shared by the unit tests. */
#ifndef ESC_UNIT_FIXTURE_H
#define ESC_UNIT_FIXTURE_H

#include <stdbool.h>

#include "core/analysis/escape.h"
#include "core/ir/ir.h"

/* One function under test, and its analysis once run.  The named objects
   and values are for tests that want a ready-made cast (overwrite.c). */
struct fx {
    struct esc_module *m;
    struct esc_function *fn;
    struct esc_function_result r;
    bool analyzed;
    uint32_t g, h; /* statics */
    uint32_t x, y; /* locals */
    uint32_t p, q; /* entry values of pointer parameters p and q */
};

/* A location in "t.c"; the handle stands in for GCC's location_t. */
static struct esc_loc at(uint32_t line)
{
    return (struct esc_loc){.file = "t.c", .line = line, .column = 5, .handle = 1000 + line};
}

static struct fx fx_open(const char *name)
{
    struct fx f = {0};
    f.m = esc_module_new("t.c");
    f.fn = esc_function_new(f.m, name, at(1));
    return f;
}

static void fx_free(struct fx *f)
{
    if (f->analyzed)
        esc_function_result_free(&f->r);
    esc_module_free(f->m);
}

static uint32_t local(struct fx *f, const char *name, uint32_t line)
{
    return esc_add_object(f->m, f->fn, ESC_OBJ_LOCAL, name, at(line));
}

static uint32_t global(struct fx *f, const char *name)
{
    return esc_add_object(f->m, f->fn, ESC_OBJ_STATIC, name, at(0));
}

static uint32_t value(struct fx *f, const char *name)
{
    return esc_add_value(f->m, f->fn, name, f->fn->nvalues + 1);
}

/* A pointer parameter whose SSA entry value is recorded both ways; returns the value. */
static uint32_t pointer_param(struct fx *f, const char *name)
{
    uint32_t k = esc_add_param(f->m, f->fn, name, at(1), true);
    uint32_t v = esc_add_value(f->m, f->fn, name, 0);
    f->fn->params[k].value = v;
    f->fn->values[v].param = (int32_t)k;
    return v;
}

/* A statement appended to BLOCK of any function of module M. */
static uint32_t fx_stmt_in(struct esc_module *m, struct esc_function *fn, uint32_t block,
                           enum esc_stmt_kind kind, uint32_t line, struct esc_operand lhs,
                           uint32_t nargs, struct esc_operand *args, const char *callee,
                           uint32_t flags, uint32_t object)
{
    struct esc_stmt s = {0};
    s.kind = kind;
    s.flags = flags;
    s.loc = at(line);
    s.lhs = lhs;
    s.nargs = nargs;
    s.args = args;
    s.callee = callee;
    s.target = esc_opnd_none();
    s.object = object;
    return esc_add_stmt(m, fn, block, &s);
}

static uint32_t stmt(struct fx *f, uint32_t block, enum esc_stmt_kind kind, uint32_t line,
                     struct esc_operand lhs, uint32_t nargs, struct esc_operand *args,
                     const char *callee, uint32_t flags, uint32_t object)
{
    return fx_stmt_in(f->m, f->fn, block, kind, line, lhs, nargs, args, callee, flags, object);
}

static uint32_t assign(struct fx *f, uint32_t block, uint32_t line, struct esc_operand lhs,
                       struct esc_operand src)
{
    return stmt(f, block, ESC_STMT_ASSIGN, line, lhs, 1, &src, NULL, 0, ESC_NONE);
}

/* return V; (no value when V is none) */
static uint32_t ret(struct fx *f, uint32_t block, uint32_t line, struct esc_operand v)
{
    return stmt(f, block, ESC_STMT_RETURN, line, esc_opnd_none(), v.kind == ESC_OPND_NONE ? 0 : 1,
                &v, NULL, 0, ESC_NONE);
}

static uint32_t call1(struct fx *f, uint32_t block, uint32_t line, struct esc_operand lhs,
                      const char *callee, struct esc_operand arg)
{
    return stmt(f, block, ESC_STMT_CALL, line, lhs, 1, &arg, callee, 0, ESC_NONE);
}

/* Four new blocks forming an if/else: b0 -> b1, b2 -> b3. */
static void fx_diamond(struct fx *f, uint32_t *b0, uint32_t *b1, uint32_t *b2, uint32_t *b3)
{
    *b0 = esc_add_block(f->fn);
    *b1 = esc_add_block(f->fn);
    *b2 = esc_add_block(f->fn);
    *b3 = esc_add_block(f->fn);
    esc_add_edge(f->fn, *b0, *b1);
    esc_add_edge(f->fn, *b0, *b2);
    esc_add_edge(f->fn, *b1, *b3);
    esc_add_edge(f->fn, *b2, *b3);
}

/* A pointer-sized access to an object, or through a value. */
static struct esc_operand mem(uint32_t obj)
{
    return esc_opnd_mem(obj, 0, 8);
}

static struct esc_operand deref(uint32_t v)
{
    return esc_opnd_deref(v, 0, 8);
}

#endif
