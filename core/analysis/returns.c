/* returns.c - one escape-return warning per source return, however GCC merged or split them. */
#include "core/analysis/analysis.h"
#include "core/base/util.h"
#include "core/refine/overwrite.h"

#include <stdlib.h>
#include <string.h>

/* GCC gives a function one return statement: the source's returns
   become assignments to a PHI in a last block, `return _5;`, which has no
   location of its own.  The search for escapes finds one path per object
   into that statement, so

       if (c) return p;    // line 6
       ...
       return p;           // line 8: the same local's address

   was one warning, at whichever return the shortest path took.  The PHI
   remembers where each incoming value was set (esc_stmt.arg_locs): each
   source return whose value may carry the address is a warning of its
   own, at that return, with a path through that PHI argument.  The other
   way round, `return c ? &a : &b;` is one source return that may give
   two addresses: one warning, for the first, whose notes name the
   other. */

/* The PHI statement the returned value comes from, through copies. */
static const struct esc_stmt *returned_phi(const struct esc_function *fn, const struct esc_flow *f)
{
    if (f->reason != ESC_FLOW_RETURN || f->src.kind != ESC_OPND_VALUE)
        return NULL;
    uint32_t def = fn->values[esc_value_root(fn, f->src.id)].def;
    if (def == ESC_NONE || fn->stmts[def].kind != ESC_STMT_PHI || !fn->stmts[def].arg_locs)
        return NULL;
    return &fn->stmts[def];
}

static bool same_loc(struct esc_loc a, struct esc_loc b)
{
    return a.line == b.line && a.column == b.column &&
           (a.file == b.file || (a.file && b.file && strcmp(a.file, b.file) == 0));
}

bool esc_report_source_returns(struct analysis *a, uint32_t obj, uint32_t flow,
                               struct esc_step *steps, uint32_t nsteps)
{
    const struct esc_function *fn = a->fn;
    const struct esc_flow *f = &a->flows.items[flow];
    if (fn->stmts[f->stmt].loc.line || !nsteps)
        return false;
    const struct esc_stmt *phi = returned_phi(fn, f);
    if (!phi)
        return false;
    uint32_t id_phi = (uint32_t)(phi - fn->stmts);
    uint32_t reported = 0;
    for (uint32_t arg = 1; arg <= phi->nargs; arg++) {
        struct esc_loc at = phi->arg_locs[arg - 1];
        if (!at.line)
            continue;
        bool seen = false;
        for (uint32_t k = 1; k < arg && !seen; k++)
            seen = same_loc(phi->arg_locs[k - 1], at);
        if (seen)
            continue; /* one source return reaches the PHI twice */
        for (uint32_t i = 0; i < a->flows.n; i++) {
            const struct esc_flow *g = &a->flows.items[i];
            if (g->stmt != id_phi || g->arg != arg)
                continue;
            uint32_t n;
            struct esc_step *path = esc_refine_path(&a->refine, obj, i, &n);
            if (!path)
                continue;
            /* That path, then the return itself. */
            path = esc_xrealloc(path, (n + 1) * sizeof *path);
            path[n++] = steps[nsteps - 1];
            struct esc_finding *fd = esc_report(a, obj, flow, fn->return_object, path, n);
            fd->loc = at;
            reported++;
            break;
        }
    }
    if (!reported)
        return false;
    free(steps);
    return true;
}

void esc_merge_same_returns(struct esc_function_result *out)
{
    uint32_t kept = 0;
    for (uint32_t i = 0; i < out->nfindings; i++) {
        struct esc_finding *f = &out->findings[i];
        struct esc_finding *first = NULL;
        for (uint32_t k = 0; k < kept && !first; k++)
            if (out->findings[k].rule == ESC_RULE_ESCAPE_RETURN &&
                f->rule == ESC_RULE_ESCAPE_RETURN && same_loc(out->findings[k].loc, f->loc))
                first = &out->findings[k];
        if (!first) {
            out->findings[kept++] = *f;
            continue;
        }
        bool known = first->object == f->object;
        for (uint32_t k = 0; k < first->nalso && !known; k++)
            known = first->also[k] == f->object;
        if (!known) {
            first->also = esc_xrealloc(first->also, (first->nalso + 1) * sizeof *first->also);
            first->also[first->nalso++] = f->object;
        }
        free(f->steps);
        free(f->heap_steps);
        free(f->frees);
        free(f->also);
    }
    out->nfindings = kept;
}
