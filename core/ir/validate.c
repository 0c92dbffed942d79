/* validate.c - check a lowered function's IR before analysing it. */
#include "core/ir/validate.h"

#include <stddef.h>

static bool operand_ok(const struct esc_function *fn, const struct esc_operand *op)
{
    if (op->ref > fn->nrefs)
        return false;
    switch (op->kind) {
    case ESC_OPND_VALUE:
    case ESC_OPND_DEREF:
        return op->id < fn->nvalues;
    case ESC_OPND_ADDR:
    case ESC_OPND_MEM:
        return op->id < fn->nobjects;
    case ESC_OPND_NONE:
    case ESC_OPND_INT:
    case ESC_OPND_UNKNOWN:
        return true;
    }
    return false;
}

static const char *check_stmt(const struct esc_function *fn, const struct esc_stmt *s)
{
    if (s->kind > ESC_STMT_BRANCH)
        return "statement of unknown kind";
    if (s->kind == ESC_STMT_BRANCH &&
        (s->nargs != 2 || s->true_block >= fn->nblocks || s->false_block >= fn->nblocks))
        return "branch without two operands and two successors";
    if (s->arg_blocks)
        for (uint32_t a = 0; a < s->nargs; a++)
            if (s->arg_blocks[a] != ESC_NONE && s->arg_blocks[a] >= fn->nblocks)
                return "PHI argument from a block that does not exist";
    if (s->block != ESC_NONE && s->block >= fn->nblocks)
        return "statement in a block that does not exist";
    if (!operand_ok(fn, &s->lhs) || !operand_ok(fn, &s->target))
        return "operand names a value or object that does not exist";
    if (s->lhs.kind == ESC_OPND_ADDR || s->lhs.kind == ESC_OPND_INT)
        return "assignment to something that is not storage";
    if (s->nargs && !s->args)
        return "statement with arguments missing";
    for (uint32_t a = 0; a < s->nargs; a++)
        if (!operand_ok(fn, &s->args[a]))
            return "operand names a value or object that does not exist";
    if (s->kind == ESC_STMT_RETURN && s->nargs > 1)
        return "return with more than one value";
    if (s->object != ESC_NONE && s->object >= fn->nobjects)
        return "statement names an object that does not exist";
    return NULL;
}

const char *esc_validate_function(const struct esc_function *fn)
{
    if (fn->return_object >= fn->nobjects || fn->unknown_object >= fn->nobjects)
        return "abstract objects missing";
    for (uint32_t i = 0; i < fn->nparams; i++) {
        const struct esc_param *p = &fn->params[i];
        if ((p->value != ESC_NONE && p->value >= fn->nvalues) ||
            (p->object != ESC_NONE && p->object >= fn->nobjects) || p->caller >= fn->nobjects)
            return "parameter names a value or object that does not exist";
    }
    for (uint32_t i = 0; i < fn->nobjects; i++) {
        const struct esc_object *o = &fn->objects[i];
        if ((o->companion != ESC_NONE && o->companion >= fn->nobjects) ||
            (o->stmt != ESC_NONE && o->stmt >= fn->nstmts))
            return "object refers to something that does not exist";
    }
    for (uint32_t i = 0; i < fn->nvalues; i++)
        if (fn->values[i].def != ESC_NONE && fn->values[i].def >= fn->nstmts)
            return "value defined by a statement that does not exist";
    for (uint32_t i = 0; i < fn->nrefs; i++)
        for (uint32_t k = 0; k < fn->refs[i].nvalues; k++)
            if (fn->refs[i].values[k] >= fn->nvalues)
                return "reference uses a value that does not exist";
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const struct esc_block *blk = &fn->blocks[b];
        for (uint32_t k = 0; k < blk->nsucc; k++)
            if (blk->succ[k] >= fn->nblocks)
                return "edge to a block that does not exist";
        for (uint32_t k = 0; k < blk->nstmts; k++)
            if (blk->stmts[k] >= fn->nstmts || fn->stmts[blk->stmts[k]].block != b)
                return "block lists a statement that is not its own";
    }
    for (uint32_t i = 0; i < fn->nstmts; i++) {
        const char *problem = check_stmt(fn, &fn->stmts[i]);
        if (problem)
            return problem;
    }
    for (uint32_t i = 0; i < fn->nparam_ranges; i++) {
        const struct esc_param_range *r = &fn->param_ranges[i];
        if (r->block >= fn->nblocks || r->succ >= fn->nblocks ||
            (r->param != ESC_NONE && r->param >= fn->nparams) || r->lo > r->hi)
            return "parameter test on a block, edge or parameter that does not exist";
    }
    for (uint32_t i = 0; i < fn->narg_sources; i++) {
        const struct esc_arg_source *a = &fn->arg_sources[i];
        if (a->stmt >= fn->nstmts || fn->stmts[a->stmt].kind != ESC_STMT_CALL ||
            a->arg >= fn->stmts[a->stmt].nargs || (a->is_param && a->param >= fn->nparams))
            return "argument source for a call or parameter that does not exist";
    }
    return NULL;
}
