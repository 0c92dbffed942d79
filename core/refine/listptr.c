/* listptr.c - pointers as list code spells them: a value's root plus an offset, or an address. */
#include "core/refine/listptr.h"
#include "core/refine/overwrite.h"

bool esc_list_ptr_same(const struct esc_list_ptr *a, const struct esc_list_ptr *b)
{
    return a->kind == b->kind && a->id == b->id && a->offset == b->offset;
}

bool esc_list_ptr_of(const struct esc_function *fn, const struct esc_operand *op,
                     struct esc_list_ptr *out)
{
    if (op->kind == ESC_OPND_ADDR) {
        *out = (struct esc_list_ptr){ESC_OPND_ADDR, op->id, op->offset};
        return op->offset != ESC_UNKNOWN_OFFSET;
    }
    uint32_t root;
    int64_t at;
    if (op->kind != ESC_OPND_VALUE || op->offset == ESC_UNKNOWN_OFFSET ||
        !esc_value_base(fn, op->id, &root, &at))
        return false;
    at += op->offset;
    uint32_t def = fn->values[root].def;
    const struct esc_stmt *s = def != ESC_NONE ? &fn->stmts[def] : NULL;
    if (s && s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->args[0].kind == ESC_OPND_ADDR &&
        (s->op == ESC_ASSIGN_COPY || s->op == ESC_ASSIGN_CONVERT ||
         s->op == ESC_ASSIGN_POINTER_ARITH)) {
        if (s->args[0].offset == ESC_UNKNOWN_OFFSET)
            return false;
        *out = (struct esc_list_ptr){ESC_OPND_ADDR, s->args[0].id, s->args[0].offset + at};
        return true;
    }
    *out = (struct esc_list_ptr){ESC_OPND_VALUE, root, at};
    return true;
}

bool esc_list_place_ptr(const struct esc_function *fn, const struct esc_operand *place,
                        struct esc_list_ptr *out)
{
    if (!esc_place_exact(place))
        return false;
    if (place->kind == ESC_OPND_MEM) {
        *out = (struct esc_list_ptr){ESC_OPND_ADDR, place->id, place->offset};
        return true;
    }
    struct esc_operand base = esc_opnd_value(place->id);
    if (!esc_list_ptr_of(fn, &base, out))
        return false;
    out->offset += place->offset;
    return true;
}

const struct esc_operand *esc_list_load_place(const struct esc_function *fn, uint32_t v,
                                              uint32_t *def)
{
    uint32_t d = fn->values[esc_value_root(fn, v)].def;
    if (d == ESC_NONE)
        return NULL;
    const struct esc_stmt *s = &fn->stmts[d];
    if (s->kind != ESC_STMT_ASSIGN || s->nargs != 1 || s->op != ESC_ASSIGN_COPY ||
        (s->args[0].kind != ESC_OPND_MEM && s->args[0].kind != ESC_OPND_DEREF))
        return NULL;
    *def = d;
    return &s->args[0];
}
