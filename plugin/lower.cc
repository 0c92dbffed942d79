/* lower.cc - GIMPLE in SSA form to the core IR, one function at a time. */
#include "plugin/adapter.h"

extern "C" {
#include "core/base/util.h"
#include "core/summaries/library.h"
}

/* Only what can carry an address is lowered.  Pointers and aggregates
   always; integers and vectors at least as wide as a pointer only when
   they are copied or moved through memory, because GCC folds a small
   memcpy of pointer-holding memory into an integer load and store (even
   at -O0).  Integer arithmetic, and casts from pointers to integers, end
   a flow: an integer is not a pointer (as in GCC's -Wreturn-local-addr and
   Go's uintptr).  In a function that starts a thread, integer PHIs and
   tests of integers against zero are kept as well: whether the path to a
   join comes from the create depends on them (core/refine/joinclose.c). */

namespace
{

struct lowering {
    struct esc_module *m;
    struct esc_function *fn;
    function *fun;
    const esc_frontend_facts *facts;
    std::map<unsigned, uint32_t> objects; /* DECL_UID -> object */
    std::vector<uint32_t> values;         /* SSA version -> value */
    std::vector<uint32_t> blocks;         /* basic block index -> block, or ESC_NONE */
    std::map<std::string, uint32_t> refs; /* canonical spelling -> ref id */
    uint32_t result_pointer;              /* the value of <retval> when returned by reference */
    std::vector<bool> address_ints;       /* SSA version -> an integer that carries an address */
    esc_param_facts param_facts;
    bool starts_thread = false; /* it calls pthread_create or thrd_create */
    /* ref_identity's scratch, emptied at each use: one allocation each per
       function rather than three per memory reference. */
    std::string ref_key;
    std::vector<tree> ref_leaves;
    std::vector<uint32_t> ref_values;
};

bool is_pointer(tree type)
{
    return type && POINTER_TYPE_P(type);
}

bool wide_scalar(tree type)
{
    if (!type || !(INTEGRAL_TYPE_P(type) || TREE_CODE(type) == VECTOR_TYPE))
        return false;
    tree size = TYPE_SIZE_UNIT(type);
    return size && tree_fits_uhwi_p(size) &&
           tree_to_uhwi(size) >= (unsigned HOST_WIDE_INT)POINTER_SIZE_UNITS;
}

/* Characters, or arrays of them: memory typed as bytes (core/ir/ir.h,
   ESC_OBJF_BYTES and ESC_STMTF_BYTE_COPY). */
bool bytes_type(tree type)
{
    while (type && TREE_CODE(type) == ARRAY_TYPE)
        type = TREE_TYPE(type);
    return type && INTEGRAL_TYPE_P(type) && TREE_CODE(type) != BOOLEAN_TYPE &&
           TYPE_PRECISION(type) == CHAR_TYPE_SIZE;
}

bool always_tracked(tree type)
{
    return type && (is_pointer(type) || AGGREGATE_TYPE_P(type));
}

/* Is T an SSA name (lowering L) knows to hold an address as an integer? */
bool address_int(const struct lowering &l, tree t)
{
    return t && TREE_CODE(t) == SSA_NAME && SSA_NAME_VERSION(t) < l.address_ints.size() &&
           l.address_ints[SSA_NAME_VERSION(t)];
}

/* Does assignment G make an integer that carries an address: a pointer
   converted to an integer as wide as itself, or such an integer plus or
   minus an offset, converted to another as wide, copied or merged?  A
   difference of two of them is an offset, not an address, and a shift,
   a mask or a product is a hash, not an address.  (Clang's analyzer
   draws the line at the same place.) */
bool makes_address_int(const struct lowering &l, gassign *g)
{
    tree rhs1 = gimple_assign_rhs1(g);
    enum tree_code code = gimple_assign_rhs_code(g);
    bool carries;
    if (CONVERT_EXPR_CODE_P(code) || code == SSA_NAME)
        carries = address_int(l, rhs1) ||
                  ((TREE_CODE(rhs1) == SSA_NAME || TREE_CODE(rhs1) == ADDR_EXPR) &&
                   is_pointer(TREE_TYPE(rhs1)));
    else if (code == PLUS_EXPR)
        carries = address_int(l, rhs1) != address_int(l, gimple_assign_rhs2(g));
    else if (code == MINUS_EXPR)
        carries = address_int(l, rhs1) && !address_int(l, gimple_assign_rhs2(g));
    else
        return false;
    tree lhs = gimple_assign_lhs(g);
    return carries && TREE_CODE(lhs) == SSA_NAME && !always_tracked(TREE_TYPE(lhs)) &&
           wide_scalar(TREE_TYPE(lhs));
}

/* Find the integers that carry an address (makes_address_int), to a
   fixed point over the function's assignments and PHIs: loops carry
   them around. */
void find_address_ints(struct lowering &l)
{
    l.address_ints.assign(num_ssa_names, false);
    /* Most functions convert no pointer to an integer: one pass over
       the assignments says so, and PHIs are looked at only once one
       carries an address. */
    bool any = false;
    for (bool changed = true; changed;) {
        changed = false;
        basic_block bb;
        FOR_EACH_BB_FN(bb, l.fun)
        {
            for (gphi_iterator gsi = gsi_start_phis(bb); any && !gsi_end_p(gsi); gsi_next(&gsi)) {
                gphi *phi = gsi.phi();
                tree result = gimple_phi_result(phi);
                if (virtual_operand_p(result) || address_int(l, result) ||
                    !wide_scalar(TREE_TYPE(result)))
                    continue;
                for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
                    if (address_int(l, gimple_phi_arg_def(phi, i))) {
                        l.address_ints[SSA_NAME_VERSION(result)] = true;
                        changed = true;
                        break;
                    }
            }
            for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
                gassign *g = dyn_cast<gassign *>(gsi_stmt(gsi));
                if (!g || !makes_address_int(l, g) || address_int(l, gimple_assign_lhs(g)))
                    continue;
                l.address_ints[SSA_NAME_VERSION(gimple_assign_lhs(g))] = true;
                changed = any = true;
            }
        }
    }
}

bool is_memory_ref(tree t)
{
    switch (TREE_CODE(t)) {
    case VAR_DECL:
    case PARM_DECL:
    case RESULT_DECL:
    case MEM_REF:
    case TARGET_MEM_REF:
    case COMPONENT_REF:
    case ARRAY_REF:
    case ARRAY_RANGE_REF:
    case BIT_FIELD_REF:
    case REALPART_EXPR:
    case IMAGPART_EXPR:
    case VIEW_CONVERT_EXPR:
        return true;
    default:
        return false;
    }
}

/* Mark the pointer-sized words, from the start of a copy of LIMIT bytes,
   that a TYPE at byte BASE of it may hold an address in: its pointers in
   MASK, its integers as wide as a pointer (loff_t, uintptr_t) in INTS.
   False when a layout is not known or a word is past the masks' 32. */
bool mark_carriers(tree type, HOST_WIDE_INT base, HOST_WIDE_INT limit, uint32_t *mask,
                   uint32_t *ints)
{
    const HOST_WIDE_INT unit = POINTER_SIZE_UNITS;
    tree size = TYPE_SIZE_UNIT(type);
    if (!size || !tree_fits_shwi_p(size))
        return false;
    HOST_WIDE_INT n = tree_to_shwi(size);
    if (base >= limit || n == 0)
        return true; /* not copied */
    if (is_pointer(type) || wide_scalar(type)) {
        HOST_WIDE_INT last = (std::min(base + n, limit) - 1) / unit;
        if (last >= 32)
            return false;
        for (HOST_WIDE_INT k = base / unit; k <= last; k++)
            *(is_pointer(type) ? mask : ints) |= (uint32_t)1 << k;
        return true;
    }
    switch (TREE_CODE(type)) {
    case RECORD_TYPE:
    case UNION_TYPE:
    case QUAL_UNION_TYPE:
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f)) {
            if (TREE_CODE(f) != FIELD_DECL)
                continue;
            /* byte_position would build trees for every field of every copy. */
            tree off = DECL_FIELD_OFFSET(f), bit = DECL_FIELD_BIT_OFFSET(f);
            if (!off || !bit || !tree_fits_shwi_p(off) || !tree_fits_shwi_p(bit))
                return false;
            HOST_WIDE_INT pos = tree_to_shwi(off) + tree_to_shwi(bit) / BITS_PER_UNIT;
            if (DECL_BIT_FIELD(f)) {
                /* Narrower than a pointer: no address fits. */
                tree bits = DECL_SIZE(f);
                if (bits && tree_fits_uhwi_p(bits) && tree_to_uhwi(bits) < POINTER_SIZE)
                    continue;
                return false;
            }
            if (!mark_carriers(TREE_TYPE(f), base + pos, limit, mask, ints))
                return false;
        }
        return true;
    case ARRAY_TYPE: {
        tree elt = TREE_TYPE(type);
        tree esize = TYPE_SIZE_UNIT(elt);
        if (!esize || !tree_fits_shwi_p(esize) || tree_to_shwi(esize) <= 0)
            return false;
        HOST_WIDE_INT step = tree_to_shwi(esize);
        for (HOST_WIDE_INT at = base; at < base + n && at < limit; at += step)
            if (!mark_carriers(elt, at, limit, mask, ints))
                return false;
        return true;
    }
    case INTEGER_TYPE:
    case ENUMERAL_TYPE:
    case BOOLEAN_TYPE:
    case REAL_TYPE:
    case COMPLEX_TYPE:
    case VECTOR_TYPE:
        return true; /* narrower than a pointer (wide_scalar took the rest) */
    default:
        return false;
    }
}

