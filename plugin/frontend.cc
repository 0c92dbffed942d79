/* frontend.cc - facts only the C front end's trees still show, collected before gimplification. */
#include "plugin/adapter.h"

/* The C front end rewrites `return &x;` (and `return buf;`, `return &s.f;`,
   `return p + 8` for a local array, `return &param;`) into
   `return (&x, 0);` while parsing, so GIMPLE only ever sees `return 0B`.
   PLUGIN_PRE_GENERICIZE hands us each body before that information is
   lost for good; everything needed later is copied out of the trees here.
   The same walk notes which artificial variables are compound literals and
   where variable-length arrays are declared, which GIMPLE no longer says. */

static std::map<unsigned, esc_frontend_facts> facts_by_function; /* by DECL_UID */

/* Strip what c_finish_return strips before deciding that a return value
   is the address of a local: conversions, additions and subtractions of
   integers.  Returns the local's decl, or NULL_TREE. */
static tree returned_local(tree fndecl, tree value)
{
    tree inner = value;
    for (;;) {
        switch (TREE_CODE(inner)) {
        CASE_CONVERT:
        case NON_LVALUE_EXPR:
        case PLUS_EXPR:
        case POINTER_PLUS_EXPR:
            inner = TREE_OPERAND(inner, 0);
            continue;
        case MINUS_EXPR:
            if (POINTER_TYPE_P(TREE_TYPE(TREE_OPERAND(inner, 1))))
                return NULL_TREE;
            inner = TREE_OPERAND(inner, 0);
            continue;
        case ADDR_EXPR:
            inner = TREE_OPERAND(inner, 0);
            while (REFERENCE_CLASS_P(inner) && !INDIRECT_REF_P(inner))
                inner = TREE_OPERAND(inner, 0);
            if ((TREE_CODE(inner) == VAR_DECL || TREE_CODE(inner) == PARM_DECL) &&
                !DECL_EXTERNAL(inner) && !TREE_STATIC(inner) && DECL_CONTEXT(inner) == fndecl)
                return inner;
            return NULL_TREE;
        default:
            return NULL_TREE;
        }
    }
}

/* `return (&x, 0);` as the front end leaves it: RETURN_EXPR of
   MODIFY_EXPR (<retval>, COMPOUND_EXPR (address, 0)). */
static void check_return(tree fndecl, tree ret, esc_frontend_facts *facts)
{
    tree assign = TREE_OPERAND(ret, 0);
    if (!assign || (TREE_CODE(assign) != MODIFY_EXPR && TREE_CODE(assign) != INIT_EXPR))
        return;
    tree value = TREE_OPERAND(assign, 1);
    if (TREE_CODE(value) != COMPOUND_EXPR || !integer_zerop(TREE_OPERAND(value, 1)) ||
        !POINTER_TYPE_P(TREE_TYPE(value)))
        return;
    tree local = returned_local(fndecl, TREE_OPERAND(value, 0));
    if (!local)
        return;
    esc_erased_return r;
    r.loc = EXPR_HAS_LOCATION(ret) ? EXPR_LOCATION(ret) : EXPR_LOCATION(assign);
    r.decl_uid = DECL_UID(local);
    r.name = DECL_NAME(local) ? IDENTIFIER_POINTER(DECL_NAME(local)) : "";
    r.decl_loc = DECL_SOURCE_LOCATION(local);
    r.is_param = TREE_CODE(local) == PARM_DECL;
    r.is_vla = DECL_SIZE_UNIT(local) && !TREE_CONSTANT(DECL_SIZE_UNIT(local));
    facts->erased_returns.push_back(r);
}

static void note_vla(tree decl, esc_frontend_facts *facts)
{
    if (TREE_CODE(decl) != VAR_DECL || !DECL_NAME(decl) || !DECL_SIZE_UNIT(decl) ||
        TREE_CONSTANT(DECL_SIZE_UNIT(decl)) || is_global_var(decl))
        return;
    facts->vlas.emplace(IDENTIFIER_POINTER(DECL_NAME(decl)), DECL_SOURCE_LOCATION(decl));
}

/* The nodes met in one body's walk, by address: open addressing in a
   power-of-two table kept from body to body, each entry stamped with the
   walk that put it there, so that a new walk starts without clearing
   anything and entries of earlier walks read as empty.  GCC's hash_set,
   made anew for each body, spent 16 M instructions on sqlite3.c growing
   from 13 entries and hashing modulo a prime. */
