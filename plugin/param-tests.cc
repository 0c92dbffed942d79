/* param-tests.cc - what branches and call arguments say about parameters' values. */
#include "plugin/adapter.h"

/* A call such as `result_text (ctx, buf, n, TRANSIENT)` picks one path
   through its callee, and the summary of the whole callee (copy the
   buffer on one path, keep it on the other) is too coarse for it.  The
   core re-analyses a callee without the blocks a call's constant
   arguments rule out (core/analysis/specialize.c).  For that, the lowering records
   two facts, the same at every -O level (the front end's folding when
   optimizing is read back, below):
   - which values of a parameter take each edge of a branch on it
     (`if (del == TRANSIENT)`, `if (n < 0)`, `switch (type)`), as ranges;
   - which call arguments are constants, or a parameter passed on as is.
   A parameter is followed through SSA copies and through conversions
   that keep every value: widening, or the same width and signedness (a
   pointer to a pointer).  Integers and pointers narrower than 64 bits are
   numbers; 64-bit ones are bit patterns, so that a constant such as
   `(void (*)(void *)) -1` is the same value on both sides. */

namespace
{

bool scalar(tree type)
{
    return type && (INTEGRAL_TYPE_P(type) || POINTER_TYPE_P(type)) && TYPE_PRECISION(type) >= 1 &&
           TYPE_PRECISION(type) <= 64;
}

/* Does converting FROM to TO keep every value? */
bool keeps_values(tree from, tree to)
{
    if (!scalar(from) || !scalar(to))
        return false;
    unsigned pf = TYPE_PRECISION(from), pt = TYPE_PRECISION(to);
    bool uf = TYPE_UNSIGNED(from), ut = TYPE_UNSIGNED(to);
    if (pf == pt)
        return uf == ut;
    return pt > pf && (uf || !ut);
}

/* The parameter NAME is on entry, through copies and value-keeping
   conversions; -1 if it is not one. */
int entry_param(esc_param_facts &p, tree name)
{
    for (int guard = 0; guard < 8; guard++) {
        if (TREE_CODE(name) != SSA_NAME || !scalar(TREE_TYPE(name)))
            return -1;
        if (SSA_NAME_IS_DEFAULT_DEF(name)) {
            tree var = SSA_NAME_VAR(name);
            if (!var || TREE_CODE(var) != PARM_DECL)
                return -1;
            if (p.parms.empty()) {
                int i = 0;
                for (tree parm = DECL_ARGUMENTS(p.fun->decl); parm; parm = DECL_CHAIN(parm))
                    p.parms[parm] = i++;
            }
            auto it = p.parms.find(var);
            return it == p.parms.end() ? -1 : it->second;
        }
        gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(name));
        if (!def || gimple_has_volatile_ops(def))
            return -1;
        enum tree_code code = gimple_assign_rhs_code(def);
        tree rhs = gimple_assign_rhs1(def);
        if ((code != SSA_NAME && !CONVERT_EXPR_CODE_P(code)) || TREE_CODE(rhs) != SSA_NAME ||
            !keeps_values(TREE_TYPE(rhs), TREE_TYPE(name)))
            return -1;
        name = rhs;
    }
    return -1;
}

/* Constant C as a value of its own type: a number below 64 bits, a bit
   pattern at 64 (what a call argument is). */
bool constant_value(tree c, int64_t *out)
{
    if (TREE_CODE(c) != INTEGER_CST || !scalar(TREE_TYPE(c)))
        return false;
    wide_int w = wi::to_wide(c);
    if (TYPE_PRECISION(TREE_TYPE(c)) == 64 || !TYPE_UNSIGNED(TREE_TYPE(c)))
        *out = (int64_t)w.to_shwi();
    else
        *out = (int64_t)w.to_uhwi();
    return true;
}

/* Ranges are worked out in 128 bits: a 64-bit unsigned value and its
   distance to a negative one both fit. */
typedef __int128 wide;

struct range {
    wide lo, hi;
};

/* What a branch compares, in terms of a parameter: either the parameter
   itself through value-keeping conversions, compared as a signed number,
   or, in an unsigned type of BITS bits, (the parameter + ADD) modulo
   2^BITS.  The second is what GCC makes of a range test when optimizing
   (`del && del != TRANSIENT` becomes `(unsigned long) del - 1 <= -3`,
   `n >= 0 && n < 8` becomes `(unsigned) n <= 7`), so reading it keeps
   -O0 and -O2 alike. */
