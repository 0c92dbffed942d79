/* allocators.cc - GCC's malloc, alloc_size and malloc (dealloc) attributes, as facts for the core.
 */
#include "plugin/adapter.h"

/* Where GCC keeps them (GCC 11 to 16 alike, c-family/c-attribs.cc):
   plain `malloc` sets DECL_IS_MALLOC; `alloc_size (N[, M])` is a type
   attribute whose arguments are the 1-based positions, as INTEGER_CSTs;
   each `malloc (dealloc[, I])` stays a "malloc" attribute of the
   declaration with the deallocator's FUNCTION_DECL and the position
   as written (an integer constant expression; GCC has checked it).
   Redeclarations are merged into one decl, so attributes on any
   prototype are seen.  What the facts mean is core/summaries/declared.c's
   business. */

namespace
{

/* The 1-based position T names, or 0 when it is not a small constant. */
uint8_t position(tree t)
{
    if (!t || TREE_CODE(t) != INTEGER_CST || !tree_fits_uhwi_p(t))
        return 0;
    unsigned HOST_WIDE_INT v = tree_to_uhwi(t);
    return v >= 1 && v <= 255 ? (uint8_t)v : 0;
}

} // namespace

void esc_note_allocator(struct esc_module *m, tree fndecl)
{
    if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_NAME(fndecl) ||
        !DECL_IS_MALLOC(fndecl))
        return;
    struct esc_decl_alloc d = {};
    d.name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
    d.fresh = true;
    tree size = lookup_attribute("alloc_size", TYPE_ATTRIBUTES(TREE_TYPE(fndecl)));
    if (size && TREE_VALUE(size)) {
        tree args = TREE_VALUE(size);
        d.size_arg = position(TREE_VALUE(args));
        d.count_arg = TREE_CHAIN(args) ? position(TREE_VALUE(TREE_CHAIN(args))) : 0;
        if (!d.size_arg || (TREE_CHAIN(args) && !d.count_arg))
            d.size_arg = d.count_arg = 0; /* unreadable: the size is unknown */
    }
    /* The first deallocator named; with several, the others' calls are
       not recognised and keep the block on the heap. */
    for (tree at = DECL_ATTRIBUTES(fndecl); (at = lookup_attribute("malloc", at));
         at = TREE_CHAIN(at)) {
        tree args = TREE_VALUE(at);
        if (!args)
            continue;
        tree dealloc = TREE_VALUE(args);
        if (!dealloc || TREE_CODE(dealloc) != FUNCTION_DECL || !DECL_NAME(dealloc))
            return; /* a deallocator not understood: not an allocator here */
        d.dealloc = IDENTIFIER_POINTER(DECL_NAME(dealloc));
        d.dealloc_arg = TREE_CHAIN(args) ? position(TREE_VALUE(TREE_CHAIN(args))) : 1;
        if (!d.dealloc_arg)
            return;
        break;
    }
    esc_add_decl_alloc(m, &d);
}
