/* sarif.h - the SARIF 2.1.0 log of a translation unit, for code scanning and review tools
 * (docs/sarif.md). */
#ifndef ESC_SARIF_H
#define ESC_SARIF_H

#include "json.h"

/* One run of tool "gcc-escape" with every rule and every finding that GCC
   showed or that was suppressed (with a suppressions entry), as SARIF
   2.1.0 text (caller frees; NULL when out of memory).  Paths under
   INFO->source_root become relative URIs against base id SRCROOT. */
char *esc_report_sarif(const struct esc_results *results, const struct esc_report_info *info);

#endif
