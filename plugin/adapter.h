/* adapter.h - what the adapter's files share: the unit's IR, front-end facts, options. */
#ifndef ESC_ADAPTER_H
#define ESC_ADAPTER_H

#include "plugin/gcc-compat.h"

extern "C" {
#include "core/ir/ir.h"
#include "core/analysis/escape.h"
#include "core/analysis/arguments.h"
}

/* The IR of the translation unit being compiled, filled function by
   function by the lowering pass and analysed once at the end. */
extern struct esc_module *esc_unit;
extern struct esc_options esc_opts;

/* A return the C front end rewrote to `return (&x, 0)` before GIMPLE:
   everything about it is copied here, since the trees may be gone by the
   time the function is lowered. */
struct esc_erased_return {
    location_t loc;
    unsigned decl_uid;
    std::string name;
    location_t decl_loc;
    bool is_param;
    bool is_vla;
};

/* What PRE_GENERICIZE saw in one function body. */
struct esc_frontend_facts {
    std::vector<esc_erased_return> erased_returns;
    std::vector<unsigned> compound_literals; /* DECL_UIDs */
    std::map<std::string, location_t> vlas;  /* variable-length arrays by name */
};

/* frontend.cc */
void esc_scan_generic_body(tree fndecl);
const esc_frontend_facts *esc_frontend_facts_for(tree fndecl);
void esc_frontend_facts_clear();

/* constants.cc: the value of integer T, when the definitions it goes
   through make it a constant (an allocation size). */
bool esc_fold_integer(tree t, HOST_WIDE_INT *out);

/* lower.cc: one function, right after SSA construction. */
void esc_lower_function(function *fun);

/* unused.cc: at -O0, is FNDECL a function GCC would have removed before
   any pass at -O1 and up (a static function nothing reachable uses)? */
bool esc_dropped_when_optimizing(tree fndecl);

/* param-tests.cc: what branches and call arguments say about the values
   of FN's parameters (core/analysis/specialize.c), while FUN is lowered. */
struct esc_param_facts {
    struct esc_function *fn;
    function *fun;
    const std::vector<uint32_t> *blocks; /* GCC's basic block index -> block, or ESC_NONE */
    std::map<tree, int> parms;           /* PARM_DECL -> index, filled on first use */
};
/* The block lowered from BB, or ESC_NONE (the entry and exit blocks).  A
   vector by GCC's index, not a map: it is asked for every edge. */
inline uint32_t esc_block_of(const std::vector<uint32_t> &blocks, basic_block bb)
{
    return (size_t)bb->index < blocks.size() ? blocks[bb->index] : ESC_NONE;
}
/* How a parameter of TYPE is compared: its width (0: not an integer or
   pointer) and signedness (esc_param's value_bits, value_unsigned). */
void esc_param_value_kind(tree type, uint8_t *bits, bool *is_unsigned);
/* G, the last statement of BLOCK: a condition or switch on a parameter. */
void esc_lower_param_test(esc_param_facts &p, uint32_t block, gimple *g);
/* G, call statement STMT of the function: its constant and passed-on arguments. */
void esc_lower_arg_sources(esc_param_facts &p, uint32_t stmt, gcall *g);

/* link-tests.cc: is FNDECL, already in SSA form, a predicate on a link of
   its pointer parameter PARAM: does it return whether the pointer at
   OFFSET bytes into what PARAM points to is (EQUAL) or is not PARAM
   itself, and do nothing else (`list_empty`)? */
struct esc_link_test {
    int param;
    HOST_WIDE_INT offset;
    bool equal;
};
bool esc_link_predicate(tree fndecl, esc_link_test *test);

/* const-calls.cc: the return of FUNCTION's body when it is, in SSA form,
   a straight line of assignments to SSA names ending in a return; else
   NULL. */
greturn *esc_straight_line_return(function *f);
/* The constant FNDECL, a function of this unit with internal linkage and
   such a body, always returns; else NULL_TREE. */
tree esc_constant_result(tree fndecl);
/* Is E an edge of a condition whose outcome is known, the one that is
   never taken (`if (!always_true (x))`)? */
bool esc_edge_ruled_out(edge e);

/* diagnose.cc: turn the core's findings into GCC diagnostics, minus the
   suppressed ones (each finding records whether it was shown), and with
   verbose, the verdicts of SUMMARIES' functions. */
struct esc_summary_table;
void esc_emit_diagnostics(struct esc_results *results, const struct esc_summary_table *summaries);
/* "escape-return, escape-global, ...": every rule id, for messages. */
const char *esc_rule_ids();

/* report-files.cc: the files -fplugin-arg-escape-json asks for, after the
   diagnostics; with RESULTS NULL, an empty report (a unit without
   functions). */
void esc_write_reports(const struct esc_results *results,
                       const struct esc_summary_table *summaries);
/* At start-up, before any work: every report path can be written, the
   two are not one file, and none is the source, the compiler's output or
   a model file (one error each, false).  A report that exists already is
   watched for while the unit includes its headers (PLUGIN_INCLUDE_FILE,
   registered for PLUGIN_NAME). */
bool esc_check_reports(const char *plugin_name);

/* section.cc: -fplugin-arg-escape-embed.  The record is made after the
   analysis (RESULTS NULL: a unit without functions) and written into the
   assembly at PLUGIN_FINISH_UNIT, the last moment GCC allows. */
void esc_embed_prepare(const struct esc_results *results,
                       const struct esc_summary_table *summaries);
void esc_embed_write(void *gcc_data, void *user_data);

/* attributes.cc: __attribute__((noescape)) and __attribute__((escape_suppress)).
   The first three are GCC callbacks: PLUGIN_ATTRIBUTES; PLUGIN_FINISH_DECL;
   PLUGIN_START_PARSE_FUNCTION and PLUGIN_FINISH_PARSE_FUNCTION. */
void esc_register_attributes(void *gcc_data, void *user_data);
void esc_note_declaration(void *gcc_data, void *user_data);
void esc_forget_parameter_lists(void *gcc_data, void *user_data);
/* Is parameter INDEX (0-based) of FNDECL declared noescape, on its
   definition or on any prototype the unit has seen? */
bool esc_param_noescape(tree fndecl, unsigned index);
/* Is parameter INDEX of FNDECL declared noescape, and lifetimebound (the
   result may point into what it points to)?  Both at once, for a call. */
void esc_param_attributes(tree fndecl, unsigned index, bool *noescape, bool *lifetimebound);
/* The same for PARM, FNDECL's parameter number INDEX, without walking
   the parameter list (a function may have thousands). */
bool esc_parm_noescape(tree fndecl, tree parm, unsigned index);
/* Does escape_suppress on FNDECL, or on a function it is nested in,
   silence RULE? */
bool esc_attribute_suppresses(tree fndecl, enum esc_rule rule);

/* allocators.cc: what FNDECL's declaration says about the memory it
   returns (GCC's malloc, alloc_size, malloc (dealloc)), recorded in M for
   the core when it declares a fresh-memory allocator. */
void esc_note_allocator(struct esc_module *m, tree fndecl);

/* pragma.cc: #pragma escape.  The first is the PLUGIN_PRAGMAS callback. */
void esc_register_pragmas(void *gcc_data, void *user_data);
/* Do the #pragma escape directives before LOC, in LOC's file, silence RULE? */
bool esc_pragma_suppresses(location_t loc, enum esc_rule rule);

/* Source locations travel through the core as opaque handles. */
struct esc_loc esc_loc_from_gcc(location_t loc);

#endif
