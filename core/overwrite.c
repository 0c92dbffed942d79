/* overwrite.c - control-flow questions about stores: overwritten before return, reaching a load. */
#include "overwrite.h"
#include "util.h"

#include <stdlib.h>

static bool exact(const struct esc_operand *op)
{
    return (op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_DEREF) &&
           op->offset != ESC_UNKNOWN_OFFSET && op->size > 0;
}

bool esc_store_covers(const struct esc_stmt *s, const struct esc_operand *loc)
{
    if (s->kind != ESC_STMT_ASSIGN && s->kind != ESC_STMT_CALL)
        return false;
    const struct esc_operand *w = &s->lhs;
    if (!exact(w) || !exact(loc) || w->kind != loc->kind || w->id != loc->id)
        return false;
    return w->offset <= loc->offset && w->offset + w->size >= loc->offset + loc->size;
}

struct path_start {
    uint32_t block, index;
};

bool esc_store_reaches(const struct esc_function *fn, uint32_t from,
                       const struct esc_operand *loc, uint32_t target)
{
    const struct esc_stmt *st = &fn->stmts[from];
    if (st->block == ESC_NONE || (target != ESC_NONE && fn->stmts[target].block == ESC_NONE))
        return true;
    if (loc && !exact(loc))
        loc = NULL;
    uint32_t base_def = loc && loc->kind == ESC_OPND_DEREF ? fn->values[loc->id].def : ESC_NONE;

    const struct esc_block *home = &fn->blocks[st->block];
    uint32_t pos = 0;
    while (pos < home->nstmts && home->stmts[pos] != from)
        pos++;

    bool *entered = esc_xcalloc(fn->nblocks, sizeof *entered);
    struct path_start *stack = esc_xmalloc((fn->nblocks + 1) * sizeof *stack);
    uint32_t depth = 0;
    stack[depth++] = (struct path_start){st->block, pos + 1};
    bool reaches = false;

    while (depth && !reaches) {
        struct path_start at = stack[--depth];
        const struct esc_block *b = &fn->blocks[at.block];
        bool path_done = false;
        for (uint32_t k = at.index; k < b->nstmts && !path_done && !reaches; k++) {
            uint32_t id = b->stmts[k];
            const struct esc_stmt *s = &fn->stmts[id];
            if (target == ESC_NONE ? s->kind == ESC_STMT_RETURN : id == target)
                reaches = true;
            else if (id == from || (loc && esc_store_covers(s, loc)))
                path_done = true; /* stored again, or overwritten: settled */
            else if (id == base_def)
                reaches = true; /* the base moved: assume the worst */
            else if (s->kind == ESC_STMT_CALL && (s->flags & ESC_CALLF_NORETURN))
                path_done = true;
        }
        if (path_done || reaches)
            continue;
        for (uint32_t k = 0; k < b->nsucc; k++) {
            uint32_t next = b->succ[k];
            if (!entered[next]) {
                entered[next] = true;
                stack[depth++] = (struct path_start){next, 0};
            }
        }
    }
    free(entered);
    free(stack);
    return reaches;
}

bool esc_store_overwritten(const struct esc_function *fn, uint32_t store)
{
    const struct esc_stmt *st = &fn->stmts[store];
    if (!exact(&st->lhs) || st->block == ESC_NONE)
        return false;
    return !esc_store_reaches(fn, store, &st->lhs, ESC_NONE);
}
