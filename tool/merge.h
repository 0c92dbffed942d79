/* merge.h - several SARIF logs into one run per tool, rules and artifacts de-duplicated and
 * re-indexed. */
#ifndef ESC_TOOL_MERGE_H
#define ESC_TOOL_MERGE_H

#include <jansson.h>

/* A new log holding every run of LOGS (N of them), merged into one run per
   tool name: GitHub rejects an upload with several runs of one tool.  The
   rules and artifacts of a tool's runs are united (by id, and by uri and
   base) in sorted order, every ruleIndex and artifact index is rewritten
   to match, and results are sorted by place.  When two runs give one
   uriBaseId different URIs, the first wins and *CONFLICT names it. */
json_t *sarif_merge(json_t *const *logs, size_t n, const char **conflict);

#endif