struct compared {
    int param;
    bool is_unsigned;
    unsigned bits;
    uint64_t add;
};

wide pow2(unsigned bits)
{
    return (wide)1 << bits;
}

bool trace_compared(esc_param_facts &p, tree name, compared *t)
{
    tree type = TREE_TYPE(name);
    if (TREE_CODE(name) != SSA_NAME || !scalar(type))
        return false;
    t->bits = TYPE_PRECISION(type);
    t->is_unsigned = TYPE_UNSIGNED(type);
    t->add = 0;
    if (t->is_unsigned) {
        gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(name));
        enum tree_code code = def ? gimple_assign_rhs_code(def) : ERROR_MARK;
        if ((code == PLUS_EXPR || code == MINUS_EXPR) &&
            TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME &&
            TREE_CODE(gimple_assign_rhs2(def)) == INTEGER_CST) {
            uint64_t c = wi::to_wide(gimple_assign_rhs2(def)).to_uhwi();
            t->add = code == PLUS_EXPR ? c : -c;
            name = gimple_assign_rhs1(def);
            def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(name));
        }
        /* A conversion between types of the same width keeps the bits. */
        if (def && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
            TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME &&
            scalar(TREE_TYPE(gimple_assign_rhs1(def))) &&
            TYPE_PRECISION(TREE_TYPE(gimple_assign_rhs1(def))) == t->bits)
            name = gimple_assign_rhs1(def);
    }
    t->param = entry_param(p, name);
    return t->param >= 0 && (uint32_t)t->param < p.fn->nparams &&
           p.fn->params[t->param].value_bits && p.fn->params[t->param].value_bits <= t->bits &&
           (t->is_unsigned || !t->add);
}

/* Every value parameter PARM can have, in its representation. */
range param_bounds(const struct esc_param *parm)
{
    unsigned bits = parm->value_bits;
    if (bits >= 64)
        return {INT64_MIN, INT64_MAX};
    if (parm->value_unsigned)
        return {0, pow2(bits) - 1};
    return {-pow2(bits - 1), pow2(bits - 1) - 1};
}

/* Every value the compared type can have. */
range compared_bounds(const compared &t)
{
    if (t.is_unsigned)
        return {0, pow2(t.bits) - 1};
    return {-pow2(t.bits - 1), pow2(t.bits - 1) - 1};
}

wide compared_constant(const compared &t, tree c)
{
    wide_int w = wi::to_wide(c);
    if (t.is_unsigned)
        return (wide)(w.to_uhwi() & (uint64_t)(pow2(t.bits) - 1));
    return (wide)w.to_shwi();
}

void add_range(std::vector<range> &out, wide lo, wide hi, range within)
{
    lo = std::max(lo, within.lo);
    hi = std::min(hi, within.hi);
    if (lo <= hi)
        out.push_back({lo, hi});
}

/* The compared values for which `value CODE c` holds. */
std::vector<range> holds(enum tree_code code, wide c, range space)
{
    std::vector<range> out;
    switch (code) {
    case EQ_EXPR:
        add_range(out, c, c, space);
        break;
    case NE_EXPR:
        add_range(out, space.lo, c - 1, space);
        add_range(out, c + 1, space.hi, space);
        break;
    case LT_EXPR:
        add_range(out, space.lo, c - 1, space);
        break;
    case LE_EXPR:
        add_range(out, space.lo, c, space);
        break;
    case GT_EXPR:
        add_range(out, c + 1, space.hi, space);
        break;
    case GE_EXPR:
        add_range(out, c, space.hi, space);
        break;
    default:
        break;
    }
    return out;
}

/* The parameter's values whose compared value lies in W. */
void to_param(const compared &t, const struct esc_param *parm, range w, std::vector<range> &out)
{
    range bounds = param_bounds(parm);
    if (!t.is_unsigned) {
        add_range(out, w.lo, w.hi, bounds);
        return;
    }
    /* w = (u + add) mod 2^bits, u the parameter's bits: undo the addition,
       which may wrap around, then read the bits as the parameter's value
       (v >= 0: u = v; v < 0: u = v + 2^bits). */
    wide m = pow2(t.bits);
    wide lo = ((w.lo - (wide)t.add) % m + m) % m;
    wide hi = lo + (w.hi - w.lo);
    range parts[2] = {{lo, std::min(hi, m - 1)}, {0, hi - m}};
    for (const range &u : parts) {
        if (u.lo > u.hi)
            continue;
        add_range(out, u.lo, u.hi, {0, bounds.hi});
        add_range(out, u.lo - m, u.hi - m, {bounds.lo, -1});
    }
}

