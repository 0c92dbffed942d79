/* const-calls.cc - a test of what a callee of this unit always returns: one edge is never taken. */
#include "plugin/adapter.h"

/* The kernel's list removal, without CONFIG_DEBUG_LIST:

       static inline bool __list_del_entry_valid (struct list_head *entry)
       { return true; }
       static inline void __list_del_entry (struct list_head *entry)
       {
           if (!__list_del_entry_valid (entry))
               return;
           __list_del (entry->prev, entry->next);
       }

   The plugin runs before GCC inlines and folds such a call, so the CFG
   still has an edge to a return that skips the unlink, and
   core/refine/unlink.c cannot say that list_del always unlinks.  The
   lowering (lower.cc) leaves out an edge of a condition whose outcome is
   known: both sides are constants, through copies, conversions, `!`,
   `~` and comparisons, or the results of calls to a function of this
   unit with internal linkage whose body, already in SSA form (GCC
   lowers callees before their callers), is a straight line of
   assignments to SSA names ending in the return of a constant.  Such a
   callee writes nothing and always returns that value, so the edge the
   constant rules out is never taken, at any -O level. */

namespace
{

/* The constant T always has in function FN's body, through SSA
   definitions (DEPTH of them at most), or NULL_TREE. */
tree known_value(tree t, int depth)
{
    if (TREE_CODE(t) == INTEGER_CST)
        return t;
    if (TREE_CODE(t) != SSA_NAME || depth == 0 || !INTEGRAL_TYPE_P(TREE_TYPE(t)))
        return NULL_TREE;
    gimple *def = SSA_NAME_DEF_STMT(t);
    if (gcall *call = dyn_cast<gcall *>(def)) {
        tree callee = gimple_call_fndecl(call);
        tree value = callee ? esc_constant_result(callee) : NULL_TREE;
        return value ? fold_convert(TREE_TYPE(t), value) : NULL_TREE;
    }
    gassign *a = dyn_cast<gassign *>(def);
    if (!a)
        return NULL_TREE;
    enum tree_code code = gimple_assign_rhs_code(a);
    tree type = TREE_TYPE(gimple_assign_lhs(a));
    tree x = known_value(gimple_assign_rhs1(a), depth - 1);
    if (!x)
        return NULL_TREE;
    switch (get_gimple_rhs_class(code)) {
    case GIMPLE_SINGLE_RHS:
        return x;
    case GIMPLE_UNARY_RHS:
        return fold_unary_to_constant(code, type, x);
    case GIMPLE_BINARY_RHS: {
        tree y = known_value(gimple_assign_rhs2(a), depth - 1);
        return y ? fold_binary_to_constant(code, type, x, y) : NULL_TREE;
    }
    default:
        return NULL_TREE;
    }
}

} // namespace

greturn *esc_straight_line_return(function *f)
{
    if (!f || !f->cfg || !gimple_in_ssa_p(f) || !single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(f)))
        return nullptr;
    /* One straight line of blocks (at -O0 the return has a block of its
       own, behind a label). */
    greturn *ret = nullptr;
    basic_block bb = single_succ(ENTRY_BLOCK_PTR_FOR_FN(f));
    for (int blocks = 0; !ret; blocks++) {
        if (blocks == 4 || bb == EXIT_BLOCK_PTR_FOR_FN(f) || !single_pred_p(bb) ||
            !gimple_seq_empty_p(phi_nodes(bb)))
            return nullptr;
        for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
            gimple *g = gsi_stmt(gsi);
            if (is_gimple_debug(g) || gimple_code(g) == GIMPLE_LABEL ||
                gimple_code(g) == GIMPLE_PREDICT || gimple_code(g) == GIMPLE_NOP)
                continue;
            if (greturn *r = dyn_cast<greturn *>(g))
                ret = r;
            else if (ret || !is_gimple_assign(g) || TREE_CODE(gimple_assign_lhs(g)) != SSA_NAME)
                return nullptr;
        }
        if (!ret) {
            if (!single_succ_p(bb))
                return nullptr;
            bb = single_succ(bb);
        }
    }
    return ret;
}

tree esc_constant_result(tree fndecl)
{
    /* Another unit's definition could take the place of a public one. */
    if (TREE_PUBLIC(fndecl) || DECL_WEAK(fndecl) || !INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))))
        return NULL_TREE;
    greturn *ret = esc_straight_line_return(DECL_STRUCT_FUNCTION(fndecl));
    tree value = ret ? gimple_return_retval(ret) : NULL_TREE;
    return value ? known_value(value, 4) : NULL_TREE;
}

bool esc_edge_ruled_out(edge e)
{
    gimple_stmt_iterator gsi = gsi_last_bb(e->src);
    gcond *g = gsi_end_p(gsi) ? nullptr : dyn_cast<gcond *>(gsi_stmt(gsi));
    if (!g || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
        return false;
    tree lhs = known_value(gimple_cond_lhs(g), 6);
    tree rhs = lhs ? known_value(gimple_cond_rhs(g), 6) : NULL_TREE;
    tree holds =
        rhs ? fold_binary_to_constant(gimple_cond_code(g), boolean_type_node, lhs, rhs) : NULL_TREE;
    if (!holds || TREE_CODE(holds) != INTEGER_CST)
        return false;
    return integer_zerop(holds) == !!(e->flags & EDGE_TRUE_VALUE);
}