/* The words of a copy of SIZE bytes of TYPE that may hold an address, in S
   (core/ir/ir.h, carriers).  Only a structure or union says: a copy typed
   as bytes (a memcpy GCC folded into a char array copy, a void * source)
   may move anything. */
void set_carriers(struct esc_stmt &s, tree type, HOST_WIDE_INT size)
{
    if (!type || (TREE_CODE(type) != RECORD_TYPE && TREE_CODE(type) != UNION_TYPE) || size <= 0)
        return;
    tree tsize = TYPE_SIZE_UNIT(type);
    if (!tsize || !tree_fits_shwi_p(tsize) || size > tree_to_shwi(tsize))
        return;
    uint32_t mask = 0, ints = 0;
    if (mark_carriers(type, 0, size, &mask, &ints)) {
        s.carriers = mask;
        s.wide_ints = ints;
        s.carrier_unit = POINTER_SIZE_UNITS;
    }
}

const char *decl_name(tree decl)
{
    return decl && DECL_P(decl) && DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : nullptr;
}

/* "a" for "a.3", the pointer GCC makes for variable-length array a. */
std::string strip_tmp_suffix(const char *name)
{
    std::string s = name ? name : "";
    size_t dot = s.rfind('.');
    if (dot != std::string::npos && dot + 1 < s.size() &&
        s.find_first_not_of("0123456789", dot + 1) == std::string::npos)
        s.erase(dot);
    return s;
}

bool is_compound_literal(const lowering &l, tree decl)
{
    if (!l.facts)
        return false;
    for (unsigned uid : l.facts->compound_literals)
        if (uid == DECL_UID(decl))
            return true;
    return false;
}

int param_index(const lowering &l, tree parm)
{
    int i = 0;
    for (tree p = DECL_ARGUMENTS(l.fun->decl); p; p = DECL_CHAIN(p), i++)
        if (p == parm)
            return i;
    return -1;
}

uint32_t object_for_decl(lowering &l, tree decl);
struct esc_operand lower_address(lowering &l, tree ref);

/* walk_tree callback: collect what an initializer takes the address of
   when that is a function or a static (or a string: read-only data holds
   no pointer to anything); any other address makes the contents unknown. */
tree collect_static_addresses(tree *tp, int *walk_subtrees, void *data)
{
    auto *found = static_cast<std::pair<std::vector<tree>, bool> *>(data);
    if (TREE_CODE(*tp) != ADDR_EXPR)
        return NULL_TREE;
    tree target = TREE_OPERAND(*tp, 0);
    tree base = get_base_address(target);
    if (base && (TREE_CODE(base) == FUNCTION_DECL || (VAR_P(base) && is_global_var(base))))
        found->first.push_back(target);
    else if (!base || TREE_CODE(base) != STRING_CST)
        found->second = false;
    *walk_subtrees = 0;
    return NULL_TREE;
}

/* A read-only static whose initializer takes only addresses of functions
   and statics (a table of handlers, or the constant GCC copies a local
   array's initializer from, `*.LC3`): its contents are those and nothing
   else, given as stores outside the CFG, so an indirect call through it
   can use the functions' summaries, and a pointer loaded from it is the
   static it names rather than "memory reachable from '*.LC3'". */
void lower_constant_table(lowering &l, tree decl, uint32_t obj)
{
    if (!VAR_P(decl) || !TREE_READONLY(decl) || TREE_PUBLIC(decl) || DECL_EXTERNAL(decl) ||
        !DECL_INITIAL(decl) || DECL_INITIAL(decl) == error_mark_node)
        return;
    std::pair<std::vector<tree>, bool> found({}, true);
    walk_tree_without_duplicates(&DECL_INITIAL(decl), collect_static_addresses, &found);
    if (!found.second)
        return;
    l.fn->objects[obj].flags |= ESC_OBJF_KNOWN_CONTENTS;
    for (tree target : found.first) {
        struct esc_operand src = lower_address(l, target);
        if (src.kind != ESC_OPND_ADDR)
            continue;
        struct esc_stmt s = {};
        s.kind = ESC_STMT_ASSIGN;
        s.lhs = esc_opnd_mem(obj, ESC_UNKNOWN_OFFSET, -1);
        s.nargs = 1;
        s.args = &src;
        s.object = ESC_NONE;
        s.target = esc_opnd_none();
        s.loc = l.fn->objects[obj].loc;
        esc_add_stmt(l.m, l.fn, ESC_NONE, &s);
    }
}

uint32_t object_for_decl(lowering &l, tree decl)
{
    if (TREE_CODE(decl) == RESULT_DECL)
        return l.fn->return_object;
    auto it = l.objects.find(DECL_UID(decl));
    if (it != l.objects.end())
        return it->second;

    enum esc_object_kind kind = ESC_OBJ_LOCAL;
    uint32_t flags = 0;
    int param = -1;
    if (TREE_CODE(decl) == FUNCTION_DECL) {
        kind = ESC_OBJ_FUNCTION;
    } else if (TREE_CODE(decl) == PARM_DECL) {
        kind = ESC_OBJ_PARAM;
        param = param_index(l, decl);
    } else if (is_global_var(decl)) {
        kind = ESC_OBJ_STATIC;
        if (DECL_CONTEXT(decl) && TREE_CODE(DECL_CONTEXT(decl)) == FUNCTION_DECL)
            flags |= ESC_OBJF_LOCAL_STATIC;
        else if (!TREE_PUBLIC(decl) && !DECL_EXTERNAL(decl))
            flags |= ESC_OBJF_FILE_STATIC;
        if (VAR_P(decl) && DECL_THREAD_LOCAL_P(decl))
            flags |= ESC_OBJF_THREAD_LOCAL;
    } else if (is_compound_literal(l, decl)) {
        kind = ESC_OBJ_COMPOUND_LITERAL;
    } else if (DECL_ARTIFICIAL(decl)) {
        kind = ESC_OBJ_TEMPORARY;
    }
    uint32_t id =
        esc_add_object(l.m, l.fn, kind, kind == ESC_OBJ_TEMPORARY ? nullptr : decl_name(decl),
                       esc_loc_from_gcc(DECL_SOURCE_LOCATION(decl)));
    struct esc_object *o = &l.fn->objects[id];
    if (VAR_P(decl) && TREE_CODE(TREE_TYPE(decl)) == ARRAY_TYPE && bytes_type(TREE_TYPE(decl)))
        flags |= ESC_OBJF_BYTES;
    o->flags = flags;
    o->key = DECL_UID(decl);
    if (param >= 0 && (uint32_t)param < l.fn->nparams) {
        o->param = param;
        o->companion = l.fn->params[param].caller;
        l.fn->params[param].object = id;
    }
    l.objects[DECL_UID(decl)] = id;
    if (kind == ESC_OBJ_STATIC)
        lower_constant_table(l, decl, id);
    return id;
}

/* Does the library table say this callee keeps something until a thread
   it starts or a stream it returns is released?  Then its status decides
   whether anything was kept: `if (pthread_create (...) != 0)`, `if (!f)`. */
bool reports_status(const char *callee)
{
    const struct esc_lib_entry *lib = callee ? esc_lib_lookup(callee) : nullptr;
    return lib && (lib->thread_arg || lib->owner_arg == ESC_LIB_RESULT);
}

