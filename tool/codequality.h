/* codequality.h - SARIF results as a GitLab Code Quality report. */
#ifndef ESC_TOOL_CODEQUALITY_H
#define ESC_TOOL_CODEQUALITY_H

#include <jansson.h>

/* GitLab's Code Quality JSON (an array of issues: description,
   check_name, fingerprint, severity, location.path, location.lines.begin)
   for every result of LOG that is not absent or suppressed.  URIs
   relative to a base id stay relative, as GitLab wants repository
   paths. */
json_t *sarif_to_codequality(const json_t *log);

#endif
