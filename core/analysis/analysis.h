/* analysis.h - one function's analysis under way, shared by the driver, leaks.c and crossunit.c. */
#ifndef ESC_ANALYSIS_H
#define ESC_ANALYSIS_H

/* Internal to escape.c (the driver and the search for escapes), leaks.c
   (what the function's summary says) and crossunit.c (what only other
   units can settle): the state they share while one function is
   analysed.  Nothing else includes it. */

#include "core/solve/flows.h"
#include "core/solve/pointsto.h"
#include "core/refine/refine.h"
#include "core/summaries/result.h"
#include "core/summaries/summary.h"

struct flow_list {
    uint32_t n, cap;
    uint32_t *items;
};

struct analysis {
    struct esc_function *fn;
    struct esc_summary *summary; /* this function's, being computed; may be NULL */
    struct esc_flows flows;
    struct esc_pointsto pt;
    struct flow_list *writers;    /* per escaping-capable object: stores that may write it */
    bool *escaping;               /* per object */
    uint32_t *escape_parent;      /* heap objects: the escaping object they were stored in */
    struct esc_step **heap_steps; /* heap objects: how they escape */
    uint32_t *nheap_steps;
    struct esc_bitset carriable; /* the objects a carried set is searched for */
    struct esc_refine refine;    /* persistence, feasible paths: refine.h */
    struct esc_function_result *out;
    struct deep_index *deep; /* deepfields.c's, built on the first level-1 leak */
};

/* The objects that outlive the frame by themselves: the roots of the search. */
static inline bool is_root(const struct esc_object *o)
{
    switch (o->kind) {
    case ESC_OBJ_RETURN:
    case ESC_OBJ_STATIC:
    case ESC_OBJ_STATIC_REACH:
    case ESC_OBJ_CALLER:
    case ESC_OBJ_KEPT:
        return true;
    default:
        return false;
    }
}

static inline bool can_escape(const struct esc_object *o)
{
    return is_root(o) || o->kind == ESC_OBJ_HEAP;
}

/* Per object of the function, the flows that may store into it: only
   objects that can escape (and EXTERNAL ones) unless EVERY_OBJECT
   (escape.c).  The caller frees each list and the array. */
struct flow_list *esc_index_writers(const struct analysis *a, bool every_object);

/* Record that stack object OBJ escapes through flow FLOW into SINK, along
   STEPS (taken over); returns the finding (escape.c). */
struct esc_finding *esc_report(struct analysis *a, uint32_t obj, uint32_t flow, uint32_t sink,
                               struct esc_step *steps, uint32_t nsteps);

/* One finding per source return (returns.c): a return GCC merged from
   several source returns is reported at each of them that gives OBJ's
   address (true when it did so, taking STEPS over); findings of one
   source return for several objects become one, the first, naming the
   others. */
bool esc_report_source_returns(struct analysis *a, uint32_t obj, uint32_t flow,
                               struct esc_step *steps, uint32_t nsteps);
void esc_merge_same_returns(struct esc_function_result *out);

/* The objects flow F carries, into OUT (cleared first), less the one a
   branch ruled out (escape.c). */
void esc_read_carried(struct analysis *a, const struct esc_flow *f, struct esc_bitset *out);

/* A copy of N steps (NULL for none). */
struct esc_step *esc_steps_copy(const struct esc_step *steps, uint32_t n);

/* Parameter object O (its pointee, or deeper memory) is carried by flow
   ID into escaping object W: a leak for the function's summary (leaks.c). */
void esc_record_leak(struct analysis *a, uint32_t o, uint32_t id, uint32_t w);

/* Parameter PARAM's pointee's pointers leak through flow ID: record in
   the summary the fields of the pointee they can be loaded from
   (deepfields.c).  esc_deep_fields_free releases what it built. */
void esc_note_deep_fields(struct analysis *a, uint32_t param, uint32_t id);
void esc_deep_fields_free(struct analysis *a);

/* Complete the function's summary once its escapes are known: frees and
   unknown calls, the places it writes, its return value, and the
   noescape promises it breaks (leaks.c). */
void esc_summarize_function(struct analysis *a);

/* What reaches calls into other translation units, for gcc-escape link
   (crossunit.c). */
void esc_collect_cross_unit_facts(struct analysis *a);

/* The notes of the function's test probes, from the analysis's final
   state (probes.c). */
void esc_answer_probes(struct analysis *a);

#endif