uint32_t value_for_ssa(lowering &l, tree name)
{
    unsigned version = SSA_NAME_VERSION(name);
    if (version >= l.values.size())
        l.values.resize(version + 1, ESC_NONE);
    if (l.values[version] != ESC_NONE)
        return l.values[version];
    tree var = SSA_NAME_VAR(name);
    const char *label = nullptr;
    if (var && DECL_P(var) && !DECL_ARTIFICIAL(var))
        label = decl_name(var);
    uint32_t id = esc_add_value(l.m, l.fn, label, version);
    l.values[version] = id;
    if (var && SSA_NAME_IS_DEFAULT_DEF(name)) {
        if (TREE_CODE(var) == PARM_DECL) {
            int p = param_index(l, var);
            if (p >= 0 && (uint32_t)p < l.fn->nparams) {
                l.fn->values[id].param = p;
                l.fn->params[p].value = id;
            }
        } else if (TREE_CODE(var) == RESULT_DECL) {
            /* <retval> returned by invisible reference: it points to the
               return slot.  Said once, outside the CFG. */
            struct esc_operand src = esc_opnd_addr(l.fn->return_object, 0);
            struct esc_stmt s = {};
            s.kind = ESC_STMT_ASSIGN;
            s.lhs = esc_opnd_value(id);
            s.nargs = 1;
            s.args = &src;
            s.object = ESC_NONE;
            s.loc = l.fn->loc;
            esc_add_stmt(l.m, l.fn, ESC_NONE, &s);
        }
    }
    return id;
}

/* A source-like spelling of a reference, for notes: "s.next", "*out",
   "p->buf[2]".  Empty when nothing readable can be said.  An SSA
   temporary is spelt as what it was loaded from (`_1 = g_list->next;
   _1->p = &y` reads "g_list->next->p"), DEPTH levels deep at most. */
std::string ref_text(tree t, int depth = 4)
{
    switch (TREE_CODE(t)) {
    case VAR_DECL:
    case PARM_DECL:
    case FUNCTION_DECL:
        return decl_name(t) && !DECL_ARTIFICIAL(t) ? decl_name(t) : "";
    case RESULT_DECL:
        return "<retval>";
    case SSA_NAME: {
        tree var = SSA_NAME_VAR(t);
        if (var && DECL_P(var) && !DECL_ARTIFICIAL(var) && decl_name(var))
            return decl_name(var);
        gimple *def = SSA_NAME_DEF_STMT(t);
        if (depth > 0 && def && is_gimple_assign(def) && gimple_assign_single_p(def) &&
            (is_memory_ref(gimple_assign_rhs1(def)) ||
             TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME))
            return ref_text(gimple_assign_rhs1(def), depth - 1);
        return "";
    }
    case COMPONENT_REF: {
        tree base = TREE_OPERAND(t, 0);
        const char *field = decl_name(TREE_OPERAND(t, 1));
        if (!field)
            return ref_text(base, depth);
        if (TREE_CODE(base) == MEM_REF && integer_zerop(TREE_OPERAND(base, 1)) &&
            TREE_CODE(TREE_OPERAND(base, 0)) == SSA_NAME) {
            std::string p = ref_text(TREE_OPERAND(base, 0), depth);
            return p.empty() ? "" : p + "->" + field;
        }
        std::string b = ref_text(base, depth);
        return b.empty() ? "" : b + "." + field;
    }
    case ARRAY_REF:
    case ARRAY_RANGE_REF: {
        std::string b = ref_text(TREE_OPERAND(t, 0), depth);
        if (b.empty())
            return "";
        tree index = TREE_OPERAND(t, 1);
        if (tree_fits_shwi_p(index))
            return b + "[" + std::to_string(tree_to_shwi(index)) + "]";
        std::string i = ref_text(index, depth);
        return b + "[" + (i.empty() ? "..." : i) + "]";
    }
    case MEM_REF:
    case TARGET_MEM_REF: {
        tree ptr = TREE_OPERAND(t, 0);
        if (TREE_CODE(ptr) == ADDR_EXPR)
            return ref_text(TREE_OPERAND(ptr, 0), depth);
        /* out[i] = ... is *(out + i * 8): spell it as an element. */
        gimple *def = TREE_CODE(ptr) == SSA_NAME ? SSA_NAME_DEF_STMT(ptr) : nullptr;
        if (depth > 0 && def && is_gimple_assign(def) &&
            gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR && ref_text(ptr, 0).empty()) {
            std::string b = ref_text(gimple_assign_rhs1(def), depth - 1);
            return b.empty() ? "" : b + "[...]";
        }
        std::string p = ref_text(ptr, depth);
        if (p.empty())
            return "";
        return TREE_CODE(t) == MEM_REF && integer_zerop(TREE_OPERAND(t, 1)) ? "*" + p : p + "[...]";
    }
    case BIT_FIELD_REF:
    case REALPART_EXPR:
    case IMAGPART_EXPR:
    case VIEW_CONVERT_EXPR:
        return ref_text(TREE_OPERAND(t, 0), depth);
    default:
        return "";
    }
}

const char *intern_text(lowering &l, const std::string &s)
{
    return s.empty() ? nullptr : esc_intern(l.m, s.c_str());
}

/* Is REF an access through a MEM_REF whose pointer type says "ref-all"
   (it may alias anything): how GCC spells a memcpy it folded into an
   assignment. */
bool ref_all(tree ref)
{
    tree inner = ref;
    while (handled_component_p(inner))
        inner = TREE_OPERAND(inner, 0);
    return (TREE_CODE(inner) == MEM_REF || TREE_CODE(inner) == TARGET_MEM_REF) &&
           TYPE_REF_CAN_ALIAS_ALL(TREE_TYPE(TREE_OPERAND(inner, 1)));
}

/* The type_key of a memory access (see esc_operand): the identity of the
   pointed-to type of a pointer access, 0 when the access may alias any
   pointer.  C's effective-type rules say a `struct a *` object is not read
   as a `struct b *`; void * and char * are the generic pointers, and a
   union member or a type-punned access may be anything. */
uint32_t access_type_key(tree ref)
{
    tree type = TREE_TYPE(ref);
    if (!type || !POINTER_TYPE_P(type))
        return 0;
    for (tree t = ref; handled_component_p(t); t = TREE_OPERAND(t, 0)) {
        if (TREE_CODE(t) == COMPONENT_REF && TREE_CODE(TREE_TYPE(TREE_OPERAND(t, 0))) == UNION_TYPE)
            return 0;
        if (TREE_CODE(t) == VIEW_CONVERT_EXPR || TREE_CODE(t) == BIT_FIELD_REF)
            return 0;
    }
    tree pointee = TYPE_MAIN_VARIANT(TREE_TYPE(type));
    if (TYPE_CANONICAL(pointee))
        pointee = TYPE_CANONICAL(pointee);
    if (VOID_TYPE_P(pointee) || TYPE_STRUCTURAL_EQUALITY_P(pointee) ||
        (INTEGRAL_TYPE_P(pointee) && TYPE_PRECISION(pointee) == CHAR_TYPE_SIZE))
        return 0;
    return ref_all(ref) ? 0 : TYPE_UID(pointee);
}

/* A canonical spelling of an expression for ref_identity: decls by UID,
   constants by value, and SSA temporaries computed from other values
   (`_1 = i + j`) by their computation, so that two statements computing
   the same address spell it the same even though GIMPLE gave each its own
   temporary.  The SSA names left as leaves are collected in LEAVES. */
/* TAG then the decimal digits of V, appended in place: the temporaries
   of `"s" + std::to_string (v)` were half the spelling's cost. */
void append_number(std::string &out, char tag, long long v)
{
    char digits[24], *p = digits + sizeof digits;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    if (tag)
        *--p = tag;
    out.append(p, digits + sizeof digits - p);
}

