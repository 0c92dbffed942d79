/* unused.cc - at -O0, the functions GCC would have removed unanalysed at -O1 and up. */
#include "plugin/adapter.h"

#include <set>

/* From -O1, GCC builds the call graph from the unit's entry points (what
   is public, `used`, a constructor...) and never even lowers a static
   function that nothing reachable calls or takes the address of, so the
   plugin never sees it.  At -O0 (cgraph_node::finalize_function,
   PR24561) GCC outputs every non-inline static function anyway, and the
   plugin would warn about code it is silent about at -O2.  Skipping the
   same functions at -O0 keeps the warnings the same at every level.
   The walk is symtab_node::needed_p and analyze_functions' queue in
   cgraphunit.cc, with -O0's own reasons to keep a symbol left out. */

namespace
{

bool computed;
/* The functions that are dropped: a set of decls, filled once per unit. */
std::set<tree> dropped;

/* Would GCC at -O1 and up keep SYM even if nothing referred to it? */
bool entry_point(symtab_node *sym)
{
    tree decl = sym->decl;
    if (!sym->definition || DECL_EXTERNAL(decl) || TREE_PUBLIC(decl))
        return true;
    if (DECL_PRESERVE_P(decl) || sym->forced_by_abi ||
        lookup_attribute("no_reorder", DECL_ATTRIBUTES(decl)))
        return true;
    if (TREE_CODE(decl) != FUNCTION_DECL)
        return TREE_THIS_VOLATILE(decl); /* varpool_node::finalize_decl */
    if (DECL_STATIC_CONSTRUCTOR(decl) || DECL_STATIC_DESTRUCTOR(decl))
        return true;
    /* Forced out for a reason -O0's rule does not cover (that rule spares
       inline and nested functions): keep it as GCC would. */
    return sym->force_output && (DECL_DECLARED_INLINE_P(decl) ||
                                 DECL_DISREGARD_INLINE_LIMITS(decl) || decl_function_context(decl));
}

void compute()
{
    computed = true;
    /* -fkeep-static-functions or -fno-toplevel-reorder keep them at -O2 too. */
    if (optimize || flag_keep_static_functions ||
        (global_options_set.x_flag_toplevel_reorder && !flag_toplevel_reorder))
        return;
    std::set<symtab_node *> reached;
    std::vector<symtab_node *> work;
    auto reach = [&](symtab_node *sym) {
        if (sym && reached.insert(sym).second)
            work.push_back(sym);
    };
    symtab_node *sym;
    FOR_EACH_SYMBOL(sym)
    if (entry_point(sym))
        reach(sym);
    while (!work.empty()) {
        sym = work.back();
        work.pop_back();
        if (cgraph_node *fn = dyn_cast<cgraph_node *>(sym)) {
            for (cgraph_edge *e = fn->callees; e; e = e->next_callee)
                reach(e->callee);
            if (tree outer = decl_function_context(sym->decl))
                reach(cgraph_node::get(outer));
        }
        ipa_ref *ref;
        for (unsigned i = 0; sym->iterate_reference(i, ref); i++)
            reach(ref->referred);
        if (sym->same_comdat_group)
            for (symtab_node *next = sym->same_comdat_group; next != sym;
                 next = next->same_comdat_group)
                reach(next);
    }
    cgraph_node *fn;
    FOR_EACH_FUNCTION(fn)
    if (!reached.count(fn))
        dropped.insert(fn->decl);
}

} // namespace

bool esc_dropped_when_optimizing(tree fndecl)
{
    if (!computed)
        compute();
    return dropped.count(fndecl) != 0;
}