class seen_nodes
{
    struct slot {
        tree node;
        unsigned walk;
    };
    std::vector<slot> slots;
    unsigned walk = 0;
    size_t count = 0;

    unsigned bits = 0; /* slots.size () is 1 << bits */

    /* Fibonacci hashing: the product's top bits mix all of the address. */
    size_t home(tree t) const
    {
        return (size_t)(((uint64_t)(uintptr_t)t * 0x9E3779B97F4A7C15u) >> (64 - bits));
    }
    void grow()
    {
        std::vector<slot> old(slots.size() * 2, slot{NULL_TREE, 0});
        old.swap(slots);
        bits++;
        for (const slot &s : old)
            if (s.walk == walk)
                place(s.node);
    }
    /* T, known not to be in the table. */
    void place(tree t)
    {
        size_t mask = slots.size() - 1, i = home(t);
        while (slots[i].walk == walk)
            i = (i + 1) & mask;
        slots[i] = slot{t, walk};
    }

  public:
    void start()
    {
        count = 0;
        if (slots.empty()) {
            slots.assign(1024, slot{NULL_TREE, 0});
            bits = 10;
        }
        if (++walk == 0) { /* after 2^32 walks: no stamp may repeat */
            std::fill(slots.begin(), slots.end(), slot{NULL_TREE, 0});
            walk = 1;
        }
    }
    /* Whether T was met before in this walk; it is from now on. */
    bool add(tree t)
    {
        if (2 * (count + 1) > slots.size())
            grow();
        size_t mask = slots.size() - 1;
        for (size_t i = home(t);; i = (i + 1) & mask) {
            if (slots[i].walk != walk) {
                slots[i] = slot{t, walk};
                count++;
                return false;
            }
            if (slots[i].node == t)
                return true;
        }
    }
    /* A table grown for one large body is not kept for the rest. */
    void finish()
    {
        if (slots.size() > 8192)
            std::vector<slot>().swap(slots);
    }
};

struct walk_data {
    tree fndecl;
    esc_frontend_facts *facts;
    seen_nodes *visited;
};

static tree scan_tree(tree *tp, int *walk_subtrees, void *data)
{
    walk_data *w = static_cast<walk_data *>(data);
    tree t = *tp;
    /* walk_tree_without_duplicates, but for decls and constants, half the
       nodes a body refers to and none of the codes looked for: they stay
       out of the table, so one met again is met again, and whatever
       walk_tree finds under it is in the table already and stops there.
       Every other node is walked once as before, the same nodes in the
       same order, as GENERIC shares subtrees. */
    enum tree_code_class kind = TREE_CODE_CLASS(TREE_CODE(t));
    if (kind == tcc_declaration || kind == tcc_constant)
        return NULL_TREE;
    if (w->visited->add(t)) {
        *walk_subtrees = 0;
        return NULL_TREE;
    }
    switch (TREE_CODE(t)) {
    case RETURN_EXPR:
        check_return(w->fndecl, t, w->facts);
        break;
    case DECL_EXPR:
        note_vla(DECL_EXPR_DECL(t), w->facts);
        break;
    case BIND_EXPR:
        for (tree v = BIND_EXPR_VARS(t); v; v = DECL_CHAIN(v))
            note_vla(v, w->facts);
        break;
    default:
        if (TREE_CODE(t) == (enum tree_code)COMPOUND_LITERAL_EXPR)
            w->facts->compound_literals.push_back(DECL_UID(COMPOUND_LITERAL_EXPR_DECL(t)));
        break;
    }
    return NULL_TREE;
}

void esc_scan_generic_body(tree fndecl)
{
    if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE(fndecl))
        return;
    static seen_nodes visited;
    visited.start();
    walk_data w = {fndecl, &facts_by_function[DECL_UID(fndecl)], &visited};
    walk_tree(&DECL_SAVED_TREE(fndecl), scan_tree, &w, nullptr);
    visited.finish();
}

const esc_frontend_facts *esc_frontend_facts_for(tree fndecl)
{
    auto it = facts_by_function.find(DECL_UID(fndecl));
    return it == facts_by_function.end() ? nullptr : &it->second;
}

void esc_frontend_facts_clear()
{
    facts_by_function.clear();
}
