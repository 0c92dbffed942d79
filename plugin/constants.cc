/* constants.cc - integer constants behind SSA names: allocation sizes after folding locals. */
#include "plugin/adapter.h"

/* The lowering runs right after SSA construction, before any constant
   propagation, at every -O level: `int n = 64; p = malloc (n);` still
   reads `malloc (n_2)` with `n_2 = 64` and `len = 16 * sizeof (int)`
   folded by the front end.  So the few definitions a size goes through
   are evaluated here, the same way at -O0 and -O2: integer constants,
   conversions, arithmetic, PHIs whose arguments all agree, and loads of
   read-only variables with a constant initializer (`static const size_t
   n = 64;`).  Anything else is not a constant. */

namespace
{

const int max_depth = 16;
/* Definitions visited per question: two operands per level could
   otherwise make a deep chain cost 2^16 visits. */
const int max_visits = 256;

struct budget {
    int visits;
};

/* Does V fit TYPE without changing value? */
bool fits(HOST_WIDE_INT v, tree type)
{
    unsigned prec = TYPE_PRECISION(type);
    if (TYPE_UNSIGNED(type))
        return v >= 0 && (prec >= HOST_BITS_PER_WIDE_INT - 1 || v < (HOST_WIDE_INT_1 << prec));
    if (prec >= HOST_BITS_PER_WIDE_INT)
        return true;
    HOST_WIDE_INT bound = HOST_WIDE_INT_1 << (prec - 1);
    return v >= -bound && v < bound;
}

bool evaluate(tree t, int depth, budget &b, HOST_WIDE_INT *out);

bool binary(enum tree_code code, HOST_WIDE_INT a, HOST_WIDE_INT b, HOST_WIDE_INT *out)
{
    switch (code) {
    case PLUS_EXPR:
        return !__builtin_add_overflow(a, b, out);
    case MINUS_EXPR:
        return !__builtin_sub_overflow(a, b, out);
    case MULT_EXPR:
        return !__builtin_mul_overflow(a, b, out);
    case TRUNC_DIV_EXPR:
    case EXACT_DIV_EXPR:
        if (b == 0 || (a == HOST_WIDE_INT_MIN && b == -1))
            return false;
        *out = a / b;
        return true;
    case LSHIFT_EXPR:
        if (a < 0 || b < 0 || b >= HOST_BITS_PER_WIDE_INT - 1 || a > (HOST_WIDE_INT_MAX >> b))
            return false;
        *out = a << b;
        return true;
    case RSHIFT_EXPR:
        if (a < 0 || b < 0 || b >= HOST_BITS_PER_WIDE_INT)
            return false;
        *out = a >> b;
        return true;
    case MIN_EXPR:
        *out = a < b ? a : b;
        return true;
    case MAX_EXPR:
        *out = a > b ? a : b;
        return true;
    default:
        return false;
    }
}

bool evaluate_assign(gassign *g, int depth, budget &spent, HOST_WIDE_INT *out)
{
    enum tree_code code = gimple_assign_rhs_code(g);
    tree type = TREE_TYPE(gimple_assign_lhs(g));
    HOST_WIDE_INT a, b;
    switch (get_gimple_rhs_class(code)) {
    case GIMPLE_SINGLE_RHS:
        return evaluate(gimple_assign_rhs1(g), depth, spent, out);
    case GIMPLE_UNARY_RHS:
        if (!CONVERT_EXPR_CODE_P(code) || !INTEGRAL_TYPE_P(TREE_TYPE(gimple_assign_rhs1(g))))
            return false;
        if (!evaluate(gimple_assign_rhs1(g), depth, spent, &a) || !fits(a, type))
            return false;
        *out = a;
        return true;
    case GIMPLE_BINARY_RHS:
        return evaluate(gimple_assign_rhs1(g), depth, spent, &a) &&
               evaluate(gimple_assign_rhs2(g), depth, spent, &b) && binary(code, a, b, out) &&
               fits(*out, type);
    default:
        return false;
    }
}

bool evaluate(tree t, int depth, budget &b, HOST_WIDE_INT *out)
{
    if (!t || depth > max_depth || ++b.visits > max_visits || !INTEGRAL_TYPE_P(TREE_TYPE(t)))
        return false;
    switch (TREE_CODE(t)) {
    case INTEGER_CST:
        if (!tree_fits_shwi_p(t))
            return false;
        *out = tree_to_shwi(t);
        return true;
    case VAR_DECL:
        /* A read-only variable whose value the initializer gives. */
        if (!TREE_READONLY(t) || TREE_THIS_VOLATILE(t) || !DECL_INITIAL(t) ||
            TREE_CODE(DECL_INITIAL(t)) != INTEGER_CST)
            return false;
        return evaluate(DECL_INITIAL(t), depth + 1, b, out);
    case SSA_NAME: {
        if (SSA_NAME_IS_DEFAULT_DEF(t))
            return false;
        gimple *def = SSA_NAME_DEF_STMT(t);
        if (gassign *g = dyn_cast<gassign *>(def))
            return !gimple_has_volatile_ops(g) && evaluate_assign(g, depth + 1, b, out);
        if (gphi *phi = dyn_cast<gphi *>(def)) {
            /* Every incoming value the same constant; a loop's PHI meets
               the depth limit instead of itself. */
            for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
                HOST_WIDE_INT v;
                if (!evaluate(gimple_phi_arg_def(phi, i), depth + 1, b, &v) || (i && v != *out))
                    return false;
                *out = v;
            }
            return gimple_phi_num_args(phi) > 0;
        }
        return false;
    }
    default:
        return false;
    }
}

} // namespace

bool esc_fold_integer(tree t, HOST_WIDE_INT *out)
{
    budget b = {0};
    return evaluate(t, 0, b, out);
}
