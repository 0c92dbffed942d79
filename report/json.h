/* json.h - the JSON report of a translation unit: summaries, verdicts and diagnostics
 * (docs/json.md). */
#ifndef ESC_JSON_H
#define ESC_JSON_H

#include "core/summaries/result.h"
#include "core/summaries/summary.h"

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

/* The report of module M as JSON text in format "gcc-escape-summary/2",
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

/* Pieces other JSON writers share (record.c). */
struct esc_diag;
struct esc_leak_why;
/* "file", "line" and "column" members for LOC, those it knows. */
void esc_json_set_loc(json_t *obj, struct esc_loc loc);
/* D's notes as [{"file", "line", "column", "message"}], leaving out
   notes of kind SKIP_KIND (-1: none). */
json_t *esc_json_notes(const struct esc_diag *d, int skip_kind);
/* One leak of a parameter: {"to", "level", "param"?, "why"?}; OTHER is
   the 0-based parameter of a param leak, or -1. */
json_t *esc_json_leak(const struct esc_function *fn, unsigned level, unsigned sink, int64_t other,
                      const struct esc_leak_why *why);

#endif