/* A condition on parameters in disjunctive form: the edge is taken when
   one term holds, a term holds when each parameter it names has a value
   in its ranges.  A term naming no parameter always holds.  GCC joins
   `n == 1 || n == 5` into `(n == 1) | (n == 5)` when optimizing, and
   `a && b` of two parameters into one test of `(a == 1) & (b == 2)`;
   terms keep those the same as the two branches -O0 has. */
typedef std::map<int, std::vector<range>> term;
typedef std::vector<term> terms;

/* Terms beyond this make a condition unknown: both edges possible. */
const size_t max_terms = 16;

/* The conjunction of two terms, or false when they cannot both hold. */
bool conjoin(const term &a, const term &b, term *out)
{
    *out = a;
    for (const auto &pr : b) {
        auto it = out->find(pr.first);
        if (it == out->end()) {
            (*out)[pr.first] = pr.second;
            continue;
        }
        std::vector<range> both;
        for (const range &x : it->second)
            for (const range &y : pr.second)
                add_range(both, std::max(x.lo, y.lo), std::min(x.hi, y.hi), {x.lo, x.hi});
        if (both.empty())
            return false;
        it->second = both;
    }
    return true;
}

bool and_terms(const terms &a, const terms &b, terms *out)
{
    out->clear();
    for (const term &x : a)
        for (const term &y : b) {
            term t;
            if (conjoin(x, y, &t))
                out->push_back(t);
            if (out->size() > max_terms)
                return false;
        }
    return true;
}

bool or_terms(const terms &a, const terms &b, terms *out)
{
    *out = a;
    out->insert(out->end(), b.begin(), b.end());
    return out->size() <= max_terms;
}

/* When NAME, a value of 0 or 1, is 1 (YES) and when it is 0 (NO). */
struct truth {
    terms yes, no;
};

bool comparison_truth(esc_param_facts &p, enum tree_code code, tree lhs, tree rhs, truth *out);
void param_atom(esc_param_facts &p, const compared &t, enum tree_code code, tree c, truth *out);

bool truth_of(esc_param_facts &p, tree name, int depth, truth *out)
{
    if (depth > 8 || TREE_CODE(name) != SSA_NAME || !INTEGRAL_TYPE_P(TREE_TYPE(name)))
        return false;
    gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(name));
    enum tree_code code = def ? gimple_assign_rhs_code(def) : ERROR_MARK;
    if (def && TREE_CODE_CLASS(code) == tcc_comparison)
        return comparison_truth(p, code, gimple_assign_rhs1(def), gimple_assign_rhs2(def), out);
    if (def && (code == BIT_AND_EXPR || code == BIT_IOR_EXPR)) {
        truth a, b;
        if (!truth_of(p, gimple_assign_rhs1(def), depth + 1, &a) ||
            !truth_of(p, gimple_assign_rhs2(def), depth + 1, &b))
            return false;
        if (code == BIT_AND_EXPR)
            return and_terms(a.yes, b.yes, &out->yes) && or_terms(a.no, b.no, &out->no);
        return or_terms(a.yes, b.yes, &out->yes) && and_terms(a.no, b.no, &out->no);
    }
    if (def && (code == TRUTH_NOT_EXPR ||
                (code == BIT_NOT_EXPR && TREE_CODE(TREE_TYPE(name)) == BOOLEAN_TYPE))) {
        truth a;
        if (!truth_of(p, gimple_assign_rhs1(def), depth + 1, &a))
            return false;
        out->yes = a.no;
        out->no = a.yes;
        return true;
    }
    if (def && (code == SSA_NAME || CONVERT_EXPR_CODE_P(code)) &&
        TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME &&
        TYPE_PRECISION(TREE_TYPE(gimple_assign_rhs1(def))) <= TYPE_PRECISION(TREE_TYPE(name)) &&
        truth_of(p, gimple_assign_rhs1(def), depth + 1, out))
        return true; /* 0 and 1 survive a widening */
    if (TREE_CODE(TREE_TYPE(name)) != BOOLEAN_TYPE)
        return false;
    compared t;
    if (trace_compared(p, name, &t)) {
        param_atom(p, t, NE_EXPR, build_zero_cst(TREE_TYPE(name)), out);
        return true;
    }
    /* A flag from anywhere else: either value. */
    out->yes = out->no = terms(1);
    return true;
}