void canonical_spelling(tree t, std::string &out, std::vector<tree> &leaves, int depth)
{
    if (!t) {
        out += '_';
        return;
    }
    enum tree_code code = TREE_CODE(t);
    if (code == SSA_NAME) {
        gimple *def = SSA_NAME_DEF_STMT(t);
        if (depth > 0 && !SSA_NAME_IS_DEFAULT_DEF(t) && def && is_gimple_assign(def) &&
            !gimple_has_volatile_ops(def) && !gimple_vuse(def)) {
            enum tree_code op = gimple_assign_rhs_code(def);
            out += '(';
            out += get_tree_code_name(op);
            for (unsigned i = 1; i < gimple_num_ops(def); i++) {
                out += ' ';
                canonical_spelling(gimple_op(def, i), out, leaves, depth - 1);
            }
            out += ')';
            return;
        }
        append_number(out, 's', SSA_NAME_VERSION(t));
        leaves.push_back(t);
        return;
    }
    if (code == INTEGER_CST) {
        if (tree_fits_shwi_p(t))
            append_number(out, 'c', tree_to_shwi(t));
        else
            out += "c?";
        return;
    }
    if (DECL_P(t)) {
        append_number(out, 'd', DECL_UID(t));
        return;
    }
    if (TYPE_P(t) || !EXPR_P(t) || TREE_CODE_CLASS(code) == tcc_constant) {
        out += '?';
        return;
    }
    out += '(';
    out += get_tree_code_name(code);
    for (int i = 0; i < TREE_OPERAND_LENGTH(t); i++) {
        out += ' ';
        canonical_spelling(TREE_OPERAND(t, i), out, leaves, depth);
    }
    out += ')';
}

/* The identity of a memory reference as an expression: equal spellings get
   the same id, so `registry[i].data = &v; ...; registry[i].data = 0;` is
   one location even at a variable index.  The core also learns which SSA
   values the expression uses, since redefining one (in a loop) moves the
   location. */
uint32_t ref_identity(lowering &l, tree ref)
{
    std::string &key = l.ref_key;
    key.clear();
    std::vector<tree> &leaves = l.ref_leaves;
    leaves.clear();
    tree size = TYPE_SIZE_UNIT(TREE_TYPE(ref));
    if (size && tree_fits_uhwi_p(size))
        key += std::to_string(tree_to_uhwi(size));
    else
        key += "?";
    key += ":";
    canonical_spelling(ref, key, leaves, 4);
    auto it = l.refs.find(key);
    if (it != l.refs.end())
        return it->second;
    std::vector<uint32_t> &values = l.ref_values;
    values.clear();
    for (tree name : leaves) {
        uint32_t v = value_for_ssa(l, name);
        if (std::find(values.begin(), values.end(), v) == values.end())
            values.push_back(v);
    }
    uint32_t id = esc_add_ref(l.fn, values.data(), values.size());
    l.refs.emplace(key, id);
    return id;
}

/* The extent of a reference in bytes, when it is constant. */
void ref_extent(tree ref, struct esc_operand *op)
{
    HOST_WIDE_INT offset = 0, size = 0;
    bool reverse = false;
    op->offset = ESC_UNKNOWN_OFFSET;
    op->size = -1;
    if (esc_ref_base_and_extent(ref, &offset, &size, &reverse) && offset % BITS_PER_UNIT == 0 &&
        size > 0 && size % BITS_PER_UNIT == 0) {
        op->offset = offset / BITS_PER_UNIT;
        op->size = size / BITS_PER_UNIT;
    }
}

struct esc_operand lower_memref(lowering &l, tree ref)
{
    tree inner = ref;
    while (handled_component_p(inner))
        inner = TREE_OPERAND(inner, 0);
    struct esc_operand op = esc_opnd_none();
    if (TREE_CODE(inner) == MEM_REF || TREE_CODE(inner) == TARGET_MEM_REF) {
        tree ptr = TREE_OPERAND(inner, 0);
        if (TREE_CODE(ptr) == SSA_NAME)
            op = esc_opnd_deref(value_for_ssa(l, ptr), 0, -1);
        else if (TREE_CODE(ptr) == ADDR_EXPR && DECL_P(TREE_OPERAND(ptr, 0)) &&
                 TREE_CODE(TREE_OPERAND(ptr, 0)) != FUNCTION_DECL &&
                 TREE_CODE(TREE_OPERAND(ptr, 0)) != LABEL_DECL &&
                 TREE_CODE(TREE_OPERAND(ptr, 0)) != CONST_DECL)
            op = esc_opnd_mem(object_for_decl(l, TREE_OPERAND(ptr, 0)), 0, -1);
        else
            return op;
    } else if (TREE_CODE(inner) == VAR_DECL || TREE_CODE(inner) == PARM_DECL ||
               TREE_CODE(inner) == RESULT_DECL) {
        op = esc_opnd_mem(object_for_decl(l, inner), 0, -1);
    } else {
        return op;
    }
    ref_extent(ref, &op);
    op.text = intern_text(l, ref_text(ref));
    op.type_key = access_type_key(ref);
    op.ref = ref_identity(l, ref);
    return op;
}

/* The byte offset of REF from the pointer of its MEM_REF base INNER, or
   ESC_UNKNOWN_OFFSET (a variable index, a TARGET_MEM_REF). */
static int64_t address_offset(tree ref, tree inner)
{
    if (TREE_CODE(inner) != MEM_REF || !tree_fits_shwi_p(TREE_OPERAND(inner, 1)))
        return ESC_UNKNOWN_OFFSET;
    int64_t at = tree_to_shwi(TREE_OPERAND(inner, 1));
    if (ref == inner)
        return at;
    struct esc_operand extent = esc_opnd_none();
    ref_extent(ref, &extent);
    return extent.offset == ESC_UNKNOWN_OFFSET ? ESC_UNKNOWN_OFFSET : at + extent.offset;
}

struct esc_operand lower_address(lowering &l, tree ref)
{
    tree inner = ref;
    while (handled_component_p(inner))
        inner = TREE_OPERAND(inner, 0);
    struct esc_operand op = esc_opnd_none();
    switch (TREE_CODE(inner)) {
    case VAR_DECL:
    case PARM_DECL:
    case RESULT_DECL:
    case FUNCTION_DECL: {
        struct esc_operand extent = esc_opnd_none();
        ref_extent(ref, &extent);
        op = esc_opnd_addr(object_for_decl(l, inner), inner == ref ? 0 : extent.offset);
        break;
    }
    case MEM_REF:
    case TARGET_MEM_REF: {
        tree ptr = TREE_OPERAND(inner, 0);
        if (TREE_CODE(ptr) == SSA_NAME) {
            /* &p->f derives from p, at f's offset: a value copied from p
               only when that is 0, so that *&p->f is never taken for *p. */
            struct esc_operand from = esc_opnd_value(value_for_ssa(l, ptr));
            from.offset = address_offset(ref, inner);
            return from;
        }
        if (TREE_CODE(ptr) == ADDR_EXPR)
            return lower_address(l, TREE_OPERAND(ptr, 0));
        return op;
    }
    case STRING_CST: {
        /* Nothing on the stack, but strdup ("...") needs its size. */
        struct esc_operand extent = esc_opnd_none();
        ref_extent(ref, &extent);
        HOST_WIDE_INT at = inner == ref ? 0 : extent.offset;
        tree elt = TREE_TYPE(TREE_TYPE(inner));
        HOST_WIDE_INT length = TREE_STRING_LENGTH(inner);
        if (at != ESC_UNKNOWN_OFFSET && at >= 0 && at < length && elt &&
            TYPE_PRECISION(elt) == CHAR_TYPE_SIZE) {
            const char *text = TREE_STRING_POINTER(inner) + at;
            const void *nul = memchr(text, 0, length - at);
            if (nul)
                op.value = (const char *)nul - text + 1;
        }
        return op;
    }
    default:
        return op; /* labels, constants: nothing on the stack */
    }
    op.text = intern_text(l, ref_text(ref));
    return op;
}

struct esc_operand lower_rvalue(lowering &l, tree t)
{
    if (!t)
        return esc_opnd_none();
    switch (TREE_CODE(t)) {
    case SSA_NAME:
        if (virtual_operand_p(t))
            return esc_opnd_none();
        return esc_opnd_value(value_for_ssa(l, t));
    case ADDR_EXPR:
        return lower_address(l, TREE_OPERAND(t, 0));
    case INTEGER_CST:
        return tree_fits_shwi_p(t) ? esc_opnd_int(tree_to_shwi(t)) : esc_opnd_none();
    case REAL_CST:
    case FIXED_CST:
    case COMPLEX_CST:
    case VECTOR_CST:
    case STRING_CST:
    case CONSTRUCTOR:
    case POLY_INT_CST:
        return esc_opnd_none();
    case WITH_SIZE_EXPR:
        return lower_rvalue(l, TREE_OPERAND(t, 0));
    case VIEW_CONVERT_EXPR:
        /* The same bits seen as another type: GCC folds memcpy (&g, &p, 8)
           into g = VIEW_CONVERT_EXPR<unsigned long> (p), so a pointer
           reinterpreted this way is still a pointer. */
        if (!is_memory_ref(TREE_OPERAND(t, 0)))
            return lower_rvalue(l, TREE_OPERAND(t, 0));
        return lower_memref(l, t);
    case OBJ_TYPE_REF:
        return lower_rvalue(l, OBJ_TYPE_REF_EXPR(t));
    default:
        if (is_memory_ref(t))
            return lower_memref(l, t);
        return esc_opnd_unknown();
    }
}

