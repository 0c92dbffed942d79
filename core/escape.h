/* escape.h - the escape analysis: which stack addresses outlive their frame, and how. */
#ifndef ESC_ESCAPE_H
#define ESC_ESCAPE_H

#include "ir.h"
#include "rules.h"

/* One step of a flow path, from where an address is taken to where it
   escapes: the statement, what received the pointer and where it came from. */
struct esc_step {
    uint8_t reason; /* enum esc_flow_reason */
    uint8_t arg;    /* call argument (1-based) the pointer came from, or 0 */
    uint8_t level;  /* call steps from a summary: 1 if from what the argument points to */
    uint32_t stmt;
    struct esc_loc loc;
    struct esc_operand dst, src;
    const char *callee; /* call steps: the callee's name, if known */
};

struct esc_finding {
    enum esc_rule rule;
    uint32_t object; /* the stack object whose address escapes */
    uint32_t stmt;   /* the escaping statement */
    uint32_t sink;   /* where it goes: the RETURN, STATIC, STATIC_REACH, CALLER or HEAP object */
    struct esc_loc loc;
    uint32_t nsteps;
    struct esc_step *steps; /* address taken ... escaping statement */
    /* escape-heap: how the heap object `sink` itself outlives the frame. */
    uint32_t heap_root; /* the RETURN, STATIC, STATIC_REACH or CALLER object it reaches */
    uint32_t nheap_steps;
    struct esc_step *heap_steps;
    /* escape-call, escape-thread through a summarised callee: how the
       callee lets the argument go (owned by the callee's summary). */
    const struct esc_leak_why *callee_why;
};

struct esc_function_result {
    const struct esc_function *fn;
    const char *skipped; /* why the function was not analysed, or NULL */
    uint32_t nfindings, cap_findings;
    struct esc_finding *findings; /* in source order */
};

struct esc_results {
    uint32_t nfunctions;
    struct esc_function_result *functions; /* parallel to the module's functions */
};

struct esc_callees;
struct esc_summary;
struct esc_leak_why;
struct esc_summary_table;

/* Analyse every function of M, callees before callers (interproc.c), with
   calls to external functions resolved against MODELS (may be NULL) and
   the built-in library table.  Completes each function's object table
   (allocation sites, kept objects) as a side effect.  When SUMMARIES is
   not NULL it receives every function's summary (caller frees with
   esc_summary_table_free). */
void esc_analyze_module(struct esc_module *m, const struct esc_summary_table *models,
                        struct esc_results *out, struct esc_summary_table *summaries);

/* Analyse one function with calls resolved through CALLEES (may be NULL).
   When SUMMARY is not NULL, what the function does with its parameters is
   added to it (it only grows, so iterating to a fixed point terminates). */
void esc_analyze_function(struct esc_module *m, struct esc_function *fn,
                          const struct esc_callees *callees, struct esc_summary *summary,
                          struct esc_function_result *out);
void esc_results_free(struct esc_results *results);
void esc_function_result_free(struct esc_function_result *r);

#endif