/* `lhs CODE c`, LHS traced to parameter T: its values on each side. */
void param_atom(esc_param_facts &p, const compared &t, enum tree_code code, tree c, truth *out)
{
    const struct esc_param *parm = &p.fn->params[t.param];
    wide k = compared_constant(t, c);
    range space = compared_bounds(t);
    for (int side = 0; side < 2; side++) {
        std::vector<range> values;
        for (const range &w : holds(side ? invert_tree_comparison(code, false) : code, k, space))
            to_param(t, parm, w, values);
        terms &edge = side ? out->no : out->yes;
        edge.clear();
        if (!values.empty())
            edge.push_back(term{{t.param, values}});
    }
}

/* `lhs CODE rhs`: a test of a parameter against a constant, of a truth
   value against 0 or 1, or anything else (either outcome). */
bool comparison_truth(esc_param_facts &p, enum tree_code code, tree lhs, tree rhs, truth *out)
{
    if (TREE_CODE(lhs) == INTEGER_CST) {
        std::swap(lhs, rhs);
        code = swap_tree_comparison(code);
    }
    if (code != EQ_EXPR && code != NE_EXPR && code != LT_EXPR && code != LE_EXPR &&
        code != GT_EXPR && code != GE_EXPR)
        return false;
    compared t;
    if (TREE_CODE(rhs) == INTEGER_CST && trace_compared(p, lhs, &t)) {
        param_atom(p, t, code, rhs, out);
        return true;
    }
    truth inner;
    if (TREE_CODE(rhs) == INTEGER_CST && (code == EQ_EXPR || code == NE_EXPR) &&
        (integer_zerop(rhs) || integer_onep(rhs)) && truth_of(p, lhs, 1, &inner)) {
        bool is_one = (code == EQ_EXPR) == integer_onep(rhs);
        out->yes = is_one ? inner.yes : inner.no;
        out->no = is_one ? inner.no : inner.yes;
        return true;
    }
    out->yes = out->no = terms(1);
    return true;
}

/* Record, for BLOCK, the terms of each successor block in EDGES, if they
   account for every successor of BB and say something about a parameter. */
void record(esc_param_facts &p, basic_block bb, uint32_t block,
            const std::map<uint32_t, terms> &edges)
{
    edge e;
    edge_iterator ei;
    FOR_EACH_EDGE(e, ei, bb->succs)
    {
        uint32_t to = esc_block_of(*p.blocks, e->dest);
        if (to == ESC_NONE || !edges.count(to))
            return;
    }
    bool says_something = false;
    for (const auto &edge_terms : edges)
        for (const term &t : edge_terms.second)
            says_something |= !t.empty();
    if (!says_something)
        return;
    uint32_t n = 0;
    for (const auto &edge_terms : edges)
        for (const term &t : edge_terms.second) {
            uint32_t id = n++;
            if (t.empty())
                esc_add_param_range(p.fn, block, edge_terms.first, id, ESC_NONE, 0, 0);
            for (const auto &pr : t)
                for (const range &v : pr.second)
                    esc_add_param_range(p.fn, block, edge_terms.first, id, (uint32_t)pr.first,
                                        (int64_t)v.lo, (int64_t)v.hi);
        }
}

bool block_of(esc_param_facts &p, basic_block bb, uint32_t *out)
{
    *out = esc_block_of(*p.blocks, bb);
    return *out != ESC_NONE;
}

/* Does a term of T name a parameter?  Most branches test none, and
   record would drop them after building their edges. */
bool names_param(const terms &t)
{
    for (const term &x : t)
        if (!x.empty())
            return true;
    return false;
}