/* A statement of KIND, located by emit: most assignments carry no
   pointer and are dropped, and looking up a location costs more than
   lowering them (30 million instructions on sqlite3.c). */
struct esc_stmt stmt_proto(enum esc_stmt_kind kind)
{
    struct esc_stmt s = {};
    s.kind = kind;
    s.lhs = esc_opnd_none();
    s.target = esc_opnd_none();
    s.object = ESC_NONE;
    return s;
}

/* S with its NARGS operands ARGS, lowered from G, at the end of BLOCK. */
uint32_t emit(lowering &l, uint32_t block, struct esc_stmt &s, struct esc_operand *args,
              size_t nargs, gimple *g)
{
    s.loc = esc_loc_from_gcc(gimple_location(g));
    s.nargs = nargs;
    s.args = nargs ? args : nullptr;
    return esc_add_stmt(l.m, l.fn, block, &s);
}

uint32_t emit(lowering &l, uint32_t block, struct esc_stmt &s,
              std::vector<struct esc_operand> &args, gimple *g)
{
    return emit(l, block, s, args.data(), args.size(), g);
}

/* An assignment's operands, two at most, on the stack: a std::vector
   allocated and freed them for each of sqlite3.c's 23,000 assignments
   that carry one. */
struct assign_operands {
    struct esc_operand items[2];
    size_t n = 0;
    void push_back(const struct esc_operand &op)
    {
        gcc_assert(n < 2);
        items[n++] = op;
    }
    struct esc_operand &back()
    {
        return items[n - 1];
    }
    bool empty() const
    {
        return n == 0;
    }
};

uint32_t emit(lowering &l, uint32_t block, struct esc_stmt &s, assign_operands &args, gimple *g)
{
    return emit(l, block, s, args.items, args.n, g);
}

void lower_assign(lowering &l, uint32_t block, gassign *g)
{
    tree lhs = gimple_assign_lhs(g);
    tree type = TREE_TYPE(lhs);
    tree rhs1 = gimple_assign_rhs1(g);
    enum tree_code code = gimple_assign_rhs_code(g);
    bool lhs_memory = TREE_CODE(lhs) != SSA_NAME;

    if (gimple_clobber_p(g)) {
        if (!esc_clobber_is_end_of_life(g) || !DECL_P(lhs))
            return;
        struct esc_stmt s = stmt_proto(ESC_STMT_CLOBBER);
        s.object = object_for_decl(l, lhs);
        std::vector<struct esc_operand> none;
        emit(l, block, s, none, g);
        return;
    }

    struct esc_stmt s = stmt_proto(ESC_STMT_ASSIGN);
    assign_operands args;
    if (CONVERT_EXPR_CODE_P(code) && !lhs_memory && !always_tracked(type) &&
        (TREE_CODE(rhs1) == SSA_NAME || TREE_CODE(rhs1) == ADDR_EXPR) &&
        is_pointer(TREE_TYPE(rhs1))) {
        /* (uintptr_t) p carries the address on; (int) p only lets it out. */
        s.op = address_int(l, lhs) ? ESC_ASSIGN_TO_INTEGER : ESC_ASSIGN_EXPOSE;
        args.push_back(lower_rvalue(l, rhs1));
        s.lhs = esc_opnd_value(value_for_ssa(l, lhs));
        emit(l, block, s, args, g);
        return;
    }
    if (!lhs_memory && address_int(l, lhs) && !gimple_assign_single_p(g)) {
        /* An offset from an address, or a conversion between integers
           as wide: only the operands that carry an address flow. */
        s.op = CONVERT_EXPR_CODE_P(code) ? ESC_ASSIGN_CONVERT : ESC_ASSIGN_POINTER_ARITH;
        for (tree op : {rhs1, gimple_assign_rhs2(g)})
            if (address_int(l, op)) {
                args.push_back(lower_rvalue(l, op));
                /* Arithmetic on integers: by an amount nothing follows. */
                if (s.op == ESC_ASSIGN_POINTER_ARITH && args.back().kind == ESC_OPND_VALUE)
                    args.back().offset = ESC_UNKNOWN_OFFSET;
            }
        s.lhs = esc_opnd_value(value_for_ssa(l, lhs));
        emit(l, block, s, args, g);
        return;
    }
    bool moves_bits = gimple_assign_single_p(g) &&
                      (TREE_CODE(rhs1) == SSA_NAME || is_memory_ref(rhs1) || lhs_memory);
    if (!always_tracked(type) && !(wide_scalar(type) && moves_bits))
        return;

    switch (get_gimple_rhs_class(code)) {
    case GIMPLE_SINGLE_RHS:
        args.push_back(lower_rvalue(l, rhs1));
        /* &p->f: p plus an offset, not a copy of p. */
        s.op = args.back().kind == ESC_OPND_VALUE && args.back().offset ? ESC_ASSIGN_POINTER_ARITH
                                                                         : ESC_ASSIGN_COPY;
        break;
    case GIMPLE_UNARY_RHS:
        if (!CONVERT_EXPR_CODE_P(code) && code != VIEW_CONVERT_EXPR)
            break; /* negation and the like: no pointer survives */
        s.op = ESC_ASSIGN_CONVERT;
        if (is_pointer(TREE_TYPE(rhs1)) || AGGREGATE_TYPE_P(TREE_TYPE(rhs1))) {
            args.push_back(lower_rvalue(l, rhs1));
        } else if (is_pointer(type)) {
            /* An integer turned into a pointer: whatever bits it carried
               from memory, plus memory nobody can name. */
            if (TREE_CODE(rhs1) == SSA_NAME)
                args.push_back(lower_rvalue(l, rhs1));
            if (TREE_CODE(rhs1) != INTEGER_CST)
                args.push_back(esc_opnd_unknown());
        }
        break;
    case GIMPLE_BINARY_RHS:
        if (code == POINTER_PLUS_EXPR) {
            s.op = ESC_ASSIGN_POINTER_ARITH;
            args.push_back(lower_rvalue(l, rhs1));
            /* p + 8: the amount, when constant, on the value operand. */
            if (args.back().kind == ESC_OPND_VALUE) {
                /* The amount is a sizetype: container_of's minus is a
                   huge unsigned constant, read back as signed. */
                tree amount = gimple_assign_rhs2(g);
                bool known = args.back().offset != ESC_UNKNOWN_OFFSET &&
                             TREE_CODE(amount) == INTEGER_CST &&
                             TYPE_PRECISION(TREE_TYPE(amount)) <= 64;
                args.back().offset =
                    known ? args.back().offset +
                                wi::sext(wi::to_wide(amount), TYPE_PRECISION(TREE_TYPE(amount)))
                                    .to_shwi()
                          : ESC_UNKNOWN_OFFSET;
            }
        } else if ((code == MIN_EXPR || code == MAX_EXPR) && is_pointer(type)) {
            s.op = ESC_ASSIGN_SELECT;
            args.push_back(lower_rvalue(l, rhs1));
            args.push_back(lower_rvalue(l, gimple_assign_rhs2(g)));
        }
        break;
    case GIMPLE_TERNARY_RHS:
        if ((code == COND_EXPR || code == VEC_COND_EXPR) && always_tracked(type)) {
            s.op = ESC_ASSIGN_SELECT;
            args.push_back(lower_rvalue(l, gimple_assign_rhs2(g)));
            args.push_back(lower_rvalue(l, gimple_assign_rhs3(g)));
        }
        break;
    default:
        break;
    }
    /* A store is lowered even when it stores no pointer: it may overwrite one. */
    if (args.empty() && !lhs_memory)
        return;
    s.lhs = lhs_memory ? lower_memref(l, lhs) : esc_opnd_value(value_for_ssa(l, lhs));
    if (s.lhs.kind == ESC_OPND_NONE)
        return;
    if (lhs_memory && is_memory_ref(rhs1) && TYPE_SIZE_UNIT(type) &&
        tree_fits_shwi_p(TYPE_SIZE_UNIT(type)))
        set_carriers(s, type, tree_to_shwi(TYPE_SIZE_UNIT(type)));
    if (lhs_memory && ((is_memory_ref(rhs1) && TREE_CODE(type) == ARRAY_TYPE && bytes_type(type)) ||
                       ref_all(lhs)))
        s.flags |= ESC_STMTF_BYTE_COPY;
    emit(l, block, s, args, g);
}

