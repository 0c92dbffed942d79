/* attributes.cc - noescape, lifetimebound and escape_suppress: their checks and meaning. */
#include "plugin/adapter.h"

/* Both attributes are registered with decl_required, so their handlers
   only ever see declarations: GCC itself passes an attribute written on a
   pointer declarator (`int *__attribute__((noescape)) p`) on to the
   declaration, and warns when it is written on a type alone.

   noescape follows Clang: the callee does not let the pointer outlive the
   call.  Where the C front end keeps it decides which declarations work:

   - A function definition keeps its own PARM_DECLs in DECL_ARGUMENTS for
     as long as it has a body, so the definition's attributes are read
     there at any time.
   - A prototype's PARM_DECLs are in DECL_ARGUMENTS only while the unit is
     parsed (GCC 11 and later put them there for -Warray-parameter); a
     later definition replaces them, and GCC drops them from functions
     without a body before the passes run.  So they are copied out at
     PLUGIN_FINISH_DECL, by DECL_UID, which the front end keeps when it
     merges redeclarations into the first declaration.
   - A redeclaration's parameters are never attached to the merged
     FUNCTION_DECL.  The PARM_DECLs finished since the last other
     declaration are this declarator's parameter lists (its own, and those
     of function pointers inside it, each chained by DECL_CHAIN); the one
     whose types are the function's parameter types, first in source
     order, is its own.  No list nested in the own list can have the same
     types, since it is part of one of them; a list after it (a returned
     function pointer's) loses to it by order.

   Function pointer types keep no PARM_DECLs at all, so a noescape on a
   function pointer's parameter has no effect (calls through pointers are
   not trusted either way).

   lifetimebound is Clang's spelling for the other direction: the result
   may point into what that argument points to (`char *skip (char *s
   __attribute__((lifetimebound)))`), so `return skip (buf);` returns the
   address of a local.  It is registered so that the same source builds
   with GCC, and kept on the parameters exactly as noescape is. */

namespace
{

const char noescape_name[] = "noescape";
const char lifetimebound_name[] = "lifetimebound";
const char suppress_name[] = "escape_suppress";

tree handle_noescape(tree *node, tree name, tree, int, bool *no_add_attrs)
{
    if (TREE_CODE(*node) != PARM_DECL || !POINTER_TYPE_P(TREE_TYPE(*node))) {
        warning_at(DECL_SOURCE_LOCATION(*node), OPT_Wattributes,
                   "%qE attribute only applies to pointer parameters", name);
        *no_add_attrs = true;
    }
    return NULL_TREE;
}

tree handle_lifetimebound(tree *node, tree name, tree, int, bool *no_add_attrs)
{
    if (TREE_CODE(*node) != PARM_DECL || !POINTER_TYPE_P(TREE_TYPE(*node))) {
        warning_at(DECL_SOURCE_LOCATION(*node), OPT_Wattributes,
                   "%qE attribute only applies to pointer parameters", name);
        *no_add_attrs = true;
    }
    return NULL_TREE;
}

/* A narrow string without embedded NULs, the only way to name a rule. */
bool is_plain_string(tree value)
{
    if (TREE_CODE(value) != STRING_CST)
        return false;
    tree elt = TREE_TYPE(TREE_TYPE(value));
    return elt && TYPE_PRECISION(elt) == TYPE_PRECISION(char_type_node) &&
           strlen(TREE_STRING_POINTER(value)) + 1 == (size_t)TREE_STRING_LENGTH(value);
}

/* A bad argument drops the whole attribute (never half of it): the
   findings it meant to silence stay visible next to the warning. */
tree handle_escape_suppress(tree *node, tree name, tree args, int, bool *no_add_attrs)
{
    location_t loc = DECL_SOURCE_LOCATION(*node);
    if (TREE_CODE(*node) != FUNCTION_DECL) {
        warning_at(loc, OPT_Wattributes, "%qE attribute only applies to functions", name);
        *no_add_attrs = true;
        return NULL_TREE;
    }
    unsigned position = 1;
    for (tree a = args; a; a = TREE_CHAIN(a), position++) {
        tree value = TREE_VALUE(a);
        if (!is_plain_string(value)) {
            warning_at(loc, OPT_Wattributes,
                       "argument %u of attribute %qE is not a rule id string; valid rules: %s",
                       position, name, esc_rule_ids());
            *no_add_attrs = true;
        } else if (esc_rule_from_id(TREE_STRING_POINTER(value)) < 0) {
            warning_at(loc, OPT_Wattributes, "unknown rule %qs in attribute %qE; valid rules: %s",
                       TREE_STRING_POINTER(value), name, esc_rule_ids());
            *no_add_attrs = true;
        }
    }
    return NULL_TREE;
}

/* name, min args, max args (-1: any), decl_required, type_required,
   function_type_required, affects_type_identity, handler, exclusions */
const struct attribute_spec noescape_spec = {noescape_name,   0,      0, true, false, false, false,
                                             handle_noescape, nullptr};
const struct attribute_spec lifetimebound_spec = {
    lifetimebound_name, 0, 0, true, false, false, false, handle_lifetimebound, nullptr};
const struct attribute_spec suppress_spec = {
    suppress_name, 0, -1, true, false, false, false, handle_escape_suppress, nullptr};

/* What a parameter is declared: bits of the attributes above. */
enum param_attr {
    PARAM_NOESCAPE = 1u << 0,
    PARAM_LIFETIMEBOUND = 1u << 1,
};

/* The attributes of each function's parameters (by 0-based index), by
   DECL_UID, from the prototypes and redeclarations the unit has seen. */
std::map<unsigned, std::vector<unsigned char>> declared_params;

/* The PARM_DECLs finished since the last declaration that was not a
   parameter.  Cleared at every other declaration and around function
   bodies: the garbage collector may free a list nothing else refers to
   after a function definition, so none is kept across one. */
std::vector<tree> recent_parms;

unsigned param_attrs(tree parm)
{
    if (TREE_CODE(parm) != PARM_DECL)
        return 0;
    unsigned attrs = 0;
    if (lookup_attribute(noescape_name, DECL_ATTRIBUTES(parm)) != NULL_TREE)
        attrs |= PARAM_NOESCAPE;
    if (lookup_attribute(lifetimebound_name, DECL_ATTRIBUTES(parm)) != NULL_TREE)
        attrs |= PARAM_LIFETIMEBOUND;
    return attrs;
}

void record_param_attrs(tree fndecl, tree parms)
{
    unsigned index = 0;
    for (tree p = parms; p; p = DECL_CHAIN(p), index++) {
        unsigned attrs = param_attrs(p);
        if (!attrs)
            continue;
        std::vector<unsigned char> &flags = declared_params[DECL_UID(fndecl)];
        if (flags.size() <= index)
            flags.resize(index + 1);
        flags[index] |= (unsigned char)attrs;
    }
}

/* Are PARMS, one by one, the parameter types of FNTYPE? */
bool declares_parameters_of(tree fntype, tree parms)
{
    tree types = TYPE_ARG_TYPES(fntype);
    for (tree p = parms; p; p = DECL_CHAIN(p), types = TREE_CHAIN(types)) {
        if (!types || VOID_TYPE_P(TREE_VALUE(types)) || TREE_TYPE(p) == error_mark_node ||
            TYPE_MAIN_VARIANT(TREE_TYPE(p)) != TYPE_MAIN_VARIANT(TREE_VALUE(types)))
            return false;
    }
    return !types || VOID_TYPE_P(TREE_VALUE(types));
}

/* A redeclaration: its own parameter list is among recent_parms (see the
   top of the file). */
void record_redeclared_params(tree fndecl)
{
    bool any = false;
    for (tree p : recent_parms)
        any |= param_attrs(p) != 0;
    if (!any || TREE_CODE(TREE_TYPE(fndecl)) != FUNCTION_TYPE)
        return;
    std::vector<tree> chained;
    for (tree p : recent_parms)
        if (DECL_CHAIN(p))
            chained.push_back(DECL_CHAIN(p));
    for (tree head : recent_parms) {
        if (std::find(chained.begin(), chained.end(), head) != chained.end())
            continue; /* not the first of its list */
        if (declares_parameters_of(TREE_TYPE(fndecl), head)) {
            record_param_attrs(fndecl, head);
            return;
        }
    }
}

} // namespace

