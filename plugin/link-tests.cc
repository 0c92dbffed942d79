/* link-tests.cc - a call of `list_empty (&h)`, a link test of this unit, read as that test. */
#include "plugin/adapter.h"

/* The kernel's list_empty is a static inline function, not a macro:

       static inline int list_empty (const struct list_head *head)
       { return READ_ONCE (head->next) == head; }

   `if (!list_empty (&local)) w = list_first_entry (&local, ...);` then
   tests the head through a call whose integer result the IR does not
   keep, and the load after it seems to read the head itself.  The
   lowering (lower.cc) reads such a test as the one the callee makes: a
   load of the argument's link at the test, compared with the argument's
   address, which core/refine/guards.c reads as it reads the macro form.

   A callee is such a predicate when its body, already in SSA form (GCC
   lowers callees before their callers, in topological order, wherever
   they are defined; a recursive one is left a call), is a straight line
   of assignments to SSA names (no store, no call) ending in the return of
   `LINK == P` or `LINK != P`, through conversions, where P is a pointer
   parameter's incoming value and LINK a pointer loaded at a constant
   offset from P.  It writes nothing, so its result is the test made
   where its result is tested, as long as nothing in between writes the
   link; guards.c drops a place's fact at any store through a pointer or
   call, and the test is lowered at the branch itself. */

namespace
{

/* T, or what it converts, through SSA conversions. */
tree unconverted(tree t)
{
    for (int guard = 0; guard < 8 && TREE_CODE(t) == SSA_NAME; guard++) {
        gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(t));
        if (!def || !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
            break;
        t = gimple_assign_rhs1(def);
    }
    return t;
}

/* The index of the pointer parameter whose incoming value T is, or -1. */
int incoming_param(tree fndecl, tree t)
{
    if (TREE_CODE(t) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(t) || !SSA_NAME_VAR(t) ||
        TREE_CODE(SSA_NAME_VAR(t)) != PARM_DECL || !POINTER_TYPE_P(TREE_TYPE(t)))
        return -1;
    int i = 0;
    for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++)
        if (p == SSA_NAME_VAR(t))
            return i;
    return -1;
}

/* The constant offset from P of the memory reference REF, or of what the
   pointer PTR points to (`&p->next`, kept in an SSA name by READ_ONCE). */
bool offset_from(tree ref, tree ptr, tree p, HOST_WIDE_INT *offset, int depth)
{
    if (ptr) {
        if (ptr == p) {
            *offset = 0;
            return true;
        }
        gassign *def =
            TREE_CODE(ptr) == SSA_NAME ? dyn_cast<gassign *>(SSA_NAME_DEF_STMT(ptr)) : nullptr;
        if (!def || depth == 0 || gimple_assign_rhs_code(def) != ADDR_EXPR)
            return false;
        ref = TREE_OPERAND(gimple_assign_rhs1(def), 0);
    }
    poly_int64 at;
    HOST_WIDE_INT here, below;
    tree base = get_addr_base_and_unit_offset(ref, &at);
    /* The MEM_REF's own offset is not in AT when its pointer is an SSA
       name (get_addr_base_and_unit_offset hands the MEM_REF back). */
    if (!base || TREE_CODE(base) != MEM_REF || !at.is_constant(&here) ||
        !tree_fits_shwi_p(TREE_OPERAND(base, 1)) ||
        !offset_from(NULL_TREE, TREE_OPERAND(base, 0), p, &below, depth - 1))
        return false;
    *offset = here + tree_to_shwi(TREE_OPERAND(base, 1)) + below;
    return true;
}

/* Is T a pointer loaded at a constant offset from P?  *OFFSET is it. */
bool link_of(tree t, tree p, HOST_WIDE_INT *offset)
{
    gassign *def = TREE_CODE(t) == SSA_NAME ? dyn_cast<gassign *>(SSA_NAME_DEF_STMT(t)) : nullptr;
    if (!def || !gimple_assign_single_p(def) || !POINTER_TYPE_P(TREE_TYPE(t)))
        return false;
    tree ref = gimple_assign_rhs1(def);
    tree size = TYPE_SIZE_UNIT(TREE_TYPE(ref));
    return size && tree_fits_uhwi_p(size) && tree_to_uhwi(size) == POINTER_SIZE_UNITS &&
           offset_from(ref, NULL_TREE, p, offset, 3);
}

} // namespace

bool esc_link_predicate(tree fndecl, esc_link_test *test)
{
    greturn *ret = esc_straight_line_return(DECL_STRUCT_FUNCTION(fndecl));
    tree value = ret && gimple_return_retval(ret) ? unconverted(gimple_return_retval(ret)) : NULL;
    gassign *cmp = value && TREE_CODE(value) == SSA_NAME
                       ? dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value))
                       : nullptr;
    if (!cmp || (gimple_assign_rhs_code(cmp) != EQ_EXPR && gimple_assign_rhs_code(cmp) != NE_EXPR))
        return false;
    tree a = unconverted(gimple_assign_rhs1(cmp)), b = unconverted(gimple_assign_rhs2(cmp));
    if (incoming_param(fndecl, a) >= 0)
        std::swap(a, b);
    HOST_WIDE_INT offset;
    int param = incoming_param(fndecl, b);
    if (param < 0 || !link_of(a, b, &offset))
        return false;
    test->param = param;
    test->offset = offset;
    test->equal = gimple_assign_rhs_code(cmp) == EQ_EXPR;
    return true;
}