/* The variable-length array behind a __builtin_alloca_with_align call. */
uint32_t vla_object(lowering &l, gcall *call)
{
    tree lhs = gimple_call_lhs(call);
    tree var = lhs && TREE_CODE(lhs) == SSA_NAME ? SSA_NAME_VAR(lhs) : NULL_TREE;
    std::string name = strip_tmp_suffix(decl_name(var));
    location_t loc = gimple_location(call);
    if (l.facts) {
        auto it = l.facts->vlas.find(name);
        if (it != l.facts->vlas.end())
            loc = it->second;
    }
    return esc_add_object(l.m, l.fn, ESC_OBJ_VLA, name.empty() ? nullptr : name.c_str(),
                          esc_loc_from_gcc(loc));
}

/* A test probe, `__escape_dump_points_to (p)` or `__escape_dump_stores ()`
   (core/ir/ir.h): kept aside, not lowered as a call, so that the analysis
   is the same with or without it.  False for any other call. */
bool lower_probe(lowering &l, gcall *g)
{
    tree fndecl = gimple_call_fndecl(g);
    const char *name = fndecl ? decl_name(fndecl) : nullptr;
    if (!name || strncmp(name, "__escape_dump_", 14) != 0)
        return false;
    struct esc_probe probe = {};
    probe.loc = esc_loc_from_gcc(gimple_location(g));
    probe.arg = esc_opnd_none();
    std::string text;
    if (strcmp(name, "__escape_dump_stores") == 0) {
        probe.kind = ESC_PROBE_STORES;
    } else if (strcmp(name, "__escape_dump_points_to") == 0 && gimple_call_num_args(g) == 1) {
        tree arg = gimple_call_arg(g, 0);
        probe.kind = ESC_PROBE_POINTS_TO;
        probe.arg = lower_rvalue(l, arg);
        tree var = TREE_CODE(arg) == SSA_NAME ? SSA_NAME_VAR(arg) : NULL_TREE;
        if (var && DECL_P(var) && !DECL_ARTIFICIAL(var))
            text = decl_name(var);
        else
            text = ref_text(TREE_CODE(arg) == ADDR_EXPR ? TREE_OPERAND(arg, 0) : arg);
        if (TREE_CODE(arg) == ADDR_EXPR && !text.empty())
            text = "&" + text;
        probe.text = text.c_str();
    } else {
        return false;
    }
    esc_add_probe(l.m, l.fn, &probe);
    return true;
}

/* memcpy (f, e, n): the words of *e that may hold an address, from the
   type e points to (core/ir/ir.h, carriers).  GCC's builtin codes, not a
   lookup of the name: this is asked of every call. */
void copy_carriers(struct esc_stmt &s, gcall *g)
{
    if ((s.flags & ESC_CALLF_DEFINED) || !gimple_call_builtin_p(g, BUILT_IN_NORMAL))
        return;
    switch (DECL_FUNCTION_CODE(gimple_call_fndecl(g))) {
    case BUILT_IN_MEMCPY:
    case BUILT_IN_MEMMOVE:
    case BUILT_IN_MEMPCPY:
    case BUILT_IN_MEMCPY_CHK:
    case BUILT_IN_MEMMOVE_CHK:
    case BUILT_IN_MEMPCPY_CHK:
        break;
    default:
        return;
    }
    tree src = gimple_call_arg(g, 1);
    if (is_pointer(TREE_TYPE(src)) && bytes_type(TREE_TYPE(TREE_TYPE(src))))
        s.flags |= ESC_STMTF_BYTE_COPY;
    HOST_WIDE_INT size;
    if (is_pointer(TREE_TYPE(src)) && esc_fold_integer(gimple_call_arg(g, 2), &size))
        set_carriers(s, TREE_TYPE(TREE_TYPE(src)), size);
}

void lower_call(lowering &l, uint32_t block, gcall *g)
{
    if (lower_probe(l, g))
        return;
    struct esc_stmt s = stmt_proto(ESC_STMT_CALL);
    std::vector<struct esc_operand> args;
    tree fndecl = gimple_call_fndecl(g);
    std::string internal;
    if (gimple_call_internal_p(g)) {
        s.flags |= ESC_CALLF_INTERNAL;
        internal = std::string(".") + internal_fn_name(gimple_call_internal_fn(g));
        s.callee = internal.c_str();
    } else if (fndecl) {
        s.callee = decl_name(fndecl);
        cgraph_node *node = cgraph_node::get(fndecl);
        if (node && node->definition && !fndecl_built_in_p(fndecl))
            s.flags |= ESC_CALLF_DEFINED;
        else
            esc_note_allocator(l.m, fndecl);
    } else {
        s.target = lower_rvalue(l, gimple_call_fn(g));
    }
    if (gimple_call_flags(g) & ECF_NORETURN)
        s.flags |= ESC_CALLF_NORETURN;
    if (fndecl && gimple_call_alloca_for_var_p(g)) {
        s.flags |= ESC_CALLF_VLA;
        s.object = vla_object(l, g);
    }
    for (unsigned i = 0; i < gimple_call_num_args(g); i++) {
        tree arg = gimple_call_arg(g, i);
        HOST_WIDE_INT constant;
        if (TREE_CODE(arg) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(arg)) &&
            esc_fold_integer(arg, &constant))
            args.push_back(esc_opnd_int(constant)); /* `n = 64; malloc (n)` */
        else
            args.push_back(lower_rvalue(l, arg));
        /* Callers trust a noescape declaration, on the definition or on
           any prototype of the callee (attributes.cc). */
        bool noescape = false, lifetimebound = false;
        if (fndecl && i < 64) {
            esc_param_attributes(fndecl, i, &noescape, &lifetimebound);
            s.noescape_args |= (uint64_t)noescape << i;
            s.lifetimebound_args |= (uint64_t)lifetimebound << i;
        }
    }
    /* A nested function's static chain (GNU C) gives it the caller's
       frame.  Its summary has no parameter for it, so the chain is an
       argument past the named ones: what the callee does with it is
       unknown (heap2stack.c), and nothing flows for warnings. */
    if (tree chain = gimple_call_chain(g))
        args.push_back(lower_rvalue(l, chain));
    tree lhs = gimple_call_lhs(g);
    if (lhs && (always_tracked(TREE_TYPE(lhs)) || wide_scalar(TREE_TYPE(lhs))))
        s.lhs = TREE_CODE(lhs) == SSA_NAME ? esc_opnd_value(value_for_ssa(l, lhs))
                                           : lower_memref(l, lhs);
    else if (lhs && TREE_CODE(lhs) == SSA_NAME && reports_status(s.callee))
        s.lhs = esc_opnd_value(value_for_ssa(l, lhs)); /* its status, for `if (rc != 0)` */
    copy_carriers(s, g);
    uint32_t id = emit(l, block, s, args, g);
    if (s.flags & ESC_CALLF_VLA)
        l.fn->objects[s.object].stmt = id;
    if (s.flags & ESC_CALLF_DEFINED)
        esc_lower_arg_sources(l.param_facts, id, g);
}

void lower_return(lowering &l, uint32_t block, greturn *g)
{
    struct esc_stmt s = stmt_proto(ESC_STMT_RETURN);
    std::vector<struct esc_operand> args;
    tree value = gimple_return_retval(g);
    if (value && TREE_CODE(value) != RESULT_DECL &&
        (always_tracked(TREE_TYPE(value)) || address_int(l, value))) {
        struct esc_operand op = lower_rvalue(l, value);
        if (op.kind != ESC_OPND_NONE && op.kind != ESC_OPND_INT)
            args.push_back(op);
    }
    emit(l, block, s, args, g);
}