void esc_register_attributes(void *, void *)
{
    register_attribute(&noescape_spec);
    register_attribute(&lifetimebound_spec);
    register_attribute(&suppress_spec);
}

void esc_note_declaration(void *gcc_data, void *)
{
    tree decl = static_cast<tree>(gcc_data);
    if (!decl || decl == error_mark_node)
        return;
    if (TREE_CODE(decl) == PARM_DECL) {
        recent_parms.push_back(decl);
        return;
    }
    if (TREE_CODE(decl) == FUNCTION_DECL) {
        record_param_attrs(decl, DECL_ARGUMENTS(decl)); /* the first prototype's own */
        record_redeclared_params(decl);
    }
    recent_parms.clear();
}

void esc_forget_parameter_lists(void *, void *)
{
    recent_parms.clear();
}

/* The attributes of parameter PARM (INDEX) of FNDECL: its own, or a
   prototype's. */
static unsigned parm_attrs(tree fndecl, tree parm, unsigned index)
{
    unsigned attrs = parm ? param_attrs(parm) : 0;
    auto it = declared_params.find(DECL_UID(fndecl));
    if (it != declared_params.end() && index < it->second.size())
        attrs |= it->second[index];
    return attrs;
}

static unsigned nth_param_attrs(tree fndecl, unsigned index)
{
    if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL)
        return 0;
    unsigned i = 0;
    tree parm = NULL_TREE;
    for (tree p = DECL_ARGUMENTS(fndecl); p && !parm; p = DECL_CHAIN(p), i++)
        if (i == index)
            parm = p;
    return parm_attrs(fndecl, parm, index);
}

bool esc_param_noescape(tree fndecl, unsigned index)
{
    return nth_param_attrs(fndecl, index) & PARAM_NOESCAPE;
}

bool esc_param_lifetimebound(tree fndecl, unsigned index)
{
    return nth_param_attrs(fndecl, index) & PARAM_LIFETIMEBOUND;
}

bool esc_parm_noescape(tree fndecl, tree parm, unsigned index)
{
    return parm_attrs(fndecl, parm, index) & PARAM_NOESCAPE;
}

/* Does one escape_suppress attribute name RULE?  Its arguments were
   checked by the handler: no arguments means every rule. */
static bool names_rule(tree args, enum esc_rule rule)
{
    if (!args)
        return true;
    for (tree a = args; a; a = TREE_CHAIN(a))
        if (esc_rule_from_id(TREE_STRING_POINTER(TREE_VALUE(a))) == (int)rule)
            return true;
    return false;
}

bool esc_attribute_suppresses(tree fndecl, enum esc_rule rule)
{
    /* A nested function is written inside its parent, so the parent's
       attribute covers it too. */
    for (tree fn = fndecl; fn && TREE_CODE(fn) == FUNCTION_DECL; fn = decl_function_context(fn))
        for (tree a = lookup_attribute(suppress_name, DECL_ATTRIBUTES(fn)); a;
             a = lookup_attribute(suppress_name, TREE_CHAIN(a)))
            if (names_rule(TREE_VALUE(a), rule))
                return true;
    return false;
}
