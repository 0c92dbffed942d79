/* json.h - the JSON report of a translation unit: summaries, verdicts and diagnostics
 * (docs/json.md). */
#ifndef ESC_JSON_H
#define ESC_JSON_H

#include "../core/escape.h"
#include "../core/summary.h"

/* What a report is about, and what wrote it. */
struct esc_report_info {
    const char *source;      /* the translation unit's main file, or NULL */
    const char *version;     /* gcc-escape's */
    const char *gcc_version; /* the compiler's, or NULL */
    /* SARIF: the directory relative paths are relative to (the compiler's
       working directory), and the project's home page. */
    const char *source_root;
    const char *homepage;
};

/* The report of module M as JSON text in format "gcc-escape-summary/1",
   the format model files use, so a report can be read back as one
   (caller frees).  SUMMARIES holds one summary per function of M, in
   order (esc_analyze_module); findings say whether they were shown. */
char *esc_report_json(const struct esc_module *m, const struct esc_results *results,
                      const struct esc_summary_table *summaries,
                      const struct esc_report_info *info);

/* ROOT as indented JSON text ending in a newline, or NULL when out of
   memory; ROOT is released either way (caller frees the text). */
typedef struct json_t json_t;
char *esc_json_finish(json_t *root);

#endif