void lower_asm(lowering &l, uint32_t block, gasm *g)
{
    struct esc_stmt s = stmt_proto(ESC_STMT_CALL);
    s.flags |= ESC_CALLF_ASM;
    std::vector<struct esc_operand> args;
    for (unsigned i = 0; i < gimple_asm_ninputs(g); i++)
        args.push_back(lower_rvalue(l, TREE_VALUE(gimple_asm_input_op(g, i))));
    emit(l, block, s, args, g);
    /* Outputs receive whatever the assembly computes. */
    for (unsigned i = 0; i < gimple_asm_noutputs(g); i++) {
        tree out = TREE_VALUE(gimple_asm_output_op(g, i));
        if (!always_tracked(TREE_TYPE(out)) && !wide_scalar(TREE_TYPE(out)))
            continue;
        struct esc_stmt w = stmt_proto(ESC_STMT_ASSIGN);
        w.lhs = TREE_CODE(out) == SSA_NAME ? esc_opnd_value(value_for_ssa(l, out))
                                           : lower_memref(l, out);
        if (w.lhs.kind == ESC_OPND_NONE)
            continue;
        std::vector<struct esc_operand> unknown(1, esc_opnd_unknown());
        emit(l, block, w, unknown, g);
    }
}

void lower_phi(lowering &l, uint32_t block, gphi *phi)
{
    tree result = gimple_phi_result(phi);
    /* Where a thread starts, any integer's too: `started = PHI <0, 1>`
       before `if (started) pthread_join (...)` (lower_zero_tests). */
    if (virtual_operand_p(result) ||
        !(always_tracked(TREE_TYPE(result)) || wide_scalar(TREE_TYPE(result)) ||
          (l.starts_thread && INTEGRAL_TYPE_P(TREE_TYPE(result)))))
        return;
    struct esc_stmt s = stmt_proto(ESC_STMT_PHI);
    std::vector<struct esc_operand> args;
    std::vector<struct esc_loc> locs;
    std::vector<uint32_t> from;
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
        tree arg = gimple_phi_arg_def(phi, i);
        HOST_WIDE_INT constant;
        if (l.starts_thread && TREE_CODE(arg) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(arg)) &&
            esc_fold_integer(arg, &constant))
            args.push_back(esc_opnd_int(constant)); /* `started_2 = 0` at -O0 */
        else
            args.push_back(lower_rvalue(l, arg));
        locs.push_back(esc_loc_from_gcc(gimple_phi_arg_location(phi, i)));
        from.push_back(esc_block_of(l.blocks, gimple_phi_arg_edge(phi, i)->src));
    }
    s.lhs = esc_opnd_value(value_for_ssa(l, result));
    s.arg_locs = locs.data();
    s.arg_blocks = from.data();
    emit(l, block, s, args, phi);
}

/* The status a keeping call returned, if NAME is it or a copy of it:
   `rc = pthread_create (...); if (rc != 0)`, `f = fmemopen (...); if (!f)`. */
tree thread_status(lowering &l, tree name)
{
    for (int guard = 0; guard < 8 && TREE_CODE(name) == SSA_NAME; guard++) {
        gimple *def = SSA_NAME_DEF_STMT(name);
        if (is_gimple_call(def))
            return reports_status(gimple_call_fndecl(def) ? decl_name(gimple_call_fndecl(def))
                                                          : nullptr) &&
                           SSA_NAME_VERSION(name) < l.values.size() &&
                           l.values[SSA_NAME_VERSION(name)] != ESC_NONE
                       ? name
                       : NULL_TREE;
        if (!is_gimple_assign(def) ||
            (!gimple_assign_single_p(def) && !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
            return NULL_TREE;
        name = gimple_assign_rhs1(def);
    }
    return NULL_TREE;
}

/* The BRANCH of G, `if (LHS CODE OTHER)`, at the end of BLOCK. */
void emit_branch(lowering &l, uint32_t block, gcond *g, enum tree_code code, tree lhs,
                 struct esc_operand other)
{
    edge true_edge, false_edge;
    extract_true_false_edges_from_block(gimple_bb(g), &true_edge, &false_edge);
    uint32_t t = esc_block_of(l.blocks, true_edge->dest);
    uint32_t f = esc_block_of(l.blocks, false_edge->dest);
    if (t == ESC_NONE || f == ESC_NONE || esc_edge_ruled_out(true_edge) ||
        esc_edge_ruled_out(false_edge))
        return;
    struct esc_stmt s = stmt_proto(ESC_STMT_BRANCH);
    s.op = code == EQ_EXPR ? ESC_CMP_EQ : ESC_CMP_NE;
    s.true_block = t;
    s.false_block = f;
    std::vector<struct esc_operand> args = {esc_opnd_value(value_for_ssa(l, lhs)), other};
    emit(l, block, s, args, g);
}

/* `if (!list_empty (&h))`, of a callee that only tests h's link
   (link-tests.cc): the test it makes, lowered where its result is
   tested, `h.next == &h`, for guards.c.  RESULT == 0 holds when the
   callee's comparison fails. */
bool lower_link_test(lowering &l, uint32_t block, gcond *g, enum tree_code code, tree result)
{
    gcall *call = dyn_cast<gcall *>(SSA_NAME_DEF_STMT(result));
    tree callee = call ? gimple_call_fndecl(call) : NULL_TREE;
    esc_link_test test;
    if (!callee || gimple_bb(call) != gimple_bb(g) || !esc_link_predicate(callee, &test) ||
        (unsigned)test.param >= gimple_call_num_args(call) ||
        TREE_CODE(gimple_call_arg(call, test.param)) != ADDR_EXPR)
        return false;
    /* The link is loaded again at the test: nothing between may write. */
    gimple_stmt_iterator gsi = gsi_for_stmt(call);
    for (gsi_next(&gsi); !gsi_end_p(gsi) && gsi_stmt(gsi) != g; gsi_next(&gsi))
        if (!is_gimple_debug(gsi_stmt(gsi)) &&
            (!is_gimple_assign(gsi_stmt(gsi)) ||
             TREE_CODE(gimple_assign_lhs(gsi_stmt(gsi))) != SSA_NAME))
            return false;
    struct esc_operand head = lower_address(l, TREE_OPERAND(gimple_call_arg(call, test.param), 0));
    if (head.kind != ESC_OPND_ADDR || head.offset == ESC_UNKNOWN_OFFSET)
        return false;
    edge true_edge, false_edge;
    extract_true_false_edges_from_block(gimple_bb(g), &true_edge, &false_edge);
    uint32_t t = esc_block_of(l.blocks, true_edge->dest);
    uint32_t f = esc_block_of(l.blocks, false_edge->dest);
    if (t == ESC_NONE || f == ESC_NONE || esc_edge_ruled_out(true_edge) ||
        esc_edge_ruled_out(false_edge))
        return false;
    uint32_t link = esc_add_value(l.m, l.fn, nullptr, 0);
    struct esc_stmt load = stmt_proto(ESC_STMT_ASSIGN);
    load.op = ESC_ASSIGN_COPY;
    load.lhs = esc_opnd_value(link);
    std::vector<struct esc_operand> from = {
        esc_opnd_mem(head.id, head.offset + test.offset, POINTER_SIZE_UNITS)};
    emit(l, block, load, from, g);
    struct esc_stmt s = stmt_proto(ESC_STMT_BRANCH);
    /* The true edge is taken when the link equals the head if the test
       is `result != 0` of an `==` predicate, or `result == 0` of `!=`. */
    s.op = (code == NE_EXPR) == test.equal ? ESC_CMP_EQ : ESC_CMP_NE;
    s.true_block = t;
    s.false_block = f;
    std::vector<struct esc_operand> args = {esc_opnd_value(link), head};
    emit(l, block, s, args, g);
    return true;
}

/* Three kinds of comparison are kept; which successor knows what is
   worked out by the core.  `if (p == &x)` or `!=`: p does not point to x
   on one edge (guards.c).  `if (pthread_create (...) != 0)`,
   `if (!fmemopen (...))`: nothing was kept on one edge (joinclose.c).
   `if (!p)` for any pointer: nothing needs freeing on one edge
   (heap2stack.c).  A fourth, only where a thread starts, is
   lower_zero_tests'. */
void lower_cond(lowering &l, uint32_t block, gcond *g)
{
    enum tree_code code = gimple_cond_code(g);
    tree lhs = gimple_cond_lhs(g), rhs = gimple_cond_rhs(g);
    if (code != EQ_EXPR && code != NE_EXPR)
        return;
    if (TREE_CODE(lhs) == ADDR_EXPR || TREE_CODE(lhs) == INTEGER_CST)
        std::swap(lhs, rhs);
    struct esc_operand other;
    tree status = TREE_CODE(lhs) == SSA_NAME && integer_zerop(rhs) ? thread_status(l, lhs) : NULL;
    if (status) {
        lhs = status;
        other = esc_opnd_int(0);
    } else if (TREE_CODE(lhs) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(lhs)) &&
               integer_zerop(rhs)) {
        lower_link_test(l, block, g, code, lhs);
        return;
    } else if (TREE_CODE(lhs) == SSA_NAME && is_pointer(TREE_TYPE(lhs)) && integer_zerop(rhs)) {
        other = esc_opnd_int(0); /* `if (!p)`: p is null on one edge (heap2stack.c) */
    } else {
        if (TREE_CODE(lhs) != SSA_NAME || !is_pointer(TREE_TYPE(lhs)) ||
            TREE_CODE(rhs) != ADDR_EXPR)
            return;
        other = lower_address(l, TREE_OPERAND(rhs, 0));
        if (other.kind != ESC_OPND_ADDR)
            return;
    }
    emit_branch(l, block, g, code, lhs, other);
}

/* In a function that starts a thread, an integer tested against zero
   too: `if (extension_offset)` before the join says whether the path
   comes from `if (extension_offset) pthread_create (...)`
   (joinclose.c).  Nothing else asks, so other functions keep none. */
void lower_zero_tests(lowering &l)
{
    basic_block bb;
    FOR_EACH_BB_FN(bb, l.fun)
    {
        gimple_stmt_iterator gsi = gsi_last_bb(bb);
        gcond *g = gsi_end_p(gsi) ? nullptr : dyn_cast<gcond *>(gsi_stmt(gsi));
        if (!g)
            continue;
        enum tree_code code = gimple_cond_code(g);
        tree lhs = gimple_cond_lhs(g);
        if ((code != EQ_EXPR && code != NE_EXPR) || TREE_CODE(lhs) != SSA_NAME ||
            !INTEGRAL_TYPE_P(TREE_TYPE(lhs)) || !integer_zerop(gimple_cond_rhs(g)))
            continue;
        const struct esc_block *b = &l.fn->blocks[l.blocks[bb->index]];
        if (b->nstmts && l.fn->stmts[b->stmts[b->nstmts - 1]].kind == ESC_STMT_BRANCH)
            continue; /* a thread's status: lower_cond kept it */
        emit_branch(l, l.blocks[bb->index], g, code, lhs, esc_opnd_int(0));
    }
}

void lower_statement(lowering &l, uint32_t block, gimple *g)
{
    switch (gimple_code(g)) {
    case GIMPLE_ASSIGN:
        lower_assign(l, block, as_a<gassign *>(g));
        break;
    case GIMPLE_CALL:
        lower_call(l, block, as_a<gcall *>(g));
        break;
    case GIMPLE_RETURN:
        lower_return(l, block, as_a<greturn *>(g));
        break;
    case GIMPLE_ASM:
        lower_asm(l, block, as_a<gasm *>(g));
        break;
    case GIMPLE_COND:
        lower_cond(l, block, as_a<gcond *>(g));
        esc_lower_param_test(l.param_facts, block, g);
        break;
    case GIMPLE_SWITCH:
        esc_lower_param_test(l.param_facts, block, g);
        break;
    default:
        break; /* conditions, labels, debug statements: control flow is in the CFG */
    }
}

/* Returns the front end erased: `return &x;` as if it had survived. */
void lower_erased_returns(lowering &l)
{
    if (!l.facts)
        return;
    for (const esc_erased_return &r : l.facts->erased_returns) {
        uint32_t obj;
        auto it = l.objects.find(r.decl_uid);
        if (it != l.objects.end()) {
            obj = it->second;
        } else {
            obj = esc_add_object(l.m, l.fn,
                                 r.is_param ? ESC_OBJ_PARAM
                                 : r.is_vla ? ESC_OBJ_VLA
                                            : ESC_OBJ_LOCAL,
                                 r.name.empty() ? nullptr : r.name.c_str(),
                                 esc_loc_from_gcc(r.decl_loc));
            l.fn->objects[obj].key = r.decl_uid;
            l.objects[r.decl_uid] = obj;
        }
        struct esc_stmt s = {};
        s.kind = ESC_STMT_RETURN;
        s.flags = ESC_STMTF_FRONTEND;
        s.loc = esc_loc_from_gcc(r.loc);
        s.lhs = esc_opnd_none();
        s.target = esc_opnd_none();
        s.object = ESC_NONE;
        struct esc_operand addr = esc_opnd_addr(obj, 0);
        addr.text = l.fn->objects[obj].name;
        s.nargs = 1;
        s.args = &addr;
        esc_add_stmt(l.m, l.fn, ESC_NONE, &s);
    }
}

} // namespace

