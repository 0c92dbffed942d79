/* diagnose.cc - the core's findings as GCC warnings with notes. */
#include "adapter.h"

extern "C" {
#include "../report/diagtext.h"
}

/* The function decls of this unit by DECL_UID, found through the call
   graph rather than kept from lowering, so no tree is held across passes
   behind the garbage collector's back. */
static std::map<unsigned, tree> function_decls()
{
    std::map<unsigned, tree> decls;
    cgraph_node *node;
    FOR_EACH_FUNCTION(node)
    decls[DECL_UID(node->decl)] = node->decl;
    return decls;
}

static void emit_finding(const struct esc_function *fn, const struct esc_finding *f)
{
    struct esc_diag d;
    esc_render_finding(fn, f, &d);
    auto_diagnostic_group group;
    if (warning_at((location_t)f->loc.handle, 0, "%s", d.message)) {
        for (uint32_t i = 0; i < d.nnotes; i++)
            if ((location_t)d.notes[i].loc.handle != UNKNOWN_LOCATION)
                inform((location_t)d.notes[i].loc.handle, "%s", d.notes[i].text);
    }
    esc_diag_free(&d);
}

void esc_emit_diagnostics(const struct esc_results *results)
{
    std::map<unsigned, tree> decls = function_decls();
    tree saved = current_function_decl;
    for (uint32_t i = 0; i < results->nfunctions; i++) {
        const struct esc_function_result *r = &results->functions[i];
        auto it = decls.find((unsigned)r->fn->key);
        /* "In function 'f':" comes from current_function_decl. */
        current_function_decl = it != decls.end() ? it->second : NULL_TREE;
        if (r->skipped) {
            /* A bug of ours, never the user's: say so once and go on. */
            inform((location_t)r->fn->loc.handle,
                   "gcc-escape: analysis of %qs skipped: internal error: %s", r->fn->name,
                   r->skipped);
            continue;
        }
        for (uint32_t k = 0; k < r->nfindings; k++)
            if (!esc_opts.disabled[r->findings[k].rule])
                emit_finding(r->fn, &r->findings[k]);
    }
    current_function_decl = saved;
}
