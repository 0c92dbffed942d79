/* escape.h - the escape analysis: which stack addresses outlive their frame, and how. */
#ifndef ESC_ESCAPE_H
#define ESC_ESCAPE_H

#include "core/summaries/result.h"

struct esc_call_context;
struct esc_summary;
struct esc_summary_table;

/* Analyse every function of M, callees before callers (summarize.c), with
   calls to external functions resolved against MODELS (may be NULL) and
   the built-in library table, and the user's settings CONFIG (NULL: the
   defaults).  Completes each function's object table (allocation sites,
   kept objects) as a side effect.  When SUMMARIES is
   not NULL it receives every function's summary (caller frees with
   esc_summary_table_free). */
void esc_analyze_module(struct esc_module *m, const struct esc_summary_table *models,
                        const struct esc_config *config, struct esc_results *out,
                        struct esc_summary_table *summaries);

/* Analyse one function with calls resolved through CALLEES (may be NULL).
   When SUMMARY is not NULL, what the function does with its parameters is
   added to it (it only grows, so iterating to a fixed point terminates). */
void esc_analyze_function(struct esc_module *m, struct esc_function *fn,
                          const struct esc_call_context *callees, struct esc_summary *summary,
                          struct esc_function_result *out);

#endif