void cond_test(esc_param_facts &p, uint32_t block, gcond *g)
{
    truth t;
    if (!comparison_truth(p, gimple_cond_code(g), gimple_cond_lhs(g), gimple_cond_rhs(g), &t) ||
        (!names_param(t.yes) && !names_param(t.no)))
        return;
    edge true_edge, false_edge;
    extract_true_false_edges_from_block(gimple_bb(g), &true_edge, &false_edge);
    uint32_t yes, no;
    if (!block_of(p, true_edge->dest, &yes) || !block_of(p, false_edge->dest, &no) || yes == no)
        return;
    std::map<uint32_t, terms> edges;
    edges[yes] = t.yes;
    edges[no] = t.no;
    record(p, gimple_bb(g), block, edges);
}

void switch_test(esc_param_facts &p, uint32_t block, gswitch *g)
{
    compared t;
    if (!trace_compared(p, gimple_switch_index(g), &t))
        return;
    const struct esc_param *parm = &p.fn->params[t.param];
    range space = compared_bounds(t);
    std::map<uint32_t, std::vector<range>> compared_values;
    std::vector<range> cases;
    for (unsigned i = 1; i < gimple_switch_num_labels(g); i++) {
        tree label = gimple_switch_label(g, i);
        tree high = CASE_HIGH(label) ? CASE_HIGH(label) : CASE_LOW(label);
        uint32_t dest;
        if (!block_of(p, label_to_block(p.fun, CASE_LABEL(label)), &dest))
            return;
        std::vector<range> one;
        add_range(one, compared_constant(t, CASE_LOW(label)), compared_constant(t, high), space);
        for (const range &r : one) {
            compared_values[dest].push_back(r);
            cases.push_back(r);
        }
    }
    uint32_t fallback;
    if (!block_of(p, label_to_block(p.fun, CASE_LABEL(gimple_switch_default_label(g))), &fallback))
        return;
    /* The default edge: every value no case names. */
    std::sort(cases.begin(), cases.end(),
              [](const range &a, const range &b) { return a.lo < b.lo; });
    wide next = space.lo;
    std::vector<range> &rest = compared_values[fallback];
    for (const range &r : cases) {
        if (r.hi < next)
            continue;
        if (r.lo > next)
            rest.push_back({next, r.lo - 1});
        next = r.hi + 1;
    }
    if (next <= space.hi)
        rest.push_back({next, space.hi});
    std::map<uint32_t, terms> edges;
    for (const auto &dest : compared_values) {
        std::vector<range> values;
        for (const range &w : dest.second)
            to_param(t, parm, w, values);
        edges[dest.first] = values.empty() ? terms() : terms{term{{t.param, values}}};
    }
    record(p, gimple_bb(g), block, edges);
}

} // namespace

void esc_param_value_kind(tree type, uint8_t *bits, bool *is_unsigned)
{
    *bits = scalar(type) ? (uint8_t)TYPE_PRECISION(type) : 0;
    *is_unsigned = *bits && TYPE_UNSIGNED(type);
}

void esc_lower_param_test(esc_param_facts &p, uint32_t block, gimple *g)
{
    /* Only a parameter with a value can be traced (trace_compared). */
    bool any = false;
    for (uint32_t i = 0; i < p.fn->nparams && !any; i++)
        any = p.fn->params[i].value_bits != 0;
    if (!any)
        return;
    if (gcond *c = dyn_cast<gcond *>(g))
        cond_test(p, block, c);
    else if (gswitch *s = dyn_cast<gswitch *>(g))
        switch_test(p, block, s);
}

void esc_lower_arg_sources(esc_param_facts &p, uint32_t stmt, gcall *g)
{
    for (unsigned i = 0; i < gimple_call_num_args(g); i++) {
        tree arg = gimple_call_arg(g, i);
        struct esc_arg_source source = {};
        source.stmt = stmt;
        source.arg = i;
        HOST_WIDE_INT folded;
        int param;
        if (constant_value(arg, &source.value)) {
            source.is_param = false;
        } else if (TREE_CODE(arg) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(arg)) &&
                   esc_fold_integer(arg, &folded)) {
            source.value = folded; /* `n = 1; f (n)`: a number that fits its type */
        } else if ((param = entry_param(p, arg)) >= 0) {
            source.is_param = true;
            source.param = (uint32_t)param;
        } else {
            continue;
        }
        esc_add_arg_source(p.fn, &source);
    }
}
