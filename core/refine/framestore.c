/* framestore.c - a store through a pointer read again from a place this function pointed at its
 * own local. */
#include "core/refine/refine.h"
#include "core/solve/reload.h"

/* The model.  nginx's ngx_conf_parse lends a local to the caller's
   structure, then writes into it through the structure:

       prev = cf->conf_file;
       cf->conf_file = &conf_file;
       if (fstat (fd, &cf->conf_file->file.info) == -1)
           ngx_log_error_core (...);          // another unit's function
       cf->conf_file->buffer = &buf;          // the store S
       ...
       cf->conf_file = prev;

   S goes through a pointer read again from cf->conf_file.  When every
   path back from that read meets the store `cf->conf_file = &conf_file`
   first, with nothing between that may write cf->conf_file -- reload.c's
   walk in the undo direction, which trusts the calls calltrust.c trusts
   (here a function of another unit) -- S writes conf_file, a local of
   this frame, and what it stores there dies with the frame: S does not
   persist, whatever else the points-to sets say cf->conf_file may hold.
   The escape direction (flows.c) does not trust that call, so the
   points-to sets still send &buf wherever cf->conf_file may point; this
   takes that back for S alone.  It misses, as calltrust.c says, a call
   this unit cannot see that points cf->conf_file elsewhere. */

/* Does VALUE hold the address of a stack object of FN, by its definition? */
static bool frame_address(const struct esc_function *fn, const struct esc_operand *v)
{
    if (v->kind == ESC_OPND_ADDR)
        return esc_object_is_stack(&fn->objects[v->id]);
    if (v->kind != ESC_OPND_VALUE)
        return false;
    int64_t shift;
    uint32_t def = fn->values[esc_value_origin(fn, v->id, &shift)].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *s = &fn->stmts[def];
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->args[0].kind == ESC_OPND_ADDR &&
           (s->op == ESC_ASSIGN_COPY || s->op == ESC_ASSIGN_CONVERT) &&
           esc_object_is_stack(&fn->objects[s->args[0].id]);
}

/* Does any statement of FN store the address of one of its stack
   objects into memory?  Most functions do not: the cheap test first. */
static bool any_frame_store(const struct esc_function *fn)
{
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->op == ESC_ASSIGN_COPY &&
            (s->lhs.kind == ESC_OPND_MEM || s->lhs.kind == ESC_OPND_DEREF) &&
            frame_address(fn, &s->args[0]))
            return true;
    }
    return false;
}

enum esc_persists_answer esc_frame_store_persists(struct esc_refine *r, uint32_t id)
{
    const struct esc_function *fn = r->fn;
    if (r->frame_stores < 0)
        r->frame_stores = any_frame_store(fn);
    if (!r->frame_stores)
        return ESC_PERSISTS_PASS;
    const struct esc_flow *f = &r->flows->items[id];
    const struct esc_operand *loc = esc_flow_store_location(fn, f);
    if (!loc || loc->kind != ESC_OPND_DEREF || fn->stmts[f->stmt].kind != ESC_STMT_ASSIGN)
        return ESC_PERSISTS_PASS;
    /* The cheap test first: a pointer read from memory. */
    int64_t shift;
    uint32_t def = fn->values[esc_value_origin(fn, loc->id, &shift)].def;
    if (def == ESC_NONE)
        return ESC_PERSISTS_PASS;
    const struct esc_stmt *load = &fn->stmts[def];
    if (load->kind != ESC_STMT_ASSIGN || load->nargs != 1 || load->op != ESC_ASSIGN_COPY ||
        load->lhs.kind != ESC_OPND_VALUE ||
        (load->args[0].kind != ESC_OPND_MEM && load->args[0].kind != ESC_OPND_DEREF))
        return ESC_PERSISTS_PASS;
    uint32_t store = esc_reload_store(esc_trusting_reload(r), def);
    if (store == ESC_NONE || !frame_address(fn, &fn->stmts[store].args[0]))
        return ESC_PERSISTS_PASS;
    return ESC_PERSISTS_UNDONE;
}
