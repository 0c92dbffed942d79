/* nullbase.c - a store through an out-parameter never happened on the edge where it is null. */
#include "core/ir/conditions.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"

/* The model.  An out-parameter may be NULL, and code that fills it in
   tests it first, or leaves the test to a library function:

       double d = strtod (buf, endptr);   // *endptr = a pointer into buf,
                                          //  when endptr is not NULL
       if (endptr)
           *endptr = (char *) s + (*endptr - buf);   // rebased into s
       return d;

   On the edge where endptr is NULL, the store through it never happened
   (a store through NULL does not return; a library function that takes a
   nullable pointer skips it), so no pointer sits there: the OVERWRITE
   walk (restore.c) ends the path on that edge, and the path that leaves
   buf in *endptr must go through the other one, where the rebase undoes
   it.  The pointer must be the parameter's own value on entry, which no
   statement changes: a pointer redefined in a loop may be null in a later
   iteration after a store through its earlier value. */

/* The parameter whose value on entry VALUE is, or -1. */
static int32_t entry_param(const struct esc_function *fn, uint32_t value)
{
    uint32_t root = esc_value_root(fn, value);
    return fn->values[root].def == ESC_NONE ? fn->values[root].param : -1;
}

bool esc_base_null(struct esc_refine *r, struct esc_stored_place *place, uint32_t from, uint32_t to)
{
    const struct esc_function *fn = r->fn;
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, from, &n);
    if (!n || !place->loc || place->loc->kind != ESC_OPND_DEREF)
        return false;
    int32_t param = entry_param(fn, place->loc->id);
    if (param < 0)
        return false;
    for (uint32_t k = 0; k < n; k++) {
        const struct esc_cond *c = &e[k].cond;
        if (e[k].succ != to || e[k].term != ESC_COND_EVERY_TERM || c->kind != ESC_COND_RANGE ||
            (c->is_param ? (int32_t)c->subject != param : entry_param(fn, c->subject) != param))
            continue;
        struct esc_cond null = *c;
        null.lo = null.hi = 0;
        if (esc_edge_implies(fn, from, to, &null))
            return true;
    }
    return false;
}
