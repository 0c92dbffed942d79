/* sarif.h - the SARIF 2.1.0 log of a translation unit, for code scanning and review tools
 * (docs/sarif.md). */
#ifndef ESC_SARIF_H
#define ESC_SARIF_H

#include "report/json.h"

/* One run of tool "gcc-escape" with every rule and every finding that GCC
   showed or that was suppressed (with a suppressions entry), as SARIF
   2.1.0 text (caller frees; NULL when out of memory).  Paths under
   INFO->source_root become relative URIs against base id SRCROOT. */
char *esc_report_sarif(const struct esc_results *results, const struct esc_report_info *info);

/* The same log built one result at a time (gcc-escape link): begin,
   add each result with its rendered text, then end, which returns the
   text (NULL when out of memory) and releases the builder. */
struct esc_diag;
struct esc_sarif_log;
struct esc_sarif_result {
    enum esc_rule rule;
    const char *function; /* the logical location */
    struct esc_loc loc;
    enum esc_suppression suppressed;
    uint64_t occurrence; /* earlier results of the function that read the same */
    /* Whether the address may be read again (readers.c): NEVER is a
       "note" of low rank, whatever the plugin's level. */
    enum esc_read_verdict read;
};
struct esc_sarif_log *esc_sarif_begin(const struct esc_report_info *info);
void esc_sarif_add(struct esc_sarif_log *log, const struct esc_sarif_result *result,
                   const struct esc_diag *d);
char *esc_sarif_end(struct esc_sarif_log *log);

#endif