struct esc_loc esc_loc_from_gcc(location_t loc)
{
    struct esc_loc out = {};
    /* As GCC's own warnings do: a statement written by a macro from a
       system header (alloca from <alloca.h>) belongs to the user's line. */
    loc = expansion_point_location_if_in_system_header(loc);
    out.handle = loc;
    if (loc == UNKNOWN_LOCATION)
        return out;
    expanded_location x = expand_location(loc);
    out.file = x.file;
    out.line = x.line > 0 ? x.line : 0;
    out.column = x.column > 0 ? x.column : 0;
    return out;
}

/* Does FUN call pthread_create or thrd_create?  The call graph's edges
   are built before SSA, so this needs no walk of the body. */
bool starts_thread(function *fun)
{
    cgraph_node *node = cgraph_node::get(fun->decl);
    for (cgraph_edge *e = node ? node->callees : nullptr; e; e = e->next_callee) {
        const struct esc_lib_entry *lib = e->callee && !e->callee->definition
                                              ? esc_lib_lookup(decl_name(e->callee->decl))
                                              : nullptr;
        if (lib && lib->thread_arg)
            return true;
    }
    return false;
}

void esc_lower_function(function *fun)
{
    tree fndecl = fun->decl;
    lowering l;
    l.m = esc_unit;
    l.fun = fun;
    l.facts = esc_frontend_facts_for(fndecl);
    l.fn = esc_function_new(l.m, decl_name(fndecl) ? decl_name(fndecl) : "<anonymous>",
                            esc_loc_from_gcc(DECL_SOURCE_LOCATION(fndecl)));
    l.fn->key = DECL_UID(fndecl);
    l.fn->returns_pointer = is_pointer(TREE_TYPE(DECL_RESULT(fndecl)));
    l.fn->exported = TREE_PUBLIC(fndecl);
    l.fn->at_exit = DECL_STATIC_DESTRUCTOR(fndecl);
    cgraph_node *node = cgraph_node::get(fndecl);
    l.fn->address_taken = node && node->address_taken;
    l.values.assign(num_ssa_names, ESC_NONE);
    l.starts_thread = starts_thread(fun);

    for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p)) {
        uint32_t index =
            esc_add_param(l.m, l.fn, decl_name(p), esc_loc_from_gcc(DECL_SOURCE_LOCATION(p)),
                          is_pointer(TREE_TYPE(p)));
        l.fn->params[index].noescape = esc_parm_noescape(fndecl, p, index);
        esc_param_value_kind(TREE_TYPE(p), &l.fn->params[index].value_bits,
                             &l.fn->params[index].value_unsigned);
    }
    l.param_facts.fn = l.fn;
    l.param_facts.fun = fun;
    l.param_facts.blocks = &l.blocks;
    for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p)) {
        tree def = ssa_default_def(fun, p);
        if (def)
            value_for_ssa(l, def);
    }

    find_address_ints(l);
    basic_block bb;
    l.blocks.assign(last_basic_block_for_fn(fun), ESC_NONE);
    FOR_EACH_BB_FN(bb, fun)
    l.blocks[bb->index] = esc_add_block(l.fn);
    if (single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(fun)))
        l.fn->entry = esc_block_of(l.blocks, single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun)));
    FOR_EACH_BB_FN(bb, fun)
    {
        uint32_t block = l.blocks[bb->index];
        edge e;
        edge_iterator ei;
        FOR_EACH_EDGE(e, ei, bb->succs)
        {
            uint32_t to = esc_block_of(l.blocks, e->dest);
            if (to != ESC_NONE && !esc_edge_ruled_out(e))
                esc_add_edge(l.fn, block, to);
        }
        for (gphi_iterator gsi = gsi_start_phis(bb); !gsi_end_p(gsi); gsi_next(&gsi))
            lower_phi(l, block, gsi.phi());
        for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
            lower_statement(l, block, gsi_stmt(gsi));
    }
    if (l.starts_thread)
        lower_zero_tests(l);
    lower_erased_returns(l);
    esc_function_seal(l.m, l.fn);
}
