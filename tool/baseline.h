/* baseline.h - a new log against a baseline: which results are new, unchanged or gone. */
#ifndef ESC_TOOL_BASELINE_H
#define ESC_TOOL_BASELINE_H

#include <jansson.h>

/* Mark every result of CURRENT (a merged log: one run per tool) with
   "baselineState": "unchanged" if BASELINE has a result with the same
   key (rule and fingerprint, sarif_log.h), else "new"; append BASELINE's
   results that CURRENT lacks, marked "absent".  Keys are counted, so two
   identical findings where the baseline had one make one new.  Returns
   how many results are new. */
size_t sarif_mark_baseline(json_t *current, const json_t *baseline);

#endif
